#!/usr/bin/env bash
# The database reads of an uncached article page, for random ids, on two H2 files holding the same articles stored
# differently (for example one built with PAGE_SIZE=4096 in its URL, ADR 0084): both open in one JVM, alternated
# round by round; prints the median CPU per article of each and the ratio (not a test). Build the two with
# perf-table.sh (DATA_ONLY=1, a second OUT, SHEGONG_DB_URL naming the setting) and pass their data directories.
#
#   bench/article-lookups.sh DATA_A DATA_B MAX_ID [SECONDS=10] [ROUNDS=7]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
url() { echo "jdbc:h2:file:$(realpath "$1")/shegong;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE"; }
test_main org.shegong.region.ArticleLookupBench "$(url "$1")" "$(url "$2")" "$3" "${4:-10}" "${5:-7}"
