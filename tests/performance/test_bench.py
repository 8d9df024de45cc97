"""scripts/bench.py (`make bench`) keeps working: the in-process part, on a small tree.

The benchmark itself (gunicorn, wrk, Lighthouse) runs only by hand; this checks that it
still finds a URL of every kind in the database and that each of them answers.
"""

import importlib.util

import pytest

from demo import factories
from tests.helpers import ROOT

pytestmark = pytest.mark.django_db

BENCH_SCRIPT = ROOT / "scripts" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", BENCH_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_one_of_each():
    methods = factories.make_method_index()
    method = factories.make_method(methods, title="Gevinstkart", tags=["gevinster"])
    cases = factories.make_case_index()
    factories.make_case(cases, methods=[method])
    factories.make_funding_call(factories.make_funding_index())
    factories.make_event(factories.make_event_index())
    factories.make_fabrikken_page()
    factories.make_content_page()


def test_bench_finds_every_kind_of_url_and_each_answers(bench, employee):
    build_one_of_each()

    urls = bench.pick_urls()
    counts = bench.count_queries(urls, employee, warmups=1, repeats=1)

    labels = {label for label, _path in urls}
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
    paths = dict(urls)
    assert paths["methods, filtered"] == "/metoder/?fase=forsta&tema=gevinster&tidsbruk=halv-dag"
    assert paths["search, method name"] == "/sok/?q=Gevinstkart"
    assert {path: status for path, (status, _seen) in counts.items()} == dict.fromkeys(
        paths.values(), 200
    )
    assert all(seen[0] > 0 for _status, seen in counts.values())


def test_bench_table_puts_each_url_beside_the_static_ceiling(bench):
    row = {"label": "home", "path": "/", "status": 200, "queries": "12", "p50": 8.0, "p95": 12.5}
    row.update(first=40.2, size=20480)
    ceiling = {**row, "label": "static file (ceiling)", "path": "/static/x.css", "queries": "0"}

    text = bench.table([{**row, "rate": 500.0}], {**ceiling, "rate": 2000.0})

    assert "| home | `/` | 12 | 8.0 | 12.5 | 500 | 25.0 % | 40 | 20 |" in text
    assert (
        "| static file (ceiling) | `/static/x.css` | 0 | 8.0 | 12.5 | 2000 | 100.0 % | 40 | 20 |"
        in text
    )
    assert bench.nearest_rank(list(range(1, 101)), 0.95) == 95
