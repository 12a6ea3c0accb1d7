#!/usr/bin/env bash
# Site archive at scale (not a test): generates N articles (seed 7), bulk-imports them into a fresh H2 data
# directory (the baseline), exports the site to one archive, and imports that archive into another fresh H2 data
# directory, every step with the same small heap. Prints seconds, articles/s and peak resident memory of each step,
# the archive's size, and export and import rates as ratios to the bulk import's (same run, same machine load).
#
#   bench/export-import.sh [N=50000]          BENCH_HEAP=-Xmx256m by default
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-50000}
HEAP=${BENCH_HEAP:--Xmx256m}
OUT=bench/out/export
mkdir -p "$OUT"
FILE="$OUT/articles-$N.jsonl"
ARCHIVE="$OUT/site-$N.zip"

[ -f target/shegong.jar ] || ./mvnw -B -q -ntp package -DskipTests
if [ ! -s "$FILE" ]; then
  echo "==> generating $N articles"
  python3 -B bench/gen_articles.py "$N" --seed 7 --out "$FILE"
fi

run() { # label data-dir command… -> "label seconds rate peak-MB"
  local label=$1 dir=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$OUT/$label.rss" java $HEAP -jar target/shegong.jar "$@" \
    --shegong.data-dir="$dir" --shegong.demo-content=false > "$OUT/$label.log" 2>&1 || { tail -20 "$OUT/$label.log"; exit 1; }
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$N" -v kb="$(tail -1 "$OUT/$label.rss")" \
    'BEGIN { printf "%s %.1f %.0f %.0f\n", l, e - s, n / (e - s), kb / 1024 }'
}

rm -rf "$OUT/data-a" "$OUT/data-b" "$ARCHIVE"
echo "==> load $(cut -d' ' -f1-3 /proc/loadavg)"
bulk=$(run bulk "$OUT/data-a" import --bulk "$FILE")
export_=$(run export "$OUT/data-a" export "$ARCHIVE")
import_=$(run import "$OUT/data-b" import "$ARCHIVE")
grep -o '已导出.*\|已导入站点归档.*' "$OUT/export.log" "$OUT/import.log" | sed 's/^/    /'
echo "==> load $(cut -d' ' -f1-3 /proc/loadavg)"

printf '\n%-30s %10s %14s %14s\n' "$N articles, H2, $HEAP" "seconds" "articles/s" "peak RSS MB"
for row in "$bulk" "$export_" "$import_"; do
  read -r l s r m <<<"$row"
  printf '%-30s %10s %14s %14s\n' "$l" "$s" "$r" "$m"
done
ls -lh "$ARCHIVE" | awk '{print "archive size: " $5}'
read -r _ _ br _ <<<"$bulk"; read -r _ _ er _ <<<"$export_"; read -r _ _ ir _ <<<"$import_"
awk -v b="$br" -v e="$er" -v i="$ir" 'BEGIN { printf "export / bulk import: %.2fx   archive import / bulk import: %.2fx (wall clock, JVM start included)\n", e / b, i / b }'
