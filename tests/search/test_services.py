"""Search: services (search/services.py) as first-class results, above every page.

Sections register them through the hook `register_search_services` (fabrikken/services.py,
funding/services.py); search matches the query's stemmed words, synonyms included,
against their task words and offers only those whose page the user may see.
"""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query

from demo import factories
from search import services
from search.engine import SiteSearch
from search.models import QueryDailyZeroHits
from tests.search.conftest import count_text, result_titles, result_types, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def fabrikken(section):
    return factories.make_fabrikken_page()


def services_shown(html):
    return re.findall(
        r'<li class="search-result search-result--service">.*?<a href="([^"]+)">(.*?)</a>',
        html,
        re.S,
    )


def test_a_task_finds_its_service_first_typed_counted_and_faceted(employee_client, fabrikken):
    _response, html = search(employee_client, q="book rom")
    assert result_titles(html)[0] == "Book rom på Fabrikken"
    assert result_types(html)[0] == "Tjeneste"
    assert services_shown(html) == [
        ("/fabrikken/booking/", "<mark>Book</mark> <mark>rom</mark> på Fabrikken")
    ]
    assert count_text(html).startswith(f"{len(result_titles(html))} treff")
    # «Tjeneste» is the first type after «Alle», with its count.
    types = re.findall(r'name="type" value="(\w*)"', html)
    assert types[:2] == ["", "tjeneste"]
    assert re.search(r'Tjeneste <span class="filters__count">\(1\)', html)


@pytest.mark.parametrize(
    ("query", "first", "url"),
    [
        ("rombooking", "Book rom på Fabrikken", "/fabrikken/booking/"),
        ("møterom", "Book rom på Fabrikken", "/fabrikken/booking/"),
        ("booking", "Book rom på Fabrikken", "/fabrikken/booking/"),
        ("hvordan booker jeg et rom", "Book rom på Fabrikken", "/fabrikken/booking/"),
        ("veiledning", "Be om veiledning", "/fabrikken/veiledning/"),
        ("prosessveiledning", "Be om veiledning", "/fabrikken/veiledning/"),
        ("mine bookinger", "Mine bookinger", "/fabrikken/booking/mine/"),
        ("mine søknader", "Mine søknader", "/stotte/mine-soknader/"),
        ("søknad", "Søk om innovasjonsmidler", "/stotte/"),
        ("mine henvendelser", "Mine henvendelser om veiledning", "/fabrikken/veiledning/mine/"),
    ],
)
def test_task_words_stems_and_compounds_find_the_service(
    employee_client, fabrikken, query, first, url
):
    _response, html = search(employee_client, q=query)
    assert services_shown(html)[0][0] == url
    assert re.sub(r"</?mark>", "", services_shown(html)[0][1]) == first


def test_every_word_must_belong_to_the_task(employee_client, fabrikken):
    _response, html = search(employee_client, q="mine søknader")
    assert [title for _url, title in services_shown(html)] == [
        "<mark>Mine</mark> <mark>søknader</mark>"
    ]
    _response, html = search(employee_client, q="brukerreise")
    assert services_shown(html) == []


def test_synonyms_lead_to_services(employee_client, fabrikken):
    factories.make_synonym_group("tilrettelegging, fasilitering")
    _response, html = search(employee_client, q="tilrettelegging")
    assert services_shown(html)[0][0] == "/fabrikken/veiledning/"


def test_a_service_on_a_page_the_user_cannot_see_is_not_offered(employee_client, fabrikken):
    factories.restrict_to_groups(fabrikken, "Moderatorer")
    _response, html = search(employee_client, q="book rom")
    assert services_shown(html) == []
    assert "Book rom på Fabrikken" not in html
    assert employee_client.get("/sok/forslag/", {"q": "book"}).json() == []


def test_no_service_without_a_live_page(employee_client, fabrikken):
    fabrikken.unpublish()
    _response, html = search(employee_client, q="book rom")
    assert services_shown(html) == []
    assert count_text(html) == "Ingen treff for «book rom»"


def test_a_type_filter_keeps_or_drops_the_services(employee_client, fabrikken):
    _response, html = search(employee_client, q="søknad", type="tjeneste")
    assert result_types(html) == ["Tjeneste", "Tjeneste"]
    assert count_text(html) == "2 treff for «søknad»"
    _response, html = search(employee_client, q="søknad", type="stotte")
    assert "Tjeneste" not in result_types(html)
    assert re.search(r'Tjeneste <span class="filters__count">\(2\)', html)


def test_a_search_that_found_only_a_service_is_logged_as_found(employee_client, fabrikken):
    _response, html = search(employee_client, q="rombooking")
    assert set(result_types(html)) == {"Tjeneste"}
    assert Query.get("rombooking").hits == 1
    assert not QueryDailyZeroHits.objects.exists()


def test_suggestions_offer_services_first(employee_client, fabrikken):
    items = employee_client.get("/sok/forslag/", {"q": "book r"}).json()
    assert items[0] == {
        "title": "Book rom på Fabrikken",
        "url": "/fabrikken/booking/",
        "type": "Tjeneste",
    }
    items = employee_client.get("/sok/forslag/", {"q": "mine s"}).json()
    assert items[0]["title"] == "Mine søknader"


def test_services_cost_one_query_and_none_when_nothing_matches(
    employee_client, fabrikken, django_assert_num_queries
):
    for query, expected, queries in [("book rom", 1, 1), ("brukerreise", 0, 0)]:
        site_search = SiteSearch(employee_client.get("/sok/", {"q": query}).wsgi_request)
        site_search.synonyms  # noqa: B018 (reads the cache generation, once per request)
        with django_assert_num_queries(queries):
            assert len(site_search.matched_services) == expected


def test_each_section_registers_its_services_through_the_hook():
    registered = {(service.page_type, service.route) for service in services.services()}
    assert {
        ("fabrikken.FabrikkenPage", "booking"),
        ("fabrikken.FabrikkenPage", "guidance"),
        ("fabrikken.FabrikkenPage", "my_bookings"),
        ("fabrikken.FabrikkenPage", "my_requests"),
        ("funding.FundingIndexPage", ""),
        ("funding.FundingIndexPage", "my_applications"),
    } <= registered
