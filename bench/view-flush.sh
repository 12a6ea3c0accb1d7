#!/usr/bin/env bash
# What a flush of article views costs: JDBC batches (ViewCounter, ADR 0073) against a statement per article, the
# flush it replaced (kept in the bench as the baseline). Uses the test databases (TestDatabase.fresh), so it runs
# where the suite runs: h2, pg (127.0.0.1:5432) or mariadb (127.0.0.1:3306).
#
#   bench/view-flush.sh [DB=H2|POSTGRES|MARIADB] [ARTICLES=5000] [VIEWED=2560] [ROUNDS=9]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
test_main org.shegong.content.ViewFlushBench \
  "${1:-H2}" "${2:-5000}" "${3:-2560}" "${4:-9}"
