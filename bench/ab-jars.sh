#!/usr/bin/env bash
# Two builds of the server compared on the same data, alternated (A B, B A, …), because on this machine the speed of
# one run differs from the next by up to a quarter (issue 18): only runs taken side by side compare. Each round
# starts one jar on the data dir (and database) left by bench/perf-table.sh, lets the JIT warm up on the measured
# path, measures each row with wrk (req/s, and the server's CPU time per request), and stops the jar. Prints one
# line per run and the medians per jar. Not a test.
#
#   bench/ab-jars.sh A.jar B.jar DATA_DIR [ROUNDS=4]
#   bench/ab-jars.sh /tmp/old.jar target/shegong.jar bench/out/perf-h2-uniform-1000000/data
#   DB=pg PG_DB=perf_uniform_1000000 bench/ab-jars.sh old.jar new.jar bench/out/perf-pg-uniform-1000000/data 4
#
# Environment: DB (h2|pg|mariadb, default h2), PG_DB (the database perf-table.sh made, for pg and mariadb), MAX_ID
# (the highest article id; default: the highest linked from the home page and 行业动态), ROWS (default "uncached cached
# column"; also "titles", "popular" and "words": the search rows of perf-table.sh, on the query files it left beside
# DATA_DIR, each random one warmed up with its -warm file so the timed run is not answered from the result cache),
# DURATION (each timed run, default 15s), JIT_WARMUP (default 30s), CONNS (32), HEAP (-Xmx512m), PORT,
# SETTLE_MAX (the longest wait, in seconds, for the machine to go quiet after a start; default 600), OPTS_A and OPTS_B
# (JVM options for one side only: the same jar twice with OPTS_B=-XX:+UseParallelGC compares two collectors), DATA_B
# (B's own data dir, a copy of DATA_DIR: for a B whose index or data A cannot read; the query files stay DATA_DIR's).
# Both jars must apply the same migrations to the data (compare builds of one schema, or copy the data first).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

[ $# -ge 3 ] || { sed -n 2,21p "$0" >&2; exit 2; }
JARS=("$(realpath "$1")" "$(realpath "$2")")
DATA=$(realpath "$3")
DATAS=("$DATA" "$(realpath "${DATA_B:-$3}")")
ROUNDS=${4:-4} # even: each order as often
DB=${DB:-h2}
ROWS=${ROWS:-uncached cached column}
DURATION=${DURATION:-15s}
JIT_WARMUP=${JIT_WARMUP:-30s}
CONNS=${CONNS:-32}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-19590}
OUT=$(mktemp -d /tmp/ab-jars.XXXXXX)
case "$DB" in pg|mariadb) : "${PG_DB:?PG_DB is needed}" ;; esac
db_settings "$DB" "${PG_DB:-}"
for jar in "${JARS[@]}"; do [ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 2; }; done

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

tick=$(getconf CLK_TCK)
server_cpu() { cpu_ticks "/proc/$server_pid/stat"; }

# rps PATH DURATION [SCRIPT]: "REQ/S CPU_US DB_US P99_MS" of one wrk run: requests per second, the server's CPU time
# per request in microseconds (user + system, from /proc: a figure the machine's speed from run to run moves much
# less), the database server's (0 on H2, whose work is in the server's figure) and wrk's 99th percentile latency in
# milliseconds. Non-2xx answers are reported on stderr.
rps() {
  local path=$1 duration=$2 script=(${3:+-s "$3"}) result before after db_before db_after p99
  before=$(server_cpu)
  db_before=$(db_ticks "$DB")
  result=$(wrk -t2 -c"$CONNS" -d"$duration" --latency "${script[@]}" "http://127.0.0.1:$PORT$path")
  after=$(server_cpu)
  db_after=$(db_ticks "$DB")
  if grep -q "Non-2xx" <<<"$result"; then
    echo "    $(grep Non-2xx <<<"$result") for $path ${3:-}" >&2
  fi
  p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$result")")
  awk -v cpu=$((after - before)) -v db=$((db_after - db_before)) -v tick="$tick" -v p99="$p99" '/Requests\/sec/ {rps = $2}
    / requests in / {n = $1} END {printf "%.0f %.0f %.0f %.1f", rps, cpu * 1000000 / tick / n, db * 1000000 / tick / n, p99}' <<<"$result"
}

# search_row titles|popular|words: perf-table's search row of that name, warmed up as it does.
search_row() {
  local queries warm
  case "$1" in
    titles) queries=$Q-titles.txt; warm=$Q-titles-warm.txt ;;
    popular) queries=$Q-popular.txt; warm=$queries ;;
    words) queries=$Q-uniform.txt; warm=$Q-uniform-warm.txt ;;
  esac
  [ -s "$queries" ] || { echo "no $queries: run bench/perf-table.sh for this data first" >&2; exit 2; }
  QUERY_FILE=$warm wrk -t2 -c"$CONNS" -d3s -s bench/search-queries.lua "http://127.0.0.1:$PORT" > /dev/null
  QUERY_FILE=$queries rps / "$DURATION" bench/search-queries.lua
}
Q=$(dirname "$DATA")/queries

declare -A results cpu dbcpu p99s
for round in $(seq 1 "$ROUNDS"); do
  # A B, then B A: with the same jar on both sides the second run of each of three rounds used 1.22-1.46x the first's
  # server CPU per page (session 18, PostgreSQL, uncached articles; a later run did not show it in every round), so a
  # fixed order could favour A. An even number of rounds runs each order as often.
  order=$([ $((round % 2)) = 1 ] && echo "0 1" || echo "1 0")
  for side in $order; do
    label=$([ $side = 0 ] && echo A || echo B)
    side_opts=$([ $side = 0 ] && echo "${OPTS_A:-}" || echo "${OPTS_B:-}")
    # shellcheck disable=SC2086 # a list of JVM options, as JAVA_OPTS
    java $HEAP $side_opts "${db_args[@]}" -jar "${JARS[$side]}" --server.port=$PORT --shegong.data-dir="${DATAS[$side]}" \
      > "$OUT/server-$label-$round.log" 2>&1 &
    server_pid=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; do
      kill -0 "$server_pid" 2>/dev/null || { echo "jar $label did not start: $OUT/server-$label-$round.log" >&2; exit 1; }
      sleep 0.5
    done
    settle "$server_pid" "${SETTLE_MAX:-600}" > /dev/null # background work after a start (tagging, merges)
    max_id=${MAX_ID:-$(curl -fsS "http://127.0.0.1:$PORT/" "http://127.0.0.1:$PORT/column/news" \
      | grep -o 'href="/article/[0-9]*"' | grep -o '[0-9]*' | sort -n | tail -1)}
    wrk_scripts "$OUT" "$max_id"
    cached=$(curl -fsS "http://127.0.0.1:$PORT/column/news" | grep -o 'href="/article/[0-9]*"' | head -1 \
      | grep -o '/article/[0-9]*')
    # The JIT compiles the rendering path while it runs; a short warm-up measured it half-compiled.
    wrk -t2 -c"$CONNS" -d"$JIT_WARMUP" -s "$OUT/random-article.lua" "http://127.0.0.1:$PORT/article/1" > /dev/null
    if [[ " $ROWS " =~ \ (titles|popular|words)\  ]]; then # and the search path, on queries no timed run asks
      QUERY_FILE=$Q-titles-warm.txt wrk -t2 -c"$CONNS" -d"$JIT_WARMUP" -s bench/search-queries.lua \
        "http://127.0.0.1:$PORT" > /dev/null
    fi
    line="round $round $label"
    for row in $ROWS; do
      case "$row" in
        uncached) value=$(rps /article/1 "$DURATION" "$OUT/random-article.lua") ;;
        cached) rps "$cached" 3s > /dev/null; value=$(rps "$cached" "$DURATION") ;;
        column) value=$(rps /column/news "$DURATION" "$OUT/no-cache.lua") ;; # page 1, rendered for a session cookie
        titles|popular|words) value=$(search_row "$row") ;;
        *) echo "unknown row $row (uncached, cached, column, titles, popular, words)" >&2; exit 2 ;;
      esac
      read -r v_rps v_cpu v_db v_p99 <<<"$value"
      results[$label,$row]+="$v_rps "
      cpu[$label,$row]+="$v_cpu "
      dbcpu[$label,$row]+="$v_db "
      p99s[$label,$row]+="$v_p99 "
      line+="  $row $v_rps req/s $v_cpu us p99 $v_p99 ms"
      [ "$DB" = h2 ] || line+=" + db $v_db us"
    done
    echo "$line"
    stop_server
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b / a}'; }
echo "medians over $ROUNDS rounds (wrk -t2 -c$CONNS -d$DURATION, $DB, data $DATA${DATA_B:+, B on $DATA_B}):"
for row in $ROWS; do
  a=$(median "${results[A,$row]}")
  b=$(median "${results[B,$row]}")
  ca=$(median "${cpu[A,$row]}")
  cb=$(median "${cpu[B,$row]}")
  printf '  %-9s req/s A %7s  B %7s  B/A %s    server CPU us/request A %6s  B %6s  B/A %s' \
    "$row" "$a" "$b" "$(ratio "$a" "$b")" "$ca" "$cb" "$(ratio "$ca" "$cb")"
  printf '    p99 ms A %6s  B %6s' "$(median "${p99s[A,$row]}")" "$(median "${p99s[B,$row]}")"
  if [ "$DB" != h2 ]; then
    da=$(median "${dbcpu[A,$row]}")
    db=$(median "${dbcpu[B,$row]}")
    printf '    database CPU us/request A %6s  B %6s  B/A %s' "$da" "$db" "$(ratio "$da" "$db")"
  fi
  echo
done
echo "A = ${JARS[0]} ${OPTS_A:-}"
echo "B = ${JARS[1]} ${OPTS_B:-}"
echo "server logs: $OUT"
