#!/usr/bin/env python3
"""Sign-in latency while N downloads run in parallel (decision 0023), against a running dashboard.

Usage: BENCH_USER=admin BENCH_PASSWORD=... bench/downloads-sign-in.py BASE_URL PATH N SERVER_PID
Each download signs in first (its own cookies), then all N are started together; while they run, a fresh browser signs
in again and again, and each sign-in's time (GET the form + POST it) is printed, with the downloads' answers and the
server's peak resident memory (VmHWM of SERVER_PID) before and after.
"""
import http.cookiejar, os, re, sys, threading, time, urllib.error, urllib.parse, urllib.request

base, path, n, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]


def rss(field):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) // 1024 for l in f if l.startswith(field))


def signed_in():
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with opener.open(base + "/account/login", timeout=120) as r:
        token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', r.read().decode()).group(1)
    form = urllib.parse.urlencode({"__RequestVerificationToken": token, "_handler": "login",
                                   "Input.UserName": os.environ["BENCH_USER"], "Input.Password": os.environ["BENCH_PASSWORD"]}).encode()
    with opener.open(urllib.request.Request(base + "/account/login", data=form, method="POST"), timeout=120) as r:
        if "/account/login" in r.geturl():
            raise SystemExit("could not sign in")
    return opener


answers = []
def download(opener):
    try:
        with opener.open(base + path, timeout=900) as r:
            size = len(r.read())
            answers.append(f"{r.status} {size}")
    except urllib.error.HTTPError as e:
        answers.append(f"{e.code} Retry-After={e.headers.get('Retry-After')} {e.read()[:80].decode(errors='replace')}")


openers = [signed_in() for _ in range(n)]
print(f"server VmRSS before: {rss('VmRSS')} MB, VmHWM {rss('VmHWM')} MB")
threads = [threading.Thread(target=download, args=(o,)) for o in openers]
started = time.monotonic()
for t in threads:
    t.start()
times = []
while any(t.is_alive() for t in threads):
    t0 = time.monotonic()
    signed_in()
    times.append(time.monotonic() - t0)
for t in threads:
    t.join()
took = time.monotonic() - started
times.sort()
print(f"{n} downloads of {path} in {took:.1f} s: " + ", ".join(f"{a} x{answers.count(a)}" for a in sorted(set(answers))))
if times:
    print(f"sign-ins meanwhile: {len(times)}, median {times[len(times) // 2]:.2f} s, max {times[-1]:.2f} s; all: " + " ".join(f"{x:.2f}" for x in times))
print(f"server VmRSS after: {rss('VmRSS')} MB, VmHWM (peak) {rss('VmHWM')} MB")
