#!/usr/bin/env bash
# WordPress (WXR) import against JSON Lines import of the same items (not a test): generates N articles
# (bench/gen_articles.py, all columns, seed 7), writes them also as a WordPress export (bench/jsonl_to_wxr.py),
# imports each into a fresh H2 data directory with the same heap, and prints items/s, peak heap after GC
# (from the GC log), peak resident set and the WXR/JSONL ratio. The load average is printed next to the figures.
#
#   bench/wxr-import.sh [N=100000]
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
HEAP=${BENCH_HEAP:--Xmx512m}
OUT=bench/out/wxr
mkdir -p "$OUT"
JSONL="$OUT/articles-$N.jsonl"
WXR="$OUT/export-$N.xml"

[ -f target/shegong.jar ] || ./mvnw -B -q -ntp package -DskipTests
if [ ! -s "$JSONL" ]; then
  echo "==> generating $N articles"
  python3 -B bench/gen_articles.py "$N" --seed 7 --out "$JSONL"
fi
[ -s "$WXR" ] || python3 -B bench/jsonl_to_wxr.py "$JSONL" "$WXR"
ls -lhL "$JSONL" "$WXR" | awk '{print "    " $9 ": " $5}'

run() { # label file -> "label seconds rate peak-heap-MB peak-rss-MB"
  local label=$1 file=$2
  rm -rf "$OUT/data-$label"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$OUT/$label.rss" java $HEAP -Xlog:gc:file="$OUT/$label.gc" -jar target/shegong.jar \
    import "$file" --shegong.data-dir="$OUT/data-$label" > "$OUT/$label.log" 2>&1 || { tail -20 "$OUT/$label.log"; exit 1; }
  end=$(date +%s.%N)
  grep -o '导入完成.*' "$OUT/$label.log" | sed 's/^/    /' >&2
  local heap
  heap=$(grep -o 'Pause[^)]*) [^ ]* *[0-9]*M->' "$OUT/$label.gc" | grep -o '[0-9]*M->$' | tr -d 'M>-' | sort -n | tail -1)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$N" -v kb="$(tail -1 "$OUT/$label.rss")" -v h="${heap:-0}" \
    'BEGIN { printf "%s %.1f %.0f %d %.0f\n", l, e - s, n / (e - s), h, kb / 1024 }'
}

echo "==> load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "==> JSON Lines import ($HEAP)"
jsonl=$(run jsonl "$JSONL")
echo "==> WordPress import ($HEAP)"
wxr=$(run wxr "$WXR")
echo "==> load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r _ js jr jh jm <<<"$jsonl"
read -r _ ws wr wh wm <<<"$wxr"
echo
echo "| import of $N items ($HEAP, H2) | seconds | items/s | peak heap MB (GC log) | peak RSS MB | vs JSON Lines |"
echo "|---|---|---|---|---|---|"
echo "| JSON Lines (\`import FILE.jsonl\`) | $js | $jr | $jh | $jm | 1.00x |"
echo "| WordPress WXR (\`import FILE.xml\`) | $ws | $wr | $wh | $wm | $(awk -v a="$wr" -v b="$jr" 'BEGIN{printf "%.2fx", a/b}') |"
