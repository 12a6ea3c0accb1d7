#!/usr/bin/env bash
# Cost of a change to a big column for the next reader, before and after incremental page anchors (issue 6,
# docs/adr/0017). Fills an H2 file with one column of N items (once; reused while N stays the same), then makes
# each kind of change ROUNDS times and prints the median time to the first page after it, both ways.
#
#   bench/listing-change.sh [N=450000] [ROUNDS=7]
#
# The database goes to $BENCH_DIR (default /tmp/shegong-listing-bench); heap -Xmx512m as the server's benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-450000}
ROUNDS=${2:-7}
DIR=${BENCH_DIR:-/tmp/shegong-listing-bench}
mkdir -p "$DIR"
./mvnw -q -B test-compile -DskipTests
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$CP" org.shegong.content.ListingChangeBench "$N" "$DIR" "$ROUNDS"
