#!/usr/bin/env bash
# The README's performance table in one command (issue 18; not a test). Generates N articles (the realistic or the
# uniform corpus), imports them into H2 or PostgreSQL, builds the search index, starts the real jar (-Xmx512m), starts
# nginx serving a copy of an article page, and measures every row with wrk on loopback in bounded runs (a warm-up
# and a timed run each). Prints ONE markdown table, with ratios against nginx measured in the same run, and keeps it
# in OUT/table.md; bench/readme-table.py puts that file into README.md.
#
#   bench/perf-table.sh [N=20000] [DB=h2|pg|mariadb] [CORPUS=realistic|uniform]
#   bench/perf-table.sh 1000000 h2 realistic                 # the figures the issue's targets are about
#   DURATION=5s bench/perf-table.sh 20000 pg uniform
#
# Environment: DURATION (each timed run, default 10s), WARMUP (default 3s), CONNS (default 32), HEAP (-Xmx512m), PORT
# (19580), NGINX_PORT (19581) and MANAGEMENT_PORT (19582: the search rows' gate figures), OUT (default
# bench/out/perf-DB-CORPUS-N). Data is kept in OUT and reused by the next run with the same arguments (the PostgreSQL
# database perf_CORPUS_N too, unless PG_DROP=1); BUILD=1 rebuilds the jar first; DATA_ONLY=1 stops once the data and the
# index are ready. LAUNCH=launcher (the default) starts the measured server through bin/shegong, as docs/deploy.md does,
# after a start that trains its class-data archive (ADR 0066) and is not timed; LAUNCH=jar starts it with plain java
# -jar. MariaDB: MARIADB_BUFFER_POOL (for example 4G, as docs/deploy.md advises) sets innodb_buffer_pool_size for the
# run and puts the old size back at the end; the table's header says which size was in use. PostgreSQL: 127.0.0.1:5432,
# user postgres (PGHOST, PGUSER and PGPASSWORD are honoured).
# HISTOGRAMS=1 keeps the heap's classes after the uncached article row and after the search rows
# (OUT/histogram-*.txt); with -Xlog:gc in HEAP, bench/gc-rows.py lists what the collector did in each row.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${1:-20000}
DB=${2:-h2}
CORPUS=${3:-realistic}
case "$DB" in h2|pg|mariadb) ;; *) echo "DB must be h2, pg or mariadb" >&2; exit 2 ;; esac
case "$CORPUS" in realistic|uniform) ;; *) echo "CORPUS must be realistic or uniform" >&2; exit 2 ;; esac
LAUNCH=${LAUNCH:-launcher}
case "$LAUNCH" in launcher|jar) ;; *) echo "LAUNCH must be launcher or jar" >&2; exit 2 ;; esac
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNS=${CONNS:-32}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-19580}
NGINX_PORT=${NGINX_PORT:-19581}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19582}
OUT=$(realpath -m "${OUT:-bench/out/perf-$DB-$CORPUS-$N}")
DATA=$OUT/data
CORPUS_FILE=$(realpath -m "bench/out/corpus-$CORPUS-$N.jsonl")
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
PG_DB=perf_${CORPUS}_$N
mkdir -p "$OUT/static"
started_at=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx)" >&2; exit 1; }
if [ "${BUILD:-0}" = 1 ] || [ ! -f target/shegong.jar ]; then
  ./mvnw -B -q -ntp package -DskipTests
fi

db_settings "$DB" "$PG_DB"
maria() { mariadb -h 127.0.0.1 -uroot "$@"; }
run_jar() { # log, arguments…
  local log=$1
  shift
  java $HEAP "${db_args[@]}" -jar target/shegong.jar "$@" --shegong.data-dir="$DATA" > "$log" 2>&1
}

# --- corpus and query files --------------------------------------------------------------------------------------
if [ ! -s "$CORPUS_FILE" ]; then
  echo "==> generating $N $CORPUS articles into $CORPUS_FILE"
  if [ "$CORPUS" = realistic ]; then
    python3 bench/gen_realistic.py "$N" --seed 7 --out "$CORPUS_FILE"
  else
    python3 bench/gen_articles.py "$N" --seed 7 --out "$CORPUS_FILE"
  fi
fi
Q=$OUT/queries
if [ ! -s "$Q-uniform-warm.txt" ]; then
  echo "==> query workloads (bench/gen_queries.py)"
  # Timed runs and their warm-ups use different seeds, so a random workload's timed run is not answered from what its
  # warm-up put in the result cache (the popular mix is meant to be: it is one file). Repeats within a file are
  # answered from the cache, as a live site's would be.
  python3 bench/gen_queries.py realistic "$CORPUS_FILE" 50000 --seed 1 --out "$Q-titles.txt"
  python3 bench/gen_queries.py realistic "$CORPUS_FILE" 10000 --seed 2 --out "$Q-titles-warm.txt"
  python3 bench/gen_queries.py uniform 50000 --seed 4 --out "$Q-uniform.txt"
  python3 bench/gen_queries.py uniform 10000 --seed 5 --out "$Q-uniform-warm.txt"
fi
if [ ! -s "$Q-popular-source.txt" ]; then
  # The popular mixes ask queries no random row asks: answers cached for one row (and kept ten minutes, ADR 0067)
  # must not answer another row's timed run. The second mix, whose queries nothing else asks either, is what a
  # popular mix costs while its answers are not cached yet (after a start, or after a publication).
  others=(--exclude "$Q-titles.txt" --exclude "$Q-titles-warm.txt" --exclude "$Q-uniform.txt" --exclude "$Q-uniform-warm.txt")
  python3 bench/gen_queries.py realistic "$CORPUS_FILE" 10000 --seed 8 --out "$Q-popular-source.txt.tmp"
  python3 bench/gen_queries.py popular "$Q-popular-source.txt.tmp" 100000 --seed 3 --out "$Q-popular.txt" "${others[@]}"
  python3 bench/gen_queries.py realistic "$CORPUS_FILE" 10000 --seed 6 --out "$Q-cold-source.txt"
  python3 bench/gen_queries.py popular "$Q-cold-source.txt" 100000 --seed 7 --out "$Q-popular-cold.txt" \
    "${others[@]}" --exclude "$Q-popular.txt"
  mv "$Q-popular-source.txt.tmp" "$Q-popular-source.txt"
fi

# --- database and index --------------------------------------------------------------------------------------------
if [ "$DB" = pg ] && ! psql -d "$PG_DB" -Atc "SELECT 1 FROM article LIMIT 1" >/dev/null 2>&1; then
  rm -rf "$DATA" "$OUT/imported" "$OUT/tagged" "$OUT/indexed" "$OUT/vacuumed"
  dropdb --if-exists "$PG_DB"
  createdb "$PG_DB"
fi
if [ "$DB" = mariadb ] && ! maria -N -B "$PG_DB" -e "SELECT 1 FROM article LIMIT 1" >/dev/null 2>&1; then
  rm -rf "$DATA" "$OUT/imported" "$OUT/tagged" "$OUT/indexed" "$OUT/vacuumed"
  maria -e "DROP DATABASE IF EXISTS $PG_DB; CREATE DATABASE $PG_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
fi
if [ ! -f "$OUT/imported" ]; then
  echo "==> importing $N articles (import --bulk, $DB)"
  [ "$DB" = h2 ] && rm -rf "$DATA"
  t=$(date +%s.%N)
  run_jar "$OUT/import.log" import --bulk "$CORPUS_FILE" || { tail -20 "$OUT/import.log"; exit 1; }
  echo "$(echo "$(date +%s.%N) - $t" | bc)" > "$OUT/imported"
fi
if [ ! -f "$OUT/tagged" ]; then
  # Region tags before the index, so that it holds region codes as in production (the server would tag in the
  # background after its start, and the index built before that would have none).
  echo "==> tagging regions (retag)"
  run_jar "$OUT/retag.log" retag || { tail -20 "$OUT/retag.log"; exit 1; }
  touch "$OUT/tagged"
fi
if [ ! -f "$OUT/indexed" ]; then
  echo "==> building the search index (reindex)"
  t=$(date +%s.%N)
  run_jar "$OUT/reindex.log" reindex || { tail -20 "$OUT/reindex.log"; exit 1; }
  echo "$(echo "$(date +%s.%N) - $t" | bc)" > "$OUT/indexed"
fi
if [ "$DB" = pg ] && [ ! -f "$OUT/vacuumed" ]; then
  # What autovacuum does on a production server soon after a bulk load (it is off on this machine): the visibility
  # map lets index-only scans skip the table (a column page's featured items did 501 heap fetches without it).
  echo "==> VACUUM (ANALYZE), as autovacuum would"
  vacuumdb -q --analyze -d "$PG_DB"
  touch "$OUT/vacuumed"
fi
# DATA_ONLY=1 prepares the data and stops: the long steps can run while the machine is busy, the measuring cannot.
[ "${DATA_ONLY:-0}" = 1 ] && { echo "==> data ready in $OUT (DATA_ONLY=1: nothing measured)"; exit 0; }

restore_pool() { [ -z "${pool_before:-}" ] || maria -e "SET GLOBAL innodb_buffer_pool_size = $pool_before" || true; }
if [ "$DB" = mariadb ] && [ -n "${MARIADB_BUFFER_POOL:-}" ]; then
  pool_before=$(maria -N -B -e "SELECT @@innodb_buffer_pool_size")
  echo "==> innodb_buffer_pool_size $pool_before -> $MARIADB_BUFFER_POOL for this run"
  bytes=$(numfmt --from=iec "$MARIADB_BUFFER_POOL")
  maria -e "SET GLOBAL innodb_buffer_pool_size = $bytes"
  trap restore_pool EXIT # until cleanup() takes over below
fi

# --- server and nginx ------------------------------------------------------------------------------------------------
if [ "$LAUNCH" = launcher ]; then
  # The first start of a jar trains its archive (about a minute); a deployed server has done that long before.
  echo "==> bin/shegong: making the class-data archive if this jar has none (not timed)"
  start_server "$LAUNCH" "$PORT" "$OUT/server-train.log"
  trainee=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; do
    kill -0 "$trainee" 2>/dev/null || { tail -30 "$OUT/server-train.log"; exit 1; }
    sleep 0.5
  done
  kill "$trainee"
  wait "$trainee" 2>/dev/null || true
fi
echo "==> starting the server ($DB, $N articles, $LAUNCH)"
launched=$(date +%s.%N)
HEAP="$HEAP -Dmanagement.server.port=$MANAGEMENT_PORT" start_server "$LAUNCH" "$PORT" "$OUT/server.log"
server=$!
nginx_pid=""
cleanup() {
  kill "$server" 2>/dev/null || true
  restore_pool
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  if [ "$DB" != h2 ] && [ "${PG_DROP:-0}" = 1 ]; then
    wait "$server" 2>/dev/null || true
    if [ "$DB" = pg ]; then dropdb --if-exists "$PG_DB" || true; else maria -e "DROP DATABASE IF EXISTS $PG_DB" || true; fi
    rm -f "$OUT/imported" "$OUT/tagged" "$OUT/indexed" "$OUT/vacuumed"
  fi
}
trap cleanup EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { tail -30 "$OUT/server.log"; exit 1; }
  sleep 0.1
done
first_page=$(echo "$(date +%s.%N) - $launched" | bc)
echo "    first page after ${first_page} s; waiting for background work to finish"
settle "$server" 7200

# The deepest column page asked for: 5,000 when 行业动态 (/column/news) has that many pages, else its last page.
news=$(grep -c '"column": "行业动态"' "$CORPUS_FILE" || true)
DEEP=$(( news / 20 < 5000 ? (news / 20 > 1 ? news / 20 : 2) : 5000 ))
article=$(static_article "$PORT" "$OUT")
size=$(stat -c %s "$OUT/static/article.html")
max_id=$(( N + 100 ))

start_nginx "$OUT" "$NGINX_PORT"
wrk_scripts "$OUT" "$max_id"

# --- measurements ----------------------------------------------------------------------------------------------------
rows=()
gates=()
# timed LABEL URL [LUA [QUERY_FILE [WARM_QUERY_FILE]]]: one warm-up and one timed run; sets rps, p50, p99 and bad
timed() {
  local label=$1 url=$2 script=${3:-} queries=${4:-} warm=${5:-${4:-}} file
  file="$OUT/wrk-$(echo "$label" | tr -c 'a-zA-Z0-9' '-' | tr -s '-').txt"
  QUERY_FILE=$warm wrk -t2 -c"$CONNS" -d"$WARMUP" ${script:+-s "$script"} "$url" > /dev/null
  [ -z "$queries" ] || scrape_metrics "$MANAGEMENT_PORT" "${file%.txt}-gate-before.prom"
  QUERY_FILE=$queries wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency ${script:+-s "$script"} "$url" > "$file"
  if [ -n "$queries" ]; then # a search row: the gate's wait and work during it (ADR 0090)
    scrape_metrics "$MANAGEMENT_PORT" "${file%.txt}-gate-after.prom"
    gates+=("$label: $(python3 bench/gate-quantiles.py --line "${file%.txt}-gate-before.prom" "${file%.txt}-gate-after.prom")")
  fi
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$file")
  p50=$(ms "$(awk '$1=="50%" {print $2}' "$file")")
  p99=$(ms "$(awk '$1=="99%" {print $2}' "$file")")
  bad=$(awk '/Non-2xx/ {n+=$5} /Socket errors/ {gsub(",", ""); n+=$4+$6+$8+$10} END {print n+0}' "$file")
}
# measure LABEL URL [LUA [QUERY_FILE [WARM_QUERY_FILE]]]
measure() {
  local rps p50 p99 bad
  timed "$@"
  rows+=("$1|$rps|$p50|$p99|$bad")
  printf '    %-44s %8s req/s\n' "$1" "$rps"
}
# measure_pair LABEL_A URL_A LABEL_B URL_B [LUA]: two rows meant to be compared, measured A B B A and each given the
# mean of its two runs. Measured one after the other, the second row always ran on a server that had compiled more:
# session 29 found column page 5,000 15 % slower than page 1 in the table and within 3 % alternated.
measure_pair() {
  local la=$1 ua=$2 lb=$3 ub=$4 script=${5:-} rps p50 p99 bad a1 b1 b2
  timed "$la (1)" "$ua" "$script"; a1="$rps|$p50|$p99|$bad"
  timed "$lb (1)" "$ub" "$script"; b1="$rps|$p50|$p99|$bad"
  timed "$lb (2)" "$ub" "$script"; b2="$rps|$p50|$p99|$bad"
  timed "$la (2)" "$ua" "$script"
  rows+=("$la|$(mean_of "$a1" "$rps|$p50|$p99|$bad")" "$lb|$(mean_of "$b1" "$b2")")
  printf '    %-44s %8s req/s\n' "$la" "$(echo "${rows[-2]}" | cut -d'|' -f2)" "$lb" "$(echo "${rows[-1]}" | cut -d'|' -f2)"
}
# mean_of "rps|p50|p99|bad" "rps|p50|p99|bad": the mean rate and percentiles, the errors summed
mean_of() {
  awk -F'|' -v a="$1" -v b="$2" 'BEGIN { split(a, x); split(b, y)
    printf "%.0f|%.2f|%.2f|%d", (x[1] + y[1]) / 2, (x[2] + y[2]) / 2, (x[3] + y[3]) / 2, x[4] + y[4] }'
}

echo "==> measuring: wrk -t2 -c$CONNS -d$DURATION a row (after $WARMUP of warm-up); server, nginx and wrk share $(nproc) cores"
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/column/news/page/$DEEP"   # the column's first visit builds its anchors
# The JIT first: a fresh server answered a cached article at 5,918 req/s in its first 10 s and 14,730 in the next
# (1M, PostgreSQL), so the first rows measured compilation. JIT_WARMUP (default 20s) of cached pages and searches.
JIT_WARMUP=${JIT_WARMUP:-20s}
wrk -t2 -c"$CONNS" -d"$JIT_WARMUP" "http://127.0.0.1:$PORT/article/$article" > /dev/null
wrk -t2 -c"$CONNS" -d"$JIT_WARMUP" "http://127.0.0.1:$PORT/column/news" > /dev/null
# Uncached articles too: their rendering path was still being compiled a minute into a run (C2 busy, 260 -> 450 req/s
# over four 15 s runs at 1M on PostgreSQL); a server that has run for hours has long compiled it.
wrk -t2 -c"$CONNS" -d"$JIT_WARMUP" -s "$OUT/random-article.lua" "http://127.0.0.1:$PORT/article/1" > /dev/null
QUERY_FILE=$Q-popular.txt wrk -t2 -c"$CONNS" -d"$JIT_WARMUP" -s bench/search-queries.lua "http://127.0.0.1:$PORT" > /dev/null
# And searches that are computed: the popular mix is answered from the result cache after each query's first ask, so
# it left the search itself half-compiled (random title words at 1M realistic: 279 req/s after it, 388-422 after 30 s
# of these in bench/ab-jars.sh). The row below warms up on the same file; its timed queries are another seed's.
QUERY_FILE=$Q-titles-warm.txt wrk -t2 -c"$CONNS" -d"$JIT_WARMUP" -s bench/search-queries.lua "http://127.0.0.1:$PORT" \
  > /dev/null
# Then until the JIT is quiet. On two cores under load the C2 compiler gets a small share of the CPU and works through
# a backlog for many minutes: at 100,000 realistic articles (session 17), with every row's workload at once, its
# thread still used 13 % of the server's CPU seven minutes in (jstat -compiler's time, which is wall clock, grew
# 17-18 s every 15 s throughout), and random title words alone went 154, 242, 300, 395, 393, 420 req/s in successive
# 20 s runs. A server that has run for hours has compiled all of it; rows taken before measure the compiler too.
# Rounds of JIT_ROUND (15s) with every row's workload at once (so that no row meets code that is not compiled yet),
# until the compiler threads use less than JIT_QUIET (default 5) % of the server's CPU in a round, at most
# JIT_ROUNDS (20); the table's header says how it ended.
compiler_ticks() {
  local sum=0 t
  for t in /proc/"$server"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      C1\ CompilerThre*|C2\ CompilerThre*) sum=$((sum + $(cpu_ticks "$t/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$sum"
}
server_ticks() { cpu_ticks "/proc/$server/stat"; }
mixed_load() {
  local d=$1 pids=()
  QUERY_FILE=$Q-titles-warm.txt wrk -t1 -c8 -d"$d" -s bench/search-queries.lua "http://127.0.0.1:$PORT" > /dev/null & pids+=($!)
  QUERY_FILE=$Q-uniform-warm.txt wrk -t1 -c4 -d"$d" -s bench/search-queries.lua "http://127.0.0.1:$PORT" > /dev/null & pids+=($!)
  QUERY_FILE=$Q-popular.txt wrk -t1 -c4 -d"$d" -s bench/search-queries.lua "http://127.0.0.1:$PORT" > /dev/null & pids+=($!)
  wrk -t1 -c8 -d"$d" -s "$OUT/random-article.lua" "http://127.0.0.1:$PORT/article/1" > /dev/null & pids+=($!)
  wrk -t1 -c4 -d"$d" "http://127.0.0.1:$PORT/article/$article" > /dev/null & pids+=($!)
  wrk -t1 -c4 -d"$d" -s "$OUT/no-cache.lua" "http://127.0.0.1:$PORT/column/news/page/$DEEP" > /dev/null & pids+=($!)
  wrk -t1 -c4 -d"$d" "http://127.0.0.1:$PORT/column/news" > /dev/null & pids+=($!)
  wait "${pids[@]}"
}
jit_rounds=0
jit_share=100
while [ "$jit_rounds" -lt "${JIT_ROUNDS:-20}" ]; do
  c0=$(compiler_ticks); p0=$(server_ticks)
  mixed_load "${JIT_ROUND:-15s}"
  c1=$(compiler_ticks); p1=$(server_ticks)
  jit_rounds=$((jit_rounds + 1))
  jit_share=$(( (c1 - c0) * 100 / (p1 - p0 > 0 ? p1 - p0 : 1) ))
  echo "    JIT warm-up round $jit_rounds: the compiler threads used $jit_share % of the server's CPU"
  [ "$jit_share" -lt "${JIT_QUIET:-5}" ] && break
done
jit_note="then $jit_rounds mixed rounds of ${JIT_ROUND:-15s} (the compiler threads' share of the server's CPU in the last: $jit_share %)"
# HISTOGRAMS=1: what the heap holds after the uncached article row and after the search rows, by class
# (jcmd GC.class_histogram, which collects first, so live objects only; the pause falls between rows, not in one).
histogram() {
  [ "${HISTOGRAMS:-0}" = 1 ] || return 0
  jcmd "$server" GC.class_histogram > "$OUT/histogram-$1.txt" 2>&1 || true
  jcmd "$server" GC.heap_info >> "$OUT/histogram-$1.txt" 2>&1 || true
}
S=bench/search-queries.lua
measure "static file (nginx, $size B)" "http://127.0.0.1:$NGINX_PORT/article.html"
measure "article, cached" "http://127.0.0.1:$PORT/article/$article"
measure "article, uncached (random ids)" "http://127.0.0.1:$PORT/article/1" "$OUT/random-article.lua"
histogram after-uncached-article
measure_pair "column page 1" "http://127.0.0.1:$PORT/column/news" \
  "column page $DEEP" "http://127.0.0.1:$PORT/column/news/page/$DEEP"
measure_pair "column page 1, uncached" "http://127.0.0.1:$PORT/column/news" \
  "column page $DEEP, uncached" "http://127.0.0.1:$PORT/column/news/page/$DEEP" "$OUT/no-cache.lua"
measure "search, words of titles (random)" "http://127.0.0.1:$PORT" "$S" "$Q-titles.txt" "$Q-titles-warm.txt"
# Steady state: a live site has been asked each of its popular queries before and keeps the answers (ten minutes,
# ADR 0067), so each of the mix's 1,000 queries is asked once first (the JIT warm-up reached only the more popular).
sort -u "$Q-popular.txt" | xargs -d '\n' -P 2 -I{} curl -sS -o /dev/null -G --data-urlencode "q={}" \
  "http://127.0.0.1:$PORT/search"
measure "search, popular mix (Zipf, 1,000 queries)" "http://127.0.0.1:$PORT" "$S" "$Q-popular.txt"
# Warmed up on the title row's warm-up queries (answered from the cache by now), so its own are all computed in the
# timed run and the next row's are not.
measure "search, popular mix, not yet cached" "http://127.0.0.1:$PORT" "$S" "$Q-popular-cold.txt" "$Q-titles-warm.txt"
measure "search, SearchBench words (random)" "http://127.0.0.1:$PORT" "$S" "$Q-uniform.txt" "$Q-uniform-warm.txt"
histogram after-search
kill -0 "$server" 2>/dev/null || { echo "the server died: see $OUT/server.log" >&2; exit 1; }
oom=$(grep -c OutOfMemoryError "$OUT/server.log" || true)

# --- the table --------------------------------------------------------------------------------------------------------
base=$(echo "${rows[0]}" | cut -d'|' -f2)
{
  printf '%s articles (%s corpus), %s, %s; JIT warm-up %s a workload, %s; wrk -t2 -c%s -d%s a row after %s of warm-up; %s cores shared by server,' \
    "$N" "$CORPUS" "$(case $DB in pg) echo PostgreSQL ;; mariadb) echo "MariaDB (buffer pool $(maria -N -B -e \
      "SELECT @@innodb_buffer_pool_size" | numfmt --to=iec))" ;; *) echo H2 ;; esac)" "$HEAP" "$JIT_WARMUP" "$jit_note" \
    "$CONNS" "$DURATION" "$WARMUP" "$(nproc)"
  printf ' nginx and wrk; load average %s before, %s after; %s; %d s in all.%s\n\n' "$load_before" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$(date -u +%Y-%m-%d)" $(( $(date +%s) - started_at )) \
    "$([ "${HISTOGRAMS:-0}" = 1 ] && echo ' A class histogram (a full collection) after the uncached article row and after the search rows.')"
  printf '| %-44s | %9s | %8s | %8s | %8s | %7s |\n' "measure" "req/s" "p50 ms" "p99 ms" "vs nginx" "errors"
  printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "----------" "----------" "----------" "---------"
  for row in "${rows[@]}"; do
    IFS='|' read -r label rps p50 p99 bad <<<"$row"
    printf '| %-44s | %9s | %8s | %8s | %7.3fx | %7s |\n' "$label" "$rps" "$p50" "$p99" "$(echo "$rps / $base" | bc -l)" "$bad"
  done
  printf '| %-44s | %9s | %8s | %8s | %8s | %7s |\n' "start to first page ($([ "$LAUNCH" = launcher ] && echo bin/shegong || echo java -jar))" "$(printf '%.1f s' "$first_page")" "" "" "" ""
  for step in "import --bulk:imported" "reindex:indexed"; do
    seconds=$(cat "$OUT/${step#*:}")
    printf '| %-44s | %9s | %8s | %8s | %8s | %7s |\n' "${step%%:*} ($(printf "%.0f" "$(echo "$N / $seconds" | bc -l)") articles/s)" \
      "$(printf '%.0f s' "$seconds")" "" "" "" ""
  done
  printf '\ncolumn pages 1 and %s: measured A B B A, each row the mean of its two runs (rate and percentiles).\n' "$DEEP"
  printf 'errors: non-2xx answers (503 when search sheds load, 404 for random ids past the last article) and socket'
  printf ' errors; OutOfMemoryError in the server log: %s.\n' "$oom"
  printf 'search gate during each search row (a computed page passes it twice: its results, then its 地区 counts; a'
  printf ' page from the result cache not at all):\n'
  for gate in "${gates[@]}"; do printf -- '- %s\n' "$gate"; done
} > "$OUT/table.md"
echo
cat "$OUT/table.md"
