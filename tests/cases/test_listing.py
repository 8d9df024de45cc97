"""Cases: the listing, its filters and pages; drafts and privacy."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from cases.models import (
    CasePageMethod,
)
from core.listing import PER_PAGE
from demo import factories
from tests.cases.conftest import build_cases
from tests.helpers import card_titles, page_html, result_count

pytestmark = pytest.mark.django_db


# --- The listing and its filters ------------------------------------------------------


def test_listing_shows_every_live_case_newest_first(employee_client, portfolio):
    response = employee_client.get("/eksempler/")

    assert response.status_code == 200
    assert card_titles(response) == [
        "Ny møteplass for ungdom",
        "Trygg hjemme",
        "Utslippsfri anleggsplass",
        "Velkommen til skolen",
        "Nattro",
    ]
    assert result_count(response) == "Viser alle 5 eksemplene"
    html = response.content.decode()
    assert (
        '<span class="badge badge--active"><span class="visually-hidden">Status: </span>'
        "Pågående</span>" in html
    )
    assert 'badge--positive"><span class="visually-hidden">Status: </span>Avsluttet' in html
    assert 'badge--neutral"><span class="visually-hidden">Status: </span>Planlagt' in html
    assert html.count('<span class="badge badge--warning">Demo-innhold</span>') == 1
    assert "Tjenesteområde: </span>Helse og velferd" in html
    assert "Periode: </span>2020–2021" in html
    assert "Periode: </span>Fra 2021" in html
    assert "Digital hjemmeoppfølging for pasienter med kols." in html
    assert "Filtrer eksempler" in html and "Vis treff" in html and "Nullstill filtre" in html
    assert "Fjern filter" not in html


def test_filter_by_status(employee_client, portfolio):
    response = employee_client.get("/eksempler/?status=avsluttet")

    assert card_titles(response) == ["Velkommen til skolen", "Nattro"]
    assert result_count(response) == "Viser 2 av 5 eksempler"
    html = response.content.decode()
    assert 'name="status" value="avsluttet" checked' in html
    assert "Fjern filter: Avsluttet" in html
    assert "data-filter-panel open" in html
    assert "Filtrer <span data-filter-selected>(1 valgt)</span>" in html


def test_filter_by_sector_topic_and_method(employee_client, portfolio):
    assert card_titles(employee_client.get("/eksempler/?sektor=helse-og-velferd")) == [
        "Trygg hjemme",
        "Nattro",
    ]
    assert card_titles(employee_client.get("/eksempler/", {"tema": "brukerinnsikt"})) == [
        "Trygg hjemme",
        "Velkommen til skolen",
    ]
    response = employee_client.get("/eksempler/?metode=personas")
    assert card_titles(response) == ["Ny møteplass for ungdom", "Velkommen til skolen"]
    assert "Fjern filter: Personas" in response.content.decode()


def test_values_in_one_group_widen_and_groups_narrow(employee_client, portfolio):
    either = employee_client.get("/eksempler/?status=pagaende&status=planlagt")
    assert card_titles(either) == [
        "Ny møteplass for ungdom",
        "Trygg hjemme",
        "Utslippsfri anleggsplass",
    ]

    both = employee_client.get("/eksempler/?status=pagaende&sektor=helse-og-velferd")
    assert card_titles(both) == ["Trygg hjemme"]

    three = employee_client.get(
        "/eksempler/", {"status": "avsluttet", "tema": "brukerinnsikt", "metode": "brukerreise"}
    )
    assert card_titles(three) == ["Velkommen til skolen"]
    assert result_count(three) == "Viser 1 av 5 eksempler"


def test_a_case_with_two_chosen_values_is_listed_once(employee_client, portfolio):
    response = employee_client.get(
        "/eksempler/?tema=brukerinnsikt&tema=inkludering&metode=personas&metode=brukerreise"
    )

    assert card_titles(response) == ["Trygg hjemme", "Velkommen til skolen"]
    html = response.content.decode()
    # The counts ignore their own group and follow the others, each case once.
    assert re.search(r"Avsluttet <span[^>]*>\(1\)</span>", html)
    assert re.search(r"Brukerinnsikt <span[^>]*>\(2\)</span>", html)


def test_counts_in_the_filter_labels_follow_the_other_groups(employee_client, portfolio):
    html = page_html(employee_client.get("/eksempler/?sektor=helse-og-velferd"))

    assert re.search(r"Pågående <span[^>]*>\(1\)</span>", html)
    assert re.search(r"Helse og velferd <span[^>]*>\(2\)</span>", html)
    assert re.search(r"Oppvekst og utdanning <span[^>]*>\(1\)</span>", html)
    # No dead ends: an option that would show nothing is left out.
    assert not re.search(r"<label[^>]*>Planlagt <span", html)
    assert not re.search(r"<label[^>]*>By- og samfunnsplanlegging <span", html)
    assert "(0)" not in html


def test_a_chosen_option_stays_at_zero_so_it_can_be_unticked(employee_client, portfolio):
    html = page_html(employee_client.get("/eksempler/?sektor=helse-og-velferd&status=planlagt"))

    assert re.search(
        r'<input type="checkbox" id="(status-\d+)" name="status" value="planlagt" checked>'
        r'<label for="\1">Planlagt <span[^>]*>\(0\)</span>',
        html,
    )
    # The others at zero still go.
    assert not re.search(r"<label[^>]*>By- og samfunnsplanlegging <span", html)


def test_removing_one_filter_keeps_the_others(employee_client, portfolio):
    html = page_html(employee_client.get("/eksempler/?status=avsluttet&sektor=helse-og-velferd"))

    assert 'href="/eksempler/?sektor=helse-og-velferd">Fjern filter: Avsluttet' in html
    assert 'href="/eksempler/?status=avsluttet">Fjern filter: Helse og velferd' in html


def test_no_hits_offers_to_clear_the_filters(employee_client, portfolio):
    response = employee_client.get("/eksempler/?status=planlagt&sektor=stab-og-stotte")

    assert card_titles(response) == []
    assert result_count(response) == "Ingen eksempler passer med filtrene"
    html = response.content.decode()
    assert "Prøv med færre filtre" in html
    assert 'href="/eksempler/">Start på nytt med alle eksemplene</a>' in html


def test_a_listing_without_cases_says_so(employee_client, index):
    response = employee_client.get("/eksempler/")

    assert response.status_code == 200
    assert "Ingen eksempler ennå" in response.content.decode()
    assert "Prøv med færre filtre" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "status=pagaende-ish",
        "sektor=finnes-ikke",
        "tema=ukjent-tema",
        "metode=ukjent-metode",
        "status=",
        "sektor=%00",
    ],
)
def test_an_unknown_filter_value_shows_every_case(employee_client, portfolio, query):
    response = employee_client.get(f"/eksempler/?{query}")

    assert response.status_code == 200
    assert len(card_titles(response)) == 5
    assert result_count(response) == "Viser alle 5 eksemplene"


def test_an_unknown_value_is_named_in_a_notice(employee_client, portfolio):
    html = page_html(employee_client.get("/eksempler/?sektor=finnes-ikke&tema=ukjent"))

    assert (
        "Vi kjenner ikke filtrene «finnes-ikke», «ukjent», så de blir ikke brukt. "
        "Du ser eksemplene uten dem." in html
    )


def test_known_values_still_apply_next_to_unknown_ones(employee_client, portfolio):
    response = employee_client.get("/eksempler/?status=avsluttet&status=ferdig")

    assert card_titles(response) == ["Velkommen til skolen", "Nattro"]
    assert "Vi kjenner ikke filteret «ferdig»" in response.content.decode()


def test_other_parameters_are_ignored_quietly(employee_client, portfolio):
    response = employee_client.get("/eksempler/?utm_source=nyhetsbrev&side=abc")

    assert response.status_code == 200
    assert len(card_titles(response)) == 5
    assert "Vi kjenner ikke" not in response.content.decode()


# --- Pagination ---------------------------------------------------------------------------


def test_pagination_shows_24_per_page_and_keeps_the_filters(
    employee_client, index, sectors, methods
):
    build_cases(index, sectors, methods, 60)

    first = employee_client.get("/eksempler/?tema=brukerinnsikt")
    assert card_titles(first)[0] == "Eksempel 059"
    assert len(card_titles(first)) == PER_PAGE
    assert result_count(first) == "Viser 1–24 av 60 eksempler"
    html = first.content.decode()
    assert 'href="/eksempler/?tema=brukerinnsikt&amp;side=2" rel="next"' in html
    assert 'aria-label="Sidenavigering"' in html

    last = employee_client.get("/eksempler/?tema=brukerinnsikt&side=3")
    assert len(card_titles(last)) == 12
    assert card_titles(last)[-1] == "Eksempel 000"
    html = last.content.decode()
    assert 'href="/eksempler/?tema=brukerinnsikt&amp;side=2" rel="prev"' in html
    assert "Side 3 av 3" in html

    too_far = employee_client.get("/eksempler/?tema=brukerinnsikt&side=99")
    assert card_titles(too_far) == card_titles(last)


def test_filtered_pages_say_how_many_match(employee_client, index, sectors, methods):
    build_cases(index, sectors, methods, 60)

    assert result_count(employee_client.get("/eksempler/?status=pagaende")) == (
        "Viser 20 av 60 eksempler"
    )
    assert result_count(employee_client.get("/eksempler/?status=pagaende&status=planlagt")) == (
        "Viser 1–24 av 40 eksempler som passer (60 i alt)"
    )


# --- Drafts, privacy ------------------------------------------------------------------------


def test_drafts_unpublished_and_private_cases_never_appear(
    employee_client, index, portfolio, methods
):
    factories.make_case(index, title="Kladd om velferd", publish=False, methods=[methods["pdsa"]])
    private = factories.make_case(index, title="Hemmelig prosjekt", methods=[methods["pdsa"]])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([Group.objects.get(name="Moderators")])
    unpublished = factories.make_case(
        index, title="Avpublisert prosjekt", methods=[methods["pdsa"]]
    )
    unpublished.unpublish()

    for url in ["/eksempler/", "/eksempler/?metode=pdsa", "/", "/metoder/pdsa/"]:
        html = page_html(employee_client.get(url))
        assert "Kladd om velferd" not in html
        assert "Hemmelig prosjekt" not in html
        assert "Avpublisert prosjekt" not in html
    html = page_html(employee_client.get("/eksempler/"))
    assert "Viser alle 5 eksemplene" in html
    assert re.search(r"PDSA – modell for forbedring <span[^>]*>\(1\)</span>", html)


def test_a_draft_revision_of_a_live_case_stays_unseen(employee_client, portfolio, methods):
    case = portfolio["Nattro"]
    case.title = "Nattro (nytt utkast)"
    case.method_links.clear()
    case.method_links.add(CasePageMethod(method=methods["brukerreise"], sort_order=0))
    case.save_revision()

    listing = page_html(employee_client.get("/eksempler/"))
    assert "Nattro (nytt utkast)" not in listing
    assert ">Nattro</a>" in listing
    assert ">Nattro</a>" in employee_client.get("/metoder/pdsa/").content.decode()
    assert "Nattro" not in page_html(employee_client.get("/metoder/brukerreise/"))
