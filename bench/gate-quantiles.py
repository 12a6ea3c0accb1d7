#!/usr/bin/env python3
"""The search gate's wait and work between two scrapes of the management port's Prometheus page (not a test).

    curl -s 127.0.0.1:8081/actuator/prometheus > before.txt; wrk …; curl -s … > after.txt
    bench/gate-quantiles.py before.txt after.txt            # a table
    bench/gate-quantiles.py --line before.txt after.txt     # one line, for perf-table.sh's notes

For each pass (results, regions) and timer (wait, work): the count, the mean and the 50th/90th/99th percentiles of what
happened between the two scrapes, read from the histogram's buckets (linear within a bucket, so a percentile is as
fine as the buckets: about a tenth of its value; one in the first bucket, 0 to about 1 ms, prints as ≤ its bound).
A search page's time under load is its two waits and two works plus what it does outside the gate (rendering, the
servlet stack): the wrk percentiles minus these say how much that is.
"""
import re
import sys

LINE = re.compile(r'^(shegong_search_gate_(wait|work)_seconds_(bucket|sum|count))\{([^}]*)\} (\S+)$')


def read(path):
    values = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = LINE.match(line.strip())
            if not m:
                continue
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(4)))
            key = (m.group(2), labels.get('pass'), m.group(3), labels.get('le'))
            values[key] = float(m.group(5))
    return values


class AtMost(float):
    """A quantile in the first bucket (0 to its bound, about 1 ms): only the bound is known, printed as ≤ bound."""

    def __format__(self, spec):
        return '≤' + format(float(self), spec)

    def __mul__(self, other):
        return AtMost(float(self) * other)


def quantile(buckets, q):
    """buckets: [(upper bound, cumulative count)], ascending; linear inside the bucket the quantile falls in."""
    total = buckets[-1][1]
    if total == 0:
        return float('nan')
    rank = q * total
    lower, below = 0.0, 0.0
    for upper, cumulative in buckets:
        if cumulative >= rank:
            if upper == float('inf'):
                return lower
            if lower == 0.0:
                return AtMost(upper)
            inside = cumulative - below
            return lower + (upper - lower) * ((rank - below) / inside if inside else 1.0)
        lower, below = upper, cumulative
    return lower


def figures(before, after, pass_, timer):
    """(count, mean ms, p50 ms, p90 ms, p99 ms) of one pass's timer between the scrapes, or None if it never ran."""
    def delta(kind, le=None):
        return after.get((timer, pass_, kind, le), 0.0) - before.get((timer, pass_, kind, le), 0.0)
    count = delta('count')
    bounds = sorted((float(le), le) for (t, p, kind, le) in after if t == timer and p == pass_ and kind == 'bucket')
    buckets = [(bound, delta('bucket', le)) for bound, le in bounds]
    if not buckets or count == 0:
        return None
    return (count, delta('sum') / count * 1000, *(quantile(buckets, q) * 1000 for q in (0.5, 0.9, 0.99)))


def main():
    args = sys.argv[1:]
    line = args[:1] == ['--line']
    if line:
        args = args[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    before, after = read(args[0]), read(args[1])
    if line:
        parts = []
        for pass_, name in (('results', 'results'), ('regions', '地区 counts')):
            wait, work = figures(before, after, pass_, 'wait'), figures(before, after, pass_, 'work')
            if wait is None or work is None:
                parts.append(f'{name}: none')
                continue
            parts.append(f'{name} waited p50 {wait[2]:.1f} / p99 {wait[4]:.1f} ms and worked {work[1]:.1f} ms on '
                         f'average ({wait[0]:.0f} passes)')
        print('; '.join(parts))
        return
    print('| pass | timer | count | mean ms | p50 ms | p90 ms | p99 ms |')
    print('|---|---|---|---|---|---|---|')
    for pass_ in ('results', 'regions'):
        for timer in ('wait', 'work'):
            f = figures(before, after, pass_, timer)
            if f is None:
                print(f'| {pass_} | {timer} | 0 | | | | |')
                continue
            print(f'| {pass_} | {timer} | {f[0]:.0f} | {f[1]:.1f} | {f[2]:.1f} | {f[3]:.1f} | {f[4]:.1f} |')


if __name__ == '__main__':
    main()
