#!/usr/bin/env bash
# What reading a search hit's stored fields costs, Lucene's default stored fields against PlainStoredFieldsCodec
# (ADR 0074). Copies INDEX_DIR (a perf-table.sh run leaves one in OUT/data/index; stop any server on it first) into a
# temporary directory with the plain codec, then reads random documents from both, alternated.
#
#   bench/stored-fields.sh INDEX_DIR [DOCS=20000] [ROUNDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
test_main org.shegong.search.index.StoredFieldsBench \
  "$(realpath "$1")" "${2:-20000}" "${3:-10}"
