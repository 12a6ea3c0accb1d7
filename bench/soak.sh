#!/usr/bin/env bash
# Soak test (not in CI): readers, editors (create → submit → approve ×3 → publish) and import batches at once
# against the real server on PostgreSQL (the importer runs as a separate process beside the server, which an H2
# file database would not allow), reporting requests, errors, p50/p99 and heap every 15 s.
# Every SOAK_LIVE_EVERY seconds (300) it also prints the live set (after a full GC) and writes its class histogram
# to bench/out/soak-PID/histo-SECONDS.txt, to tell caches filling up from a leak.
#
#   bench/soak.sh [SECONDS=1800] [READERS=6] [EDITORS=2]
#
# A private database shegong_soak_<pid> on 127.0.0.1:5432 (user postgres) is created and dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TOTAL=${1:-1800}
READERS=${2:-6}
EDITORS=${3:-2}
PORT=${SOAK_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
HEAP=${SOAK_HEAP:--Xmx512m}
OUT=$PWD/bench/out/soak-$$
DB=shegong_soak_$$
mkdir -p "$OUT"
JAR=${SHEGONG_JAR:-target/shegong.jar}
[ -f "$JAR" ] || ./mvnw -B -q -ntp package -DskipTests
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
DBARGS=(--spring.datasource.url="$URL" --spring.datasource.username=postgres --spring.datasource.password=)
cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
}
trap cleanup EXIT

java $HEAP -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --shegong.data-dir="$OUT/data" "${DBARGS[@]}" > "$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break
  sleep 1
done
PASSWORD=$(grep -a -o 'password: [^ ]*' "$OUT/server.log" | head -1 | cut -d' ' -f2)

# Import batches: 200 generated articles each, new external ids every run.
python3 bench/gen_articles.py 20000 --seed 11 --out "$OUT/articles.jsonl"
cat > "$OUT/import-batch.sh" <<IMPORT
#!/usr/bin/env bash
n=\$(( \$(cat "$OUT/batch" 2>/dev/null || echo 0) + 1 )); echo \$n > "$OUT/batch"
sed -n "\$(( (n-1)*200+1 )),\$(( n*200 ))p" "$OUT/articles.jsonl" > "$OUT/batch.jsonl"
java -Xmx256m -jar "$JAR" import "$OUT/batch.jsonl" --shegong.data-dir="$OUT/cli" ${DBARGS[*]} >> "$OUT/import.log" 2>&1
IMPORT
chmod +x "$OUT/import-batch.sh"

echo "==> soak: ${SECONDS_TOTAL}s, $READERS readers, $EDITORS editors, 200-article import batches (server $HEAP, port $PORT)"
python3 bench/soak.py --port "$PORT" --pid "$SERVER" --password "$PASSWORD" --seconds "$SECONDS_TOTAL" \
  --readers "$READERS" --editors "$EDITORS" --import-cmd "$OUT/import-batch.sh" --histo-dir "$OUT" \
  --live-every "${SOAK_LIVE_EVERY:-300}" | tee "$OUT/soak.txt"
echo "server log: $OUT/server.log ($(grep -c ' ERROR ' "$OUT/server.log" || true) ERROR lines)"
