"""Methods: the admin; phases, the front page and the template tag."""

import importlib
import re

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from demo import factories
from methods.models import (
    MethodIndexPage,
    MethodPage,
    Phase,
)
from tests.helpers import page_html

pytestmark = pytest.mark.django_db


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

    assert "Finn en metode" not in page_html(employee_client.get("/"))
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

    assert "Finn en metode" not in page_html(employee_client.get("/"))


# --- The spelling migration (issue #20 item 11) -------------------------------------------------


def test_the_migration_respells_ideer_in_stored_phases_and_leaves_other_names_alone():
    from django.apps import apps as django_apps

    respell = importlib.import_module("methods.migrations.0006_phase_names_ideer").respell
    old = Phase.objects.create(
        slug="skape",
        name="Skape idéer og løsninger",
        number=3,
        description="Gjør innsikten om til mange idéer; velg idéen dere tror på.",
    )
    renamed = Phase.objects.create(slug="teste", name="Prøve ut", number=4, description="Test.")

    respell(django_apps, None)

    old.refresh_from_db()
    renamed.refresh_from_db()
    assert old.name == "Skape ideer og løsninger"
    assert old.description == "Gjør innsikten om til mange ideer; velg ideen dere tror på."
    assert (renamed.name, renamed.description) == ("Prøve ut", "Test.")
