"""Query budgets: every page a signed-in employee opens costs the same number of
queries with 10 and with 500 pages of its kind, and stays within its budget.

Measured warm, as a running server answers after the first request (the menu, the
routes and the other shared parts are cached until the next publish). Budgets from
the performance issue: detail pages at most 12 queries, everything else at most 20.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo import bulk, factories

FEW, MANY = 10, 500
DETAIL, LISTING = 12, 20


def warm_count(client, url):
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def analyze():
    """Fresh planner statistics after a bulk load, as autovacuum gives a real database.

    Without them PostgreSQL plans search for the nearly empty tables it last saw, and a
    query over 2 500 new pages takes seconds instead of milliseconds.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def assert_same_budget(client, grow, urls, budget, django_assert_max_num_queries, exact=True):
    """Counts every url, lets the section grow from FEW to MANY pages, counts again.

    Both counts stay within the budget; with `exact` they are also equal.
    """
    few = {url: warm_count(client, url) for url in urls}
    for url in urls:
        with django_assert_max_num_queries(budget):
            client.get(url)
    grow()
    analyze()
    many = {url: warm_count(client, url) for url in urls}
    for url in urls:
        with django_assert_max_num_queries(budget):
            client.get(url)
    if exact:
        assert many == few


@pytest.fixture
def methods(home):
    index = factories.make_method_index()
    return index, bulk.add_methods(index, FEW)


@pytest.fixture
def cases(home, methods):
    index = factories.make_case_index()
    return index, bulk.add_cases(index, FEW)


def method_filters(method):
    phase = method.phases.first()
    tag = method.tags.first()
    return (
        f"/metoder/?fase={phase.slug}&tema={tag.slug}"
        f"&tidsbruk={method.duration}&vanskelighetsgrad={method.difficulty}"
    )


def test_method_listing_and_filters(employee_client, methods, django_assert_max_num_queries):
    index, pages = methods
    urls = ["/metoder/", method_filters(pages[0]), "/metoder/?side=2"]
    assert_same_budget(
        employee_client,
        lambda: bulk.add_methods(index, MANY - FEW),
        urls,
        LISTING,
        django_assert_max_num_queries,
    )


def test_method_page(employee_client, methods, cases, django_assert_max_num_queries):
    method_index, methods = methods
    case_index, _cases = cases
    url = methods[0].url

    def grow():
        bulk.add_methods(method_index, MANY - FEW)
        bulk.add_cases(case_index, MANY - FEW)  # «Brukt i disse prosjektene» grows too

    assert_same_budget(employee_client, grow, [url], DETAIL, django_assert_max_num_queries)


def test_case_listing_and_filters(employee_client, cases, django_assert_max_num_queries):
    index, pages = cases
    case = next(page for page in pages if page.sector_id and page.method_links.exists())
    url = (
        f"/eksempler/?status={case.status}&sektor={case.sector.slug}"
        f"&tema={case.tags.first().slug}&metode={case.method_links.first().method.slug}"
    )
    assert_same_budget(
        employee_client,
        lambda: bulk.add_cases(index, MANY - FEW),
        ["/eksempler/", url, "/eksempler/?side=2"],
        LISTING,
        django_assert_max_num_queries,
    )


def test_case_page(employee_client, cases, django_assert_max_num_queries):
    index, pages = cases
    case = next(page for page in pages if page.sector_id)
    assert_same_budget(
        employee_client,
        lambda: bulk.add_cases(index, MANY - FEW),  # «Flere fra …» draws from these
        [case.url],
        DETAIL,
        django_assert_max_num_queries,
    )


def test_funding_listing_and_call(employee_client, home, django_assert_max_num_queries):
    index = factories.make_funding_index()
    calls = bulk.add_funding_calls(index, FEW)
    assert_same_budget(
        employee_client,
        lambda: bulk.add_funding_calls(index, MANY - FEW),
        ["/stotte/", calls[0].url],
        DETAIL,
        django_assert_max_num_queries,
    )


def test_event_listing_page_and_calendar(employee_client, home, django_assert_max_num_queries):
    index = factories.make_event_index()
    events = bulk.add_events(index, FEW)
    event = events[0]
    assert_same_budget(
        employee_client,
        lambda: bulk.add_events(index, MANY - FEW),
        ["/arrangementer/", event.url, event.url + "kalender/", "/arrangementer/kalender/"],
        DETAIL,
        django_assert_max_num_queries,
    )


def test_content_page(employee_client, home, django_assert_max_num_queries):
    pages = bulk.add_content_pages(home, FEW)
    assert_same_budget(
        employee_client,
        lambda: bulk.add_content_pages(home, MANY - FEW),
        [pages[0].url],
        DETAIL,
        django_assert_max_num_queries,
    )


def test_fabrikken_page(employee_client, home, methods, django_assert_max_num_queries):
    index, _methods = methods
    factories.make_fabrikken_page()
    assert_same_budget(
        employee_client,
        lambda: bulk.add_methods(index, MANY - FEW),
        ["/fabrikken/"],
        DETAIL,
        django_assert_max_num_queries,
    )


@pytest.fixture
def whole_section(home, methods, cases):
    funding = factories.make_funding_index()
    events = factories.make_event_index()
    bulk.add_funding_calls(funding, FEW)
    bulk.add_events(events, FEW)
    bulk.add_content_pages(home, FEW)
    factories.make_fabrikken_page()

    def grow():
        bulk.add_methods(methods[0], MANY - FEW)
        bulk.add_cases(cases[0], MANY - FEW)
        bulk.add_funding_calls(funding, MANY - FEW)
        bulk.add_events(events, MANY - FEW)
        bulk.add_content_pages(home, MANY - FEW)

    return grow


def test_home_page(employee_client, whole_section, django_assert_max_num_queries):
    assert_same_budget(
        employee_client, whole_section, ["/"], LISTING, django_assert_max_num_queries
    )


def test_search_and_suggestions(employee_client, whole_section, django_assert_max_num_queries):
    """The same budget, though not always the same count: each page type among the
    hits shown costs one query to load (test_search holds the rest constant)."""
    urls = [
        "/sok/?q=metode",
        "/sok/?q=tjenesten&type=metode",
        "/sok/?q=brukerreisen&side=2",
        "/sok/forslag/?q=bru",
    ]
    assert_same_budget(
        employee_client, whole_section, urls, LISTING, django_assert_max_num_queries, exact=False
    )
