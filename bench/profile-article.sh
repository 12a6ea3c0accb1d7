#!/usr/bin/env bash
# Where an uncached article page's CPU goes, in the server and in the database server (not a test). Starts the real
# jar (-Xmx512m) on data a perf-table.sh run left, warms up on random article ids, then for DURATION measures the CPU
# per page of the JVM and of the database server's processes (PostgreSQL, MariaDB), profiles the JVM with async-profiler (itimer, when
# AP_LIB points at libasyncProfiler.so) and lists the statements by total time from pg_stat_statements (when the
# server preloads it: shared_preload_libraries = 'pg_stat_statements').
#
#   bench/profile-article.sh DB DATA_DIR [MAX_ID] [DURATION=20s]
#   AP_LIB=/tmp/ap/linux-x64/libasyncProfiler.so PG_DB=perf_uniform_100000 \
#     bench/profile-article.sh pg bench/out/perf-pg-uniform-100000/data 100000
#
# WARMUP (default 90s: the JIT compiles the page's path for over a minute on two cores), PORT (19592), JAVA_OPTS.
# The profile (collapsed stacks) is left in DATA_DIR/../article.collapsed; bench/collapsed-top.py summarises it.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DB=$1
DATA=$(realpath "$2")
MAX_ID=${3:-1000}
DURATION=${4:-20s}
PORT=${PORT:-19592}
OUT=$(dirname "$DATA")
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
db_settings "$DB" "${PG_DB:-}"
[ -f target/shegong.jar ] || ./mvnw -B -q -ntp package -DskipTests
HEAP="-Xmx512m ${JAVA_OPTS:-}" start_server jar "$PORT" "$OUT/profile-article-server.log"
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
await_server $server "$PORT" "$OUT/profile-article-server.log"
settle $server 3600
wrk_scripts "$OUT" "$MAX_ID"
wrk -t2 -c32 -d"${WARMUP:-90s}" -s "$OUT/random-article.lua" "http://127.0.0.1:$PORT" > /dev/null
settle $server 120 # the view counter's flush of the warm-up's views

pgss() { psql -X -q -d "${PG_DB:-test}" -v ON_ERROR_STOP=0 "$@" 2>/dev/null; }
has_pgss=0
if [ "$DB" = pg ] && pgss -tAc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" \
    > /dev/null; then
  has_pgss=1
fi
profiler_start $server
jvm_before=$(cpu_ticks "/proc/$server/stat")
db_before=$(db_ticks "$DB")
wrk -t2 -c32 -d"$DURATION" --latency -s "$OUT/random-article.lua" "http://127.0.0.1:$PORT" | tee "$OUT/profile-article-wrk.txt"
jvm_after=$(cpu_ticks "/proc/$server/stat")
db_after=$(db_ticks "$DB")
profiler_stop $server "$OUT/article.collapsed"
requests=$(awk '/requests in/ {print $1}' "$OUT/profile-article-wrk.txt")
tick=$(getconf CLK_TCK)
echo "JVM CPU per page:      $(echo "scale=3; ($jvm_after - $jvm_before) * 1000 / $tick / $requests" | bc) ms"
[ "$DB" != h2 ] && echo "database CPU per page: $(echo "scale=3; ($db_after - $db_before) * 1000 / $tick / $requests" | bc) ms"
if [ "$has_pgss" = 1 ]; then
  echo "statements per page:   $(pgss -tAc "SELECT round(sum(calls)::numeric / $requests, 2) FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")"
  pgss -c "SELECT calls, round((total_exec_time + total_plan_time)::numeric * 1000 / $requests, 1) AS \"µs/page\",
      round(mean_exec_time::numeric * 1000, 1) AS \"µs/call\", rows,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS query
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    ORDER BY total_exec_time + total_plan_time DESC LIMIT 25"
fi
