"""Search: hits, types and filters; only what the user may see; highlighting, synonyms and promoted results."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from demo import factories
from search.engine import PER_PAGE
from search.models import SynonymGroup
from search.query import Synonyms, build
from tests.helpers import soup
from tests.search.conftest import count_text, result_titles, result_types, search

pytestmark = pytest.mark.django_db


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


def test_all_words_must_be_there_but_title_and_text_may_share_them(employee_client, section):
    """«gevinstkart» is in a title, «kommunen» in its summary: together they find it; so
    do a word of a title and a phrase of the text."""
    _response, html = search(employee_client, q="gevinstkart kommunen")
    assert "Gevinstkart" in result_titles(html)
    _response, html = search(employee_client, q='innovasjon "tester tidlig"')
    assert result_titles(html) == ["Hva er innovasjon?"]


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
        r'value="skape" checked>\s*<label for="fase-\d+">Skape ideer og løsninger <span class="filters__count">\(2\)',
        html,
    )
    assert re.search(
        r'value="forsta">\s*<label for="fase-\d+">Forstå behovet <span class="filters__count">\(1\)',
        html,
    )
    assert "Fjern filter: Skape ideer og løsninger" in html


def test_the_filters_offer_no_dead_ends(employee_client, section):
    """A type or phase without hits for the query is no choice; a chosen one stays."""
    _response, html = search(employee_client, q="gevinstkart")
    types = soup(html).select('input[name="type"]')
    assert [box["value"] for box in types] == ["", "metode", "stotte"]
    phases = soup(html).select('input[name="fase"]')
    assert [box["value"] for box in phases] == ["gevinster-og-spredning"]

    _response, html = search(employee_client, q="gevinstkart", type="arrangement")
    chosen = soup(html).select_one('input[type="radio"][value="arrangement"]')
    assert chosen is not None and chosen.has_attr("checked")


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
    response, html = search(client, q="kommunen")
    assert "Idémyldring" not in result_titles(html)
    # Nor counted: the total and the type counts come from the same gated pass.
    assert response.context["search"].hits == 4
    assert response.context["search"].type_counts["metode"] == 2
    assert client.get("/sok/forslag/", {"q": "Idém"}).json() == []
    _response, html = search(client, q="kommunen", fase="skape")
    assert "(1)" in re.search(r'value="skape" checked>.*?</label>', html, re.S).group()

    client.force_login(leader)
    response, html = search(client, q="kommunen")
    assert "Idémyldring" in result_titles(html)
    assert response.context["search"].hits == 5
    assert response.context["search"].type_counts["metode"] == 3
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


def test_a_passage_keeps_list_items_apart(employee_client, section):
    factories.make_method(
        title="Tavlemøte",
        slug="tavlemote",
        summary="Et kort møte ved tavla.",
        when_to_use="<ul><li>Hver morgen</li><li>Når teamet er samlet.</li><li>Etter en tavlegjennomgang</li></ul>",
        materials="Tavle\nGule lapper\nTusj",
    )
    _response, html = search(employee_client, q="tavlegjennomgang")
    passage = re.search(r"search-result__summary--passage\">(.*?)</p>", html).group(1)
    # Items without their own full stop get a mark; one that ends its sentence needs none.
    assert passage == "Hver morgen · Når teamet er samlet. Etter en <mark>tavlegjennomgang</mark>"
    _response, html = search(employee_client, q="lapper")
    passage = re.search(r"search-result__summary--passage\">(.*?)</p>", html).group(1)
    assert passage == "Tavle · Gule <mark>lapper</mark> · Tusj"


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
    assert "Gevinstkart" in result_titles(html)
    _response, html = search(employee_client, q="kommunen", type="stotte")
    assert "search-promoted" not in html
    _response, html = search(employee_client, q="kommunen", side="2")
    assert "search-promoted" not in html
