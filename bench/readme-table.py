#!/usr/bin/env python3
"""Put a generated table into README.md between its markers, so the figures there are generated, not copied.

Usage: bench/readme-table.py TABLE_FILE [--readme README.md] [--note TEXT] [--block NAME]

Replaces everything between the lines `<!-- perf-table:begin -->` and `<!-- perf-table:end -->` with the file's
text (bench/perf-table.sh writes it to OUT/table.md), preceded by --note if given (e.g. "machine loaded"). With
--block NAME the markers are `<!-- perf-table:begin NAME -->` and `<!-- perf-table:end NAME -->` (one block per
database, say). Exits with an error, changing nothing, when the markers are missing or out of order.
"""

import argparse
import os
import sys

def markers(block=None):
    name = " " + block if block else ""
    return "<!-- perf-table:begin%s -->" % name, "<!-- perf-table:end%s -->" % name


def replace(readme, table, note=None, block=None):
    BEGIN, END = markers(block)
    lines = readme.split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == BEGIN)
        end = next(i for i, line in enumerate(lines) if line.strip() == END and i > start)
    except StopIteration:
        raise ValueError("README has no %s ... %s block" % (BEGIN, END))
    block = ([note, ""] if note else []) + table.strip("\n").split("\n")
    return "\n".join(lines[:start + 1] + block + lines[end:])


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Replace README.md's perf-table block with a table file.")
    ap.add_argument("table")
    ap.add_argument("--readme", default=os.path.join(here, "..", "README.md"))
    ap.add_argument("--note", help="a line put before the table")
    ap.add_argument("--block", help="the block's name (markers <!-- perf-table:begin NAME -->)")
    a = ap.parse_args(argv)
    with open(a.table, encoding="utf-8") as f:
        table = f.read()
    with open(a.readme, encoding="utf-8") as f:
        readme = f.read()
    try:
        updated = replace(readme, table, a.note, a.block)
    except ValueError as e:
        sys.exit(str(e))
    with open(a.readme, "w", encoding="utf-8") as f:
        f.write(updated)
    print("replaced the perf-table%s block of %s" % (" " + a.block if a.block else "", a.readme))


if __name__ == "__main__":
    main()
