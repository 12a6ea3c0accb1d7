#!/usr/bin/env python3
"""Generate N articles whose words follow real Chinese word frequencies, as JSON Lines.

Usage: bench/gen_realistic.py N [--seed S] [--out FILE] [--start-id K] [--jar PATH] [--samples PATH]

The uniform corpus of gen_articles.py recombines one seed page, so its common words are in 60-99% of
the bodies: the worst case for search. This one is the realistic case (issue 18):

- General text is drawn from the word frequencies of jieba's dictionary (dict.txt inside
  com.huaban:jieba-analysis:1.0.2, Apache-2.0, read from the jar in the local Maven repository; the
  dictionary is never copied into this project). Common words (了, 是, 在, 中国 ...) are common and most
  of the 349,000 words are rare, as in real text.
- Each article has a topic: one to three sector terms and a place. The terms are the project's
  sector dictionary words found in ../shared/samples/articles.jsonl, weighted by how often the samples
  use them (damped); the place is a province weighted by the samples' regions, often a city or district of it
  (gen_articles.py's gazetteer, weighted by the samples' mentions). The topic is in the title, the
  summary and some clauses of the body, so sector words cluster in the articles about them.
- Lengths: titles 15-30 characters; summaries about 100 (empty in 20%, the application derives one);
  bodies log-normal with a median of 1,340 characters, 95% between 600 and 3,000.
- Columns follow a Zipf law (行业动态 41%, 联合会动态 20%, 通知公告 14%, 政策法规 10%, 理论研究 8%,
  一周动态 7%). Dates cover the ten years up to 2026-11-01: volume grows 15% a year and a day's volume is
  heavy-tailed (a few busy days), ids rise with dates.

The output is the importer's format, as gen_articles.py writes it (ids "real-<n>"), and is deterministic
for a seed, a dictionary and a samples file. Memory is constant in N (a pool of 8 million words drawn
once, about 0.5 GB with the dictionary).
"""

import argparse
import bisect
import itertools
import json
import math
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import datetime, timedelta
from random import Random

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
from gen_articles import (CST, GAZETTEER, GIVEN, RANGE_END, RANGE_START, SURNAMES,  # noqa: E402
                          office_hours)

JIEBA = "com.huaban:jieba-analysis:1.0.2"
DEFAULT_JAR = os.path.expanduser("~/.m2/repository/com/huaban/jieba-analysis/1.0.2/jieba-analysis-1.0.2.jar")
# ../shared beside the main checkout, or beside the worktrees' parent.
DEFAULT_SAMPLES = next((p for p in (os.path.normpath(os.path.join(_HERE, *up, "shared", "samples", "articles.jsonl"))
                                    for up in ((os.pardir,) * 2, (os.pardir,) * 3)) if os.path.isfile(p)),
                       os.path.normpath(os.path.join(_HERE, os.pardir, os.pardir, "shared", "samples", "articles.jsonl")))
SECTOR_DICTIONARY = os.path.join(_HERE, "..", "src", "main", "resources", "search", "dictionary.txt")

HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# Zipf over the columns (1/rank).
COLUMNS = ("行业动态", "联合会动态", "通知公告", "政策法规", "理论研究", "一周动态")
COLUMN_WEIGHTS = tuple(1 / (r + 1) for r in range(len(COLUMNS)))
POOL = 8_000_000
YEAR_GROWTH = 1.15
BODY_MEDIAN = 1340
BODY_SIGMA = 0.4


def ensure_jar(path):
    if os.path.isfile(path):
        return path
    mvnw = os.path.join(_HERE, "..", "mvnw")
    print("fetching %s with Maven (once)" % JIEBA, file=sys.stderr)
    subprocess.run([mvnw, "-B", "-q", "-ntp", "dependency:get", "-Dartifact=" + JIEBA, "-Dtransitive=false"],
                   check=True, stdout=sys.stderr)
    return path


def read_dictionary(jar):
    """(word, frequency, part of speech) of every all-Han word in jieba's dict.txt."""
    with zipfile.ZipFile(jar) as z:
        text = z.read("dict.txt").decode("utf-8")
    words = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and HAN.match(parts[0]):
            words.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else "x"))
    words.sort(key=lambda w: (-w[1], w[0]))
    return words


def parse_gazetteer():
    """[(short, full, [(city, short city, [districts])])] from gen_articles.py's table."""
    provinces = []
    for line in GAZETTEER.strip().splitlines():
        short, full, _, cities = line.split("|")
        entries = []
        if cities.startswith("*"):
            entries.append((None, None, cities[1:].split(",")))
        else:
            for spec in cities.split(";"):
                name, _, ds = spec.partition(":")
                cshort = name[:-1] if name.endswith("市") and len(name) >= 3 else name
                entries.append((name, cshort, ds.split(",") if ds else []))
        provinces.append((short, full, entries))
    return provinces


class Weighted:
    """Items drawn by weight, with the cumulative table random.choices wants."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cum = list(itertools.accumulate(weights))

    def pick(self, rng):
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1], 0, len(self.cum) - 1)]

    def many(self, rng, k):
        return rng.choices(self.items, cum_weights=self.cum, k=k)


class Vocabulary:
    """What articles are made of: dictionary words by frequency, sector terms and places from the samples."""

    def __init__(self, jar, samples, rng):
        words = read_dictionary(jar)
        self.words = Weighted((w for w, _, _ in words), (f for _, f, _ in words))
        # Title words: nouns, verbs and verbal nouns of two or more characters, by frequency.
        title = [(w, f) for w, f, pos in words if len(w) >= 2 and pos in ("n", "v", "vn", "nz", "nt", "an", "l")]
        self.title_words = Weighted((w for w, _ in title), (f for _, f in title))
        texts = []
        regions = Counter()
        sources = Counter()
        with open(samples, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                texts.append(a["title"] + "\n" + (a.get("summary") or "") + "\n" + a["body"])
                regions[a.get("region") or ""] += 1
                sources[a.get("source") or ""] += 1
        text = "\n".join(texts)
        self.provinces = parse_gazetteer()
        place_names = set()
        for short, full, cities in self.provinces:
            place_names.update((short, full))
            for name, cshort, districts in cities:
                place_names.update(x for x in (name, cshort) if x)
                place_names.update(districts)
        sector = []
        with open(SECTOR_DICTIONARY, encoding="utf-8") as f:
            for line in f:
                term = line.strip()
                if term and not term.startswith("#") and HAN.match(term) and term not in place_names \
                        and not term.endswith(("省", "市", "区", "县", "州")):
                    n = text.count(term)
                    if n:
                        sector.append((term, n))
        sector.sort(key=lambda t: (-t[1], t[0]))
        # Damped (n ** 0.75): the samples recombine one seed page, whose own favourite (社会工作) would otherwise be
        # in three bodies of four.
        self.sector = Weighted((t for t, _ in sector), (n ** 0.75 for _, n in sector))
        self.province = Weighted(range(len(self.provinces)),
                                 (regions.get(short, 0) + 1 for short, _, _ in self.provinces))
        # A province's cities weighted by how often the samples name them.
        self.cities = [Weighted([c for c in cities if c[0]], [text.count(c[1]) + 1 for c in cities if c[0]])
                       if cities[0][0] else None for _, _, cities in self.provinces]
        self.sources = Weighted((s for s, _ in sources.most_common() if s), (n for s, n in sources.most_common() if s))
        # One draw of the frequency distribution, sliced into clauses: random.choices per word would take
        # ten minutes for a million articles; slices of a pool of 8 million words keep the frequencies.
        self.pool = self.words.many(rng, POOL)
        self.stats = (len(words), len(sector), len(set(self.pool)))

    def place(self, rng):
        """(province short name, the name used in the text)."""
        p = self.province.pick(rng)
        short, full, cities = self.provinces[p]
        r = rng.random()
        if r < 0.35:
            return short, short if rng.random() < 0.6 else full
        if self.cities[p] is None:  # a municipality: its districts
            return short, rng.choice(cities[0][2])
        name, cshort, districts = self.cities[p].pick(rng)
        if r < 0.85 or not districts:
            return short, name if rng.random() < 0.6 else cshort
        return short, (cshort if rng.random() < 0.5 else "") + rng.choice(districts)


class Writer:
    """Articles, one call each."""

    def __init__(self, vocabulary, rng):
        self.v = vocabulary
        self.rng = rng

    def clause(self, topic):
        rng = self.rng
        n = 2 + int(rng.random() * 7)
        start = int(rng.random() * (POOL - n))
        words = self.v.pool[start:start + n]
        r = rng.random()
        if r < 0.18:
            words.insert(int(rng.random() * n), rng.choice(topic))
        elif r < 0.195:
            words.insert(int(rng.random() * n), self.v.sector.pick(rng))
        return "".join(words)

    def sentence(self, topic):
        return "，".join(self.clause(topic) for _ in range(1 + int(self.rng.random() * 4))) + "。"

    def body(self, lead, topic):
        rng = self.rng
        target = int(min(8000, max(300, math.exp(rng.gauss(math.log(BODY_MEDIAN), BODY_SIGMA)))))
        paragraphs = []
        current = [lead] if lead else []
        size = len(lead)
        while size < target:
            s = self.sentence(topic)
            current.append(s)
            size += len(s)
            if len(current) >= 3 and rng.random() < 0.3:
                paragraphs.append("".join(current))
                current = []
        if current:
            paragraphs.append("".join(current))
        return "\n\n".join(paragraphs)

    def title(self, column, place, topic, day):
        rng = self.rng
        length = 15 + int(rng.random() * 16)
        if column == "一周动态":
            monday = day - timedelta(days=day.weekday() + 7)
            sunday = monday + timedelta(days=6)
            return "社会工作一周动态 (%d.%d-%d.%d)" % (monday.month, monday.day, sunday.month, sunday.day), "digest"
        head = place + ("：" if rng.random() < 0.3 else "")
        core = topic[0]
        if column == "通知公告":
            kind = "notice"
            form = ("关于", "的通知") if rng.random() < 0.6 else ("", "评审结果的公示")
        elif column == "政策法规" and rng.random() < 0.6:
            kind = "policy"
            form = ("印发《", "》")
        elif rng.random() < 0.02:
            kind = "infographic"
            form = ("一图读懂|", "")
        else:
            kind = "news"
            form = ("", "")
        parts = [core]
        while len(head) + len(form[0]) + len(form[1]) + sum(map(len, parts)) < length:
            w = topic[int(rng.random() * len(topic))] if rng.random() < 0.15 else self.v.title_words.pick(rng)
            if len(head) + len(form[0]) + len(form[1]) + sum(map(len, parts)) + len(w) > 30:
                break
            parts.insert(int(rng.random() * (len(parts) + 1)), w)
        middle = "".join(parts)
        if form[0] == "印发《":
            return head + form[0] + middle + form[1], kind
        if form[0] == "一图读懂|":
            return form[0] + head + middle, kind
        return form[0] + head + middle + form[1], kind

    def summary(self, place, topic, day):
        rng = self.rng
        target = int(rng.gauss(100, 15))
        text = "%d月%d日，%s" % (day.month, day.day, place)
        parts = [text]
        size = len(text)
        while size < target:
            c = self.clause(topic)
            parts.append(c)
            size += len(c) + 1
        return "，".join(parts) + "。"

    def name(self):
        rng = self.rng
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(1 + (rng.random() < 0.6)))


def days_and_counts(n, rng):
    """(day, how many articles) for every day of the ten years, exactly n in all, in date order."""
    days = []
    d = RANGE_START
    while d < RANGE_END:
        years = (d - RANGE_START).days / 365.25
        # Pareto-tailed daily volume: most days are ordinary, a few carry several times as many stories.
        days.append((d, YEAR_GROWTH ** years * rng.paretovariate(2.5)))
        d += timedelta(days=1)
    total = sum(w for _, w in days)
    acc = 0.0
    placed = 0
    for day, w in days:
        acc += w
        upto = round(acc / total * n)
        yield day, upto - placed
        placed = upto


def generate(n, start_id, vocabulary, rng):
    w = Writer(vocabulary, rng)
    columns = Weighted(COLUMNS, COLUMN_WEIGHTS)
    number = start_id
    for day, count in days_and_counts(n, rng):
        seconds = sorted(office_hours(int(rng.random() * 86400)) for _ in range(count))
        for sec in seconds:
            column = columns.pick(rng)
            province, place = vocabulary.place(rng)
            topic = list(dict.fromkeys(vocabulary.sector.pick(rng) for _ in range(1 + int(rng.random() * 3))))
            title, kind = w.title(column, place, topic, day)
            lead = w.summary(place, topic + [place], day)
            summary = lead if rng.random() < 0.8 else ""
            body = w.body(lead, topic + [place])
            source = vocabulary.sources.pick(rng) if rng.random() < 0.8 else province + "民政厅"
            when = day + timedelta(seconds=sec)
            article = {"id": "real-%d" % number, "column": column, "title": title, "summary": summary,
                       "body": body, "published_at": when.isoformat(), "source": source, "region": province}
            if rng.random() < 0.75:
                article["author"] = w.name()
            if rng.random() < 0.6:
                article["editor"] = w.name()
            article["tags"] = topic[:int(rng.random() * (len(topic) + 1))]
            article["kind"] = kind
            article["featured"] = rng.random() < 0.0005
            yield json.dumps(article, ensure_ascii=False) + "\n"
            number += 1


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate N articles with real Chinese word frequencies as JSON Lines.")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", help="output file (default: stdout)")
    ap.add_argument("--start-id", type=int, default=1, help="number of the first id, real-<start-id> (default 1)")
    ap.add_argument("--jar", default=DEFAULT_JAR, help="the jieba-analysis 1.0.2 jar (default: %(default)s; "
                                                       "fetched with ./mvnw dependency:get when missing)")
    ap.add_argument("--samples", default=DEFAULT_SAMPLES, help="sample articles (default: %(default)s)")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be >= 0")
    if not os.path.isfile(a.samples):
        ap.error("samples not found: %s (use --samples)" % a.samples)
    rng = Random(a.seed)
    vocabulary = Vocabulary(ensure_jar(a.jar), a.samples, rng)
    print("vocabulary: %d dictionary words, %d sector terms, %d distinct words in the pool" % vocabulary.stats,
          file=sys.stderr)
    out = open(a.out, "w", encoding="utf-8") if a.out else sys.stdout
    try:
        buf = []
        for line in generate(a.n, a.start_id, vocabulary, rng):
            buf.append(line)
            if len(buf) >= 1000:
                out.write("".join(buf))
                buf = []
        out.write("".join(buf))
    except BrokenPipeError:
        os._exit(0)
    finally:
        if a.out:
            out.close()


if __name__ == "__main__":
    main()
