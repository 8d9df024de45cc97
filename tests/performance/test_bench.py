"""scripts/bench/ (`make bench`) keeps working: the in-process part, on a small tree.

The benchmark itself (gunicorn, wrk, Lighthouse) runs only by hand; this checks that it
still finds a URL of every kind in the database and that each of them answers.
"""

import subprocess
import sys

import pytest

from demo import factories
from scripts.bench import queries, report, timing, urls
from tests.helpers import ROOT

pytestmark = pytest.mark.django_db


def build_one_of_each():
    methods = factories.make_method_index()
    method = factories.make_method(methods, title="Gevinstkart", tags=["gevinster"])
    cases = factories.make_case_index()
    factories.make_case(cases, methods=[method])
    factories.make_funding_call(factories.make_funding_index())
    factories.make_event(factories.make_event_index())
    factories.make_fabrikken_page()
    factories.make_content_page()


def test_bench_finds_every_kind_of_url_and_each_answers(employee):
    build_one_of_each()

    picked = urls.pick_urls()
    counts = queries.count_queries(picked, employee, warmups=1, repeats=1)

    labels = {label for label, _path in picked}
    assert labels == {
        "home",
        "methods",
        "methods, filtered",
        "cases",
        "cases, filtered",
        "events",
        "funding",
        "Fabrikken",
        "Fabrikken, booking week",
        "method",
        "case",
        "funding call",
        "event",
        "content page",
        "search, common word",
        "search, method name",
        "search, compound",
        "autocomplete",
    }
    paths = dict(picked)
    assert paths["methods, filtered"] == "/metoder/?fase=forsta&tema=gevinster&tidsbruk=halv-dag"
    assert paths["search, method name"] == "/sok/?q=Gevinstkart"
    assert {path: status for path, (status, _seen) in counts.items()} == dict.fromkeys(
        paths.values(), 200
    )
    assert all(seen[0] > 0 for _status, seen in counts.values())


def test_bench_asks_for_suggestions_nobody_asked_before(employee):
    build_one_of_each()

    first = urls.first_suggestions(5)
    others = urls.first_suggestions(3, skip=5)
    assert len(first) == 5 and len(others) == 3
    assert not set(first) & set(others)
    assert all(path.startswith("/sok/forslag/?q=") for path in first + others)
    assert "/sok/forslag/?q=bru" not in first + others  # the repeated one
    status, first_asks = queries.count_first_queries(others, employee)
    _status, repeats = queries.count_first_queries(others, employee)
    # Made, not kept: each asks the index, which its repeat (kept) does not; how many
    # queries a request costs besides depends on where the session lives (Redis or not).
    assert status == 200
    assert all(first > repeat for first, repeat in zip(first_asks, repeats, strict=True))


def test_bench_finds_the_admin_urls_and_each_answers_the_editor(redaktor):
    build_one_of_each()

    picked = urls.pick_admin_urls()
    counts = queries.count_queries(picked, redaktor, warmups=1, repeats=1)

    assert [label for label, _path in picked] == [
        "admin: page explorer",
        "admin: method edit view",
        "admin: dashboard",
        "admin: popular searches",
        "admin: review report",
    ]
    assert {path: status for path, (status, _seen) in counts.items()} == dict.fromkeys(
        dict(picked).values(), 200
    )


def test_bench_table_puts_each_url_beside_the_static_ceiling():
    row = {"label": "home", "path": "/", "status": 200, "queries": "12", "p50": 8.0, "p95": 12.5}
    row.update(first=40.2, size=20480)
    ceiling = {**row, "label": "static file (ceiling)", "path": "/static/x.css", "queries": "0"}

    text = report.table([{**row, "rate": 500.0}], {**ceiling, "rate": 2000.0})

    assert "| home | `/` | 12 | 8.0 | 12.5 | 500 | 25.0 % | 40 | 20 |" in text
    assert (
        "| static file (ceiling) | `/static/x.css` | 0 | 8.0 | 12.5 | 2000 | 100.0 % | 40 | 20 |"
        in text
    )
    assert timing.nearest_rank(list(range(1, 101)), 0.95) == 95


def test_bench_prints_each_listings_html_size_against_the_budget():
    rows = [
        {"label": "home", "path": "/", "size": 300 * 1024},
        {"label": "cases", "path": "/eksempler/", "size": 60 * 1024},
        {"label": "cases, filtered", "path": "/eksempler/?status=x", "size": 778 * 1024},
        {"label": "events", "path": "/arrangementer/", "size": 30 * 1024},
    ]

    text = report.page_weight(rows)

    assert text.splitlines() == [
        "Page weight (budget 100 kB of HTML per listing):",
        "- cases `/eksempler/`: 60 kB of HTML (ok)",
        "- cases, filtered `/eksempler/?status=x`: 778 kB of HTML (**over budget**)",
        "- events `/arrangementer/`: 30 kB of HTML (ok)",
    ]


def test_bench_runs_as_a_module_from_the_checkout():
    """`make bench` is `python -m scripts.bench` from the checkout's root: the package's
    relative imports resolve and --help lists the options (nothing is built or served)."""
    result = subprocess.run(
        [sys.executable, "-m", "scripts.bench", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.startswith("usage: python -m scripts.bench ")
    assert "--no-lighthouse" in result.stdout


def test_the_working_day_counts_views_served_warm_per_kind():
    from scripts.bench import workday

    day = workday.Day("a publish renews what shows the page", publishes=2)
    for path, built in (
        ("/", 0),
        ("/", 3),
        ("/metoder/", 0),
        ("/metoder/brukerreise/", 0),
        ("/sok/?q=a", 1),
    ):
        day.views += 1
        day.by_kind[workday.kind(path)][0] += 1
        if built == 0:
            day.warm += 1
            day.by_kind[workday.kind(path)][1] += 1
            day.warm_ms.append(10.0)
        else:
            day.cold_ms.append(50.0)

    row = workday.report([day], views=5, publishes=2, urls=4).splitlines()[-1]
    assert row.startswith("| a publish renews what shows the page | 5 | 2 | 60.0% |")
    assert "| 50% of 2 | 100% of 1 | 100% of 1 | 0% of 1 | 10.0 | 50.0 | 0 |" in row
