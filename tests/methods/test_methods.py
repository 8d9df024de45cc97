"""The methods toolkit: phases, method pages, the listing's filters and the demo methods."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo import factories, pdf, worksheets
from methods.listing import PER_PAGE
from methods.models import (
    MethodIndexPage,
    MethodPage,
    MethodPageRelatedMethod,
    MethodPageResource,
    Phase,
)
from tests.helpers import card_titles, result_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    factories.make_phases()
    return factories.make_method_index()


@pytest.fixture
def toolkit(index):
    """Five methods with known phases, topics, time and difficulty."""
    specs = [
        ("Brukerreise", ["forsta", "skape"], ["brukerinnsikt", "samarbeid"], "halv-dag", "middels"),
        ("Dybdeintervju", ["forsta"], ["brukerinnsikt"], "flere-dager", "middels"),
        ("Crazy 8s", ["skape"], ["idéutvikling"], "inntil-1-time", "lett"),
        ("Brukertesting", ["teste"], ["brukerinnsikt", "testing"], "hel-dag", "middels"),
        ("Retrospektiv", ["gjennomgaende"], ["samarbeid"], "inntil-1-time", "lett"),
    ]
    return {
        title: factories.make_method(
            index,
            title=title,
            phases=phases,
            tags=tags,
            duration=duration,
            difficulty=difficulty,
            revision=False,
        )
        for title, phases, tags, duration, difficulty in specs
    }


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
    html = employee_client.get("/metoder/?vanskelighetsgrad=lett").content.decode()

    # With «lett» chosen: Crazy 8s (skape) and Retrospektiv (gjennomgående).
    assert re.search(r"Skape idéer og løsninger <span[^>]*>\(1\)</span>", html)
    assert re.search(r"Forstå behovet <span[^>]*>\(0\)</span>", html)
    assert re.search(r"Samarbeid <span[^>]*>\(1\)</span>", html)
    # The difficulty group counts as if no difficulty were chosen.
    assert re.search(r"Middels <span[^>]*>\(3\)</span>", html)


def test_removing_one_filter_keeps_the_others(employee_client, toolkit):
    html = employee_client.get("/metoder/?fase=forsta&tidsbruk=halv-dag").content.decode()

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
    assert result_count(response) == "Ingen metoder passer til filtrene"
    assert "Prøv med færre filtre" in html
    assert '<a class="button" href="/metoder/">Nullstill filtrene og vis alle metodene</a>' in html


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
    assert "Sidenavigering" not in employee_client.get("/metoder/").content.decode()


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
        html = employee_client.get(url).content.decode()
        assert "Kladd om idémyldring" not in html
        assert "Hemmelig metode" not in html
        assert "Avpublisert metode" not in html
    assert result_count(employee_client.get("/metoder/")) == "Viser alle 5 metodene"
    assert re.search(
        r"Forstå behovet <span[^>]*>\(2\)</span>", employee_client.get("/metoder/").content.decode()
    )
    front_page = employee_client.get("/").content.decode()
    assert re.search(r'href="/metoder/\?fase=forsta">.*?2 metoder', front_page, flags=re.S)


# --- The method page -----------------------------------------------------------------------


@pytest.fixture
def worksheet(db):
    document = get_document_model()(title="Arbeidsark: Gevinstkart")
    document.file.save("gevinstkart.pdf", ContentFile(worksheets.benefit_map()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.fixture
def photo(db):
    return get_image_model().objects.create(
        title="Verksted", file=get_test_image_file(size=(1600, 900))
    )


def test_method_page_shows_all_its_parts(employee_client, index, worksheet, photo):
    person = factories.make_person(name="Tjenestedesigner", role="Tjenestedesigner")
    related = factories.make_method(
        index, title="Personas", summary="Tenkte personer bygd på innsikt."
    )
    draft_related = factories.make_method(index, title="Kladdemetode", publish=False)
    page = factories.make_method(
        index,
        title="Gevinstkart",
        summary="Vis sammenhengen mellom tiltak, endringer og gevinster.",
        phases=["forankre", "gjennomgaende"],
        tags=["gevinstrealisering", "forankring"],
        duration="halv-dag",
        duration_detail="2 økter à 90 min",
        participants_min=3,
        participants_max=8,
        difficulty="krevende",
        materials="Arbeidsarket for gevinstkart\n\n- Liste over indikatorer",
        when_to_use="<p>I alle prosjekter som søker om penger.</p>",
        outcome="<p>Et gevinstkart med indikatorer og eiere.</p>",
        steps=[
            (
                "step",
                {
                    "title": "Skriv effektmålet",
                    "description": "<p>Skriv lengst til høyre hva prosjektet skal føre til.</p>",
                    "tip": "Start med brukerne.",
                    "duration": "ca. 15 min",
                },
            ),
            (
                "step",
                {
                    "title": "List gevinstene",
                    "description": "<p>Tenk i tre typer gevinster.</p>",
                    "tip": "",
                    "duration": "",
                },
            ),
        ],
        contact_person=person,
        hero_image=photo,
        hero_image_alt="Fire kolleger tegner et gevinstkart på en tavle.",
        revision=False,
    )
    page.resources.add(MethodPageResource(document=worksheet, title="Last ned arbeidsark"))
    page.resources.add(
        MethodPageResource(
            link_url="https://www.ks.no/veikart",
            title="Veikart for tjenesteinnovasjon",
            description="KS' veikart.",
        )
    )
    page.related_methods.add(MethodPageRelatedMethod(method=related))
    page.related_methods.add(MethodPageRelatedMethod(method=draft_related))
    page.save_revision().publish()

    response = employee_client.get("/metoder/gevinstkart/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Gevinstkart</h1>" in html
    assert '<p class="lead">Vis sammenhengen mellom tiltak, endringer og gevinster.</p>' in html
    assert "Fase 1 · Forankre og avgrense" in html
    assert '<span class="badge badge--phase-0">Gjennomgående</span>' in html
    assert 'alt="Fire kolleger tegner et gevinstkart på en tavle."' in html
    assert "srcset=" in html
    for text in ["Tidsbruk", "2 økter à 90 min", "Deltakere", "3–8 personer", "Krevende"]:
        assert text in html
    assert '<a href="/metoder/?tema=gevinstrealisering">Gevinstrealisering</a>' in html
    assert "Når bruker du metoden?" in html and "I alle prosjekter som søker om penger." in html
    assert "Hva får du ut av det?" in html and "Et gevinstkart med indikatorer og eiere." in html
    assert "<li>Arbeidsarket for gevinstkart</li>" in html
    assert "<li>Liste over indikatorer</li>" in html
    assert '<ol class="steps" role="list">' in html
    assert '<span class="visually-hidden">Steg </span>1</span>' in html
    assert '<span class="visually-hidden">Steg </span>2</span>' in html
    assert "Skriv effektmålet" in html and "Tips:</strong> Start med brukerne." in html
    assert "ca. 15 min" in html
    assert re.search(r"Last ned arbeidsark <span class=\"doc-list__meta\">\(PDF, \d+\xa0kB\)", html)
    assert worksheet.url in html
    assert 'href="https://www.ks.no/veikart"' in html and "(ks.no)" in html
    assert "KS&#x27; veikart." in html
    assert "Spør om metoden" in html and "Tjenestedesigner" in html
    assert "Relaterte metoder" in html and 'href="/metoder/personas/"' in html
    assert "Kladdemetode" not in html
    assert "Skriv ut" in html and "data-print hidden" in html
    assert (
        "Skrevet ut fra Innovasjon, Stavanger kommune – http://localhost/metoder/gevinstkart/"
        in html
    )
    assert "methods/methods.js" in html


def test_stage_headings_divide_the_steps_and_the_numbers_run_on(employee_client, index):
    def step(title):
        return ("step", {"title": title, "description": "<p>Tekst.</p>", "tip": "", "duration": ""})

    factories.make_method(
        index,
        title="Gevinstkart",
        steps=[
            ("stage", {"title": "Første økt"}),
            step("Skriv effektmålet"),
            step("List gevinstene"),
            ("stage", {"title": "Andre økt"}),
            step("Mål nullpunktet"),
            ("stage", {"title": "Tom del"}),
        ],
    )

    html = employee_client.get("/metoder/gevinstkart/").content.decode()

    assert '<h3 class="steps__stage">Første økt</h3>' in html
    assert '<h3 class="steps__stage">Andre økt</h3>' in html
    assert "Tom del" not in html
    assert '<ol class="steps" role="list" start="3">' in html
    assert re.search(
        r'<h4 class="steps__title"><span class="steps__number"><span class="visually-hidden">Steg </span>3</span> <span class="steps__name">Mål nullpunktet',
        html,
    )
    assert '<h3 class="steps__title">' not in html


def test_method_without_optional_parts_leaves_them_out(employee_client, index):
    factories.make_method(index, title="Enkel", materials="", participants_max=None)

    html = employee_client.get("/metoder/enkel/").content.decode()

    assert "Dette trenger du" not in html
    assert "Arbeidsark og lenker" not in html
    assert "Relaterte metoder" not in html
    assert "Spør om metoden" not in html
    assert "Fra 4 personer" in html


def test_participants_read_naturally(index):
    page = MethodPage(participants_min=1, participants_max=1)
    assert page.participants_label == "1 person"
    page.participants_max = None
    assert page.participants_label == "Fra 1 person"
    page.participants_min, page.participants_max = 3, 8
    assert page.participants_label == "3–8 personer"
    page.participants_max = 3
    assert page.participants_label == "3 personer"


def test_an_image_needs_an_alternative_text(index, photo):
    page = MethodPage(title="Uten alt", summary="x", hero_image=photo, hero_image_alt="  ")

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert "hero_image_alt" in error.value.message_dict


def test_the_most_participants_cannot_be_fewer_than_the_fewest(index):
    page = MethodPage(title="Feil", summary="x", participants_min=8, participants_max=3)

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert "participants_max" in error.value.message_dict


def test_a_resource_is_a_document_or_a_link(worksheet):
    with pytest.raises(ValidationError):
        MethodPageResource(document=worksheet, link_url="https://www.ks.no/").clean()
    with pytest.raises(ValidationError):
        MethodPageResource().clean()
    with pytest.raises(ValidationError) as error:
        MethodPageResource(link_url="https://www.ks.no/").clean()
    assert "title" in error.value.message_dict
    assert MethodPageResource(document=worksheet).link_text == "Last ned Arbeidsark: Gevinstkart"


def test_methods_are_found_by_step_text_topic_and_phase(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_method(
            index,
            title="Crazy 8s",
            phases=["skape"],
            tags=["idéutvikling"],
            steps=[
                (
                    "step",
                    {
                        "title": "Brett arket",
                        "description": "<p>Brett arket i åtte felt med tusj.</p>",
                        "tip": "",
                        "duration": "",
                    },
                )
            ],
        )
        factories.make_method(index, title="Problemtre", phases=["forankre"])

    def titles(query, queryset=None):
        queryset = queryset if queryset is not None else MethodPage.objects.live()
        return [page.title for page in queryset.search(query)]

    assert titles("tusj") == ["Crazy 8s"]
    assert titles("idéutvikling") == ["Crazy 8s"]
    assert titles("Skape") == ["Crazy 8s"]
    assert titles("tusj", MethodPage.objects.live().filter(phases__slug="forankre")) == []
    assert titles("tusj", MethodPage.objects.live().filter(phases__slug="skape")) == ["Crazy 8s"]


# --- Admin ------------------------------------------------------------------------------------


class TestMethodAdmin(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        factories.make_phases()
        self.index = factories.make_method_index()

    def test_methods_live_only_under_the_listing(self):
        self.assertAllowedParentPageTypes(MethodPage, {MethodIndexPage})
        self.assertAllowedSubpageTypes(MethodPage, set())
        self.assertAllowedSubpageTypes(MethodIndexPage, {MethodPage})
        self.assertCanCreateAt(factories.home_page().specific_class, MethodIndexPage)
        self.assertCanNotCreateAt(factories.home_page().specific_class, MethodPage)

    def test_an_editor_creates_a_method_with_steps_and_resources(self):
        phase = Phase.objects.get(slug="forsta")
        self.assertCanCreate(
            self.index,
            MethodPage,
            nested_form_data(
                {
                    "title": "Skygging",
                    "slug": "skygging",
                    "summary": "Følg en kollega gjennom en vanlig oppgave.",
                    "hero_image_alt": "",
                    "phases": str(phase.pk),
                    "tags": "brukerinnsikt, tjenestedesign",
                    "duration": "halv-dag",
                    "duration_detail": "2–4 timer",
                    "participants_min": 1,
                    "participants_max": 2,
                    "difficulty": "middels",
                    "materials": "Observasjonsskjema",
                    "when_to_use": rich_text("<p>Når rutinen og praksisen er ulike.</p>"),
                    "outcome": rich_text("<p>Konkrete observasjoner.</p>"),
                    "steps": streamfield(
                        [
                            (
                                "step",
                                {
                                    "title": "Avklar tillatelser",
                                    "description": rich_text("<p>Få ja fra lederen.</p>"),
                                    "tip": "",
                                    "duration": "",
                                },
                            )
                        ]
                    ),
                    "resources": inline_formset(
                        [
                            {
                                "document": "",
                                "link_url": "https://www.socialimpactlab.no/",
                                "title": "Øvelser i innsiktsarbeid",
                                "description": "",
                            }
                        ]
                    ),
                    "related_methods": inline_formset([]),
                    "contact_person": "",
                    "search_description": "",
                    "seo_title": "",
                }
            ),
        )
        page = MethodPage.objects.get(slug="skygging")
        assert list(page.phases.values_list("slug", flat=True)) == ["forsta"]
        assert sorted(page.tags.names()) == ["brukerinnsikt", "tjenestedesign"]
        assert page.steps[0].value["title"] == "Avklar tillatelser"
        assert page.resources.get().title == "Øvelser i innsiktsarbeid"

    def test_the_edit_form_has_tabs_and_norwegian_labels(self):
        page = factories.make_method(self.index, title="Personas")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

        assert response.status_code == 200
        html = response.content.decode()
        for tab in ["Innhold", "Metode", "Steg", "Ressurser og kontakt"]:
            assert tab in html
        assert "Tidsbruk" in html and "Vanskelighetsgrad" in html
        assert "Fasene der metoden hjelper mest." in html

    def test_the_step_picker_previews_a_numbered_step(self):
        block = MethodPage._meta.get_field("steps").stream_block.child_blocks["step"]
        response = self.client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )

        assert response.status_code == 200
        html = response.content.decode()
        assert "css/main.css" in html
        assert '<ol class="steps" role="list">' in html
        assert "Skriv lapper i stillhet" in html
        assert block.is_previewable

        stage = MethodPage._meta.get_field("steps").stream_block.child_blocks["stage"]
        response = self.client.get(
            reverse("wagtailadmin_block_preview"), {"id": stage.definition_prefix}
        )
        assert '<h3 class="steps__stage">Første økt</h3>' in response.content.decode()

    def test_phases_are_managed_and_reordered_as_snippets(self):
        index_url = reverse("wagtailsnippets_methods_phase:list")
        response = self.client.get(index_url)
        assert response.status_code == 200
        assert "Forstå behovet" in response.content.decode()

        last = Phase.objects.get(slug="gjennomgaende")
        reorder = reverse("wagtailsnippets_methods_phase:reorder", args=[last.pk])
        assert self.client.post(f"{reorder}?position=0").status_code == 200
        assert Phase.objects.first() == last


# --- Phases, the front page and the template tag ------------------------------------------


def test_the_listing_summarises_itself_with_its_introduction(index):
    assert index.summary == "Metoder og verktøy for hver fase i innovasjonsarbeidet."


def test_phase_badges_carry_the_number(index):
    phase = Phase.objects.get(slug="forsta")
    assert phase.label == "Fase 2 · Forstå behovet"
    assert phase.badge_class == "badge--phase-2"
    assert str(Phase.objects.get(slug="gjennomgaende")) == "Gjennomgående"


def test_front_page_links_to_the_listing_filtered_by_each_phase(employee_client, toolkit):
    html = employee_client.get("/").content.decode()

    assert "Finn en metode" in html
    assert 'href="/metoder/?fase=forsta"' in html
    assert re.search(r'href="/metoder/\?fase=forsta">.*?2 metoder', html, flags=re.S)
    assert re.search(r'href="/metoder/\?fase=forankre">.*?0 metoder', html, flags=re.S)
    assert "Se alle 5 metodene" in html
    assert "Alle faser" in html


def test_front_page_has_no_method_section_without_methods(
    employee_client, home, django_assert_max_num_queries
):
    from methods.templatetags.methods_tags import method_finder

    assert "Finn en metode" not in employee_client.get("/").content.decode()
    request = employee_client.get("/").wsgi_request
    with django_assert_max_num_queries(1):
        assert method_finder({"request": request}) is None


def test_front_page_section_costs_few_queries(
    employee_client, toolkit, django_assert_max_num_queries
):
    from methods.templatetags.methods_tags import method_finder

    request = employee_client.get("/").wsgi_request
    with django_assert_max_num_queries(4):
        finder = method_finder({"request": request})
    assert finder["total"] == 5
    assert [(item["phase"].slug, item["count"]) for item in finder["phases"]] == [
        ("forankre", 0),
        ("forsta", 2),
        ("skape", 2),
        ("teste", 1),
        ("ta-i-bruk", 0),
        ("gevinster-og-spredning", 0),
        ("gjennomgaende", 1),
    ]


def test_front_page_section_leaves_out_a_private_listing(employee_client, toolkit, index):
    # Only a group the employee is not in may see it (a login restriction lets every
    # signed-in employee through, so it no longer hides anything from lists).
    factories.restrict_to_groups(index, "Moderatorer")

    assert "Finn en metode" not in employee_client.get("/").content.decode()


# --- Worksheets and the demo -------------------------------------------------------------------


@pytest.mark.parametrize(
    "builder",
    [
        worksheets.stakeholder_analysis,
        worksheets.benefit_map,
        worksheets.pdsa_cycle,
        worksheets.persona,
        worksheets.journey_map,
    ],
)
def test_worksheets_are_well_formed_pdfs(builder):
    data = builder()

    assert data.startswith(b"%PDF-1.4")
    assert data.rstrip().endswith(b"%%EOF")
    xref_at = int(re.search(rb"startxref\n(\d+)\n", data).group(1))
    assert data[xref_at:].startswith(b"xref\n")
    offsets = [int(line[:10]) for line in data[xref_at:].split(b"\n")[3:] if line.endswith(b" n ")]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj" % number)


def test_pdf_text_keeps_norwegian_letters_and_escapes_brackets():
    canvas = pdf.Canvas()
    canvas.text(10, 10, "Blåbær (og) søtt \\")

    assert "Blåbær".encode("cp1252") in canvas.content()
    assert b"\\(og\\)" in canvas.content()
    assert b"\\\\" in canvas.content()
