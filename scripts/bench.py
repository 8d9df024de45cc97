#!/usr/bin/env python
"""`make bench`: how the section performs at municipal scale, served as in production.

Builds (or reuses) a benchmark database of its own with the demo content plus
`seed_bulk --pages N`, serves it with the production settings under gunicorn
(2 workers) on a free loopback port, signs in as the demo employee and prints, per
URL: SQL queries per request (counted in-process with Django's test client against the
same database and settings, caches warm), client-observed p50/p95 of sequential
requests over keep-alive, requests/s from wrk, and that as a share of the requests/s
of a static file served by the same gunicorn (the ceiling on this machine). Then the
Lighthouse performance and accessibility scores of the home page, a method and search.

    make bench                          # SQLite: .bench/sqlite/bench.sqlite3
    make bench-postgres                 # a throwaway PostgreSQL (scripts/with-postgres.sh)
    BENCH_PAGES=2000 make bench         # fewer bulk pages (default 10 000)
    .venv/bin/python scripts/bench.py --help

Everything it installs or builds lives in .bench/ (git-ignored): lighthouse from npm,
the databases, media, logs, Lighthouse reports and the last results as Markdown.
"""

import argparse
import contextlib
import datetime
import http.client
import http.cookies
import json
import logging
import math
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# The flags this machine's Chromium needs: no sandbox as root, and no calls home
# (the network is closed, and refused connections would only add noise).
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
EMPLOYEE = "ansatt"
SEARCH_WORDS = {"common": "innovasjon", "compound": "brukerreisen"}
AUTOCOMPLETE = "bru"
LIGHTHOUSE_SEARCH = "metode"
STATIC_FILE = "css/main.css"
# The least a request through Django costs here: the whole middleware stack, one SELECT 1.
FLOOR = ("healthz (Django's floor)", "/healthz")


def log(message):
    print(f"· {message}", file=sys.stderr, flush=True)


# --- Tools ---------------------------------------------------------------------------


class Tools:
    """Installs what is missing (wrk and chromium from Debian, lighthouse from npm)."""

    def __init__(self):
        self.updated = False
        self.is_root = os.geteuid() == 0

    def apt_install(self, package):
        if not self.is_root or not shutil.which("apt-get"):
            return False
        quiet = {
            "stdout": subprocess.DEVNULL,
            "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        }
        if not self.updated:
            subprocess.run(["apt-get", "update", "-qq"], check=True, **quiet)
            self.updated = True
        log(f"installing {package} (apt-get)")
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, **quiet)
        return True

    def wrk(self):
        if not shutil.which("wrk") and not self.apt_install("wrk"):
            log("wrk is missing (apt-get install wrk): no requests/s")
            return None
        return shutil.which("wrk")

    def lighthouse(self):
        if not CHROMIUM.exists() and not self.apt_install("chromium"):
            log(f"no chromium at {CHROMIUM} (apt-get install chromium): no Lighthouse")
            return None
        if not LIGHTHOUSE.exists():
            if not shutil.which("npm") and not self.apt_install("npm"):
                log("npm is missing: no Lighthouse")
                return None
            log(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {BENCH.name}/ (npm)")
            BENCH.mkdir(exist_ok=True)
            subprocess.run(
                [
                    "npm",
                    "install",
                    "--prefix",
                    str(BENCH),
                    "--no-audit",
                    "--no-fund",
                    "--silent",
                    f"lighthouse@{LIGHTHOUSE_VERSION}",
                ],
                check=True,
            )
        return LIGHTHOUSE


# --- The benchmark database ----------------------------------------------------------


class Database:
    """The benchmark's own database: a SQLite file under .bench/sqlite/<N>-pages/, or the
    PostgreSQL database DATABASE_URL names (a throwaway one from with-postgres.sh).

    A built database is kept (SQLite: the file; PostgreSQL: a pg_dump) with a stamp of
    its page count, one folder per number of bulk pages, and reused by the next run that
    asks for the same number.
    """

    def __init__(self, pages):
        self.pages = pages
        url = os.environ.get("DATABASE_URL", "")
        self.postgres = url.startswith(("postgres://", "postgresql://"))
        self.name = "postgresql" if self.postgres else "sqlite"
        self.dir = BENCH / self.name / f"{pages}-pages"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.file = self.dir / "bench.sqlite3"
        self.dump = self.dir / "bench.pgdump"
        self.url = url if self.postgres else f"sqlite:///{self.file}"
        self.stamp_file = self.dir / "stamp.json"
        self.password_file = self.dir / "password"
        self.media = self.dir / "media"
        self.build_log = self.dir / "build.log"

    def env(self):
        return {"DATABASE_URL": self.url, "MEDIA_ROOT": str(self.media)}

    @property
    def password(self):
        return self.password_file.read_text().strip()

    def manage(self, *args, env=None, settings="intranet.settings.dev"):
        """Runs manage.py with the development settings (as `make setup` does), output to build.log."""
        full_env = {
            **os.environ,
            **self.env(),
            "DJANGO_SETTINGS_MODULE": settings,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            **(env or {}),
        }
        with self.build_log.open("a") as out:
            out.write(f"\n$ manage.py {' '.join(args)}\n")
            out.flush()
            result = subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=full_env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        if result.returncode:
            sys.exit(f"manage.py {' '.join(args)} failed; see {self.build_log}")

    def stamp(self):
        try:
            return json.loads(self.stamp_file.read_text())
        except (OSError, ValueError):
            return None

    def page_count(self):
        output = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-v",
                "0",
                "-c",
                "from wagtail.models import Page; print(Page.objects.count())",
            ],
            cwd=ROOT,
            env={**os.environ, **self.env(), "DJANGO_SETTINGS_MODULE": "intranet.settings.dev"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return int(output.split()[-1])

    def prepare(self):
        """A database with the demo content and `pages` bulk pages; reused when it has them."""
        wanted = {"pages": self.pages}
        stamp = self.stamp()
        same = stamp and {key: stamp.get(key) for key in wanted} == wanted
        if same and self.password_file.exists() and self.reuse(stamp):
            return
        self.build(wanted)

    def reuse(self, stamp):
        if self.postgres:
            if not self.dump.exists():
                return False
            log(f"restoring the benchmark database from {self.dump.relative_to(ROOT)}")
            started = time.monotonic()
            subprocess.run(
                [pg_tool("pg_restore"), "--no-owner", "--dbname", self.url, str(self.dump)],
                check=True,
            )
            log(f"restored in {time.monotonic() - started:.0f} s")
            self.analyze()
        elif not self.file.exists():
            return False
        self.manage("migrate", "--noinput")  # migrations that arrived since
        count = self.page_count()
        if count != stamp.get("page_count"):
            log(f"the kept database has {count} pages, not {stamp.get('page_count')}: rebuilding")
            return False
        log(f"reusing the benchmark database ({count} pages)")
        return True

    def build(self, wanted):
        started = time.monotonic()
        self.build_log.write_text("")
        if self.postgres:
            self.reset_postgres()
        else:
            self.file.unlink(missing_ok=True)
        shutil.rmtree(self.media, ignore_errors=True)
        self.stamp_file.unlink(missing_ok=True)
        self.password_file.write_text(secrets.token_urlsafe(18) + "\n")
        self.password_file.chmod(0o600)
        log(
            f"building the benchmark database ({self.name}); log: {self.build_log.relative_to(ROOT)}"
        )
        self.manage("migrate", "--noinput")
        self.manage("setup_section")
        self.manage("load_demo_content", env={"DEMO_PASSWORD": self.password})
        if self.pages:
            if not (ROOT / "demo" / "management" / "commands" / "seed_bulk.py").exists():
                sys.exit("manage.py seed_bulk is not in this tree yet: run with --no-seed")
            log(f"seed_bulk --pages {self.pages} (the first time takes a while)")
            self.manage("seed_bulk", "--pages", str(self.pages))
            summary = [
                line
                for line in self.build_log.read_text().splitlines()
                if line.startswith("seed_bulk:")
            ]
            if summary:
                log(summary[-1])
        count = self.page_count()
        if self.postgres:
            self.analyze()
            subprocess.run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    str(self.dump),
                    self.url,
                ],
                check=True,
            )
        self.stamp_file.write_text(json.dumps({**wanted, "page_count": count}) + "\n")
        log(f"built in {time.monotonic() - started:.0f} s: {count} pages")

    def analyze(self):
        """Planner statistics, as a database in service has them (a restore brings none)."""
        subprocess.run(
            ["psql", "--quiet", "--dbname", self.url, "-c", "ANALYZE"],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def reset_postgres(self):
        """An empty public schema, whatever an earlier attempt left in it."""
        subprocess.run(
            [
                "psql",
                "--quiet",
                "--dbname",
                self.url,
                "-c",
                "DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def pg_tool(name):
    """pg_dump/pg_restore of the newest installed server, as with-postgres.sh starts it."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3])
    )
    return str(candidates[-1]) if candidates else name


# --- In-process: the URLs and their query counts -------------------------------------


def page_url(page):
    return page.get_url()


def pick_urls():
    """(label, path) for every URL the benchmark requests, chosen from the database:
    the listings with and without filters that match something, the first live page of
    each detail type (in tree order, so the demo content's), search and autocomplete."""
    from cases.models import CaseIndexPage, CasePage
    from events.models import EventIndexPage, EventPage
    from fabrikken.models import FabrikkenPage
    from funding.models import FundingCallPage, FundingIndexPage
    from home.models import ContentPage
    from methods.models import MethodIndexPage, MethodPage

    def first(model):
        return model.objects.live().public().order_by("path").first()

    urls = [("home", "/")]
    methods = first(MethodIndexPage)
    method = None
    if methods:
        urls.append(("methods", page_url(methods)))
        # The filter of a method that has a phase, a topic and a time: never an empty result.
        for candidate in (
            MethodPage.objects.live().public().descendant_of(methods).order_by("path")[:50]
        ):
            phase = candidate.phases.order_by("number").first()
            tag = candidate.tags.order_by("slug").first()
            if phase and tag and candidate.duration:
                query = urllib.parse.urlencode(
                    {"fase": phase.slug, "tema": tag.slug, "tidsbruk": candidate.duration}
                )
                urls.append(("methods, filtered", f"{page_url(methods)}?{query}"))
                break
    cases = first(CaseIndexPage)
    if cases:
        urls.append(("cases", page_url(cases)))
        case = CasePage.objects.live().public().descendant_of(cases).filter(sector__isnull=False)
        case = case.select_related("sector").order_by("path").first()
        if case:
            query = urllib.parse.urlencode({"status": case.status, "sektor": case.sector.slug})
            urls.append(("cases, filtered", f"{page_url(cases)}?{query}"))
    for label, model in (("events", EventIndexPage), ("funding", FundingIndexPage)):
        if page := first(model):
            urls.append((label, page_url(page)))
    if fabrikken := first(FabrikkenPage):
        urls.append(("Fabrikken", page_url(fabrikken)))
        urls.append(("Fabrikken, booking week", fabrikken.specific.route_url("booking")))
    for label, model in (
        ("method", MethodPage),
        ("case", CasePage),
        ("funding call", FundingCallPage),
        ("event", EventPage),
        ("content page", ContentPage),
    ):
        if page := first(model):
            urls.append((label, page_url(page)))
            if model is MethodPage:
                method = page
    words = [("search, common word", SEARCH_WORDS["common"])]
    if method:
        words.append(("search, method name", method.title))
    words.append(("search, compound", SEARCH_WORDS["compound"]))
    for label, word in words:
        urls.append((label, "/sok/?" + urllib.parse.urlencode({"q": word})))
    urls.append(("autocomplete", "/sok/forslag/?" + urllib.parse.urlencode({"q": AUTOCOMPLETE})))
    return urls


def lighthouse_paths(urls):
    by_label = dict(urls)
    paths = [("home", "/")]
    if "method" in by_label:
        paths.append(("method", by_label["method"]))
    paths.append(("search", "/sok/?" + urllib.parse.urlencode({"q": LIGHTHOUSE_SEARCH})))
    return paths


def count_queries(urls, user, warmups=2, repeats=3):
    """{path: (status, [queries per request])}: each URL through Django's test client,
    signed in as `user`, after `warmups` requests have filled the caches as a running
    server's would. CaptureQueriesContext counts with DEBUG on or off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    counts = {}
    for _label, path in urls:
        for _ in range(warmups):
            client.get(path)
        seen = []
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            seen.append(len(queries))
        counts[path] = (response.status_code, seen)
    return counts


def format_count(seen):
    low, high = min(seen), max(seen)
    return str(low) if low == high else f"{low}–{high}"


# --- Gunicorn --------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn -c python:intranet.gunicorn_conf with 2 workers on loopback; stopped on leaving, always."""

    def __init__(self, env, port, log_dir, workers=2):
        self.env, self.port, self.workers = env, port, workers
        self.log_file = log_dir / "gunicorn.log"
        self.access_log = log_dir / "gunicorn-access.log"
        self.process = None

    def __enter__(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn),
            "-c",
            "python:intranet.gunicorn_conf",
            "intranet.wsgi",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            # Worker recycling off: a restart's cold start would land in the numbers.
            "--max-requests",
            "0",
            "--access-logfile",
            str(self.access_log),
        ]
        self.access_log.unlink(missing_ok=True)
        out = self.log_file.open("w")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **self.env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        out.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start; see {self.log_file}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return self
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer /healthz; see {self.log_file}")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if not self.process or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def sign_in(port, username, password):
    """A real sign-in at /logg-inn/ (GET for the CSRF token, then POST); the Cookie header."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/logg-inn/")
    response = connection.getresponse()
    html = response.read().decode()
    cookies = http.cookies.SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/"}
    )
    connection.request(
        "POST",
        "/logg-inn/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken'].value}",
            "Origin": f"http://127.0.0.1:{port}",
        },
    )
    response = connection.getresponse()
    response.read()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if response.status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"signing in as {username} failed (HTTP {response.status})")
    return f"sessionid={cookies['sessionid'].value}"


# --- Measuring -----------------------------------------------------------------------


def nearest_rank(sorted_values, fraction):
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def time_requests(port, path, cookie, count, budget=15.0, least=30, warmup=10):
    """p50 and p95 in ms of `count` sequential GETs over one keep-alive connection, as the
    client on loopback sees them (request written to body read), after `warmup` requests.
    A slow URL stops after `budget` seconds with at least `least` requests (n says how many).
    `first` is the first request's time: the URL's cold caches in the worker that got it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie}
    timings = []
    status = size = first = None
    deadline = None
    for number in range(warmup + count):
        for attempt in range(2):
            try:
                started = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                elapsed = (time.perf_counter() - started) * 1000
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: open a new one.
                connection.close()
                if attempt:
                    raise
        status, size = response.status, len(body)
        if number == 0:
            first = elapsed
        if number == warmup:
            deadline = time.monotonic() + budget
        if number >= warmup:
            timings.append(elapsed)
            if len(timings) >= least and time.monotonic() > deadline:
                break
    connection.close()
    timings.sort()
    return {
        "status": status,
        "size": size,
        "p50": statistics.median(timings),
        "p95": nearest_rank(timings, 0.95),
        "first": first,
        "n": len(timings),
    }


def run_wrk(wrk, port, path, cookie, seconds, threads, connections):
    """requests/s from wrk, and how many answers were not 2xx/3xx or failed."""
    output = subprocess.run(
        [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-H",
            f"Cookie: {cookie}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return rate, failed


def run_lighthouse(port, path, cookie, preset, out_dir):
    """Lighthouse's performance and accessibility scores (0–100) and the main metrics."""
    name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
    report = out_dir / f"{name}-{preset}.json"
    command = [
        str(LIGHTHOUSE),
        f"http://127.0.0.1:{port}{path}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--extra-headers",
        json.dumps({"Cookie": cookie}),
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    for _attempt in range(2):
        report.unlink(missing_ok=True)
        result = subprocess.run(
            command,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if not result.returncode and report.exists():
            break
        # A loaded machine now and then loses the trace (NO_NAVSTART): one more try.
        log(f"lighthouse failed on {path} ({preset}): {result.stderr.strip()[-300:]}")
    else:
        return None
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        log(f"lighthouse on {path} ({preset}): {data['runtimeError'].get('message')}")
    audits = data["audits"]

    def metric(key):
        return audits.get(key, {}).get("numericValue")

    def score(category):
        value = data["categories"][category]["score"]
        return None if value is None else round(value * 100)

    return {
        "performance": score("performance"),
        "accessibility": score("accessibility"),
        "fcp": metric("first-contentful-paint"),
        "lcp": metric("largest-contentful-paint"),
        "tbt": metric("total-blocking-time"),
        "cls": metric("cumulative-layout-shift"),
        "bytes": metric("total-byte-weight"),
        "url": data.get("finalDisplayedUrl", ""),
    }


# --- Reporting -----------------------------------------------------------------------


def machine_line(db_name, page_total, args):
    from django.db import connection

    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    revision = (
        subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        or "?"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    cache = "Redis" if "redis" in backend.lower() else backend.rsplit(".", 1)[-1]
    return (
        f"{datetime.date.today()} · {cpu}, {os.cpu_count()} cores, load {load} · {database} · "
        f"{page_total} pages ({args.pages if not args.no_seed else 0} from seed_bulk) · "
        f"gunicorn {args.workers} workers × {os.environ.get('GUNICORN_THREADS', '2')} threads · "
        f"cache {cache} · Python {platform.python_version()} · git {revision}"
    )


def table(rows, ceiling):
    """The Markdown table; `ceiling` is the static file's row, its req/s the 100 %."""
    limit = ceiling.get("rate") if ceiling else None
    lines = [
        "| page | URL | queries | p50 ms | p95 ms | req/s | % of static | 1st ms | kB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in [*rows, ceiling] if ceiling else rows:
        rate = row.get("rate")
        share = f"{100 * rate / limit:.1f} %" if rate and limit else "–"
        rate_text = "–" if rate is None else f"{rate:.0f}" if rate >= 10 else f"{rate:.1f}"
        if row.get("failed"):
            rate_text += f" ({row['failed']} failed)"
        status = "" if row["status"] == 200 else f" **HTTP {row['status']}**"
        lines.append(
            f"| {row['label']} | `{row['path']}`{status} | {row['queries']} | "
            f"{row['p50']:.1f} | {row['p95']:.1f} | {rate_text} | {share} | {row['first']:.0f} | "
            f"{row['size'] / 1024:.0f} |"
        )
    return "\n".join(lines)


def lighthouse_table(results):
    lines = [
        "| page | preset | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | weight kB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (label, path, preset), result in results.items():
        if not result:
            lines.append(f"| {label} `{path}` | {preset} | failed | | | | | | |")
            continue

        def number(value, scale=1, digits=0):
            return "–" if value is None else f"{value / scale:.{digits}f}"

        lines.append(
            f"| {label} `{path}` | {preset} | {result['performance']} | {result['accessibility']} | "
            f"{number(result['fcp'])} | {number(result['lcp'])} | {number(result['tbt'])} | "
            f"{number(result['cls'], digits=3)} | {number(result['bytes'], 1024)} |"
        )
    return "\n".join(lines)


# --- Main ----------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages",
        type=int,
        default=int(os.environ.get("BENCH_PAGES", "10000")),
        help="pages seed_bulk adds (BENCH_PAGES; default 10000)",
    )
    parser.add_argument(
        "--no-seed",
        action="store_true",
        default=os.environ.get("BENCH_NO_SEED") == "1",
        help="the demo content alone (BENCH_NO_SEED=1)",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the database anew even if one is kept"
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=int(os.environ.get("BENCH_REQUESTS", "200")),
        help="sequential requests per URL for p50/p95 (BENCH_REQUESTS; default 200)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=float(os.environ.get("BENCH_BUDGET", "15")),
        help="seconds of sequential requests per URL at most, with 30 requests at least "
        "(BENCH_BUDGET; default 15): a slow URL gets fewer than --requests",
    )
    parser.add_argument(
        "--seconds",
        type=int,
        default=int(os.environ.get("BENCH_SECONDS", "5")),
        help="wrk duration per URL in seconds (BENCH_SECONDS; default 5)",
    )
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--wrk-connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--no-wrk", action="store_true", help="skip the wrk runs")
    parser.add_argument(
        "--no-lighthouse",
        action="store_true",
        default=os.environ.get("BENCH_NO_LIGHTHOUSE") == "1",
        help="skip Lighthouse (BENCH_NO_LIGHTHOUSE=1)",
    )
    parser.add_argument(
        "--lighthouse-presets",
        default=os.environ.get("BENCH_LIGHTHOUSE_PRESETS", "mobile,desktop"),
        help="comma-separated: mobile (Lighthouse's default) and/or desktop",
    )
    parser.add_argument("--only", help="only the URLs whose label or path contains this text")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    # A SIGTERM (or the end of make on ^C) leaves through the finally blocks: gunicorn stops.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    BENCH.mkdir(exist_ok=True)
    tools = Tools()
    wrk = None if args.no_wrk else tools.wrk()
    lighthouse = None if args.no_lighthouse else tools.lighthouse()

    database = Database(0 if args.no_seed else args.pages)
    if args.rebuild:
        database.stamp_file.unlink(missing_ok=True)
    database.prepare()

    port = free_port()
    serve_env = {
        **database.env(),
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "off",
        "SECURE_COOKIES": "off",
        "SECURE_HSTS_SECONDS": "0",
        "AXES_PROXY_COUNT": "0",  # the load generator talks to gunicorn directly
        # The demo app (load_demo_content, seed_bulk) on the production settings too, as
        # `make serve` has it: the server runs on the database the demo tooling built.
        "DEMO_CONTENT": "on",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "PORT": str(port),
        "GUNICORN_WORKERS": str(args.workers),
    }
    log("collectstatic (production settings)")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env={**os.environ, **serve_env},
        check=True,
    )

    # In this process: the production settings on the benchmark database.
    os.environ.update(serve_env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    # The production settings log INFO to stdout; here that would only interleave with the table.
    logging.getLogger().setLevel(logging.WARNING)
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connections
    from wagtail.models import Page

    urls = pick_urls()
    if args.only:
        urls = [(label, path) for label, path in urls if args.only in label or args.only in path]
    urls.append(FLOOR)
    log(f"counting queries in-process for {len(urls)} URLs")
    counts = count_queries(urls, get_user_model().objects.get(username=EMPLOYEE))
    header = machine_line(database.name, Page.objects.count(), args)
    static_path = staticfiles_storage.url(STATIC_FILE)
    connections.close_all()

    rows = []
    lighthouse_results = {}
    log(f"gunicorn ({args.workers} workers) on 127.0.0.1:{port}")
    with Gunicorn(serve_env, port, database.dir, workers=args.workers):
        cookie = sign_in(port, EMPLOYEE, database.password)
        for label, path in urls:
            timed = time_requests(port, path, cookie, args.requests, budget=args.budget)
            row = {"label": label, "path": path, **timed}
            row["queries"] = format_count(counts[path][1])
            if counts[path][0] != row["status"]:
                row["queries"] += f" (in-process HTTP {counts[path][0]})"
            if wrk and row["status"] == 200:
                row["rate"], row["failed"] = run_wrk(
                    wrk, port, path, cookie, args.seconds, args.wrk_threads, args.wrk_connections
                )
            log(
                f"{label}: {row['queries']} queries, p50 {row['p50']:.1f} ms, "
                f"p95 {row['p95']:.1f} ms (n={row['n']})"
                + (f", {row['rate']:.0f} req/s" if row.get("rate") else "")
            )
            rows.append(row)
        timed = time_requests(port, static_path, cookie, args.requests, budget=args.budget)
        ceiling = {"label": "static file (ceiling)", "path": static_path, **timed, "queries": "0"}
        if wrk:
            ceiling["rate"], ceiling["failed"] = run_wrk(
                wrk,
                port,
                static_path,
                cookie,
                max(args.seconds, 10),
                args.wrk_threads,
                args.wrk_connections,
            )
            log(f"static file {static_path}: {ceiling['rate']:.0f} req/s")
        if lighthouse:
            out_dir = database.dir / "lighthouse"
            out_dir.mkdir(exist_ok=True)
            presets = [p.strip() for p in args.lighthouse_presets.split(",") if p.strip()]
            for label, path in lighthouse_paths(pick_urls() if args.only else urls):
                for preset in presets:
                    log(f"lighthouse {label} ({preset})")
                    lighthouse_results[(label, path, preset)] = run_lighthouse(
                        port, path, cookie, preset, out_dir
                    )

    minutes = (time.monotonic() - started) / 60
    report = [
        f"**{database.name}** · {header}",
        "",
        table(rows, ceiling),
        "",
        "queries: in-process (Django test client, production settings, warm caches; a range if "
        f"three requests differed) · p50/p95: {args.requests} sequential requests over keep-alive, "
        "client-observed on loopback; 1st: the first request after gunicorn started, caches cold; "
        "kB: the response body, uncompressed"
        + (
            f" · req/s: wrk -t{args.wrk_threads} -c{args.wrk_connections} -d{args.seconds}s "
            f"(static file: {max(args.seconds, 10)} s) with the session cookie"
            if wrk
            else ""
        ),
    ]
    fewer = [f"{row['label']} {row['n']}" for row in rows if row["n"] < args.requests]
    if fewer:
        report.append(
            f"fewer sequential requests (the {args.budget:.0f} s budget): {', '.join(fewer)}"
        )
    if lighthouse_results:
        report += [
            "",
            f"Lighthouse {LIGHTHOUSE_VERSION} (Chromium, headless; mobile = Lighthouse's default "
            "emulation and throttling):",
            "",
            lighthouse_table(lighthouse_results),
        ]
    report += ["", f"({minutes:.1f} min in all)"]
    text = "\n".join(report)
    (database.dir / "results.md").write_text(text + "\n")
    print(text)
    bad = [row for row in rows if row["status"] != 200]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
