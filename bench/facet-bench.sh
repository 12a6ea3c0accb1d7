#!/usr/bin/env bash
# The 地区 facet's counting alone (not a test): RegionFacets (kept province masks added to byte-wide counters in
# batches, ADR 0078) against the two counters before it, the same masks added by bit-sliced carries (ADR 0077) and the
# kept ordinal arrays (ADR 0072), alternated in rounds on one searcher of an existing index (bench/perf-table.sh leaves
# one in OUT/data/index). Prints µs per query for each, the ratios (medians of the later rounds) and the memory kept;
# fails when they count differently.
#
#   bench/facet-bench.sh INDEX_DIR QUERY_FILE [QUERIES=2000] [ROUNDS=10]
#   bench/facet-bench.sh bench/out/perf-h2-realistic-100000/data/index bench/out/perf-h2-realistic-100000/queries-titles.txt
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,7p "$0"; exit 2; }
. bench/lib.sh
test_main org.shegong.search.query.RegionFacetsBench "$@"
