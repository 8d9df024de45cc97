"""Search: query logging and insight for editors; scale; the commands."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Site

from demo import factories
from search import log
from search.engine import PER_PAGE
from search.models import QueryDailyZeroHits, SearchSettings, SynonymGroup
from tests.helpers import page_html, soup
from tests.search.conftest import ON_POSTGRES, result_titles, search

# How a full-text evaluation shows in the SQL: the tsquery operator, or SQLite FTS5's MATCH.
FULL_TEXT = "@@" if ON_POSTGRES else " MATCH "

pytestmark = pytest.mark.django_db


# --- Query logging and insight for editors -------------------------------------------------


def test_valid_first_page_searches_are_logged(employee_client, section):
    search(employee_client, q="Kommunen")
    search(employee_client, q="kommunen  ")
    search(employee_client, q="kommunen", side="2")
    search(employee_client, q="")
    search(employee_client, q="x\x00")
    assert Query.get("kommunen").hits == 2
    assert list(Query.objects.values_list("query_string", flat=True)) == ["kommunen"]
    assert not QueryDailyZeroHits.objects.exists()


def test_searches_without_hits_are_logged_separately(employee_client, section):
    search(employee_client, q="zxqv")
    search(employee_client, q="zxqv")
    query = Query.objects.get(query_string="zxqv")
    assert query.hits == 2
    assert query.daily_zero_hits.get().hits == 2


def test_logging_waits_and_writes_in_one_go(
    employee_client, section, settings, django_assert_num_queries
):
    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    search(employee_client, q="kommunen")
    search(employee_client, q="zxqv")
    assert not Query.objects.exists()
    assert log.pending() == {
        ("kommunen", timezone.localdate(), True): 1,
        ("zxqv", timezone.localdate(), False): 1,
    }
    log.flush()
    assert Query.get("kommunen").hits == 1
    assert log.pending() == {}


def test_a_failed_write_keeps_the_counts(home):
    log.record("metode", found=True)
    with mock.patch.object(Query, "get", side_effect=DatabaseError("locked")):
        log.flush()
    assert log.pending() == {("metode", timezone.localdate(), True): 1}
    log.flush()
    assert Query.get("metode").hits == 1


def test_popular_searches_leave_out_rare_and_fruitless_terms(home):
    from search.engine import popular_searches

    for term, times, found in [
        ("brukerreise", 5, True),
        ("gevinstkart", 3, True),
        ("sjelden", 2, True),
        ("zxqv", 9, False),
    ]:
        for _ in range(times):
            log.record(term, found=found)
    log.flush()
    old = timezone.localdate() - datetime.timedelta(days=40)
    QueryDailyHits.objects.create(query=Query.get("gammel"), date=old, hits=50)
    assert popular_searches() == ["brukerreise", "gevinstkart"]


@pytest.fixture
def editor_client(client, home):
    call_command("setup_section", verbosity=0)
    client.force_login(factories.make_user("redaktor", groups=["Redaktører"]))
    return client


def test_editors_see_popular_and_fruitless_searches(editor_client):
    for term, times, found in [
        ("brukerreise", 4, True),
        ("zxqv", 2, False),
        ("tjenestedesign", 1, False),
    ]:
        for _ in range(times):
            log.record(term, found=found)
    log.flush()
    QueryDailyZeroHits.objects.create(
        query=Query.get("gammelt"), date=timezone.localdate() - datetime.timedelta(days=31), hits=7
    )
    html = page_html(editor_client.get("/admin/sok/populaere/"))
    assert "Populære søk" in html
    assert html.index("brukerreise") < html.index("zxqv")
    assert 'href="/sok/?q=brukerreise"' in html
    html = page_html(editor_client.get("/admin/sok/uten-treff/"))
    assert "Søk uten treff" in html
    assert "zxqv" in html and "tjenestedesign" in html
    assert "brukerreise" not in html and "gammelt" not in html
    export = editor_client.get("/admin/sok/uten-treff/", {"export": "csv"})
    assert export.status_code == 200
    assert b"zxqv,2," in export.getvalue()
    menu = editor_client.get("/admin/").content.decode()
    assert "/admin/sok/uten-treff/" in menu

    # A note on the numbers (such as «demo») shows in the reports and under «Populære søk».
    assert "Tallene er fra en test." not in page_html(editor_client.get("/admin/sok/populaere/"))
    settings = SearchSettings.for_site(Site.objects.get(is_default_site=True))
    settings.statistics_note = "Tallene er fra en test."
    settings.save()
    for url in ("/admin/sok/populaere/", "/admin/sok/uten-treff/"):
        assert "Tallene er fra en test." in page_html(editor_client.get(url))


def test_the_last_search_without_hits_is_shown_as_a_day_not_hours_ago(editor_client):
    # At 13:05 in Oslo a search made minutes ago once read «13 timer siden»: the day's
    # count has a date, which Wagtail's DateColumn measured from midnight.
    frozen = datetime.datetime(2026, 3, 12, 13, 5, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=frozen):
        log.record("zxqv", found=False)
        log.flush()
        QueryDailyZeroHits.objects.create(
            query=Query.get("tjenestedesign"), date=datetime.date(2026, 3, 11), hits=1
        )
        QueryDailyZeroHits.objects.create(
            query=Query.get("gevinst"), date=datetime.date(2026, 3, 2), hits=1
        )
        html = page_html(editor_client.get("/admin/sok/uten-treff/"))
    rows = {
        cells[0]: cells[-1]
        for cells in (
            [cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in soup(html).select("tbody tr")
        )
    }
    assert rows == {"zxqv": "I dag", "tjenestedesign": "I går", "gevinst": "2. mars 2026"}
    assert "siden" not in html


def test_reports_are_refused_to_those_without_the_permission(client, home):
    client.force_login(factories.make_user("ansatt", is_staff=True))
    assert client.get("/admin/sok/populaere/").status_code in (302, 403)


def test_editors_manage_synonyms_and_promoted_results(editor_client, section):
    assert editor_client.get("/admin/snippets/search/synonymgroup/").status_code == 200
    response = editor_client.post(
        "/admin/snippets/search/synonymgroup/add/",
        {"terms": "tjenestedesign, service design"},
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.get().term_list == ["tjenestedesign", "service design"]
    assert editor_client.get("/admin/searchpicks/").status_code == 200
    assert editor_client.get("/admin/searchpicks/add/").status_code == 200
    # The admin's page search (autocomplete) still works through our backend.
    admin_search = editor_client.get("/admin/pages/search/", {"q": "brukerr"})
    assert admin_search.status_code == 200
    assert "Brukerreise" in admin_search.content.decode()


def test_the_promoted_results_and_synonym_forms_read_bokmal(editor_client, section):
    english = [
        "Promoted search results are",
        "Add a recommended result",
        "New:",
        "Create",
        "forfremme",
        "Forfremme",
        'aria-label="Actions"',
    ]
    for url, norwegian in [
        ("/admin/searchpicks/", ["Fremhevede søketreff", "Fremhev et treff for et søk"]),
        (
            "/admin/searchpicks/add/",
            [
                "Ny: Fremhevet søketreff",
                "Legg til et anbefalt treff",
                "Opprett",
                "Skriv hele søket",
            ],
        ),
        (
            "/admin/snippets/search/synonymgroup/add/",
            ["Ny: Synonymgruppe", "Ord som betyr det samme"],
        ),
    ]:
        html = editor_client.get(url).content.decode()
        assert [word for word in norwegian if word not in html] == [], url
        assert [word for word in english if word in html] == [], url


def test_a_promotion_without_a_page_or_link_is_refused_in_bokmal_and_keeps_the_search(
    editor_client, section
):
    response = editor_client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "penger",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-ORDER": "1",
            "editors_picks-0-description": "Slik søker du",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Velg en side eller skriv inn en ekstern lenke." in html
    assert 'value="penger"' in html and "Slik søker du" in html


def test_one_search_terms_report_wagtails_own_leads_to_popular_searches(editor_client, section):
    response = editor_client.get("/admin/searchpicks/reports/search-terms/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/sok/populaere/"
    menu = editor_client.get("/admin/").content.decode()
    assert "/admin/sok/populaere/" in menu
    assert "/admin/searchpicks/reports/search-terms/" not in menu


def test_garbage_collection_keeps_thirty_days(home):
    today = timezone.localdate()
    query = Query.get("brukerreise")
    QueryDailyHits.objects.create(query=query, date=today - datetime.timedelta(days=45), hits=3)
    QueryDailyHits.objects.create(query=query, date=today, hits=2)
    QueryDailyZeroHits.objects.create(query=query, date=today - datetime.timedelta(days=45), hits=3)
    stale = Query.get("borte")
    QueryDailyHits.objects.create(query=stale, date=today - datetime.timedelta(days=45), hits=1)
    call_command("search_garbage_collect", verbosity=0)
    assert list(query.daily_hits.values_list("hits", flat=True)) == [2]
    assert not QueryDailyZeroHits.objects.exists()
    assert not Query.objects.filter(query_string="borte").exists()


# --- Scale ---------------------------------------------------------------------------------


SEARCH_URLS = [
    {"q": "kommunen"},
    {"q": "kommunen", "type": "metode", "fase": "skape", "side": "2"},
    {"q": "kommunen", "type": "side"},
    {"q": "kommunen", "type": "stotte"},
]


def build_pages(section, start, count):
    """`count` more pages that say «kommunen»: methods, content pages and funding calls."""
    for number in range(start, start + count):
        kind = number % 3
        if kind == 0:
            factories.make_method(
                section["index"],
                title=f"Metode {number:03d}",
                slug=f"metode-{number:03d}",
                summary="En metode for kommunen.",
                phases=("skape", "teste"),
                revision=False,
            )
        elif kind == 1:
            factories.make_content_page(
                title=f"Side {number:03d}", slug=f"side-{number:03d}", intro="Om kommunen."
            )
        else:
            factories.make_funding_call(
                section["funding_index"],
                title=f"Ordning {number:03d}",
                slug=f"ordning-{number:03d}",
                summary="Penger til kommunen.",
                form_fields=[],
            )


def queries_for(client, params):
    """The queries of one search, less those that depend on the page types shown.

    `.specific()` costs one query per page type among the hits shown, and each
    relation in a type's `search_prefetch` one more: that depends on which types rank
    first on the page (at most every page type), never on how many hits there are.
    Measured warm, as a running server answers: the menu and routes are cached.
    """
    client.get("/sok/", params)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/sok/", params)
    assert response.status_code == 200
    types_shown = {type(page) for page in response.context["search"].page_obj.object_list}
    per_type = sum(1 + len(getattr(model, "search_prefetch", ())) for model in types_shown)
    return len(context) - per_type, response


def test_search_query_count_does_not_grow_with_the_hits(employee_client, section):
    build_pages(section, 0, 12)
    with_few = [queries_for(employee_client, params)[0] for params in SEARCH_URLS]

    build_pages(section, 12, 90)
    with_many = []
    for params in SEARCH_URLS:
        count, response = queries_for(employee_client, params)
        with_many.append(count)
        assert len(result_titles(response.content.decode())) == PER_PAGE
        assert response.context["search"].paginator.count > 2 * PER_PAGE
    # The budget itself is in tests/performance/test_query_budgets.py.
    assert with_few == with_many


def test_the_engine_never_loads_every_hit(employee_client, section):
    """Only the ids of the page shown leave the database, and only its pages are loaded."""
    build_pages(section, 0, 40)
    response = employee_client.get("/sok/", {"q": "kommunen"})
    site_search = response.context["search"]
    assert site_search.paginator.count == 45
    found = site_search._found[4]
    assert len(found.hits) == PER_PAGE
    assert len(site_search.results) == PER_PAGE


def test_a_search_evaluates_the_full_text_query_once_and_a_repeat_never(employee_client, section):
    """The hits of the page, their number and the type and phase counts come from one
    full-text evaluation (search/onepass.py), kept per query, filters, page and audience
    until the next content change: a repeat evaluates nothing, and nothing is stale."""
    cache.clear()

    def full_text_queries(**params):
        with CaptureQueriesContext(connection) as context:
            response = employee_client.get("/sok/", params)
        matching = [q["sql"] for q in context.captured_queries if FULL_TEXT in q["sql"]]
        return len(matching), response

    first, response = full_text_queries(q="kommunen")
    site_search = response.context["search"]
    hits = site_search.hits
    assert (hits, site_search.type_counts["metode"]) == (5, 3)
    assert site_search.phase_counts == {"forsta": 1, "skape": 2, "gevinster-og-spredning": 1}
    repeat, response = full_text_queries(q="kommunen")
    assert (first, repeat) == (1, 0)
    assert response.context["search"].hits == hits

    # A filter and another page: one evaluation each, the facets still of every hit.
    filtered, response = full_text_queries(q="kommunen", fase="skape")
    assert filtered == 1
    assert response.context["search"].hits == 2
    assert response.context["search"].type_counts["metode"] == 3

    # A publish is a new generation: a new page that matches is counted at once.
    factories.make_method(title="Kommunen tester", slug="kommunen-tester", phases=("skape",))
    again, response = full_text_queries(q="kommunen")
    assert again == 1
    assert response.context["search"].hits == hits + 1


# --- Commands and demo ---------------------------------------------------------------------


def test_benchmark_command_reports_percentiles(capsys):
    call_command("benchmark_search", pages=30, runs=2, in_current_database=True)
    output = capsys.readouterr().out
    assert "p50" in output and "p95" in output
    assert "brukerreise" in output
