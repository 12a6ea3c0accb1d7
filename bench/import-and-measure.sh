#!/usr/bin/env bash
# Portal-core benchmark (not a test): generates N articles, imports them with the jar's import command into a
# fresh H2 database, then starts the server on that data and measures the column page at page 1 and at a deep
# page with wrk on loopback, in bounded runs. Prints one table.
#
#   bench/import-and-measure.sh [N=100000] [DEEP_PAGE=5000] [DURATION=15s]
#
# All N articles go to 行业动态 so that the deep page exists (20 a page: 100,000 items = 5,000 pages).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
DEEP=${2:-5000}
DURATION=${3:-15s}
PORT=${BENCH_PORT:-18080}
HEAP=${BENCH_HEAP:--Xmx512m}
OUT=bench/out
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/shegong.jar ] || ./mvnw -B -q -ntp package -DskipTests

if [ "${BENCH_REUSE:-0}" = 1 ] && [ -d "$OUT/data" ]; then
  echo "==> reusing the data imported by the previous run (BENCH_REUSE=1)"
  import_seconds=$(sed -n 's/.*行, \([0-9.]*\) 秒.*/\1/p' "$OUT/import.log" | tail -1)
else
  echo "==> generating $N articles"
  python3 bench/gen_articles.py "$N" --seed 7 --column 行业动态 --no-featured --out "$OUT/articles.jsonl"
  ls -lh "$OUT/articles.jsonl" | awk '{print "    file size: " $5}'
  rm -rf "$OUT/data"
  echo "==> importing with java $HEAP -jar target/shegong.jar import"
  start=$(date +%s.%N)
  java $HEAP -jar target/shegong.jar import "$OUT/articles.jsonl" --shegong.data-dir="$OUT/data" \
    > "$OUT/import.log" 2>&1 || { tail -20 "$OUT/import.log"; exit 1; }
  end=$(date +%s.%N)
  import_seconds=$(echo "$end - $start" | bc)
fi
import_rate=$(echo "$N / $import_seconds" | bc)
grep -E "导入完成" "$OUT/import.log" | tail -1 | sed 's/^.*导入完成/    导入完成/'

echo "==> starting the server on the imported data"
java $HEAP -jar target/shegong.jar --server.port="$PORT" --shegong.data-dir="$OUT/data" > "$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/column/news" 2>/dev/null && break
  sleep 0.5
done

measure() { # name url [wrk args…] -> "name req/s p50 p99"
  local name=$1 url=$2
  shift 2
  curl -fsS -o /dev/null "$url"   # first request builds the column's page index
  wrk -t1 -c1 -d3s "$@" "$url" > /dev/null   # warm-up
  wrk -t2 -c8 -d"$DURATION" --latency "$@" "$url" > "$OUT/wrk-$name.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk-$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk-$name.txt")
  echo "$name $rps $p50 $p99"
}

to_ms() { # wrk latency (e.g. 812.00us, 1.23ms, 1.01s) -> milliseconds
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

echo "==> measuring (wrk -t2 -c8 -d$DURATION, server and load generator share this machine's cores)"
first=$(measure page-1 "http://127.0.0.1:$PORT/column/news")
deep=$(measure "page-$DEEP" "http://127.0.0.1:$PORT/column/news/page/$DEEP")
# A cookie makes the page cache step aside: these rows measure the database work of a page.
first_raw=$(measure page-1-uncached "http://127.0.0.1:$PORT/column/news" -H "Cookie: bench=1")
deep_raw=$(measure "page-$DEEP-uncached" "http://127.0.0.1:$PORT/column/news/page/$DEEP" -H "Cookie: bench=1")
deep_page=$(curl -fsS "http://127.0.0.1:$PORT/column/news/page/$DEEP" || true)
grep -q 'class="item-title"' <<<"$deep_page" || { echo "page $DEEP has no items: fewer articles than pages?"; exit 1; }

read -r _ rps1 p501 p991 <<<"$first"
read -r _ rpsd p50d p99d <<<"$deep"
read -r _ rps1r p501r p991r <<<"$first_raw"
read -r _ rpsdr p50dr p99dr <<<"$deep_raw"
p501ms=$(to_ms "$p501"); p991ms=$(to_ms "$p991"); p50dms=$(to_ms "$p50d"); p99dms=$(to_ms "$p99d")
p501rms=$(to_ms "$p501r"); p991rms=$(to_ms "$p991r"); p50drms=$(to_ms "$p50dr"); p99drms=$(to_ms "$p99dr")

printf '\n%-22s %12s %10s %10s %14s\n' "measure" "req/s" "p50 ms" "p99 ms" "vs page 1"
printf '%-22s %12s %10s %10s %14s\n' "import ($N)" "$import_rate/s" "" "" "${import_seconds%.*} s total"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx p50", a/b }'; }
printf '%-22s %12s %10s %10s %14s\n' "column page 1" "$rps1" "$p501ms" "$p991ms" "1.00x"
printf '%-22s %12s %10s %10s %14s\n' "column page $DEEP" "$rpsd" "$p50dms" "$p99dms" "$(ratio "$p50dms" "$p501ms")"
printf '%-22s %12s %10s %10s %14s\n' "page 1, uncached" "$rps1r" "$p501rms" "$p991rms" "1.00x"
printf '%-22s %12s %10s %10s %14s\n' "page $DEEP, uncached" "$rpsdr" "$p50drms" "$p99drms" "$(ratio "$p50drms" "$p501rms")"
