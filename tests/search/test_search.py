"""Search at /sok/: hits across types, filters, Norwegian stemming, hostile input, suggestions,
highlighting, synonyms, promoted results, query logging and the query budget.

Every test runs on SQLite (`make test`) and on PostgreSQL (`make test-postgres`); where the
two databases behave differently the test says so and is marked for one of them.
"""

import datetime
import re
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from demo import factories
from search import log
from search.engine import PER_PAGE, SiteSearch
from search.forms import MAX_LENGTH, MAX_TERMS
from search.models import QueryDailyZeroHits, SynonymGroup
from search.query import Synonyms, build
from search.stemming import stem, stems_of

pytestmark = pytest.mark.django_db

ON_POSTGRES = settings.DATABASE_IS_POSTGRES
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL behaviour")


@pytest.fixture(autouse=True)
def _write_search_log_at_once(settings):
    """Searches are counted in memory; in tests they are written after every request."""
    settings.SEARCH_LOG_FLUSH_SECONDS = 0
    log.discard()
    yield
    log.discard()


@pytest.fixture
def section(home):
    """A small section: methods, a content page, a funding call; all say «kommunen»."""
    factories.make_phases()
    index = factories.make_method_index()
    funding_index = factories.make_funding_index()
    pages = {
        "brukerreise": factories.make_method(
            index,
            title="Brukerreise",
            slug="brukerreise",
            summary="Følg brukeren steg for steg gjennom tjenesten i kommunen.",
            phases=("forsta", "skape"),
        ),
        "idemyldring": factories.make_method(
            index,
            title="Idémyldring",
            slug="idemyldring",
            summary="Mange idéer på kort tid, før gruppa velger.",
            phases=("skape",),
            when_to_use="<p>Når gruppa står fast og trenger nye vinkler i kommunen.</p>",
        ),
        "gevinstkart": factories.make_method(
            index,
            title="Gevinstkart",
            slug="gevinstkart",
            summary="Vis sammenhengen mellom tiltak og gevinster for kommunen.",
            phases=("gevinster-og-spredning",),
        ),
        "innovasjon": factories.make_content_page(
            title="Hva er innovasjon?",
            slug="hva-er-innovasjon",
            intro="Innovasjon i kommunen er noe nytt som skaper verdi.",
            body=[
                (
                    "paragraph",
                    "<p>Innovasjonsarbeid krever at vi tester tidlig. En idé blir ikke "
                    "innovasjon før den er tatt i bruk, og det tar tid å endre en tjeneste.</p>",
                )
            ],
        ),
        "midler": factories.make_funding_call(
            funding_index,
            title="Innovasjonsmidler 2026",
            slug="innovasjonsmidler-2026",
            summary="Penger til prosjekter som prøver ut nye løsninger i kommunen.",
            form_fields=[],
        ),
    }
    pages["index"] = index
    pages["funding_index"] = funding_index
    return pages


def search(client, **params):
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response, response.content.decode()


def result_titles(html):
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'<h3 class="search-result__title"><a [^>]*>(.*?)</a>', html)
    ]


def result_types(html):
    return re.findall(
        r'<p class="search-result__type">(?:<span[^>]*>[^<]*</span> )?([^<]+)</p>', html
    )


def count_text(html):
    match = re.search(
        r"<div role=\"status\"[^>]*><h2 id=\"treff-tittel\"[^>]*>(.*?)</h2></div>", html
    )
    return match.group(1) if match else ""


# --- Hits, types and filters -------------------------------------------------------------


def test_hits_across_types_show_type_title_summary_and_badges(employee_client, section):
    _response, html = search(employee_client, q="kommunen")
    titles = result_titles(html)
    assert set(titles) == {
        "Brukerreise",
        "Idémyldring",
        "Gevinstkart",
        "Hva er innovasjon?",
        "Innovasjonsmidler 2026",
    }
    assert count_text(html) == "5 treff for «kommunen»"
    assert set(result_types(html)) == {"Metode", "Side", "Støtte"}
    # Badges: the method's phases, the call's status; every one from the contract.
    assert '<span class="badge badge--phase-2">Fase 2 · Forstå behovet</span>' in html
    assert '<span class="badge badge--positive">Åpen</span>' in html
    assert "<title>5 treff for «kommunen» – Innovasjon – Stavanger kommune</title>" in html


def test_one_hit_is_counted_in_the_singular(employee_client, section):
    _response, html = search(employee_client, q="brukerreise")
    assert count_text(html) == "1 treff for «brukerreise»"
    assert result_titles(html) == ["Brukerreise"]


def test_type_filter_keeps_one_type_and_counts_each(employee_client, section):
    _response, html = search(employee_client, q="kommunen", type="stotte")
    assert result_titles(html) == ["Innovasjonsmidler 2026"]
    labels = dict(re.findall(r'value="(\w*)"(?: checked)?>\s*<label for="type-\d+">([^<]+)', html))
    assert labels["metode"].strip() == "Metode"
    assert re.search(
        r'value="stotte" checked>\s*<label for="type-\d+">Støtte <span class="filters__count">\(1\)',
        html,
    )
    assert re.search(
        r'value="metode">\s*<label for="type-\d+">Metode <span class="filters__count">\(3\)', html
    )
    assert "Fjern filter: Støtte" in html


def test_phase_filter_shows_the_methods_of_that_phase(employee_client, section):
    _response, html = search(employee_client, q="kommunen", fase="skape")
    assert sorted(result_titles(html)) == ["Brukerreise", "Idémyldring"]
    # A phase implies methods; the phase counts follow the query.
    assert re.search(r'value="metode" checked>', html)
    assert re.search(
        r'value="skape" checked>\s*<label for="fase-\d+">Skape idéer og løsninger <span class="filters__count">\(2\)',
        html,
    )
    assert re.search(
        r'value="forsta">\s*<label for="fase-\d+">Forstå behovet <span class="filters__count">\(1\)',
        html,
    )
    assert "Fjern filter: Skape idéer og løsninger" in html


def test_phases_combine_with_or(employee_client, section):
    _response, html = search(
        employee_client, q="kommunen", fase=["forsta", "gevinster-og-spredning"]
    )
    assert sorted(result_titles(html)) == ["Brukerreise", "Gevinstkart"]


def test_unknown_filter_values_are_ignored_with_a_notice(employee_client, section):
    _response, html = search(employee_client, q="kommunen", type="oppskrift", fase="ukjent")
    assert len(result_titles(html)) == 5
    assert "Vi kjenner ikke filtrene «oppskrift», «ukjent», så de brukes ikke." in html


def test_a_phase_with_another_type_is_ignored(employee_client, section):
    _response, html = search(employee_client, q="kommunen", type="stotte", fase="skape")
    assert result_titles(html) == ["Innovasjonsmidler 2026"]
    assert "Vi kjenner ikke filteret «skape», så det brukes ikke." in html


def test_filters_survive_pagination(employee_client, section):
    for number in range(PER_PAGE + 3):
        factories.make_method(
            section["index"],
            title=f"Metode for kommunen {number:02d}",
            slug=f"metode-{number:02d}",
            phases=("skape",),
            revision=False,
        )
    _response, html = search(employee_client, q="kommunen", type="metode", fase="skape")
    assert "Viser 1–15 av 20" in html
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    params = parse_qs(urlsplit(next_link).query)
    assert params == {"q": ["kommunen"], "type": ["metode"], "fase": ["skape"], "side": ["2"]}
    _response, html = search(employee_client, **params)
    assert "Viser 16–20 av 20" in html
    assert len(result_titles(html)) == 5
    assert 'start="16"' in html


def test_page_number_out_of_range_shows_the_last_page(employee_client, section):
    _response, html = search(employee_client, q="kommunen", side="99")
    assert len(result_titles(html)) == 5
    _response, html = search(employee_client, q="kommunen", side="tull")
    assert len(result_titles(html)) == 5


# --- Only what the user may see ----------------------------------------------------------


def test_drafts_never_appear(employee_client, section):
    factories.make_method(
        section["index"], title="Hemmelig kladd om kommunen", slug="kladd", publish=False
    )
    draft = factories.make_method(section["index"], title="Kladdemetode", slug="kladdemetode")
    draft.unpublish()
    _response, html = search(employee_client, q="kommunen")
    assert "Hemmelig kladd om kommunen" not in result_titles(html)
    assert employee_client.get("/sok/forslag/", {"q": "Hemmelig"}).json() == []
    assert employee_client.get("/sok/forslag/", {"q": "Kladde"}).json() == []


def test_restricted_pages_appear_only_for_those_who_pass(client, section):
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name="Ledere")
    factories.restrict_to_groups(section["idemyldring"], "Ledere")
    employee = factories.make_user("ansatt")
    leader = factories.make_user("leder", groups=["Ledere"])

    client.force_login(employee)
    _response, html = search(client, q="kommunen")
    assert "Idémyldring" not in result_titles(html)
    assert client.get("/sok/forslag/", {"q": "Idém"}).json() == []
    _response, html = search(client, q="kommunen", fase="skape")
    assert "(1)" in re.search(r'value="skape" checked>.*?</label>', html, re.S).group()

    client.force_login(leader)
    _response, html = search(client, q="kommunen")
    assert "Idémyldring" in result_titles(html)
    assert [item["title"] for item in client.get("/sok/forslag/", {"q": "Idém"}).json()] == [
        "Idémyldring"
    ]


def test_login_restrictions_pass_and_password_ones_do_not(employee_client, section):
    PageViewRestriction.objects.create(
        page=section["gevinstkart"], restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=section["funding_index"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="hemmelig",
    )
    _response, html = search(employee_client, q="kommunen")
    titles = result_titles(html)
    assert "Gevinstkart" in titles
    assert "Innovasjonsmidler 2026" not in titles


def test_superusers_pass_group_restrictions(client, section):
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name="Ledere")
    factories.restrict_to_groups(section["idemyldring"], "Ledere")
    admin = factories.make_user("sjef", is_superuser=True, is_staff=True)
    client.force_login(admin)
    _response, html = search(client, q="kommunen")
    assert "Idémyldring" in result_titles(html)


def test_search_needs_a_signed_in_user(client, section):
    assert client.get("/sok/", {"q": "kommunen"}).status_code == 302
    assert client.get("/sok/forslag/", {"q": "bru"}).status_code == 302


# --- Norwegian -----------------------------------------------------------------------------


def test_backend_stems_norwegian_on_either_database():
    backend = get_search_backend()
    if ON_POSTGRES:
        assert type(backend).__name__ == "PostgresSearchBackend"
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


def test_compound_words_are_found_as_a_fallback(employee_client, home):
    factories.make_content_page(
        title="Kultur for nyskaping",
        slug="kultur",
        intro="Om innovasjonsarbeid på tvers av enheter.",
        body=[],
    )
    _response, html = search(employee_client, q="innovasjon")
    assert result_titles(html) == ["Kultur for nyskaping"]
    assert "Ingen eksakte treff for «innovasjon»." in html
    assert "<mark>innovasjonsarbeid</mark>" in html


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


def test_header_search_is_a_combobox_filled_on_the_results_page(employee_client, section):
    html = employee_client.get("/").content.decode()
    assert re.search(
        r'<input id="sok-q" name="q" type="text" autocomplete="off"[^>]*value=""[^>]*role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="sok-forslag"',
        html,
    )
    assert (
        '<ul id="sok-forslag" class="site-search__suggestions" role="listbox" aria-label="Søkeforslag" hidden></ul>'
        in html
    )
    assert 'action="/sok/"' in html and 'data-search-suggest="/sok/forslag/"' in html
    _response, html = search(employee_client, q="gevinstkart")
    assert re.search(r'<input id="sok-q"[^>]*value="gevinstkart"', html)


# --- Suggestions ---------------------------------------------------------------------------


def test_suggestions_answer_titles_urls_and_types(employee_client, section):
    response = employee_client.get("/sok/forslag/", {"q": "bru"})
    assert response["Content-Type"] == "application/json"
    assert response.json() == [
        {"title": "Brukerreise", "url": "/metoder/brukerreise/", "type": "Metode"}
    ]
    assert employee_client.get("/sok/forslag/", {"q": "innovasjonsm"}).json() == [
        {
            "title": "Innovasjonsmidler 2026",
            "url": "/stotte/innovasjonsmidler-2026/",
            "type": "Støtte",
        }
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


# --- Highlighting --------------------------------------------------------------------------


def test_words_are_marked_in_title_and_summary_also_when_stemmed(employee_client, section):
    _response, html = search(employee_client, q="brukerreisen")
    assert '<a href="/metoder/brukerreise/"><mark>Brukerreise</mark></a>' in html
    _response, html = search(employee_client, q="gevinst")
    assert "<mark>gevinster</mark>" in html


def test_the_matching_passage_replaces_a_summary_without_the_words(employee_client, section):
    _response, html = search(employee_client, q="tester")
    summary = re.search(
        r'search-result__summary search-result__summary--passage">(.*?)</p>', html
    ).group(1)
    assert "<mark>tester</mark> tidlig" in summary
    assert summary.startswith("Innovasjonsarbeid krever at vi")


def test_highlighting_escapes_the_text():
    from search.highlight import Highlighter

    marked = Highlighter(["metode"]).mark('<b>Metode</b> & "metoder"')
    assert marked == "&lt;b&gt;<mark>Metode</mark>&lt;/b&gt; &amp; &quot;<mark>metoder</mark>&quot;"
    assert Highlighter(["ideer"]).mark("Gode idéer") == "Gode <mark>idéer</mark>"


# --- Synonyms ------------------------------------------------------------------------------


def test_a_synonym_finds_its_partner(employee_client, section):
    factories.make_synonym_group("brukerreise, kundereise, customer journey")
    _response, html = search(employee_client, q="customer journey")
    assert result_titles(html) == ["Brukerreise"]
    _response, html = search(employee_client, q="kundereisen")
    assert result_titles(html) == ["Brukerreise"]
    assert "<mark>Brukerreise</mark>" in html


def test_synonyms_combine_with_the_other_words(employee_client, section):
    factories.make_synonym_group("idémyldring, brainstorming, idéverksted")
    _response, html = search(employee_client, q="brainstorming gruppa")
    assert result_titles(html) == ["Idémyldring"]
    _response, html = search(employee_client, q="brainstorming tjenesten")
    assert result_titles(html) == []


def test_synonym_expansion_builds_one_or_per_group():
    synonyms = Synonyms(
        [["brukerreise", "kundereise", "customer journey"], ["tjenestedesign", "service design"]]
    )
    parsed = build("customer journeys i service design", synonyms)
    assert repr(parsed.query).count("Or") == 2
    assert parsed.synonyms == ["brukerreise", "kundereise", "tjenestedesign"]
    assert "kundereise" in parsed.terms


def test_a_synonym_group_needs_two_terms():
    with pytest.raises(ValidationError):
        SynonymGroup(terms="bare ett ord").full_clean()
    group = SynonymGroup(terms=" Idémyldring ;brainstorming,\n idémyldring ")
    group.full_clean()
    assert group.term_list == ["idémyldring", "brainstorming"]
    assert str(group) == "idémyldring, brainstorming"


# --- Promoted results ----------------------------------------------------------------------


def test_promoted_result_comes_first_and_only_once(employee_client, section):
    factories.make_promotion("kommunen", section["midler"], description="Søk innen 1. april.")
    factories.make_promotion(
        "kommunen", external_link_url="https://www.ks.no/", external_link_text="KS om innovasjon"
    )
    _response, html = search(employee_client, q="Kommunen")
    assert result_titles(html)[:2] == ["Innovasjonsmidler 2026", "KS om innovasjon"]
    assert result_titles(html).count("Innovasjonsmidler 2026") == 1
    assert count_text(html) == "6 treff for «Kommunen»"
    promoted = html[html.index('<section class="search-promoted"') : html.index("</section>")]
    assert "Anbefalt" in promoted and "Søk innen 1. april." in promoted
    assert "Annet nettsted" in promoted


def test_promotions_skip_hidden_pages_and_filtered_searches(employee_client, section):
    draft = factories.make_method(section["index"], title="Utkast", slug="utkast", publish=False)
    factories.make_promotion("kommunen", draft)
    factories.make_promotion("kommunen", section["gevinstkart"])
    _response, html = search(employee_client, q="kommunen")
    assert "Utkast" not in html
    assert result_titles(html)[0] == "Gevinstkart"
    _response, html = search(employee_client, q="kommunen", type="stotte")
    assert "search-promoted" not in html
    _response, html = search(employee_client, q="kommunen", side="2")
    assert "search-promoted" not in html


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
    html = editor_client.get("/admin/sok/populaere/").content.decode()
    assert "Populære søk" in html
    assert html.index("brukerreise") < html.index("zxqv")
    assert 'href="/sok/?q=brukerreise"' in html
    html = editor_client.get("/admin/sok/uten-treff/").content.decode()
    assert "Søk uten treff" in html
    assert "zxqv" in html and "tjenestedesign" in html
    assert "brukerreise" not in html and "gammelt" not in html
    export = editor_client.get("/admin/sok/uten-treff/", {"export": "csv"})
    assert export.status_code == 200
    assert b"zxqv,2," in export.getvalue()
    menu = editor_client.get("/admin/").content.decode()
    assert "/admin/sok/uten-treff/" in menu


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

    build_pages(section, 12, 200)
    with_many = []
    for params in SEARCH_URLS:
        count, response = queries_for(employee_client, params)
        with_many.append(count)
        assert len(result_titles(response.content.decode())) == PER_PAGE
        assert response.context["search"].paginator.count > 60
    assert with_few == with_many
    assert max(with_many) <= 25


def test_suggestions_cost_a_fixed_number_of_queries(
    employee_client, section, django_assert_max_num_queries
):
    employee_client.get("/sok/forslag/", {"q": "bru"})
    with django_assert_max_num_queries(8):
        assert employee_client.get("/sok/forslag/", {"q": "bru"}).json()


def test_the_engine_never_loads_every_hit(employee_client, section):
    """The results are a lazy SearchResults; only one page of them is ever fetched."""
    request = employee_client.get("/sok/", {"q": "kommunen"}).wsgi_request
    site_search = SiteSearch(request)
    results = site_search._search[0]
    assert results._results_cache is None
    assert len(site_search.results) == 5


# --- Commands and demo ---------------------------------------------------------------------


def test_benchmark_command_reports_percentiles(capsys):
    call_command("benchmark_search", pages=30, runs=2, in_current_database=True)
    output = capsys.readouterr().out
    assert "p50" in output and "p95" in output
    assert "brukerreise" in output
