#!/usr/bin/env bash
# What a publication costs the readers' cached search answers (ADR 0068). Runs CarryBench on a copy of a built index
# (hard links: Lucene never rewrites a file, so the original stays as it was): asks each distinct query of a popular
# mix once, then publishes articles of the corpus one at a time as new ones and asks the set again after each, with
# and without carrying answers across the publication, in the same run. Prints the answers kept per publication, the
# carrying's time, and the time to answer the popular set again, with the ratio.
#
#   bench/carry-bench.sh INDEX_DIR CORPUS.jsonl QUERIES.txt [PUBLICATIONS=20]
#   bench/carry-bench.sh bench/out/perf-h2-uniform-1000000/data/index bench/out/corpus-uniform-1000000.jsonl \
#     bench/out/perf-h2-uniform-1000000/queries-popular.txt
#
# Stop any server using the index first (a copy taken during a commit or merge may be incomplete). The copy goes to
# $BENCH_DIR (default /tmp/shegong-carry-bench) and is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { sed -n 2,13p "$0" >&2; exit 2; }
INDEX=$(realpath "$1")
CORPUS=$(realpath "$2")
QUERIES=$(realpath "$3")
PUBLICATIONS=${4:-20}
DIR=${BENCH_DIR:-/tmp/shegong-carry-bench}
rm -rf "$DIR" && mkdir -p "$DIR/index"
trap 'rm -rf "$DIR"' EXIT
for f in "$INDEX"/*; do
  [ "$(basename "$f")" = write.lock ] || ln "$f" "$DIR/index/" 2>/dev/null || cp "$f" "$DIR/index/"
done
. bench/lib.sh
test_main org.shegong.search.query.CarryBench "$DIR/index" "$CORPUS" "$QUERIES" "$PUBLICATIONS"
