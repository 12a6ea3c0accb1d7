#!/usr/bin/env python3
"""Where the CPU went, from a Java Flight Recorder file: the top frames of its execution samples.

Usage: bench/jfr-top.py RECORDING.jfr [--top 25] [--package org.shegong]

Prints three lists, each as a share of all samples:
- self: the method on top of the stack (where the time is spent);
- total: every method on the stack, once per sample (what a call costs with everything it calls);
- first project frame: the innermost frame in --package (which of our calls led to the time spent).
Reads `jfr print --json --events jdk.ExecutionSample` (the jfr tool of the JDK). Record with, for example,
`jcmd PID JFR.start settings=profile duration=30s filename=/tmp/x.jfr` while a load runs.
"""

import argparse
import json
import subprocess
import sys
from collections import Counter


def frames(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        stack = event["values"].get("stackTrace") or {}
        types = [f["method"]["type"]["name"] for f in stack.get("frames", [])]
        names = [t.rsplit(".", 1)[-1] + "." + f["method"]["name"] for t, f in zip(types, stack.get("frames", []))]
        yield names, types


def main(argv=None):
    ap = argparse.ArgumentParser(description="Top frames of a JFR recording's execution samples.")
    ap.add_argument("recording")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--package", default="org.shegong")
    a = ap.parse_args(argv)
    own, total, ours = Counter(), Counter(), Counter()
    samples = 0
    for names, types in frames(a.recording):
        if not names:
            continue
        samples += 1
        own[names[0]] += 1
        for name in set(names):
            total[name] += 1
        first = next((n for n, t in zip(names, types) if t.replace("/", ".").startswith(a.package)),
                     "(none of " + a.package + ")")
        ours[first] += 1
    if not samples:
        sys.exit("no execution samples in " + a.recording)
    print("%d execution samples in %s" % (samples, a.recording))
    for title, counter in (("self", own), ("total (on the stack)", total), ("first " + a.package + " frame", ours)):
        print("\n%s:" % title)
        for name, n in counter.most_common(a.top):
            print("  %5.1f%%  %s" % (100.0 * n / samples, name))


if __name__ == "__main__":
    main()
