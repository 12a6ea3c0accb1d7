#!/usr/bin/env bash
# Reader-side load benchmark (not a test). Starts the server (-Xmx512m) on N generated articles and drives it with
# wrk on loopback in bounded runs; in the same run nginx serves a static copy of an article page as the baseline.
# Prints one table: requests/s, p50, p99 and the ratio to the static baseline.
#
#   bench/load.sh [N=1000000] [DURATION=10s] [CONNECTIONS=32]
#   BENCH_GEN_ARGS="--column 行业动态 --no-featured" bench/load.sh 100000   # all in one column: page 5000 exists
#
# Data: bench/out/articles-N.jsonl (generated when missing) imported into bench/out/data-N (when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${1:-1000000}
DURATION=${2:-10s}
CONNS=${3:-32}
PORT=${BENCH_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18081}
HEAP=${BENCH_HEAP:--Xmx512m}
OUT=$PWD/bench/out
DATA=$OUT/data-$N
mkdir -p "$OUT/static"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
[ -f target/shegong.jar ] || ./mvnw -B -q -ntp package -DskipTests

if [ ! -d "$DATA" ]; then
  [ -f "$OUT/articles-$N.jsonl" ] || python3 bench/gen_articles.py "$N" --seed 7 ${BENCH_GEN_ARGS:-} --out "$OUT/articles-$N.jsonl"
  echo "==> importing $N articles (java $HEAP -jar target/shegong.jar import --bulk)"
  start=$(date +%s.%N)
  java $HEAP -jar target/shegong.jar import --bulk "$OUT/articles-$N.jsonl" --shegong.data-dir="$DATA" \
    > "$OUT/import-$N.log" 2>&1 || { tail -20 "$OUT/import-$N.log"; exit 1; }
  echo "    $(grep -o '导入完成.*' "$OUT/import-$N.log" | tail -1), wall $(echo "$(date +%s.%N) - $start" | bc) s"
fi
if [ ! -d "$DATA/index" ]; then
  # Build the search index before the server starts, so start-up and the runs are not competing with a rebuild.
  echo "==> building the search index (java $HEAP -jar target/shegong.jar reindex)"
  start=$(date +%s.%N)
  java $HEAP -jar target/shegong.jar reindex --shegong.data-dir="$DATA" > "$OUT/reindex-$N.log" 2>&1 \
    || { tail -20 "$OUT/reindex-$N.log"; exit 1; }
  echo "    reindex wall $(echo "$(date +%s.%N) - $start" | bc) s"
fi

echo "==> starting the server on $N articles"
launched=$(date +%s.%N)
java $HEAP -jar target/shegong.jar --server.port="$PORT" --shegong.data-dir="$DATA" > "$OUT/server-$N.log" 2>&1 &
server=$!
nginx_pid=""
cleanup() {
  kill "$server" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
}
trap cleanup EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { tail -30 "$OUT/server-$N.log"; exit 1; }
  sleep 0.1
done
first_page=$(echo "$(date +%s.%N) - $launched" | bc)
t=$(date +%s.%N)
curl -sS -o /dev/null "http://127.0.0.1:$PORT/column/news/page/5000" || true
deep_first=$(echo "$(date +%s.%N) - $t" | bc)

# An article for the cached runs, and its page as the static file nginx serves.
article=$(static_article "$PORT" "$OUT")
size=$(stat -c %s "$OUT/static/article.html")
max_id=$(( N + 100 ))

start_nginx "$OUT" "$NGINX_PORT"
wrk_scripts "$OUT" "$max_id"

cat > "$OUT/random-search.lua" <<'LUA'
-- One to three words from the search benchmark's list (SearchBench.WORDS), a different query on every request.
local words = {"社工站", "社会工作", "高级社会工作师", "三社联动", "乡镇社工站", "社工人才", "志愿服务", "社会组织",
  "民政局", "评审", "公示", "乡村振兴", "养老服务", "儿童", "督导", "培训", "抗洪", "疫情防控", "辽宁", "海南", "沈阳",
  "牡丹江", "浑南区", "宁夏", "江苏", "贵州", "北京", "社会工作服务站", "一周动态", "政府购买服务", "社区治理",
  "困境儿童", "揭牌", "运营", "建设", "发布", "规划", "专业", "人才", "服务", "基层"}
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
math.randomseed(42)
request = function()
  local q = {}
  for i = 1, math.random(1, 3) do q[#q + 1] = words[math.random(#words)] end
  return wrk.format("GET", "/search?q=" .. encode(table.concat(q, " ")))
end
LUA

results=()
measure() { # label url [lua]
  local label=$1 url=$2 script=${3:-} file
  file="$OUT/wrk-$(echo "$label" | tr -c 'a-zA-Z0-9' '-').txt"
  local args=(-t2 -c"$CONNS" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk -t2 -c"$CONNS" -d2s ${script:+-s "$script"} "$url" > /dev/null   # warm-up (JIT, caches)
  wrk "${args[@]}" -d"$DURATION" "$url" > "$file"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$file")
  p50=$(ms "$(awk '$1=="50%" {print $2}' "$file")")
  p99=$(ms "$(awk '$1=="99%" {print $2}' "$file")")
  errors=$(awk '/Non-2xx/ {print $5}' "$file"); errors=${errors:-0}
  results+=("$label|$rps|$p50|$p99|$errors")
}

echo "==> measuring: wrk -t2 -c$CONNS -d$DURATION per row; server, nginx and wrk share this machine's $(nproc) cores"
measure "static file (nginx, ${size} B)" "http://127.0.0.1:$NGINX_PORT/article.html"
measure "article, cached" "http://127.0.0.1:$PORT/article/$article"
measure "article, uncached (random ids)" "http://127.0.0.1:$PORT/article/1" "$OUT/random-article.lua"
measure "home" "http://127.0.0.1:$PORT/"
measure "column page 1" "http://127.0.0.1:$PORT/column/news"
measure "column page 5000" "http://127.0.0.1:$PORT/column/news/page/5000"
measure "column page 1, uncached" "http://127.0.0.1:$PORT/column/news" "$OUT/no-cache.lua"
measure "column page 5000, uncached" "http://127.0.0.1:$PORT/column/news/page/5000" "$OUT/no-cache.lua"
measure "search 社工站" "http://127.0.0.1:$PORT/search?q=%E7%A4%BE%E5%B7%A5%E7%AB%99"
measure "search, 1-3 random words" "http://127.0.0.1:$PORT/search" "$OUT/random-search.lua"

base=$(echo "${results[0]}" | cut -d'|' -f2)
printf '\n%s articles; start to first page %.1f s (first visit of column page 5000: %.2f s); heap %s\n\n' \
  "$N" "$first_page" "$deep_first" "$HEAP"
printf '| %-32s | %8s | %8s | %8s | %9s | %7s |\n' "page" "req/s" "p50 ms" "p99 ms" "vs static" "non-2xx"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..34})" "----------" "----------" "----------" "-----------" "---------"
for row in "${results[@]}"; do
  IFS='|' read -r label rps p50 p99 errors <<<"$row"
  printf '| %-32s | %8s | %8s | %8s | %8.2fx | %7s |\n' "$label" "$rps" "$p50" "$p99" \
    "$(echo "$rps / $base" | bc -l)" "$errors"
done
