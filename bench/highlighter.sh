#!/usr/bin/env bash
# The search highlighter's matching alone: the current Highlighter against the way it matched before session 20 (a
# 64 KB first-char table per highlighter, a folded copy of every text), alternated in one JVM on a page of 20 bodies
# per query. Prints CPU and bytes allocated per page for both, with the ratio.
#
#   bench/highlighter.sh CORPUS.jsonl QUERY_FILE [PAGES=20000] [ROUNDS=9]
#   bench/highlighter.sh bench/out/corpus-realistic-100000.jsonl bench/out/perf-h2-realistic-100000/queries-titles.txt
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,7p "$0" >&2; exit 2; }
. bench/lib.sh
test_main org.shegong.search.query.HighlighterBench "$(realpath "$1")" "$(realpath "$2")" "${3:-20000}" "${4:-9}"
