"""Methods: the listing, its filters and pages, and what it never shows."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from demo import factories
from methods.listing import PER_PAGE
from tests.helpers import card_titles, page_html, result_count

pytestmark = pytest.mark.django_db


# --- The listing and its filters ------------------------------------------------------


def test_listing_shows_every_live_method_as_a_card(employee_client, toolkit):
    response = employee_client.get("/metoder/")

    assert response.status_code == 200
    assert card_titles(response) == [
        "Brukerreise",
        "Brukertesting",
        "Crazy 8s",
        "Dybdeintervju",
        "Retrospektiv",
    ]
    html = response.content.decode()
    assert result_count(response) == "Viser alle 5 metodene"
    assert '<span class="badge badge--phase-2">Fase 2 · Forstå behovet</span>' in html
    assert '<span class="badge badge--phase-0">Gjennomgående</span>' in html
    assert "Følg brukeren steg for steg gjennom tjenesten." in html
    assert "ca. 90 min" in html
    assert "Vanskelighetsgrad: </span>Middels" in html
    assert 'aria-labelledby="filter-tittel"' in html
    assert "Vis treff" in html
    assert "Nullstill filtre" in html
    assert "Fjern filter" not in html


def test_filter_by_phase(employee_client, toolkit):
    response = employee_client.get("/metoder/?fase=forsta")

    assert card_titles(response) == ["Brukerreise", "Dybdeintervju"]
    assert result_count(response) == "Viser 2 av 5 metoder"
    html = response.content.decode()
    assert 'name="fase" value="forsta" checked' in html
    assert "Fjern filter: Forstå behovet" in html
    assert "<details" in html and "data-filter-panel open" in html
    assert "Filtrer <span data-filter-selected>(1 valgt)</span>" in html


def test_filter_by_topic(employee_client, toolkit):
    response = employee_client.get("/metoder/", {"tema": "idéutvikling"})

    assert card_titles(response) == ["Crazy 8s"]
    assert "Fjern filter: Idéutvikling" in response.content.decode()


def test_filter_by_time_needed(employee_client, toolkit):
    response = employee_client.get("/metoder/?tidsbruk=inntil-1-time")

    assert card_titles(response) == ["Crazy 8s", "Retrospektiv"]
    html = response.content.decode()
    assert 'name="tidsbruk" value="inntil-1-time" checked' in html
    assert "Fjern filter: Inntil 1 time" in html


def test_filter_by_difficulty(employee_client, toolkit):
    response = employee_client.get("/metoder/?vanskelighetsgrad=lett")

    assert card_titles(response) == ["Crazy 8s", "Retrospektiv"]
    assert "Fjern filter: Lett" in response.content.decode()


def test_values_in_one_group_widen_and_groups_narrow(employee_client, toolkit):
    either_phase = employee_client.get("/metoder/?fase=skape&fase=teste")
    assert card_titles(either_phase) == ["Brukerreise", "Brukertesting", "Crazy 8s"]

    phase_and_topic = employee_client.get("/metoder/?fase=skape&fase=teste&tema=brukerinnsikt")
    assert card_titles(phase_and_topic) == ["Brukerreise", "Brukertesting"]

    all_four = employee_client.get(
        "/metoder/?fase=skape&fase=teste&tema=brukerinnsikt&tidsbruk=hel-dag&vanskelighetsgrad=middels"
    )
    assert card_titles(all_four) == ["Brukertesting"]
    assert result_count(all_four) == "Viser 1 av 5 metoder"


def test_a_method_with_two_chosen_topics_is_listed_once(employee_client, toolkit):
    response = employee_client.get("/metoder/?tema=brukerinnsikt&tema=samarbeid")

    assert card_titles(response) == [
        "Brukerreise",
        "Brukertesting",
        "Dybdeintervju",
        "Retrospektiv",
    ]


def test_counts_in_the_filter_labels_follow_the_other_groups(employee_client, toolkit):
    html = page_html(employee_client.get("/metoder/?vanskelighetsgrad=lett"))

    # With «lett» chosen: Crazy 8s (skape) and Retrospektiv (gjennomgående).
    assert re.search(r"Skape ideer og løsninger <span[^>]*>\(1\)</span>", html)
    assert not re.search(r"<label[^>]*>Forstå behovet <span", html)  # (0): left out
    assert re.search(r"Samarbeid <span[^>]*>\(1\)</span>", html)
    # The difficulty group counts as if no difficulty were chosen.
    assert re.search(r"Middels <span[^>]*>\(3\)</span>", html)


def test_removing_one_filter_keeps_the_others(employee_client, toolkit):
    html = page_html(employee_client.get("/metoder/?fase=forsta&tidsbruk=halv-dag"))

    links = dict(
        re.findall(
            r'<a class="active-filters__link" href="([^"]+)">Fjern filter: ([^<]+)</a>', html
        )
    )
    by_label = {label: url.replace("&amp;", "&") for url, label in links.items()}
    assert by_label["Forstå behovet"] == "/metoder/?tidsbruk=halv-dag"
    assert by_label["Inntil en halv dag"] == "/metoder/?fase=forsta"


def test_no_hits_offers_to_clear_the_filters(employee_client, toolkit):
    response = employee_client.get("/metoder/?fase=forankre")

    html = response.content.decode()
    assert card_titles(response) == []
    assert result_count(response) == "Ingen metoder passer med filtrene"
    assert "Prøv med færre filtre" in html
    assert '<a class="button" href="/metoder/">Start på nytt med alle metodene</a>' in html


@pytest.mark.parametrize(
    "query, notice",
    [
        ("fase=finnes-ikke", "«finnes-ikke»"),
        ("tema=ukjent", "«ukjent»"),
        ("tidsbruk=en-evighet", "«en-evighet»"),
        ("vanskelighetsgrad=umulig", "«umulig»"),
        ("fase=%3Cscript%3E", "«&lt;script&gt;»"),
    ],
)
def test_an_unknown_filter_value_shows_every_method_with_a_notice(
    employee_client, toolkit, query, notice
):
    response = employee_client.get(f"/metoder/?{query}")

    assert response.status_code == 200
    assert len(card_titles(response)) == 5
    html = response.content.decode()
    assert f"Vi kjenner ikke filteret {notice}, så det er ikke brukt." in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_known_values_still_apply_next_to_unknown_ones(employee_client, toolkit):
    response = employee_client.get("/metoder/?fase=forsta&fase=borte&tidsbruk=aldri")

    assert card_titles(response) == ["Brukerreise", "Dybdeintervju"]
    html = response.content.decode()
    assert "Vi kjenner ikke filtrene «borte», «aldri», så de er ikke brukt." in html
    assert "Fjern filter: Forstå behovet" in html


def test_other_parameters_are_ignored_quietly(employee_client, toolkit):
    response = employee_client.get("/metoder/?utm_source=nyhetsbrev&fase=")

    assert len(card_titles(response)) == 5
    assert "Vi kjenner ikke" not in response.content.decode()


# --- Pagination ------------------------------------------------------------------------


@pytest.fixture
def many(index):
    """30 methods in «Forstå behovet» and 2 in «Skape», so a filtered listing has two pages."""
    for number in range(30):
        factories.make_method(
            index, title=f"Metode {number:02d}", phases=["forsta"], revision=False
        )
    for number in range(2):
        factories.make_method(index, title=f"Idé {number}", phases=["skape"], revision=False)


def test_pagination_shows_24_per_page_and_keeps_the_filters(employee_client, many):
    first = employee_client.get("/metoder/?fase=forsta&vanskelighetsgrad=middels")

    assert len(card_titles(first)) == PER_PAGE
    assert result_count(first) == "Viser 1–24 av 30 treff (32 metoder i alt)"
    html = first.content.decode()
    assert '<nav class="pagination" aria-label="Sidenavigering">' in html
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(next_link).query) == {
        "fase": ["forsta"],
        "vanskelighetsgrad": ["middels"],
        "side": ["2"],
    }

    second = employee_client.get(next_link)

    assert card_titles(second) == [f"Metode {number:02d}" for number in range(24, 30)]
    assert result_count(second) == "Viser 25–30 av 30 treff (32 metoder i alt)"
    second_html = second.content.decode()
    assert 'aria-current="page"><span class="visually-hidden">Side </span>2</a>' in second_html
    assert 'rel="prev"' in second_html and 'rel="next"' not in second_html
    assert "Side 2 av 2" in second_html


def test_unfiltered_pages_say_which_methods_they_show(employee_client, many):
    response = employee_client.get("/metoder/?side=2")

    assert result_count(response) == "Viser 25–32 av 32 metoder"
    assert len(card_titles(response)) == 8


@pytest.mark.parametrize(
    "side, first_title",
    [("99", "Metode 22"), ("abc", "Idé 0"), ("-1", "Metode 22"), ("0", "Metode 22")],
)
def test_a_page_number_out_of_range_shows_the_last_or_first_page(
    employee_client, many, side, first_title
):
    response = employee_client.get(f"/metoder/?side={side}")

    assert response.status_code == 200
    assert card_titles(response)[0] == first_title


def test_a_single_page_has_no_pagination(employee_client, toolkit):
    assert "Sidenavigering" not in page_html(employee_client.get("/metoder/"))


# --- What the listing never shows -------------------------------------------------------


def test_drafts_and_private_methods_never_appear(employee_client, index, toolkit):
    factories.make_method(index, title="Kladd om idémyldring", publish=False)
    private = factories.make_method(index, title="Hemmelig metode", phases=["forsta"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([Group.objects.get(name="Moderators")])
    unpublished = factories.make_method(index, title="Avpublisert metode")
    unpublished.unpublish()

    for url in ["/metoder/", "/metoder/?fase=forsta", "/"]:
        html = page_html(employee_client.get(url))
        assert "Kladd om idémyldring" not in html
        assert "Hemmelig metode" not in html
        assert "Avpublisert metode" not in html
    assert result_count(employee_client.get("/metoder/")) == "Viser alle 5 metodene"
    assert re.search(
        r"Forstå behovet <span[^>]*>\(2\)</span>", employee_client.get("/metoder/").content.decode()
    )
    front_page = employee_client.get("/").content.decode()
    assert re.search(r'href="/metoder/\?fase=forsta">.*?2 metoder', front_page, flags=re.S)
