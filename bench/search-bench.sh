#!/usr/bin/env bash
# Search benchmark: index N generated articles with the production analysis and index code, then time a mix of
# one- to three-word queries with highlighting. Prints the rebuild rate (docs/s) and query latency p50/p90/p99.
#
#   bench/search-bench.sh 1000000            # the target size (about 4.5 GB of JSON Lines, see README)
#   bench/search-bench.sh 200000 3000 2      # N, number of timed queries, indexing threads
#
# GEN overrides the generator (default bench/gen_articles.py); files and the index go to $BENCH_DIR
# (default /tmp/shegong-search-bench) and are reused/overwritten between runs; REUSE_INDEX=1 times the queries
# on the index of the previous run without rebuilding it. Articles get region codes from the region tagger and
# queries use region words, as in production (REGIONS=0: neither). DIAG=1 prints per-query CPU time with and
# without region words, the full-match and partial-match rankings alone and the costliest queries (ADR 0053).
# GEN=bench/gen_realistic.py indexes the realistic corpus instead (issue 18); QUERY_FILE=FILE times the queries of
# a bench/gen_queries.py file (one a line, in order, wrapping around) instead of mixes of SearchBench.WORDS.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
QUERIES=${2:-3000}
THREADS=${3:-2}
GEN=${GEN:-bench/gen_articles.py}
DIR=${BENCH_DIR:-/tmp/shegong-search-bench}
mkdir -p "$DIR"
FILE="$DIR/articles-$N.jsonl"
if [ ! -s "$FILE" ]; then
  echo "generating $N articles into $FILE"
  python3 -B "$GEN" "$N" --seed 1 --out "$FILE"
fi
[ -n "${REUSE_INDEX:-}" ] || rm -rf "$DIR/index"
. bench/lib.sh
# The index build wants more than the server's heap; the later -Xmx wins over test_main's.
BENCH_JAVA_OPTS="-Xmx4g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-}" test_main org.shegong.search.query.SearchBench "$FILE" "$DIR/index" "$QUERIES" "$THREADS"
du -sh "$DIR/index" | sed 's/^/index size: /'
