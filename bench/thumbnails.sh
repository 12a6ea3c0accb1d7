#!/usr/bin/env bash
# Thumbnail throughput and peak heap for a 20-megapixel photo (issue 12): each upload is decoded, re-encoded
# and scaled to the three srcset widths (320/640/1280) by org.shegong.media.ImageProcessor, at -Xmx512m.
#
#   bench/thumbnails.sh [ROUNDS=6]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-6}
./mvnw -q -B -o test-compile -DskipTests
CP=$(./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$CP" \
  org.shegong.media.ThumbnailBench "$ROUNDS"
