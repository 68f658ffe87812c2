#!/usr/bin/env python3
"""Overhead of metrics and traces (decision 0029-metrics-and-traces): the orders overview's time with
OpenTelemetry on against off, A/B in one run.

Two processes of the same executable over two copies of one store holding the real Amazon export: "off" with
Metrics__Enabled=false and no OTLP endpoint (no OpenTelemetry at all), "on" with metrics (and /metrics scraped every 5 s,
as Prometheus would) and traces exported over OTLP/HTTP to a sink in this script that answers 200. The same overview
requests with changing filters go to both, one after the other, in alternating order; each request's time is taken on
loopback by the client. Reports median, p90 and mean per side, the on/off ratios, and what the sink received.
Standard library only.

Two figures of the server's time, as the shared 2-core machine lets them be told apart:
- its CPU time (user + system, from /proc/PID/stat) over the timed requests, on against off: everything the process does
  for them, the exporters' and the scrapes' work included, and little moved by other processes' load;
- its wall time: from each side's median the median round trip of /health/live (loopback, client, Kestrel; no query,
  no span: the probes are left out of the traces) is taken away before on is divided by off.

--page asks for the overview page itself (GET /orders?filters, prerendered as a browser's first request gets it: its
query, drivers, forecast and HTML) instead of its JSON (GET /api/orders/overview?filters, the default).

Usage: bench/telemetry-overhead.py APP_EXECUTABLE AMAZON_EXPORT [--rounds 1500] [--warmup 20000] [--phases 6] [--on all|metrics|traces|none] [--page]
e.g.   bench/telemetry-overhead.py Dashboard.Web/bin/Release/net10.0/Dashboard.Web /work/shared/data/amazon-sale-report.csv.gz
"""
import argparse, http.client, http.cookiejar, http.server, os, random, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.parse, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import ADMIN, PASSWORD, free_port, random_query  # noqa: E402  the same filters as the load check

received = {"posts": 0, "bytes": 0}


class Sink(http.server.BaseHTTPRequestHandler):
    """An OTLP/HTTP collector that keeps nothing: counts the exports and answers 200."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        received["posts"] += 1
        received["bytes"] += length
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def start(exe, folder, db, extra):
    port = free_port()
    env = dict(os.environ, ConnectionStrings__Dashboard=f"Data Source={db}", Auth__SignInAttemptsPerMinute="100000",
               Uploads__Folder=f"{folder}/uploads-{port}", Logging__LogLevel__Default="Warning", Models__TrainOnFirstStart="false", Health__DrainSeconds="0",
               Auth__Admin__UserName=ADMIN, Auth__Admin__Password=PASSWORD, **extra)
    app = subprocess.Popen([exe, "--urls", f"http://127.0.0.1:{port}"], cwd=folder, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))  # a cookie jar per app
    deadline = time.time() + 240
    while time.time() < deadline:
        try:
            with opener.open(base + "/health/ready", timeout=5) as r:
                if r.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    else:
        app.kill()
        raise SystemExit("the app did not start")
    with opener.open(base + "/account/login", timeout=30) as r:
        token = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', r.read().decode()).group(1)
    form = urllib.parse.urlencode({"__RequestVerificationToken": token, "_handler": "login",
                                   "Input.UserName": ADMIN, "Input.Password": PASSWORD}).encode()
    with opener.open(urllib.request.Request(base + "/account/login", data=form, method="POST"), timeout=30) as r:
        if "/account/login" in r.geturl():
            raise SystemExit("could not sign in")
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    return app, base, Client(port, cookies)


class Client:
    """One kept-alive connection with the sign-in cookies, as nginx keeps its connections to each instance (keepalive 16)."""

    def __init__(self, port, cookies):
        self.port, self.cookies = port, cookies
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path):
        self.connection.request("GET", path, headers={"Cookie": self.cookies})
        with self.connection.getresponse() as r:
            r.read()
            if r.status != 200:
                raise SystemExit(f"{path} answered {r.status}")

    def fork(self):
        """Another connection with the same cookies, for a thread of its own (the scrapes)."""
        return Client(self.port, self.cookies)


def timed(client, path):
    t = time.perf_counter()
    client.get(path)
    return (time.perf_counter() - t) * 1000


def cpu_seconds(app):
    """User + system CPU time of a process so far, in seconds (fields 14 and 15 of /proc/PID/stat, in clock ticks)."""
    with open(f"/proc/{app.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(off, on, queries, rounds, warmup, scrape_on):
    """The same overview requests to both, back to back in alternating order, after a warm-up; /metrics of 'on' scraped every 5 s."""
    stop = threading.Event()
    scraper = on[2].fork()

    def scrape():  # as Prometheus would
        while not stop.wait(5) and scrape_on:
            scraper.get("/metrics")
    threading.Thread(target=scrape, daemon=True).start()
    # The warm-up: the frames, and the JIT's second tier for every hot method. After 1,000 requests the tiered compiler's
    # thread still took 7.5 % of the 'on' process's CPU (0.3 % of 'off''s): with a short warm-up the figure is part JIT, and
    # the process started second lags behind the first (the start-order bias of the first design).
    for i in range(warmup):
        q = queries[i % len(queries)]
        timed(off[2], q)
        timed(on[2], q)
    times = {"off": [], "on": [], "live": []}
    cpu = {name: cpu_seconds(app) for name, (app, _, _) in (("off", off), ("on", on))}
    for i in range(rounds):
        q = queries[i % len(queries)]
        order = [("off", off), ("on", on)] if i % 2 == 0 else [("on", on), ("off", off)]
        for name, (_, _, client) in order:
            times[name].append(timed(client, q))
        if i % 5 == 0:  # the transport's share: a request that runs no query and makes no span (to both: the same CPU)
            times["live"].append(timed(off[2], "/health/live"))
            timed(on[2], "/health/live")
    stop.set()
    for name, (app, _, _) in (("off", off), ("on", on)):
        times["cpu " + name] = cpu_seconds(app) - cpu[name]
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exe")
    parser.add_argument("export")
    parser.add_argument("--rounds", type=int, default=1500)
    parser.add_argument("--warmup", type=int, default=20000, help="requests to each process before the timed rounds")
    parser.add_argument("--phases", type=int, default=6, help="fresh pairs of processes, the start order alternating")
    parser.add_argument("--on", choices=["all", "metrics", "traces", "none"], default="all",
                        help="what 'on' turns on (metrics and traces by default); 'none' measures off against off")
    parser.add_argument("--page", action="store_true", help="the overview page's HTML instead of its JSON")
    args = parser.parse_args()
    exe = os.path.abspath(args.exe)
    folder = tempfile.mkdtemp(prefix="dashboard-telemetry-")
    sink = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    apps = []
    try:
        db = f"{folder}/off.db"
        env = dict(os.environ, ConnectionStrings__Dashboard=f"Data Source={db}")
        subprocess.run([exe, "import", os.path.abspath(args.export)], cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL)
        shutil.copy(db, f"{folder}/on.db")
        otlp = {"OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{sink.server_port}", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf"}
        on_env = {"all": otlp, "metrics": {}, "traces": dict(otlp, Metrics__Enabled="false"), "none": {"Metrics__Enabled": "false"}}[args.on]
        rng = random.Random(29)
        queries = [random_query(rng) for _ in range(200)]
        if args.page:
            queries = [q.replace("/api/orders/overview?", "/orders?", 1) for q in queries]
        # Phases with fresh processes, "off" started first and then "on" first, in turn: on this machine the process started
        # second was measured slower whatever its settings (off against off: 1.30), and alternating cancels that out.
        ratios, server, cpus = [], [], []
        for phase in range(1, args.phases + 1):
            on_first = phase % 2 == 0
            order = [("on", f"{folder}/on.db", on_env), ("off", db, {"Metrics__Enabled": "false"})]
            procs = {}
            for name, path, extra in (order if on_first else order[::-1]):
                procs[name] = start(exe, folder, path, extra)
                apps.append(procs[name][0])
            times = measure(procs["off"], procs["on"], queries, args.rounds, args.warmup, args.on in ("all", "metrics"))
            paired = statistics.median(a / b for a, b in zip(times["on"], times["off"]))
            live = statistics.median(times["live"])
            served = (statistics.median(times["on"]) - live) / (statistics.median(times["off"]) - live)
            ratios.append(paired)
            server.append(served)
            cpus.append(times["cpu on"] / times["cpu off"])
            print(f"phase {phase} ({'on' if on_first else 'off'} started first):")
            for name in ("off", "on"):
                t = sorted(times[name])
                print(f"  {name:>3}: median {statistics.median(t):6.2f} ms  p90 {t[int(len(t) * 0.9)]:6.2f} ms  mean {statistics.fmean(t):6.2f} ms  ({len(t)} requests)")
            print(f"  /health/live round trip: median {live:.2f} ms")
            print(f"  server CPU: off {times['cpu off']:.2f} s, on {times['cpu on']:.2f} s, on/off {cpus[-1]:.3f}")
            print(f"  on/off: median of the rounds' ratios {paired:.3f}; server time (medians less the round trip) {served:.3f}")
            for name in ("off", "on"):
                procs[name][0].terminate()
                procs[name][0].wait()
        def geo(xs):
            return statistics.geometric_mean(xs)
        print(f"'on' is: {args.on}; {'the page' if args.page else 'the JSON'}; over {args.phases} phases (geometric means): server CPU {geo(cpus):.3f} "
              f"(phases {min(cpus):.3f}-{max(cpus):.3f}); server wall time {geo(server):.3f} (phases {min(server):.3f}-{max(server):.3f}); "
              f"rounds' ratios {geo(ratios):.3f}")
        print(f"OTLP sink: {received['posts']} exports, {received['bytes']:,} bytes")
    finally:
        for app in apps:
            if app.poll() is None:
                app.terminate()
                app.wait()
        sink.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
