#!/usr/bin/env bash
# What PostgreSQL costs to hand out whole pre-rendered pages by primary key (not a test): the database side of an
# uncached article served from a stored rendering instead of five reads and a render (ADR 0092). For each row count
# it fills a scratch table with random SIZE-byte pages (random bytes do not compress, as gzip's output does not),
# then reads random ids with pgbench (32 clients, prepared statements) and prints reads/s, the mean latency and the
# machine's CPU per read, split into pgbench's own and the rest (PostgreSQL, on a quiet machine).
#
#   bench/page-reads.sh [ROWS…=100000 1000000]
#
# Environment: SIZE (bytes a page, default 5120: a 16 KB article page gzipped), CONNS (32), DURATION (15 s), ROUNDS
# (2), PGHOST/PGUSER (127.0.0.1, postgres). The scratch database bench_page_reads is dropped at the end unless KEEP=1.
# Filling takes about 27 s per 100,000 rows on a two-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
if [ $# -gt 0 ]; then ROWS=("$@"); else ROWS=(100000 1000000); fi
SIZE=${SIZE:-5120}
CONNS=${CONNS:-32}
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-2}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DB=bench_page_reads
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
script=$(mktemp)
cleanup() {
  rm -f "$script"
  [ "${KEEP:-0}" = 1 ] || psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB"
}
trap cleanup EXIT
tick=$(getconf CLK_TCK)

echo "page reads by primary key, $SIZE bytes a page, $CONNS clients, ${DURATION} s a run, $(nproc) cores"
for n in "${ROWS[@]}"; do
  md5s=$(( (SIZE + 15) / 16 ))
  sql -c "CREATE TABLE pages_$n AS SELECT i AS id, substring(decode(x.hex, 'hex') FROM 1 FOR $SIZE) AS page
            FROM generate_series(1, $n) i CROSS JOIN LATERAL (SELECT string_agg(md5(random()::text || g || i), '') AS hex
              FROM generate_series(1, $md5s) g) x" \
      -c "ALTER TABLE pages_$n ADD PRIMARY KEY (id)" -c "VACUUM ANALYZE pages_$n"
  printf '\\set id random(1, %d)\nSELECT page FROM pages_%d WHERE id = :id;\n' "$n" "$n" > "$script"
  echo "$n rows, $(sql -Atc "SELECT pg_size_pretty(pg_total_relation_size('pages_$n'))") on disk"
  for round in $(seq 1 "$ROUNDS"); do
    before=$(machine_ticks)
    out=$( { /usr/bin/time -f 'pgbench-cpu %U %S' pgbench -n -M prepared -c "$CONNS" -j 2 -T "$DURATION" \
      -f "$script" "$DB"; } 2>&1)
    after=$(machine_ticks)
    reads=$(awk -F': ' '/actually processed/ {split($2, a, "/"); print a[1]}' <<<"$out")
    latency=$(awk '/latency average/ {print $4}' <<<"$out")
    own=$(awk '/^pgbench-cpu/ {print $2 + $3}' <<<"$out")
    total=$(echo "scale=6; ($after - $before) / $tick" | bc)
    echo "  round $round: $((reads / DURATION)) reads/s, latency $latency ms," \
      "CPU a read: $(echo "scale=1; $total * 1000000 / $reads" | bc) µs in all," \
      "$(echo "scale=1; ($total - $own) * 1000000 / $reads" | bc) µs outside pgbench"
  done
done
