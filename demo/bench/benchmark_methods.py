#!/usr/bin/env python
"""How the method listing performs with many methods: queries per request and render time.

Builds a throwaway test database (in memory on SQLite; `test_…` on PostgreSQL when
DATABASE_URL points there), adds N live methods and signs in an employee, then requests
the listing through Django's test client and prints the query count and the median time.

    .venv/bin/python demo/bench/benchmark_methods.py [--methods 200] [--runs 30]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

URLS = [
    "/metoder/",
    "/metoder/?fase=forsta&tema=brukerinnsikt",
    "/metoder/?fase=forsta&fase=skape&tidsbruk=halv-dag&vanskelighetsgrad=middels&side=2",
]


def build(count):
    from demo import factories

    factories.make_phases()
    index = factories.make_method_index()
    phases = ["forankre", "forsta", "skape", "teste", "ta-i-bruk", "gevinster-og-spredning"]
    durations = ["inntil-1-time", "halv-dag", "hel-dag", "flere-dager"]
    difficulties = ["lett", "middels", "krevende"]
    for number in range(count):
        factories.make_method(
            index,
            title=f"Metode {number:03d}",
            phases=[phases[number % 6], phases[(number + 1) % 6]],
            tags=["brukerinnsikt" if number % 2 else "samarbeid", f"tema-{number % 7}"],
            duration=durations[number % 4],
            difficulty=difficulties[number % 3],
            revision=False,
        )
    return factories.make_user("benchmark")


def measure(client, url, runs):
    client.get(url)  # warm the caches like a running server
    reset_queries()  # each request empties the log; start from an empty one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    timings = []
    for _run in range(runs):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return len(queries), statistics.median(timings), len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        user = build(args.methods)
        client = Client()
        client.force_login(user)
        print(f"{args.methods} live methods, {connection.vendor}, median of {args.runs} requests")
        for url in URLS:
            queries, median, size = measure(client, url, args.runs)
            print(f"  {url}\n    {queries} queries, median {median:.1f} ms, {size // 1024} kB HTML")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
