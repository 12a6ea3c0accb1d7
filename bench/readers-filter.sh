#!/usr/bin/env bash
# The readers' filter kept as a bit set per segment against the same filter read as a posting list (ADR 0076; not a
# test): the 地区 count and the ranking's first stage of each query, on two searchers of one reader of an existing
# index (bench/perf-table.sh leaves one in OUT/data/index), alternated in rounds. Prints µs per query for both and
# the ratios, medians of the later rounds; fails when the two find different counts or hits.
#
#   bench/readers-filter.sh INDEX_DIR QUERY_FILE [QUERIES=2000] [ROUNDS=10]
#   bench/readers-filter.sh bench/out/perf-h2-realistic-1000000/data/index bench/out/perf-h2-realistic-1000000/queries-titles.txt
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,8p "$0"; exit 2; }
. bench/lib.sh
test_main org.shegong.search.query.ReadersFilterBench "$@"
