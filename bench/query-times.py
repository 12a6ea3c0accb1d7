#!/usr/bin/env python3
"""Times searches one at a time against a running server and lists the costliest (issue 18; not a test).

Under 32 connections a search's p99 is the queue plus the slowest searches' own time, so the slow few matter more
than their share of the rate. This asks each of SAMPLE distinct queries of a bench/gen_queries.py file once (a
repeat would be answered from the result cache), on one keep-alive connection, and prints the distribution and the
slowest, each asked again REPEAT times to tell a costly query from a pause (GC, JIT) that happened to hit it.

    bench/query-times.py http://127.0.0.1:19580 bench/out/perf-h2-realistic-1000000/queries-titles.txt
    SAMPLE=3000 SLOWEST=25 REPEAT=3 bench/query-times.py URL FILE

A repeat of the same request is answered from the result cache, so the repeats ask pages 2, 3, ...: different
answers, computed the same way except that partial matches and corrections are looked for on page 1 only (a query
slow on page 1 and fast again is slow there, or was hit by a pause).
"""
import http.client
import os
import random
import re
import sys
import time
import urllib.parse


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    url, path = sys.argv[1], sys.argv[2]
    sample = int(os.environ.get("SAMPLE", "2000"))
    slowest = int(os.environ.get("SLOWEST", "20"))
    repeat = int(os.environ.get("REPEAT", "2"))
    with open(path, encoding="utf-8") as f:
        queries = list(dict.fromkeys(line.strip() for line in f if line.strip()))
    random.Random(11).shuffle(queries)
    queries = queries[:sample]
    parsed = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=30)

    def ask(query, page=1):
        target = "/search?" + urllib.parse.urlencode({"q": query, **({"page": page} if page > 1 else {})})
        start = time.perf_counter()
        conn.request("GET", target)
        response = conn.getresponse()
        body = response.read()
        took = (time.perf_counter() - start) * 1000
        if response.status != 200:
            return took, f"HTTP {response.status}"
        match = re.search("找到 ([^ ]+) 条结果".encode(), body)
        return took, (match.group(1).decode() if match else "0")

    times = []
    for query in queries:
        took, total = ask(query)
        times.append((took, query, total))
    ordered = sorted(t for t, _, _ in times)

    def pct(p):
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    print(f"{len(times)} distinct queries of {path}, one at a time: p50 {pct(50):.1f} ms, p90 {pct(90):.1f},"
          f" p99 {pct(99):.1f}, max {ordered[-1]:.1f}; mean {sum(ordered) / len(ordered):.1f} ms;"
          f" the slowest 1 % take {sum(ordered[int(len(ordered) * .99):]) / sum(ordered) * 100:.1f} % of the time")
    print(f"slowest {slowest}, each asked again {repeat} times (as pages 2, 3, ...):")
    for took, query, total in sorted(times, reverse=True)[:slowest]:
        again = [ask(query, page=2 + i)[0] for i in range(repeat)]
        print(f"  {took:7.1f} ms  again {' '.join(f'{a:6.1f}' for a in again)}  hits {total:>8}  {query}")


if __name__ == "__main__":
    main()
