#!/usr/bin/env bash
# Region tagging rate (issue 13, docs/adr/0022): tags N generated articles (default 1,000,000) on T threads
# (default 1) with -Xmx512m and prints articles/s. The articles are built from shared/samples/articles.jsonl.
#
#   bench/region-tagging.sh [N=1000000] [THREADS=1] [SAMPLES=/work/shared/samples/articles.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N=${1:-1000000}
THREADS=${2:-1}
SAMPLES=${3:-/work/shared/samples/articles.jsonl}
test_main org.shegong.region.tagging.RegionTaggerBench "$N" "$THREADS" "$SAMPLES"
