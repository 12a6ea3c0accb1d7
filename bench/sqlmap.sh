#!/usr/bin/env bash
# SQL injection probe (not in CI): sqlmap (Debian package) against the search, column, suggest and back-office
# filter parameters of a freshly started server on loopback, logged in as the generated administrator.
#
#   bench/sqlmap.sh [LEVEL=1] [RISK=1]         # level/risk 1 takes minutes; 3/2 takes hours
#   SQLMAP_TECHNIQUE=BEU bench/sqlmap.sh       # without the slow time-based and stacked tests
#
# Prints one line per target: the parameters tested and sqlmap's verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
LEVEL=${1:-1}
RISK=${2:-1}
PORT=${SQLMAP_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
OUT=$PWD/bench/out/sqlmap-$$
mkdir -p "$OUT"
command -v sqlmap >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlmap >/dev/null; }
JAR=${SHEGONG_JAR:-target/shegong.jar}
[ -f "$JAR" ] || ./mvnw -B -q -ntp package -DskipTests

java -Xmx512m -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --shegong.data-dir="$OUT/data" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break
  sleep 1
done
PASSWORD=$(grep -a -o 'password: [^ ]*' "$OUT/server.log" | head -1 | cut -d' ' -f2)
BASE=http://127.0.0.1:$PORT

# A back-office session for the filters: log in with the CSRF token of the login page.
COOKIES=$OUT/cookies.txt
TOKEN=$(curl -s -c "$COOKIES" "$BASE/admin/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$TOKEN" "$BASE/admin/login"
SESSION=$(awk '$6=="JSESSIONID"{print "JSESSIONID="$7}' "$COOKIES")

probe() {  # name url [cookie]
  local name=$1 url=$2 cookie=${3:-}
  local args=(-u "$url" --batch --level="$LEVEL" --risk="$RISK" --output-dir="$OUT/sqlmap" --disable-coloring
              --threads=2 --timeout=15 --flush-session --skip-waf --technique="${SQLMAP_TECHNIQUE:-BEUSTQ}")
  [ -n "$cookie" ] && args+=(--cookie="$cookie" --skip=JSESSIONID)
  local log=$OUT/$name.log
  sqlmap "${args[@]}" > "$log" 2>&1 || true
  if grep -q "is vulnerable\|sqlmap identified the following injection" "$log"; then
    echo "$name: INJECTABLE (see $log)"
  else
    echo "$name: nothing injectable ($(grep -c "testing '" "$log") payloads tried; $log)"
  fi
}

probe search "$BASE/search?q=abc&page=1&column=news"
probe suggest "$BASE/search/suggest?q=abc"
probe column "$BASE/column/news?page=1"
probe admin-articles "$BASE/admin/articles?q=abc&status=LIVE&column=1&kind=NEWS&author=a&from=2020-01-01&to=2030-01-01" "$SESSION"
probe admin-audit "$BASE/admin/audit?user=admin&action=publish&article=1&from=2020-01-01&to=2030-01-01" "$SESSION"
probe admin-search "$BASE/admin/search?q=abc&page=1" "$SESSION"
