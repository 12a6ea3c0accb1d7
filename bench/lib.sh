# Shell functions shared by the load benchmarks (bench/load.sh, bench/perf-table.sh, bench/profile-search.sh).
# Source it: . bench/lib.sh

# cpu_ticks STAT_FILE: user + system CPU ticks of a process (/proc/PID/stat) or one of its threads
# (/proc/PID/task/TID/stat); divide by getconf CLK_TCK for seconds.
cpu_ticks() { awk '{print $14 + $15}' "$1"; }
# machine_ticks: busy CPU ticks of the whole machine since boot (user, nice, system, irq, softirq of /proc/stat).
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
# scrape_metrics PORT FILE: the server's Prometheus page from its management port (the search gate's histograms:
# bench/gate-quantiles.py compares two of them).
scrape_metrics() { curl -fsS "http://127.0.0.1:$1/actuator/prometheus" > "$2"; }

# await_server PID PORT LOG: waits until the server answers on PORT; if its JVM exits first (a bad option, a port in
# use), prints the end of LOG and exits, rather than waiting forever for a port nothing will open.
await_server() {
  until curl -fsS -o /dev/null "http://127.0.0.1:$2/" 2>/dev/null; do
    kill -0 "$1" 2>/dev/null || { tail -30 "$3"; exit 1; }
    sleep 0.2
  done
}

# db_ticks DB: user + system CPU ticks of the database server's processes (pg: every postgres process, backends
# included; mariadb: mariadbd); 0 for h2, which runs inside the server. Backends that exit between two readings take
# their ticks with them, so compare readings taken while the pool's connections stay open.
db_ticks() {
  local name sum=0 p
  case "$1" in pg) name=postgres ;; mariadb) name=mariadbd ;; *) echo 0; return ;; esac
  for p in $(pgrep -x "$name" || true); do
    [ -r "/proc/$p/stat" ] && sum=$((sum + $(cpu_ticks "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}

# settle PID [MAX_SECONDS=3600]: waits until the process has been idle (under 0.15 s of CPU in each of 5 consecutive
# seconds), so that background work after a start (the region tagging of a bulk import, a rebuild and its merge)
# does not run during a measurement. Gives up, saying so, after MAX_SECONDS.
settle() {
  local pid=$1 max=${2:-3600} quiet=0 waited=0 before after tick busy_before busy_after
  tick=$(getconf CLK_TCK)
  before=$(cpu_ticks "/proc/$pid/stat")
  busy_before=$(machine_ticks)
  while [ "$quiet" -lt 5 ]; do
    sleep 1
    waited=$((waited + 1))
    kill -0 "$pid" 2>/dev/null || return 1
    after=$(cpu_ticks "/proc/$pid/stat")
    # The whole machine too: a server waiting on its database (a long scan after an import) looks idle itself.
    busy_after=$(machine_ticks)
    if [ $(( (after - before) * 100 / tick )) -lt 15 ] && [ $(( (busy_after - busy_before) * 100 / tick )) -lt 30 ]; then
      quiet=$((quiet + 1))
    else
      quiet=0
    fi
    before=$after
    busy_before=$busy_after
    if [ "$waited" -ge "$max" ]; then
      echo "    still busy after ${max} s; measuring anyway" >&2
      return 0
    fi
  done
  echo "    idle after ${waited} s"
}

# profiler_start PID / profiler_stop PID FILE: async-profiler (AP_LIB, the path of libasyncProfiler.so) loaded into a
# running JVM, sampling every millisecond of CPU time (itimer, which also sees the JIT's and the collector's threads),
# stopped into FILE as collapsed stacks (bench/collapsed-top.py reads them). Nothing when AP_LIB is unset.
profiler_start() { [ -z "${AP_LIB:-}" ] || jcmd "$1" JVMTI.agent_load "$AP_LIB" "\"start,event=itimer,interval=1ms\"" > /dev/null; }
profiler_stop() { [ -z "${AP_LIB:-}" ] || jcmd "$1" JVMTI.agent_load "$AP_LIB" "\"stop,file=$2,collapsed\"" > /dev/null; }

# ms LATENCY: a wrk latency (812.00us, 1.23ms, 1.01s, 1.00m) in milliseconds.
ms() {
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /m$/) n*=60000;
    else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

# static_article PORT OUT: the id of the newest article of /column/news, whose page is saved as OUT/static/article.html
# for nginx to serve: the same bytes the server sends.
static_article() {
  local port=$1 out=$2 article
  mkdir -p "$out/static"
  article=$(curl -fsS "http://127.0.0.1:$port/column/news" | grep -o 'href="/article/[0-9]*"' | head -1 | grep -o '[0-9]*')
  curl -fsS -o "$out/static/article.html" "http://127.0.0.1:$port/article/$article"
  echo "$article"
}

# start_nginx OUT PORT: nginx serving OUT/static on 127.0.0.1:PORT (the baseline), its pid in $nginx_pid.
start_nginx() {
  local out=$1 port=$2
  cat > "$out/nginx.conf" <<NGINX
worker_processes auto;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  server { listen 127.0.0.1:$port; root $out/static; }
}
NGINX
  nginx -c "$out/nginx.conf" -p "$out" -g 'daemon off;' &
  nginx_pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null || curl -sS -o /dev/null -w '%{http_code}' \
      "http://127.0.0.1:$port/" 2>/dev/null | grep -q 40; do
    sleep 0.1
  done
}

# wrk_scripts OUT MAX_ID: OUT/random-article.lua (a different article each request, ids 1..MAX_ID, so the page
# cache cannot answer) and OUT/no-cache.lua (a session cookie, so the page cache lets the controllers answer).
wrk_scripts() {
  local out=$1 max_id=$2
  # Seeded per thread and per run: with one fixed seed both threads asked for the same ids in step, and the timed
  # run replayed its warm-up's ids, so part of the "uncached" row came from the page cache.
  cat > "$out/random-article.lua" <<LUA
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("number", counter)
end
function init(args)
  math.randomseed(os.time() * 1000 + (number or 0))
end
request = function()
  return wrk.format("GET", "/article/" .. math.random(1, $max_id))
end
LUA
  cat > "$out/no-cache.lua" <<LUA
wrk.headers["Cookie"] = "JSESSIONID=bench"
LUA
}

# test_main CLASS ARGS...: compiles the test sources and runs CLASS, a benchmark's main among them, on the test
# classpath with -Xmx512m and BENCH_JAVA_OPTS, after a line naming the machine and its load.
test_main() {
  ./mvnw -q -B test-compile -DskipTests
  local cp
  cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086 # a list of JVM options
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$cp" "$@"
}

# db_settings DB NAME: the server's options for a database (h2, pg or mariadb) named NAME on this machine: sets the
# array db_args and exports SHEGONG_DB_*. PostgreSQL honours PGHOST and PGUSER. Exits on an unknown DB.
db_settings() {
  db_args=()
  case "$1" in
    h2) ;;
    pg) db_args=(-Dspring.profiles.active=postgres)
        export SHEGONG_DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:5432/$2" SHEGONG_DB_USER=${PGUSER:-postgres} ;;
    mariadb) db_args=(-Dspring.profiles.active=mysql)
        export SHEGONG_DB_URL="jdbc:mariadb://127.0.0.1:3306/$2" SHEGONG_DB_USER=root SHEGONG_DB_PASSWORD= ;;
    *) echo "DB must be h2, pg or mariadb" >&2; exit 2 ;;
  esac
}

# start_server HOW PORT LOG: starts target/shegong.jar in the background on DATA with HEAP and db_args, through
# bin/shegong (HOW=launcher; its archives in bench/out/launch-cache) or with java -jar (HOW=jar). JAVA (default
# java) is the runtime either way. bin/shegong execs the JVM, so $! is the server's pid either way.
start_server() {
  local java=${JAVA:-java}
  if [ "$1" = launcher ]; then
    JAVA="$java" SHEGONG_JAR=$PWD/target/shegong.jar SHEGONG_LAUNCH_DIR=$PWD/bench/out/launch-cache \
      JAVA_OPTS="$HEAP ${db_args[*]}" bin/shegong --server.port="$2" --shegong.data-dir="$DATA" > "$3" 2>&1 &
  else
    "$java" $HEAP "${db_args[@]}" -jar target/shegong.jar --server.port="$2" --shegong.data-dir="$DATA" > "$3" 2>&1 &
  fi
}
