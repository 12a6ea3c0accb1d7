#!/usr/bin/env bash
# What reading a search hit's stored fields costs, Lucene's default stored fields against PlainStoredFieldsCodec
# (ADR 0074). Copies INDEX_DIR (a perf-table.sh run leaves one in OUT/data/index; stop any server on it first) into a
# temporary directory with the plain codec, then reads random documents from both, alternated.
#
#   bench/stored-fields.sh INDEX_DIR [DOCS=20000] [ROUNDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile -DskipTests
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$CP" org.shegong.search.index.StoredFieldsBench \
  "$(realpath "$1")" "${2:-20000}" "${3:-10}"
