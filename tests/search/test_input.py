"""Search: Norwegian words, bad input, the empty query and no hits, suggestions."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.backends import get_search_backend

from demo import factories
from search import log
from search.forms import MAX_LENGTH, MAX_TERMS
from search.stemming import stem, stems_of
from tests.helpers import page_html
from tests.search.conftest import ON_POSTGRES, count_text, postgres_only, result_titles, search

pytestmark = pytest.mark.django_db


# --- Norwegian -----------------------------------------------------------------------------


def test_backend_stems_norwegian_on_either_database():
    backend = get_search_backend()
    if ON_POSTGRES:
        assert type(backend).__name__ == "NorwegianPostgresSearchBackend"
        assert backend.config == "norwegian"
    else:
        assert type(backend).__name__ == "NorwegianSQLiteSearchBackend"


def test_snowball_stems_like_postgresql():
    assert {stem(word) for word in ["metode", "metoder", "metodene"]} == {"metod"}
    assert stem("brukerreisen") == stem("brukerreise") == "brukerreis"
    assert stems_of("Metoder og brukerreisen") == ["metod", "brukerreis"]


@pytest.mark.parametrize(
    ("query", "page_says", "title"),
    [
        ("metoder", "En metode for å samle gruppa.", "Kickoff"),
        ("brukerreisen", "Slik lager dere en brukerreise.", "Reisekart"),
        ("metode", "Tre metoder som virker.", "Tre verktøy"),
        ("kommune", "Tjenestene i kommunen.", "Tjenester"),
    ],
)
def test_inflected_forms_find_each_other(employee_client, home, query, page_says, title):
    factories.make_content_page(title=title, slug="side", intro=page_says, body=[])
    _response, html = search(employee_client, q=query)
    assert result_titles(html) == [title]
    # …and the stemmed match is highlighted in the summary.
    assert "<mark>" in re.search(r'search-result__summary">(.*?)</p>', html).group(1)


@postgres_only
def test_postgresql_uses_the_norwegian_configuration(home):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('norwegian', 'Metoder metodene brukerreisen')::text")
        assert cursor.fetchone()[0] == "'brukerreis':3 'metod':1,2"


def test_compound_words_are_found_through_the_index(employee_client, home):
    # «innovasjon» and «arbeid» are in the vocabulary (core/compound_parts.txt), so the
    # index holds the parts of «innovasjonsarbeid»: an ordinary hit, marked as one.
    factories.make_content_page(
        title="Kultur for nyskaping",
        slug="kultur",
        intro="Om innovasjonsarbeid på tvers av enheter.",
        body=[],
    )
    _response, html = search(employee_client, q="innovasjon")
    assert result_titles(html) == ["Kultur for nyskaping"]
    assert "Ingen eksakte treff" not in html
    assert "<mark>innovasjonsarbeid</mark>" in html


def test_compounds_of_unknown_parts_are_found_as_a_fallback(employee_client, home):
    # «gnistring» is no part the splitter knows: the fallback finds the compound.
    factories.make_content_page(
        title="Kultur for nyskaping",
        slug="kultur",
        intro="Om gnistringsarbeid på tvers av enheter.",
        body=[],
    )
    _response, html = search(employee_client, q="gnistring")
    assert result_titles(html) == ["Kultur for nyskaping"]
    assert "Ingen eksakte treff for «gnistring»." in html
    assert "<mark>gnistringsarbeid</mark>" in html


@postgres_only
def test_postgresql_finds_the_last_part_of_a_compound_by_trigrams(employee_client, home):
    factories.make_content_page(
        title="Kultur for nyskaping", slug="kultur", intro="Om innovasjonsarbeid.", body=[]
    )
    _response, html = search(employee_client, q="arbeid")
    assert result_titles(html) == ["Kultur for nyskaping"]


# --- Bad input never breaks it -------------------------------------------------------------


HOSTILE = [
    '"',
    '"metode',
    'foo"bar',
    '\\"',
    '"en metode"',
    '""',
    "\x00",
    "a\x00b",
    "   ",
    "\t",
    "\n",
    " ".join(["metode"] * 500),
    " ".join(f"ord{n}" for n in range(300)),
    "m" * 5000,
    "innovasjon " * 1000,
    "*",
    "meto*",
    "(",
    ")",
    "(metode",
    "-",
    "-metode",
    ":",
    "^",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "metode AND NOT kommune",
    "{title}: x",
    "title:x",
    "fase:forsta",
    "%s",
    "%",
    "%(x)s",
    "\\",
    "'",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "😀",
    "idé 💡 metode",
    "\u202e\u200b",
    "<script>alert(1)</script>",
    "og",
    "og i på",
]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:20]))
def test_hostile_queries_answer_with_a_page(employee_client, section, query):
    response = employee_client.get("/sok/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Søk</h1>" in html
    assert "<script>alert(1)</script>" not in html
    suggestions = employee_client.get("/sok/forslag/", {"q": query})
    assert suggestions.status_code == 200
    assert isinstance(suggestions.json(), list)


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%FF%FE",
        "q=meto%C3",
        "q=%ED%A0%80",
        "q=%25%00",
        "q=a&q=%00",
        "q=x&type=%FF&fase=%00&side=%FF",
    ],
)
def test_broken_escapes_in_the_address_answer_with_a_page(employee_client, section, query_string):
    assert employee_client.get(f"/sok/?{query_string}").status_code == 200
    assert employee_client.get(f"/sok/forslag/?{query_string}").status_code == 200


def test_a_nul_byte_gets_a_message_not_a_search(employee_client, section):
    _response, html = search(employee_client, q="metode\x00")
    assert "Søket inneholder et tegn vi ikke kan søke etter." in html
    assert "<title>Feil: Søk – Innovasjon – Stavanger kommune</title>" in html
    assert 'aria-invalid="true"' in html
    assert not Query.objects.exists()


def test_long_queries_are_cut_with_a_notice(employee_client, section):
    _response, html = search(employee_client, q="kommunen " + "x" * 10_000)
    assert f"Søket var for langt, så vi søkte bare etter de første {MAX_LENGTH} tegnene." in html
    assert "5 treff for «kommunen»" in html  # the half word at the cut is dropped


def test_too_many_terms_are_cut_with_a_notice(employee_client, section):
    _response, html = search(employee_client, q="kommunen " + " ".join(["a"] * 40))
    assert f"Søket hadde for mange ord, så vi søkte bare etter de første {MAX_TERMS}." in html


def test_a_query_of_only_quotes_finds_nothing_politely(employee_client, section):
    _response, html = search(employee_client, q='""')
    assert "Ingen treff for" in html
    assert "Sjekk stavemåten, prøv et annet ord eller fjern filtre." in html


def test_phrases_in_quotes_are_searched_as_phrases(employee_client, section):
    _response, html = search(employee_client, q='"tiltak og gevinster"')
    assert result_titles(html) == ["Gevinstkart"]


# --- Empty query and no hits --------------------------------------------------------------


def test_empty_query_shows_ways_in_not_an_error(employee_client, section):
    for _ in range(3):
        log.record("brukerreise", found=True)
    log.flush()
    for params in ({}, {"q": ""}, {"q": "   "}):
        response, html = search(employee_client, **params)
        assert "Populære søk" in html
        assert 'href="/sok/?q=brukerreise"' in html
        assert "Finn en metode etter fase" in html
        assert 'href="/metoder/?fase=forsta"' in html
        assert "Fase 2 · Forstå behovet" in html
        assert "Eller gå til" in html
        assert "Ingen treff" not in html
        assert "<title>Søk – Innovasjon – Stavanger kommune</title>" in html


def test_no_hits_says_so_and_suggests_ways_on(employee_client, section):
    for _ in range(3):
        log.record("gevinstkart", found=True)
    log.flush()
    _response, html = search(employee_client, q="zxqv")
    assert count_text(html) == "Ingen treff for «zxqv»"
    assert "Sjekk stavemåten, prøv et annet ord eller fjern filtre." in html
    assert '<a href="/metoder/">Se alle metoder og verktøy</a>' in html
    assert 'href="/sok/?q=gevinstkart"' in html


def test_no_hits_with_filters_offers_the_search_without_them(employee_client, section):
    _response, html = search(employee_client, q="brukerreise", type="stotte")
    assert "Søk etter «brukerreise» uten filtre" in html
    assert 'href="/sok/?q=brukerreise"' in html


def test_header_search_is_a_combobox_and_the_search_page_has_one_search_form(
    employee_client, section
):
    html = page_html(employee_client.get("/"))
    assert re.search(
        r'<input id="sok-q" name="q" type="text" autocomplete="off"[^>]*role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="sok-forslag"',
        html,
    )
    assert (
        '<ul id="sok-forslag" class="site-search__suggestions" role="listbox" aria-label="Søkeforslag" hidden></ul>'
        in html
    )
    assert 'action="/sok/"' in html and 'data-search-suggest="/sok/forslag/"' in html

    # On /sok/ the header leaves its box out: one search landmark, one box, and the page's
    # own box is the combobox with suggestions, filled with the query.
    _response, html = search(employee_client, q="gevinstkart")
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select('[role="search"]')) == 1
    assert (
        len(soup.select('input[name="q"]:not([type="hidden"])')) == 1
    )  # the filters carry it hidden
    assert soup.find(id="sok-q") is None
    box = soup.select_one('[role="search"] input[name="q"]')
    assert box["role"] == "combobox" and box["value"] == "gevinstkart"
    assert (
        box["aria-controls"] == "sok-forslag" and soup.find(id="sok-forslag")["role"] == "listbox"
    )
    assert soup.select_one("form.search-form")["data-search-suggest"] == "/sok/forslag/"
    # The result count stays the live region.
    assert soup.select_one('[role="status"] [data-search-status]').get_text(strip=True) == (
        "2 treff for «gevinstkart»"
    )


# --- Suggestions ---------------------------------------------------------------------------


def test_suggestions_answer_titles_urls_and_types(employee_client, section):
    response = employee_client.get("/sok/forslag/", {"q": "bru"})
    assert response["Content-Type"] == "application/json"
    assert response.json() == [
        {"title": "Brukerreise", "url": "/metoder/brukerreise/", "type": "Metode"}
    ]
    # A service whose words begin so comes first (tests/search/test_services.py).
    assert employee_client.get("/sok/forslag/", {"q": "innovasjonsm"}).json() == [
        {"title": "Søk om innovasjonsmidler", "url": "/stotte/", "type": "Tjeneste"},
        {
            "title": "Innovasjonsmidler 2026",
            "url": "/stotte/innovasjonsmidler-2026/",
            "type": "Støtte",
        },
    ]


def test_suggestions_need_two_characters_and_stop_at_eight(employee_client, section):
    assert employee_client.get("/sok/forslag/", {"q": "b"}).json() == []
    assert employee_client.get("/sok/forslag/", {"q": "  "}).json() == []
    assert employee_client.get("/sok/forslag/", {"q": "**"}).json() == []
    for number in range(12):
        factories.make_method(
            section["index"], title=f"Prototype {number}", slug=f"p-{number}", revision=False
        )
    assert len(employee_client.get("/sok/forslag/", {"q": "proto"}).json()) == 8
