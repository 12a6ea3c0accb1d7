#!/usr/bin/env bash
# Region tagging rate (issue 13, docs/adr/0022): tags N generated articles (default 1,000,000) on T threads
# (default 1) with -Xmx512m and prints articles/s. The articles are built from shared/samples/articles.jsonl.
#
#   bench/region-tagging.sh [N=1000000] [THREADS=1] [SAMPLES=/work/shared/samples/articles.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
THREADS=${2:-1}
SAMPLES=${3:-/work/shared/samples/articles.jsonl}
./mvnw -q -B test-compile -DskipTests
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$CP" \
  org.shegong.region.tagging.RegionTaggerBench "$N" "$THREADS" "$SAMPLES"
