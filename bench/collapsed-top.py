#!/usr/bin/env python3
"""Summarises an async-profiler collapsed-stack file (not a test): the frames with the most samples of their own
(self), the frames most often on the stack (inclusive, a frame counted once per stack), and, with --grep, the share
of samples whose stack contains each given substring.

    bench/collapsed-top.py FILE [--top 25] [--package org.shegong] [--grep ViewCounter --grep TemplateEngine]
"""
import argparse
import collections


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--package", help="inclusive list only for frames that contain this")
    p.add_argument("--grep", action="append", default=[])
    a = p.parse_args()
    own = collections.Counter()
    inclusive = collections.Counter()
    grep = collections.Counter()
    total = 0
    with open(a.file, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            n = int(count)
            total += n
            frames = stack.split(";")
            own[frames[-1]] += n
            for frame in set(frames):
                if not a.package or a.package in frame:
                    inclusive[frame] += n
            for g in a.grep:
                if g in stack:
                    grep[g] += n
    if total == 0:
        print("no samples")
        return
    print(f"{total} samples")
    print("\nself:")
    for frame, n in own.most_common(a.top):
        print(f"  {100 * n / total:5.1f} %  {frame}")
    print("\ninclusive" + (f" ({a.package})" if a.package else "") + ":")
    for frame, n in inclusive.most_common(a.top):
        print(f"  {100 * n / total:5.1f} %  {frame}")
    if a.grep:
        print("\nstacks containing:")
        for g in a.grep:
            print(f"  {100 * grep[g] / total:5.1f} %  {g}")


if __name__ == "__main__":
    main()
