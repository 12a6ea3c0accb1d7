#!/usr/bin/env bash
# Feeds and sitemaps against a baseline in the same run: imports N generated articles into a fresh H2 database
# with the jar's import command, starts the server on loopback, and drives each URL with wrk for DURATION.
# Usage: bench/feeds-and-sitemaps.sh [N=60000] [DURATION=10s]   (needs target/shegong.jar and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-60000}
DURATION=${2:-10s}
PORT=${PORT:-18085}
JAR=target/shegong.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 - "$N" > "$WORK/articles.jsonl" <<'PY'
import json, sys, datetime
n = int(sys.argv[1])
columns = ["行业动态", "政策法规", "理论研究", "联合会动态", "通知公告"]
start = datetime.datetime(2015, 1, 1, 8, 0, 0)
for i in range(n):
    at = start + datetime.timedelta(minutes=90 * i)
    print(json.dumps({"id": f"bench-{i}", "column": columns[i % 5], "title": f"社会工作服务站建设第{i}期 <进展> & 成效",
                      "summary": "各地社工站建设稳步推进，服务覆盖面持续扩大。" * 3,
                      "body": "<p>" + "社会工作服务站正式运营，开展了丰富多彩的服务活动。" * 20 + "</p>",
                      "published_at": at.isoformat(), "source": "民政部"}, ensure_ascii=False))
PY

export SHEGONG_DATA_DIR="$WORK/data" SHEGONG_DEMO_CONTENT=false
java -jar "$JAR" import "$WORK/articles.jsonl" > "$WORK/import.log" 2>&1
java -Xmx1g -jar "$JAR" --server.port="$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/robots.txt" > /dev/null && break; sleep 1; done

printf '%-28s %12s %10s %12s\n' url "req/s" ratio "bytes"
base=""
for url in /column/news /rss.xml /atom.xml /column/news/rss.xml /sitemap.xml /sitemap-articles-1.xml /sitemap-news.xml /robots.txt; do
  curl -fs "http://127.0.0.1:$PORT$url" > /dev/null   # warm up
  curl -fs "http://127.0.0.1:$PORT$url" > /dev/null
  bytes=$(curl -fs "http://127.0.0.1:$PORT$url" | wc -c)
  rps=$(wrk -t1 -c4 -d"$DURATION" "http://127.0.0.1:$PORT$url" | awk '/Requests\/sec/ {print $2}')
  [ -z "$base" ] && base=$rps
  printf '%-28s %12s %10s %12s\n' "$url" "$rps" "$(python3 -c "print(f'{$rps/$base:.2f}')")" "$bytes"
done
etag=$(curl -fsI "http://127.0.0.1:$PORT/sitemap-articles-1.xml" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
rps=$(wrk -t1 -c4 -d"$DURATION" -H "If-None-Match: $etag" "http://127.0.0.1:$PORT/sitemap-articles-1.xml" | awk '/Requests\/sec/ {print $2}')
printf '%-28s %12s %10s %12s\n' "(304) sitemap-articles-1" "$rps" "$(python3 -c "print(f'{$rps/$base:.2f}')")" 0
