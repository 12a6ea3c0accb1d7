#!/usr/bin/env bash
# Where search spends the CPU under concurrent readers (not a test). Starts the real jar (-Xmx512m) on a data directory
# that already has articles and a search index (bench/perf-table.sh or load.sh leave one), warms up, then records
# Java Flight Recorder samples while wrk sends the queries of a file, and prints the top frames (bench/jfr-top.py).
#
#   bench/profile-search.sh DATA_DIR QUERY_FILE [DURATION=30s] [CONNECTIONS=32]
#   bench/profile-search.sh bench/out/perf-h2-realistic-100000/data bench/out/perf-h2-realistic-100000/queries-realistic.txt
#
# JFR=0 skips the recording (the CPU time per request is printed either way, a figure a busy machine distorts less
# than req/s). AP_LIB=/path/to/libasyncProfiler.so samples with async-profiler instead (itimer, 1 ms; it sees the
# JIT's and the collector's threads, which JFR's execution samples do not): the collapsed stacks are left in
# DATA_DIR/../search.collapsed and the shares of a search page's parts are printed (bench/collapsed-top.py --grep).
# The search gate's wait and work during the timed run, per pass, from the management port (MANAGEMENT_PORT, default
# PORT + 1; bench/gate-quantiles.py), say how much of a page's time under load is queueing and how much computing.
# PORT (default 19590) and JAVA_OPTS (added to the server's options, e.g. -Dshegong.search.load.cache-size=0 to
# profile without the result cache) change the server. The recording is left in DATA_DIR/../search.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DATA=$(realpath "$1")
QUERIES=$(realpath "$2")
DURATION=${3:-30s}
CONNS=${4:-32}
PORT=${PORT:-19590}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1))}
OUT=$(dirname "$DATA")
[ -f target/shegong.jar ] || ./mvnw -B -q -ntp package -DskipTests
db_args=() # the data directory's own H2 database
HEAP="-Xmx512m -XX:FlightRecorderOptions:stackdepth=256 -Dmanagement.server.port=$MANAGEMENT_PORT ${JAVA_OPTS:-}" \
  start_server jar "$PORT" "$OUT/profile-server.log"
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
await_server $server "$PORT" "$OUT/profile-server.log"
settle $server 3600   # background work after a start (region tags after an import) would be in the profile
# The warm-up's own queries (WARM_FILE, by default QUERY_FILE's -warm sibling that perf-table.sh leaves, else QUERY_FILE
# itself): warmed up on the timed run's file, the timed run replays the warm-up's queries, which the result cache answers.
warm=${QUERIES%.txt}-warm.txt
WARM_FILE=$(realpath "${WARM_FILE:-$([ -s "$warm" ] && echo "$warm" || echo "$QUERIES")}")
# Warm-up, WARMUP long (default 90s): the JIT compiles search for over a minute of load (100,000 realistic articles,
# random title words, result cache off; jstat -compiler's total: 48 s after 20 s of load, 89 s after 80 s, 93 s after
# 140 s), and a profile taken earlier shows the compiler's threads and not yet compiled code, not the steady state.
QUERY_FILE=$WARM_FILE wrk -t2 -c"$CONNS" -d"${WARMUP:-90s}" -s bench/search-queries.lua "http://127.0.0.1:$PORT" \
  > /dev/null
rm -f "$OUT/search.jfr"
[ -z "${AP_LIB:-}" ] || JFR=0 # one profiler at a time
profiler_start $server
[ "${JFR:-1}" = 1 ] && jcmd $server JFR.start name=search settings=profile filename="$OUT/search.jfr" > /dev/null
cpu() { cpu_ticks "/proc/$server/stat"; }
scrape_metrics "$MANAGEMENT_PORT" "$OUT/gate-before.txt"
before=$(cpu)
QUERY_FILE=$QUERIES wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s bench/search-queries.lua \
  "http://127.0.0.1:$PORT" | tee "$OUT/profile-wrk.txt"
# CPU time per request: a measure of the work that a machine shared with other jobs distorts far less than req/s.
requests=$(awk '/requests in/ {print $1}' "$OUT/profile-wrk.txt")
echo "server CPU per request: $(echo "scale=2; ($(cpu) - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc) ms"
scrape_metrics "$MANAGEMENT_PORT" "$OUT/gate-after.txt"
echo "the search gate during the timed run (each page passes twice: results, then its 地区 counts):"
python3 bench/gate-quantiles.py "$OUT/gate-before.txt" "$OUT/gate-after.txt"
if [ -n "${AP_LIB:-}" ]; then
  profiler_stop $server "$OUT/search.collapsed"
  # The parts of a search page, as session 31's paragraph "Where a search's CPU goes at 1M now" lists them
  # (docs/performance-history.md).
  python3 bench/collapsed-top.py "$OUT/search.collapsed" --top 0 --grep CompileBroker --grep SearchController.search \
    --grep RankedSearch.searchInParallel --grep RegionFacets.count --grep RankedSearch.rescore \
    --grep LuceneSearchEngine.stored --grep AnalysedSearchEngine.hit --grep AnalysedSearchEngine.partial \
    --grep gg/jte --grep QueryText.parse --grep AnalysedSearchEngine.correction | sed -n '/stacks containing/,$p'
fi
if [ "${JFR:-1}" = 1 ]; then
  jcmd $server JFR.stop name=search > /dev/null
  python3 bench/jfr-top.py "$OUT/search.jfr"
fi
