#!/usr/bin/env bash
# Normal import against bulk import (not a test): generates N articles (all columns, seed 7), imports them into a
# fresh H2 data directory with `import` and then into another with `import --bulk`, both with the same heap, and
# prints articles/s, peak resident memory and the ratio. BENCH_PG=1 also runs the bulk import once into a fresh
# PostgreSQL database (127.0.0.1:5432, user postgres, profile postgres) and checks the row counts.
#
#   bench/bulk-import.sh [N=200000]
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-200000}
HEAP=${BENCH_HEAP:--Xmx512m}
OUT=bench/out/bulk
mkdir -p "$OUT"
FILE="$OUT/articles-$N.jsonl"

[ -f target/shegong.jar ] || ./mvnw -B -q -ntp package -DskipTests
if [ ! -s "$FILE" ]; then
  echo "==> generating $N articles"
  python3 -B bench/gen_articles.py "$N" --seed 7 --out "$FILE"
fi
ls -lhL "$FILE" | awk '{print "    file size: " $5}'

run() { # label data-dir [import args…] -> "label seconds rate peak-MB"
  local label=$1 dir=$2
  shift 2
  rm -rf "$dir"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$OUT/$label.rss" java $HEAP -jar target/shegong.jar import "$@" "$FILE" \
    --shegong.data-dir="$dir" > "$OUT/$label.log" 2>&1 || { tail -20 "$OUT/$label.log"; exit 1; }
  end=$(date +%s.%N)
  grep -o '导入完成.*' "$OUT/$label.log" | sed 's/^/    /' >&2
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$N" -v kb="$(tail -1 "$OUT/$label.rss")" \
    'BEGIN { printf "%s %.1f %.0f %.0f\n", l, e - s, n / (e - s), kb / 1024 }'
}

echo "==> normal import ($HEAP)"
normal=$(run normal "$OUT/data-normal")
echo "==> bulk import ($HEAP)"
bulk=$(run bulk "$OUT/data-bulk" --bulk)

read -r _ ns nr nm <<<"$normal"
read -r _ bs br bm <<<"$bulk"
printf '\n%-26s %10s %14s %14s\n' "$N articles, H2" "seconds" "articles/s" "peak RSS MB"
printf '%-26s %10s %14s %14s\n' "import" "$ns" "$nr" "$nm"
printf '%-26s %10s %14s %14s\n' "import --bulk" "$bs" "$br" "$bm"
awk -v a="$br" -v b="$nr" 'BEGIN { printf "bulk / normal: %.2fx (wall clock, JVM start included)\n", a / b }'

if [ "${BENCH_PG:-0}" = 1 ]; then
  db=shegong_bulk_bench
  echo "==> bulk import into PostgreSQL database $db"
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
  createdb -h 127.0.0.1 -U postgres "$db"
  start=$(date +%s.%N)
  SHEGONG_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SHEGONG_DB_USER=postgres \
    java $HEAP -Dspring.profiles.active=postgres -jar target/shegong.jar import --bulk "$FILE" \
    --shegong.data-dir="$OUT/data-pg" > "$OUT/pg.log" 2>&1 || { tail -20 "$OUT/pg.log"; exit 1; }
  end=$(date +%s.%N)
  grep -o '导入完成.*' "$OUT/pg.log" | sed 's/^/    /'
  awk -v s="$start" -v e="$end" -v n="$N" 'BEGIN { printf "PostgreSQL bulk: %.1f s, %.0f articles/s\n", e - s, n / (e - s) }'
  psql -h 127.0.0.1 -U postgres -d "$db" -Atc "SELECT 'articles ' || COUNT(*) FROM article UNION ALL
    SELECT 'listing rows ' || COUNT(*) FROM column_listing UNION ALL
    SELECT 'outbox events ' || event_type || ' ' || COUNT(*) FROM outbox_event GROUP BY event_type"
fi
