"""The results as Markdown: the machine, the URL table, the Lighthouse table."""

import contextlib
import datetime
import os
import platform
import subprocess
from pathlib import Path

from . import ROOT


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


# The page-weight budget of issue #20: no listing over this much HTML at 10 000 pages
# (tests/performance/test_page_weight.py holds it at a smaller bulk size).
LISTING_BUDGET_KB = 100
LISTING_LABELS = ("methods", "cases", "events", "funding")


def page_weight(rows):
    """One line per listing: its HTML size against the budget, over budget in bold."""
    lines = []
    for row in rows:
        if row["label"].split(",")[0] not in LISTING_LABELS or row.get("size") is None:
            continue
        kb = row["size"] / 1024
        verdict = "ok" if kb < LISTING_BUDGET_KB else "**over budget**"
        lines.append(f"- {row['label']} `{row['path']}`: {kb:.0f} kB of HTML ({verdict})")
    if not lines:
        return ""
    return "\n".join([f"Page weight (budget {LISTING_BUDGET_KB} kB of HTML per listing):", *lines])
