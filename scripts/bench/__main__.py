"""`make bench`: how the section performs at municipal scale, served as in production.

Builds (or reuses) a benchmark database of its own with the demo content plus
`seed_bulk --pages N`, serves it with the production settings under gunicorn
(2 workers) on a free loopback port, signs in as the demo employee and prints, per
URL: SQL queries per request (counted in-process with Django's test client against the
same database and settings, caches warm), client-observed p50/p95 of sequential
requests over keep-alive, requests/s from wrk, and that as a share of the requests/s
of a static file served by the same gunicorn (the ceiling on this machine). Then the
Lighthouse performance and accessibility scores of the home page, a method and search.

    make bench                          # SQLite: .bench/sqlite/<N>-pages/bench.sqlite3
    make bench-postgres                 # a throwaway PostgreSQL (scripts/with-postgres.sh)
    BENCH_PAGES=2000 make bench         # fewer bulk pages (default 10 000)
    .venv/bin/python -m scripts.bench --help   # from the checkout's root

Everything it installs or builds lives in .bench/ (git-ignored): lighthouse from npm,
the databases, media, logs, Lighthouse reports and the last results as Markdown.
"""

import argparse
import logging
import os
import signal
import subprocess
import sys
import time

from . import BENCH, ROOT, log, workday
from .database import Database
from .lighthouse import run_lighthouse
from .queries import count_first_queries, count_queries, format_count
from .report import lighthouse_table, machine_line, page_weight, table
from .server import Gunicorn, free_port, production_env, sign_in
from .timing import run_wrk, time_each, time_requests
from .tools import LIGHTHOUSE_VERSION, Tools
from .urls import first_suggestions, lighthouse_paths, pick_admin_urls, pick_urls

EMPLOYEE = "ansatt"
# The admin URLs are requested as the demo's editor: a member of Redaktører, not a
# superuser, so Wagtail checks page permissions as it does for most who work there.
EDITOR = "redaktor"
STATIC_FILE = "css/main.css"
# The least a request through Django costs here: the whole middleware stack, one SELECT 1.
FLOOR = ("healthz (Django's floor)", "/healthz")
# Suggestions are kept per prefix: the autocomplete row's repeats measure the cache, this
# row prefixes asked once each (the answer being made).
FIRST_SUGGESTIONS_LABEL = "autocomplete, first ask"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench", description=__doc__.splitlines()[0]
    )
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
    parser.add_argument(
        "--workday-views",
        type=int,
        default=int(os.environ.get("BENCH_WORKDAY_VIEWS", "3600")),
        help="page views of the simulated working day, each way (BENCH_WORKDAY_VIEWS; "
        "default 3600: an hour at one view a second; 0 leaves it out)",
    )
    parser.add_argument(
        "--workday-only",
        action="store_true",
        help="only the working day: no table of URLs, no Lighthouse",
    )
    parser.add_argument(
        "--workday-publishes",
        type=int,
        default=20,
        help="publishes spread over the working day's views (default 20: an hour's)",
    )
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
    serve_env = production_env(database.env(), port, args.workers)
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
    admin_urls = pick_admin_urls()
    if args.only:
        urls = [(label, path) for label, path in urls if args.only in label or args.only in path]
        admin_urls = [
            (label, path) for label, path in admin_urls if args.only in label or args.only in path
        ]
    if args.workday_only:
        urls, admin_urls, lighthouse = [], [], None
    urls.append(FLOOR)
    log(f"counting queries in-process for {len(urls) + len(admin_urls)} URLs")
    users = get_user_model().objects
    counts = count_queries(urls, users.get(username=EMPLOYEE))
    counts.update(count_queries(admin_urls, users.get(username=EDITOR)))
    first_asks, first_counted = [], None
    if any(path.startswith("/sok/forslag/") for _label, path in urls):
        first_asks = first_suggestions()
        # Other prefixes than the timed ones: with Redis the server shares this cache.
        first_counted = count_first_queries(
            first_suggestions(3, skip=len(first_asks)), users.get(username=EMPLOYEE)
        )
    header = machine_line(database.name, Page.objects.count(), args)
    static_path = staticfiles_storage.url(STATIC_FILE)
    connections.close_all()

    rows = []
    lighthouse_results = {}
    log(f"gunicorn ({args.workers} workers) on 127.0.0.1:{port}")
    with Gunicorn(serve_env, port, database.dir, workers=args.workers):
        cookies = {
            EMPLOYEE: sign_in(port, EMPLOYEE, database.password),
            EDITOR: sign_in(port, EDITOR, database.password),
        }
        signed_in = [(label, path, EMPLOYEE) for label, path in urls]
        signed_in += [(label, path, EDITOR) for label, path in admin_urls]
        for label, path, user in signed_in:
            cookie = cookies[user]
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
            if path.startswith("/sok/forslag/") and first_asks:
                rows.append(time_first_suggestions(port, first_asks, cookie, first_counted))
        cookie = cookies[EMPLOYEE]
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
        workday_report = None
        if args.workday_views and not args.only:
            workday_report = workday.run(
                port, cookie, views=args.workday_views, publishes=args.workday_publishes
            )
            connections.close_all()
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
            f" · {FIRST_SUGGESTIONS_LABEL}: {len(first_asks)} prefixes nobody asked before "
            "(the first letters of title words), one request each"
            if first_asks
            else ""
        )
        + (
            f" · req/s: wrk -t{args.wrk_threads} -c{args.wrk_connections} -d{args.seconds}s "
            f"(static file: {max(args.seconds, 10)} s) with the session cookie"
            if wrk
            else ""
        ),
    ]
    if weight := page_weight(rows):
        report += ["", weight]
    fewer = [
        f"{row['label']} {row['n']}"
        for row in rows
        if row["n"] < args.requests and row["label"] != FIRST_SUGGESTIONS_LABEL
    ]
    if fewer:
        report.append(
            f"fewer sequential requests (the {args.budget:.0f} s budget): {', '.join(fewer)}"
        )
    if workday_report:
        report += ["", workday_report]
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


def time_first_suggestions(port, paths, cookie, counted):
    """The row of suggestions asked for the first time: each prefix once."""
    timed = time_each(port, paths, cookie)
    row = {"label": FIRST_SUGGESTIONS_LABEL, "path": f"{paths[0]} …", **timed}
    row["queries"] = format_count(counted[1]) if counted else "–"
    log(
        f"{FIRST_SUGGESTIONS_LABEL}: {row['queries']} queries, p50 {row['p50']:.1f} ms, "
        f"p95 {row['p95']:.1f} ms (n={row['n']} prefixes)"
    )
    return row


if __name__ == "__main__":
    sys.exit(main())
