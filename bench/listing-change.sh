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
. bench/lib.sh
N=${1:-450000}
ROUNDS=${2:-7}
DIR=${BENCH_DIR:-/tmp/shegong-listing-bench}
mkdir -p "$DIR"
test_main org.shegong.content.ListingChangeBench "$N" "$DIR" "$ROUNDS"
