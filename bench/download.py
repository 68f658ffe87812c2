#!/usr/bin/env python3
"""Signs in to a running dashboard as a browser does and downloads one URL to a file (decision 0010's Parquet check).

Usage: BENCH_USER=admin BENCH_PASSWORD=... bench/download.py http://127.0.0.1:5199 /api/orders/lines.parquet OUT
Then: Dashboard.Benchmarks duckdb OUT   (DuckDB's read_parquet: rows, types, amount sum)
"""
import http.cookiejar, os, re, sys, time, urllib.parse, urllib.request

urllib.request.install_opener(urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())))
base, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
with urllib.request.urlopen(base + "/account/login", timeout=60) as r:
    token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', r.read().decode()).group(1)
form = urllib.parse.urlencode({"__RequestVerificationToken": token, "_handler": "login",
                               "Input.UserName": os.environ["BENCH_USER"], "Input.Password": os.environ["BENCH_PASSWORD"]}).encode()
with urllib.request.urlopen(urllib.request.Request(base + "/account/login", data=form, method="POST"), timeout=60) as r:
    if "/account/login" in r.geturl():
        raise SystemExit("could not sign in")
started = time.monotonic()
with urllib.request.urlopen(base + path, timeout=600) as r, open(out, "wb") as f:
    f.write(r.read())
    print(f"{path}: HTTP {r.status}, {r.headers.get('Content-Type')}, {os.path.getsize(out):,} bytes in {time.monotonic() - started:.2f} s")
