#!/usr/bin/env python3
"""Search query workloads, one query a line (UTF-8), for SearchBench (QUERY_FILE) and wrk (bench/search-queries.lua).

Usage:
  bench/gen_queries.py realistic CORPUS COUNT [--seed S]   # 1-3 words of the titles (and bodies) of CORPUS's articles
  bench/gen_queries.py popular QUERIES COUNT [--distinct 1000] [--exponent 1.0] [--exclude FILE ...] [--seed S]
                                                           # a Zipfian mix over the first 1,000 distinct queries of QUERIES
  bench/gen_queries.py uniform COUNT [--seed S]            # 1-3 random words of SearchBench.WORDS (the old workload)

realistic: a reservoir sample of COUNT articles of the corpus (a JSON Lines file, any generator); each gives one query of
one to three words (45% / 40% / 15%, as search logs are mostly short) cut from its title by longest match against
jieba's dictionary (see gen_realistic.py) and the sector dictionary; in 30% of queries one word comes from the body's
first sentences instead. Sector terms and places (the sector dictionary) are picked three times as often as other
words. Every query therefore finds at least its own article, as a reader looking for a story does.

popular: search logs are dominated by a few queries; the k-th most popular of DISTINCT queries is asked with weight
1 / k^EXPONENT. The queries are the first DISTINCT distinct lines of QUERIES (e.g. a realistic file) that are in
none of the --exclude files (a mix none of whose queries a server has been asked yet: its answers are not cached).

Deterministic for a seed and the same input.
"""

import argparse
import itertools
import json
import os
import re
import sys
from random import Random

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
from gen_realistic import DEFAULT_JAR, HAN, SECTOR_DICTIONARY, ensure_jar, read_dictionary  # noqa: E402

SEARCH_BENCH = os.path.join(_HERE, "..", "src", "test", "java", "org", "shegong", "search", "query", "SearchBench.java")
WORD_LENGTHS = (1, 2, 3)
WORD_LENGTH_WEIGHTS = (45, 40, 15)
LONGEST = 8


def uniform_words():
    """SearchBench.WORDS, read from its source so that both workloads stay the same list."""
    with open(SEARCH_BENCH, encoding="utf-8") as f:
        source = f.read()
    m = re.search(r"String\[\] WORDS = \{(.*?)\};", source, re.S)
    if not m:
        sys.exit("WORDS not found in " + SEARCH_BENCH)
    return re.findall(r'"([^"]+)"', m.group(1))


class Segmenter:
    """Longest match from the left against the dictionaries; a character no word starts with stands alone."""

    def __init__(self, jar):
        self.words = {w for w, _, _ in read_dictionary(ensure_jar(jar)) if len(w) >= 2}
        with open(SECTOR_DICTIONARY, encoding="utf-8") as f:
            self.sector = {w.strip() for w in f if HAN.match(w.strip())}
        self.words.update(self.sector)

    def words_of(self, text):
        out = []
        i = 0
        while i < len(text):
            for n in range(min(LONGEST, len(text) - i), 0, -1):
                piece = text[i:i + n]
                if n == 1 or piece in self.words:
                    out.append(piece)
                    i += n
                    break
        return [w for w in out if len(w) >= 2 and HAN.match(w)]


def sample_lines(path, count, rng):
    """A reservoir sample of count lines, in file order."""
    kept = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < count:
                kept.append((i, line))
            else:
                j = rng.randrange(i + 1)
                if j < count:
                    kept[j] = (i, line)
    kept.sort()
    return [line for _, line in kept]


def pick(words, k, sector, rng):
    """Up to k distinct words, in their order; sector terms and places (what readers of the site look for) weigh 3."""
    chosen = []
    left = list(dict.fromkeys(words))
    while left and len(chosen) < k:
        w = rng.choices(left, [3 if x in sector else 1 for x in left])[0]
        left.remove(w)
        chosen.append(w)
    return sorted(chosen, key=words.index)


def realistic(corpus, count, rng, jar):
    seg = Segmenter(jar)
    queries = []
    lines = sample_lines(corpus, count, rng)
    for line in itertools.islice(itertools.cycle(lines), count):
        article = json.loads(line)
        title = seg.words_of(article["title"])
        body = seg.words_of(article["body"][:200])
        if not title and not body:
            continue
        k = rng.choices(WORD_LENGTHS, WORD_LENGTH_WEIGHTS)[0]
        words = pick(title, k, seg.sector, rng)
        if body and (not words or rng.random() < 0.3):
            word = rng.choice(body)
            if words and len(words) == k:
                words[rng.randrange(len(words))] = word
            else:
                words.append(word)
        queries.append(" ".join(dict.fromkeys(words)))
    return queries


def popular(path, count, distinct, exponent, rng, exclude=()):
    asked = set()
    for other in exclude:
        with open(other, encoding="utf-8") as f:
            asked.update(line.strip() for line in f)
    with open(path, encoding="utf-8") as f:
        fresh = (q for q in (line.strip() for line in f) if q and q not in asked)
        top = list(itertools.islice(dict.fromkeys(fresh), distinct))
    if not top:
        sys.exit("no queries in " + path)
    weights = [1 / (k + 1) ** exponent for k in range(len(top))]
    return rng.choices(top, weights=weights, k=count)


def uniform(count, rng):
    words = uniform_words()
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(count)]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Search query workloads, one query a line.")
    sub = ap.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("realistic", help="1-3 words from the titles and bodies of a corpus")
    r.add_argument("corpus")
    r.add_argument("count", type=int)
    r.add_argument("--jar", default=DEFAULT_JAR)
    p = sub.add_parser("popular", help="a Zipfian mix over the first DISTINCT distinct queries of a file")
    p.add_argument("queries")
    p.add_argument("count", type=int)
    p.add_argument("--distinct", type=int, default=1000)
    p.add_argument("--exponent", type=float, default=1.0)
    p.add_argument("--exclude", action="append", default=[], help="leave out the queries of this file (repeatable)")
    u = sub.add_parser("uniform", help="1-3 random words of SearchBench.WORDS")
    u.add_argument("count", type=int)
    for s in (r, p, u):
        s.add_argument("--seed", type=int, default=1)
        s.add_argument("--out", help="output file (default: stdout)")
    a = ap.parse_args(argv)
    rng = Random(a.seed)
    if a.mode == "realistic":
        queries = realistic(a.corpus, a.count, rng, a.jar)
    elif a.mode == "popular":
        queries = popular(a.queries, a.count, a.distinct, a.exponent, rng, a.exclude)
    else:
        queries = uniform(a.count, rng)
    text = "".join(q + "\n" for q in queries if q)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
