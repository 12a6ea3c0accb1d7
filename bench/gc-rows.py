#!/usr/bin/env python3
"""What the garbage collector did during each row of a bench/perf-table.sh run (not a test): young, mixed and remark
pauses, the time stopped and the heap after collections, row by row, read from the server's GC log.

    HEAP="-Xmx512m -Xlog:gc:file=$OUT/gc.log:uptime" bench/perf-table.sh 1000000 pg realistic
    bench/gc-rows.py bench/out/perf-pg-realistic-1000000 bench/out/perf-pg-realistic-1000000/gc.log

Each row's window is the ten seconds (--duration) before its wrk file was last written; the log's times are seconds
since the JVM started, which is taken as the log file's birth time (stat %W: the JVM creates the file as it starts).
Copy wrk files with cp -p before another run overwrites them, or their times are lost.
"""
import argparse
import glob
import os
import re
import subprocess

EVENT = re.compile(r"^\[(?P<t>[\d.]+)s\].*GC\(\d+\) (?P<what>Pause (?:Young \((?P<kind>Normal|Mixed|Concurrent Start|Prepare Mixed)\)"
                   r"|Remark|Cleanup|Full))(?:.*?(?P<before>\d+)M->(?P<after>\d+)M\((?P<cap>\d+)M\))? (?P<ms>[\d.]+)ms$")
WHOLE = "whole run"


def birth(path):
    out = subprocess.run(["stat", "-c", "%W", path], capture_output=True, text=True, check=True).stdout.strip()
    if out in ("0", "-"):
        raise SystemExit(f"{path}: the file system does not keep birth times; pass --started (epoch seconds)")
    return float(out)


def events(log):
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = EVENT.match(line.strip())
            if m:
                yield m


def summary(found):
    young = sum(1 for m in found if m["what"].startswith("Pause Young") and m["kind"] != "Mixed")
    mixed = sum(1 for m in found if m["kind"] == "Mixed")
    remark = sum(1 for m in found if m["what"] == "Pause Remark")
    full = sum(1 for m in found if m["what"] == "Pause Full")
    stopped = sum(float(m["ms"]) for m in found)
    after = [int(m["after"]) for m in found if m["after"] and m["what"].startswith(("Pause Young", "Pause Full"))]
    heap = f"{min(after)}-{max(after)} MB" if after else "-"
    return f"{young:4d} / {mixed:3d} / {remark:3d} / {full:2d} | {stopped:8.0f} ms | {heap}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("wrk_dir", help="the directory holding the run's wrk-*.txt files")
    p.add_argument("gc_log")
    p.add_argument("--duration", type=float, default=10.0, help="each row's timed run, seconds")
    p.add_argument("--started", type=float, help="the JVM's start, epoch seconds (default: the log's birth time)")
    a = p.parse_args()
    started = a.started if a.started is not None else birth(a.gc_log)
    all_events = list(events(a.gc_log))
    print(f"{'row':46s} | young / mixed / remark / full | stopped | heap after GC")
    rows = sorted(glob.glob(os.path.join(a.wrk_dir, "wrk-*.txt")), key=os.path.getmtime)
    for path in rows:
        end = os.path.getmtime(path) - started
        found = [m for m in all_events if end - a.duration <= float(m["t"]) <= end]
        print(f"{os.path.basename(path)[4:-4]:46s} | {summary(found)}")
    print(f"{WHOLE:46s} | {summary(all_events)}")


if __name__ == "__main__":
    main()
