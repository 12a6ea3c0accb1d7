#!/usr/bin/env python3
"""Soak driver for bench/soak.sh: readers, editors and import batches at once against a running server.

Every INTERVAL seconds prints one line: elapsed time, requests, errors (5xx, refused connections, timeouts),
p50/p99 latency of that window, and the server's heap used (jcmd GC.heap_info: live objects plus garbage not yet
collected). Every LIVE_EVERY seconds it also prints the live set ("live" lines: jcmd GC.class_histogram, which collects fully
first) and keeps the histogram in HISTO_DIR, so that caches filling up can be told apart from a leak by comparing
the first and the last.
"""
import argparse, http.client, random, re, statistics, subprocess, threading, time, urllib.parse

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--pid", type=int, required=True)
p.add_argument("--password", required=True)
p.add_argument("--seconds", type=int, default=1800)
p.add_argument("--readers", type=int, default=6)
p.add_argument("--editors", type=int, default=2)
p.add_argument("--interval", type=int, default=15)
p.add_argument("--live-every", type=int, default=300, help="seconds between forced full GCs (0: never)")
p.add_argument("--histo-dir", default="", help="where the class histograms go (empty: not written)")
p.add_argument("--import-cmd", default="", help="shell command run repeatedly for import batches")
a = p.parse_args()

lock = threading.Lock()
window, errors, total, total_errors = [], [], 0, 0
stop = time.time() + a.seconds
READS = ["/", "/column/news", "/column/news/page/2", "/column/policy", "/search?q=%E7%A4%BE%E5%B7%A5%E7%AB%99",
         "/search?q=%E6%94%BF%E7%AD%96", "/search/suggest?q=%E7%A4%BE", "/rss.xml", "/atom.xml", "/sitemap.xml"]


def record(ms, ok):
    global total, total_errors
    with lock:
        window.append(ms)
        total += 1
        if not ok:
            errors.append(1)
            total_errors += 1


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
        self.cookie = None

    def call(self, method, path, body=None):
        headers = {"Accept": "text/html"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            r = self.conn.getresponse()
            text = r.read().decode("utf-8", "replace")
            for k, v in r.getheaders():
                if k.lower() == "set-cookie" and v.startswith("JSESSIONID="):
                    self.cookie = v.split(";")[0]
            record((time.perf_counter() - start) * 1000, r.status < 500)
            return r.status, r.getheader("Location") or "", text
        except Exception:
            record((time.perf_counter() - start) * 1000, False)
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
            return 0, "", ""


def token(text):
    m = re.search(r'name="_csrf" value="([^"]+)"', text)
    return m.group(1) if m else ""


def reader():
    c = Client()
    ids = []
    while time.time() < stop:
        if ids and random.random() < 0.4:
            c.call("GET", "/article/%d" % random.choice(ids))
        else:
            _, _, text = c.call("GET", random.choice(READS))
            ids = [int(x) for x in re.findall(r'href="/article/(\d+)"', text)] or ids


def editor(n):
    c = Client()
    _, _, page = c.call("GET", "/admin/login")
    c.call("POST", "/admin/login", {"username": "admin", "password": a.password, "_csrf": token(page)})
    i = 0
    while time.time() < stop:
        i += 1
        _, _, form = c.call("GET", "/admin/articles/new")
        column = re.search(r'<option value="(\d+)"', form)
        status, location, _ = c.call("POST", "/admin/articles", {
            "_csrf": token(form), "title": "浸泡测试稿件 %d-%d" % (n, i), "kind": "NEWS",
            "primaryColumn": column.group(1) if column else "1",
            "body": "<p>" + "社会工作服务站开展活动。" * 40 + "</p>"})
        m = re.search(r"/admin/articles/(\d+)", location)
        if not m:
            continue
        path = "/admin/articles/" + m.group(1)
        _, _, edit = c.call("GET", path)
        c.call("POST", path + "/submit", {"_csrf": token(edit), "comment": ""})
        for _ in range(3):
            _, _, edit = c.call("GET", path)
            c.call("POST", path + "/approve", {"_csrf": token(edit), "comment": ""})
        _, _, edit = c.call("GET", path)
        c.call("POST", path + "/publish", {"_csrf": token(edit), "comment": "浸泡测试"})
        c.call("GET", "/admin/articles?page=%d" % random.randint(1, 3))


imports = {"runs": 0, "failed": 0}


def importer():
    while a.import_cmd and time.time() < stop:
        rc = subprocess.call(a.import_cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        imports["runs"] += 1
        imports["failed"] += rc != 0
        time.sleep(5)


def heap_mb():
    try:
        out = subprocess.run(["jcmd", str(a.pid), "GC.heap_info"], capture_output=True, text=True, timeout=20).stdout
        m = re.search(r"total (\d+)K, used (\d+)K", out)
        return int(m.group(2)) // 1024 if m else -1
    except Exception:
        return -1


def jcmd(*args):
    return subprocess.run(["jcmd", str(a.pid), *args], capture_output=True, text=True, timeout=120).stdout


def live_set(elapsed):
    """The live set: GC.class_histogram collects fully and counts what survives in the same safepoint. (GC.run then
    GC.heap_info, two calls, also counts whatever the readers allocated in between: 76-201 MB for the same 70 MB.)"""
    try:
        histogram = jcmd("GC.class_histogram")
        m = re.search(r"^Total\s+(\d+)\s+(\d+)", histogram, re.M)
        live = int(m.group(2)) / 1024 / 1024 if m else -1
        if a.histo_dir:
            with open("%s/histo-%05d.txt" % (a.histo_dir, elapsed), "w") as f:
                f.write(histogram)
        print("live %9.0f s: %.1f MB in %s objects after a full GC" % (elapsed, live, m.group(1) if m else "?"),
              flush=True)
    except Exception as e:
        print("live %9.0f s: not measured (%s)" % (elapsed, e), flush=True)


threads = [threading.Thread(target=reader, daemon=True) for _ in range(a.readers)]
threads += [threading.Thread(target=editor, args=(n,), daemon=True) for n in range(a.editors)]
threads.append(threading.Thread(target=importer, daemon=True))
for t in threads:
    t.start()
began = time.time()
print("elapsed_s requests errors p50_ms p99_ms heap_used_mb imports(failed)")
next_live = time.time() + a.live_every if a.live_every else float("inf")
while time.time() < stop:
    time.sleep(min(a.interval, max(0.1, stop - time.time())))
    if time.time() >= next_live:
        live_set(time.time() - began)
        next_live += a.live_every
    with lock:
        w, e = sorted(window), len(errors)
        window.clear(); errors.clear()
    p50 = statistics.median(w) if w else 0
    p99 = w[min(len(w) - 1, int(len(w) * 0.99))] if w else 0
    print("%9.0f %8d %6d %7.1f %7.1f %12d %d(%d)" % (time.time() - began, len(w), e, p50, p99, heap_mb(),
                                                    imports["runs"], imports["failed"]), flush=True)
if a.live_every:
    live_set(time.time() - began)
print("total requests %d, errors %d, import batches %d (failed %d)" % (total, total_errors, imports["runs"],
                                                                     imports["failed"]))
