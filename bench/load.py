#!/usr/bin/env python3
"""Load check (decision 0011): 50 concurrent clients request the orders overview API with changing filters while a
129k-line import runs in the same app (uploaded through POST /api/imports, run by the import queue).

Reports: requests, failures, p50/p95/p99 of the overview, and the import's own time (the batch's `seconds`)
under load against the same import with no load. Loopback only, bounded (stops when the import ends + 3 s,
or after --max-seconds). Standard library only.

Usage: bench/load.py APP_EXECUTABLE CSV_FILE [--clients 50] [--max-seconds 300]
e.g.   bench/load.py Dashboard.Web/bin/Release/net10.0/Dashboard.Web /tmp/data/amazon-sale-report.csv

Sign-in mode (decision 0015): --signin [--seconds 60] [--clients 30] runs CLIENTS clients for SECONDS, each in its own
session: sign in (timed), read /api/dataset and an overview (for --session-seconds, default 0: once), then a new session. An import of CSV_FILE starts 2 s in.
Reports failed requests, sign-in p50/p95/max and whether the upload's audit entry is in the store.
--make-lines N writes an N-line Amazon export to CSV_FILE first (unique keys, the real format).
"""
import argparse, http.cookiejar, json, os, random, re, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request, urllib.error

# Every request carries the cookie of the admin the script signs in as (decision 0008: nothing is served without signing in).
ADMIN, PASSWORD = "load-admin", "load-password-1"
urllib.request.install_opener(urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())))

CATEGORIES = ["Set", "kurta", "Western Dress", "Top", "Ethnic Dress", "Blouse", "Bottom", "Saree"]
STATUSES = ["Cancelled", "Shipped", "Delivered", "Pending", "Returned"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(exe, folder):
    port = free_port()
    env = dict(os.environ, ConnectionStrings__Dashboard=f"Data Source={folder}/dashboard.db",
               Auth__SignInAttemptsPerMinute="100000",  # every client signs in from 127.0.0.1
               Uploads__MaxBytes=str(2 << 30),
               Uploads__Folder=f"{folder}/uploads", Logging__LogLevel__Default="Warning",
               Auth__Admin__UserName=ADMIN, Auth__Admin__Password=PASSWORD)
    app = subprocess.Popen([exe, "--urls", f"http://127.0.0.1:{port}"], cwd=folder, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/account/login", timeout=5) as r:
                if r.status == 200:
                    sign_in(base)
                    return app, base
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    app.kill()
    raise SystemExit("the app did not start")


def sign_in(base):
    """Posts the sign-in form with its antiforgery token, as a browser does; the cookie jar keeps the cookie."""
    with urllib.request.urlopen(base + "/account/login", timeout=30) as r:
        token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', r.read().decode()).group(1)
    form = urllib.parse.urlencode({"__RequestVerificationToken": token, "_handler": "login",
                                   "Input.UserName": ADMIN, "Input.Password": PASSWORD}).encode()
    with urllib.request.urlopen(urllib.request.Request(base + "/account/login", data=form, method="POST"), timeout=30) as r:
        if "/account/login" in r.geturl():
            raise SystemExit("could not sign in")


def api_token(base):
    """The antiforgery token every API request but a GET must carry in X-CSRF-TOKEN (decision 0015); its cookie goes to the jar."""
    with urllib.request.urlopen(base + "/api/antiforgery", timeout=30) as r:
        answer = json.load(r)
    return answer["headerName"], answer["token"]


def upload(base, path):
    header, token = api_token(base)
    with open(path, "rb") as f:
        request = urllib.request.Request(f"{base}/api/imports?file={os.path.basename(path)}", data=f, method="POST",
                                         headers={"Content-Type": "text/csv", "Content-Length": str(os.path.getsize(path)),
                                                  header: token})
        with urllib.request.urlopen(request, timeout=300) as r:
            return r.headers["Location"]


def wait_for(base, location):
    while True:
        with urllib.request.urlopen(base + location, timeout=30) as r:
            job = json.load(r)
        if job["state"] == "Finished":
            return job
        time.sleep(0.2)


def random_query(rng):
    start = 91 + rng.randrange(0, 60)  # day of year 2022, April..June
    length = rng.choice([7, 14, 30, 60])
    parts = [f"from=2022-{date(start)}", f"to=2022-{date(min(start + length, 180))}"]
    if rng.random() < 0.5:
        parts.append("category=" + urllib.request.quote(rng.choice(CATEGORIES)))
    if rng.random() < 0.4:
        parts.append("status=" + rng.choice(STATUSES))
    if rng.random() < 0.3:
        parts.append("grain=" + rng.choice(["day", "week", "month"]))
    return "/api/orders/overview?" + "&".join(parts)


def date(day_of_year):
    t = time.strptime(f"2022 {day_of_year}", "%Y %j")
    return time.strftime("%m-%d", t)


def run(exe, csv, clients, max_seconds, with_load):
    folder = tempfile.mkdtemp(prefix="dashboard-load-")
    app, base = start_app(exe, folder)
    latencies, failures, stop = [], [], threading.Event()
    lock = threading.Lock()

    def client(n):
        rng = random.Random(n)
        while not stop.is_set():
            query = random_query(rng)
            error = query
            began = time.perf_counter()
            try:
                with urllib.request.urlopen(base + query, timeout=60) as r:
                    r.read()
                    ok = r.status == 200
            except Exception as e:  # any failure counts
                ok, error = False, f"{query}: {e}"
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append(elapsed)
                if not ok:
                    failures.append(error)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients if with_load else 0)]
    try:
        for t in threads:
            t.start()
        time.sleep(2 if with_load else 0)
        began = time.time()
        job = wait_for(base, upload(base, csv))
        import_wall = time.time() - began
        if with_load:
            time.sleep(3)  # the caches rebuild on the new data version: keep browsing through that
        stop.set()
        deadline = time.time() + max_seconds
        for t in threads:
            t.join(max(0.1, deadline - time.time()))
    finally:
        stop.set()
        app.terminate()
        app.wait(30)
        shutil.rmtree(folder, ignore_errors=True)
    summary = job["summary"]
    return {"import_seconds": summary["seconds"], "upload_and_import_wall": round(import_wall, 2),
            "inserted": summary["inserted"], "state": summary["state"],
            "requests": len(latencies), "failures": failures, "latencies": sorted(latencies)}


def make_file(path, lines):
    """An Amazon export of LINES order lines with unique (Order ID, SKU), dates in April-June 2022."""
    rng = random.Random(12)
    header = ("index,Order ID,Date,Status,Fulfilment,Sales Channel ,ship-service-level,Style,SKU,Category,Size,ASIN,"
              "Courier Status,Qty,currency,Amount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids,B2B,"
              "fulfilled-by,Unnamed: 22\n")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        for i in range(lines):
            day = 91 + i % 90
            status = STATUSES[i % len(STATUSES)]
            category = CATEGORIES[i % len(CATEGORIES)]
            f.write(f"{i},{400 + i // 1000000:03d}-{i % 10000000:07d}-{rng.randrange(10000000):07d},{date(day)}-22,{status},"
                    f"Amazon,Amazon.in,Expedited,JNE{i % 5000},JNE{i % 5000}-KR-L,{category},L,B09K3WFS32,Shipped,1,INR,"
                    f"{rng.randrange(200, 2000)}.00,MUMBAI,MAHARASHTRA,400081.0,IN,,False,,\n")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def no_redirect(opener):
    """The same cookie jar, but a redirect comes back as an HTTPError (302) instead of being followed."""
    jar = next(h.cookiejar for h in opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor))
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)


def run_signin(exe, csv, clients, seconds, session_seconds):
    folder = tempfile.mkdtemp(prefix="dashboard-signin-")
    app, base = start_app(exe, folder)
    signins, requests, failures, stop = [], [], [], threading.Event()
    lock = threading.Lock()

    def client(n):
        rng = random.Random(n)
        while not stop.is_set():
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            step = "sign-in"
            try:
                began = time.perf_counter()
                with opener.open(base + "/account/login", timeout=60) as r:
                    token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', r.read().decode()).group(1)
                form = urllib.parse.urlencode({"__RequestVerificationToken": token, "_handler": "login",
                                               "Input.UserName": ADMIN, "Input.Password": PASSWORD}).encode()
                # The sign-in itself: the form page and the POST that answers with the cookie and a redirect. The page
                # the redirect leads to is not part of it (it is timed with the other requests).
                try:
                    with no_redirect(opener).open(urllib.request.Request(base + "/account/login", data=form, method="POST"), timeout=60) as r:
                        raise RuntimeError(f"not signed in ({r.status})")
                except urllib.error.HTTPError as e:
                    if e.code != 302 or "/account/login" in (e.headers.get("Location") or ""):
                        raise RuntimeError(f"not signed in ({e.code})")
                elapsed = time.perf_counter() - began
                with lock:
                    signins.append(elapsed)
                session_ends = time.time() + session_seconds
                while True:
                    for url in ["/api/dataset", random_query(rng)]:
                        step = url
                        began = time.perf_counter()
                        with opener.open(base + url, timeout=60) as r:
                            r.read()
                        with lock:
                            requests.append(time.perf_counter() - began)
                    time.sleep(rng.uniform(0.5, 1.5))
                    if time.time() >= session_ends or stop.is_set():
                        break
            except Exception as e:  # any failure counts
                with lock:
                    failures.append(f"{step}: {e}")

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    job = None
    try:
        began = time.time()
        for t in threads:
            t.start()
        time.sleep(2)
        location = upload(base, csv)
        while time.time() - began < seconds:
            time.sleep(0.5)
        stop.set()
        for t in threads:
            t.join(60)
        job = wait_for(base, location)
        import_seconds = job["summary"]["seconds"] if job.get("summary") else None
    finally:
        stop.set()
        app.terminate()
        app.wait(60)  # stopping flushes queued audit entries
    import sqlite3
    with sqlite3.connect(f"{folder}/dashboard.db") as db:
        audited = db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'upload' AND detail LIKE ?",
                             (os.path.basename(csv) + "%",)).fetchone()[0]
        signin_entries = db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in'").fetchone()[0]
    shutil.rmtree(folder, ignore_errors=True)
    s = sorted(signins)
    print(f"clients {clients} for {seconds} s, import of {os.path.basename(csv)}: {job['summary']['state']}, "
          f"{job['summary']['inserted']:,} lines, {import_seconds} s")
    r = sorted(requests)
    print(f"sign-ins: {len(s):,} (audited: {signin_entries:,}), other requests: {len(requests):,}, failed: {len(failures)}")
    print(f"other requests ms: p50 {pct(r, 50):.0f}  p95 {pct(r, 95):.0f}")
    print(f"sign-in ms: p50 {pct(s, 50):.0f}  p95 {pct(s, 95):.0f}  max {pct(s, 100):.0f}")
    print(f"upload audit entry present: {audited > 0}")
    for f in failures[:5]:
        print("  failed:", f)
    sys.exit(1 if failures or not audited or pct(s, 95) >= 2000 else 0)


def pct(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000 if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exe"); parser.add_argument("csv")
    parser.add_argument("--clients", type=int, default=50); parser.add_argument("--max-seconds", type=int, default=300)
    parser.add_argument("--signin", action="store_true"); parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--make-lines", type=int, default=0)
    parser.add_argument("--session-seconds", type=float, default=0,
                        help="how long a client browses before it signs in again (0: sign in again at once)")
    args = parser.parse_args()
    args.exe, args.csv = os.path.abspath(args.exe), os.path.abspath(args.csv)
    if args.make_lines:
        make_file(args.csv, args.make_lines)
    if args.signin:
        run_signin(args.exe, args.csv, args.clients, args.seconds, args.session_seconds)
        return
    alone = run(args.exe, args.csv, 0, args.max_seconds, with_load=False)
    loaded = run(args.exe, args.csv, args.clients, args.max_seconds, with_load=True)
    l = loaded["latencies"]
    print(f"import alone:        {alone['import_seconds']:.2f} s ({alone['inserted']:,} lines inserted, {alone['state']})")
    print(f"import under load:   {loaded['import_seconds']:.2f} s ({loaded['inserted']:,} lines inserted, {loaded['state']}) "
          f"= {loaded['import_seconds'] / alone['import_seconds']:.2f}x alone")
    print(f"overview requests:   {loaded['requests']:,} from {args.clients} clients, {len(loaded['failures'])} failed")
    print(f"overview latency ms: p50 {pct(l, 50):.0f}  p95 {pct(l, 95):.0f}  p99 {pct(l, 99):.0f}  max {pct(l, 100):.0f}")
    for f in loaded["failures"][:5]:
        print("  failed:", f)
    sys.exit(1 if loaded["failures"] or alone["state"] != "Succeeded" or loaded["state"] != "Succeeded" else 0)


if __name__ == "__main__":
    main()
