#!/usr/bin/env bash
# The open-data API against the column page in the same run: imports N generated articles into a fresh H2
# database, starts the server on loopback, walks the article list with limit=100 to the middle of the archive to
# get a deep cursor, and drives each URL with wrk for DURATION. The rate limit is lifted for the run.
# Usage: bench/api.sh [N=20000] [DURATION=8s]   (needs target/shegong.jar and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
DURATION=${2:-8s}
PORT=${PORT:-18086}
JAR=target/shegong.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
SERVER=""
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 - "$N" > "$WORK/articles.jsonl" <<'PY'
import json, sys, datetime
n = int(sys.argv[1])
columns = ["行业动态", "政策法规", "理论研究", "联合会动态", "通知公告"]
start = datetime.datetime(2015, 1, 1, 8, 0, 0)
for i in range(n):
    at = start + datetime.timedelta(minutes=90 * i)
    print(json.dumps({"id": f"bench-{i}", "column": columns[i % 5], "title": f"辽宁省社会工作服务站建设第{i}期进展",
                      "summary": "各地社工站建设稳步推进，服务覆盖面持续扩大。" * 3, "tags": ["社工站"] if i % 10 == 0 else [],
                      "body": "<p>" + "社会工作服务站正式运营，开展了丰富多彩的服务活动。" * 20 + "</p>",
                      "published_at": at.isoformat(), "source": "民政部"}, ensure_ascii=False))
PY

export SHEGONG_DATA_DIR="$WORK/data" SHEGONG_DEMO_CONTENT=false SHEGONG_API_REQUESTS_PER_MINUTE=100000000
java -jar "$JAR" import "$WORK/articles.jsonl" > "$WORK/import.log" 2>&1
java -Xmx1g -jar "$JAR" --server.port="$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$PORT/robots.txt" > /dev/null && break; sleep 1; done

deep() {  # the cursor after walking half the list with the given query
  local query=$1 cursor="" pages=$(( N / 200 ))
  for _ in $(seq 1 "$pages"); do
    cursor=$(curl -fs "http://127.0.0.1:$PORT/api/v1/articles?limit=100$query${cursor:+&cursor=$cursor}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["next_cursor"] or "")')
    [ -n "$cursor" ] || break
  done
  echo "$cursor"
}
DEEP=$(deep "")
DEEP_NEWS=$(deep "&column=news")
ID=$(curl -fs "http://127.0.0.1:$PORT/api/v1/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

printf '%-52s %10s %8s %9s\n' url "req/s" ratio bytes
base=""
for url in /column/news "/api/v1/articles" "/api/v1/articles?cursor=$DEEP" "/api/v1/articles?column=news" \
    "/api/v1/articles?column=news&cursor=$DEEP_NEWS" "/api/v1/articles?tag=%E7%A4%BE%E5%B7%A5%E7%AB%99" \
    "/api/v1/articles/$ID" /api/v1/columns; do
  curl -fs "http://127.0.0.1:$PORT$url" > /dev/null
  bytes=$(curl -fs "http://127.0.0.1:$PORT$url" | wc -c)
  rps=$(wrk -t1 -c4 -d"$DURATION" "http://127.0.0.1:$PORT$url" | awk '/Requests\/sec/ {print $2}')
  [ -z "$base" ] && base=$rps
  printf '%-52s %10s %8s %9s\n' "${url:0:52}" "$rps" "$(python3 -c "print(f'{$rps/$base:.2f}')")" "$bytes"
done
etag=$(curl -fsI "http://127.0.0.1:$PORT/api/v1/articles" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
rps=$(wrk -t1 -c4 -d"$DURATION" -H "If-None-Match: $etag" "http://127.0.0.1:$PORT/api/v1/articles" | awk '/Requests\/sec/ {print $2}')
printf '%-52s %10s %8s %9s\n' "(304) /api/v1/articles" "$rps" "$(python3 -c "print(f'{$rps/$base:.2f}')")" 0
