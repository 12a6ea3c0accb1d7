#!/usr/bin/env bash
# Start to first page, java -jar against bin/shegong (ADR 0066), alternated round by round on the same data so that
# both see the same machine (not a test). Uses the data perf-table.sh built and kept in its OUT directory.
#
#   bench/start-times.sh [N=1000000] [DB=h2|pg|mariadb] [CORPUS=uniform] [ROUNDS=3]
#
# Environment: HEAP (-Xmx512m), PORT (19590), JAVA_HOME (the runtime both starts use), OUT (as perf-table.sh).
# OPTS_B (JVM options): compares bin/shegong against bin/shegong with these options added instead of java -jar against
# bin/shegong, e.g. OPTS_B=-XX:TieredStopAtLevel=1 for what the JIT's compilers cost a start (session 38).
# Prints one line a start and the medians. The launcher's archive is made before the first round (not timed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${1:-1000000}
DB=${2:-h2}
CORPUS=${3:-uniform}
ROUNDS=${4:-3}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-19590}
OUT=$(realpath -m "${OUT:-bench/out/perf-$DB-$CORPUS-$N}")
DATA=$OUT/data
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$OUT/indexed" ] || { echo "no data in $OUT: run DATA_ONLY=1 bench/perf-table.sh $N $DB $CORPUS first" >&2; exit 1; }

db_settings "$DB" "perf_${CORPUS}_$N"

start() { # how (jar|launcher), log; prints seconds to the first 200 of /
  local how=$1 log=$2 t pid
  t=$(date +%s.%N)
  start_server "$how" "$PORT" "$log"
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
    sleep 0.05
  done
  echo "$(date +%s.%N) - $t" | bc
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "==> training the launcher's archive if this jar and runtime have none (not timed)"
start launcher "$OUT/start-train.log" > /dev/null
# The first side: java -jar, or with OPTS_B bin/shegong as it is; the second: bin/shegong (with OPTS_B if given).
# Each side's log (OUT/start-*.log) is named for what it ran.
first=jar first_name="java -jar" second=launcher second_name="bin/shegong"
if [ -n "${OPTS_B:-}" ]; then
  first=launcher first_name="bin/shegong" second=opts-b second_name="bin/shegong $OPTS_B"
fi
first_times=() second_times=()
for round in $(seq 1 "$ROUNDS"); do
  first_times+=("$(start "$first" "$OUT/start-$first.log")")
  second_times+=("$(HEAP="$HEAP ${OPTS_B:-}" start launcher "$OUT/start-$second.log")")
  printf 'round %d: %s %.1f s, %s %.1f s\n' "$round" "$first_name" "${first_times[-1]}" "$second_name" \
    "${second_times[-1]}"
done
f=$(printf '%s\n' "${first_times[@]}" | median)
s=$(printf '%s\n' "${second_times[@]}" | median)
printf '%s articles, %s, %s, %s: start to first page, median of %d: %s %.1f s, %s %.1f s (%.2fx)\n' \
  "$N" "$DB" "$("$JAVA" -version 2>&1 | head -1)" "$HEAP" "$ROUNDS" "$first_name" "$f" "$second_name" "$s" \
  "$(echo "$s / $f" | bc -l)"
