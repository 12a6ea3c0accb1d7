#!/usr/bin/env bash
# Thumbnail throughput and peak heap for a 20-megapixel photo (issue 12): each upload is decoded, re-encoded
# and scaled to the three srcset widths (320/640/1280) by org.shegong.media.ImageProcessor, at -Xmx512m.
#
#   bench/thumbnails.sh [ROUNDS=6]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-6}
. bench/lib.sh
BENCH_JAVA_OPTS="-Djava.awt.headless=true ${BENCH_JAVA_OPTS:-}" test_main org.shegong.media.ThumbnailBench "$ROUNDS"
