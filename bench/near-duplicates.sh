#!/usr/bin/env bash
# Near-duplicate detection (issue 15, docs/adr/0035): time per check and size of the band index at N articles.
# Fills an H2 file with N fingerprints and their 8 band rows each (once; reused while N stays the same), then times
# CHECKS checks of 1,000-character texts (fingerprint + band lookup + distance) and one cluster report.
#
#   bench/near-duplicates.sh [N=1000000] [CHECKS=2000]     (BENCH_CLUSTERS=0 skips the cluster report)
#
# The database goes to $BENCH_DIR (default /tmp/shegong-dup-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
CHECKS=${2:-2000}
DIR=${BENCH_DIR:-/tmp/shegong-dup-bench}
mkdir -p "$DIR"
. bench/lib.sh
test_main org.shegong.content.similar.NearDuplicatesBench "$N" "$DIR" "$CHECKS"
