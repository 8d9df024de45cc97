"""Cases: the front page's cases and the admin."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cases.models import (
    CaseIndexPage,
    CasePage,
    Sector,
)
from cases.templatetags.cases_tags import latest_cases
from core.publishing.roles import EDITORS, MODERATORS, apply_roles
from demo import factories
from tests.cases.conftest import build_cases
from tests.helpers import card_titles, page_html

pytestmark = pytest.mark.django_db


# --- The front page ---------------------------------------------------------------------------


def test_front_page_shows_the_newest_cases(employee_client, portfolio):
    html = employee_client.get("/").content.decode()

    assert "Fra prosjektene" in html
    section = html[html.index("Fra prosjektene") :]
    assert card_titles(section)[:3] == [
        "Ny møteplass for ungdom",
        "Trygg hjemme",
        "Utslippsfri anleggsplass",
    ]
    assert '<a href="/eksempler/">Se alle eksemplene</a>' in section


def test_editors_pin_a_case_first_on_the_front_page(employee_client, index, portfolio):
    index.featured_case = portfolio["Nattro"]
    index.save_revision().publish()

    section = employee_client.get("/").content.decode().split("Fra prosjektene", 1)[1]
    assert card_titles(section)[:3] == ["Nattro", "Ny møteplass for ungdom", "Trygg hjemme"]

    portfolio["Nattro"].unpublish()
    section = employee_client.get("/").content.decode().split("Fra prosjektene", 1)[1]
    assert card_titles(section)[:3] == [
        "Ny møteplass for ungdom",
        "Trygg hjemme",
        "Utslippsfri anleggsplass",
    ]


def test_front_page_has_no_case_section_without_cases(
    employee_client, index, django_assert_max_num_queries
):
    assert "Fra prosjektene" not in page_html(employee_client.get("/"))
    request = employee_client.get("/").wsgi_request
    with django_assert_max_num_queries(5):
        assert latest_cases({"request": request})["cases"] == []
    index.unpublish()
    with django_assert_max_num_queries(1):
        assert latest_cases({"request": request}) == {"index": None}


def test_front_page_section_costs_three_queries(
    employee_client, index, sectors, methods, photo, django_assert_num_queries
):
    build_cases(index, sectors, methods, 12, images=[photo])
    request = employee_client.get("/").wsgi_request
    employee_client.get("/")  # the renditions exist, as on a running server

    # The listing, the cases with their images, the renditions: the request already
    # knows which restrictions it passes.
    with django_assert_num_queries(3):
        section = latest_cases({"request": request})
    assert [case.title for case in section["cases"]] == [
        "Eksempel 011",
        "Eksempel 010",
        "Eksempel 009",
    ]


def test_front_page_section_leaves_out_a_private_listing(employee_client, index, portfolio):
    # Only a group the employee is not in may see it (a login restriction lets every
    # signed-in employee through, so it no longer hides anything from lists).
    factories.restrict_to_groups(index, "Moderatorer")

    assert "Fra prosjektene" not in page_html(employee_client.get("/"))


# --- Admin ------------------------------------------------------------------------------------


class TestCaseAdmin(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        factories.make_phases()
        self.method_index = factories.make_method_index()
        self.method = factories.make_method(
            self.method_index, title="Brukerreise", slug="brukerreise"
        )
        self.sector = factories.make_sector()
        self.index = factories.make_case_index()

    def test_cases_live_only_under_the_listing(self):
        self.assertAllowedParentPageTypes(CasePage, {CaseIndexPage})
        self.assertAllowedSubpageTypes(CasePage, set())
        self.assertAllowedSubpageTypes(CaseIndexPage, {CasePage})
        self.assertCanCreateAt(factories.home_page().specific_class, CaseIndexPage)
        self.assertCanNotCreateAt(factories.home_page().specific_class, CasePage)

    def form_data(self, image):
        return nested_form_data(
            {
                "title": "Velkommen til skolen",
                "slug": "velkommen-til-skolen",
                "summary": "En velkomstpakke med bilder for nye foreldre.",
                "status": "avsluttet",
                "sector": str(self.sector.pk),
                "unit": "To barneskoler",
                "start_date": "2021-01-04",
                "end_date": "2021-12-17",
                "hero_image": str(image.pk),
                "hero_image_alt": "Illustrasjon: en gul linje over blå flater.",
                "challenge": rich_text("<p>Foreldrene visste ikke hva skolen ventet.</p>"),
                "approach": rich_text("<p>Vi lagde personas og en brukerreise.</p>"),
                "results": streamfield(
                    [
                        (
                            "key_figures",
                            {
                                "heading": "",
                                "figures": streamfield(
                                    [("item", {"value": "78 %", "label": "Kom på møtet"})]
                                ),
                                "note": "Høsten 2021.",
                            },
                        )
                    ]
                ),
                "lessons": rich_text("<p>Bilder fungerte bedre enn tekst.</p>"),
                "method_links": inline_formset([{"method": str(self.method.pk)}]),
                "tags": "brukerinnsikt, inkludering",
                "contact_person": "",
                "funding_call": "",
                "gallery_images": inline_formset(
                    [
                        {
                            "image": str(image.pk),
                            "alt_text": "Illustrasjon: sirkler.",
                            "caption": "",
                        }
                    ]
                ),
                "search_description": "",
                "seo_title": "",
            }
        )

    def test_an_editor_creates_a_case_with_methods_results_and_gallery(self):
        image = get_image_model().objects.create(
            title="Illustrasjon", file=get_test_image_file(size=(1600, 900))
        )
        self.assertCanCreate(self.index, CasePage, self.form_data(image))
        page = CasePage.objects.get(slug="velkommen-til-skolen")
        assert page.status == "avsluttet"
        assert page.sector == self.sector
        assert [link.method for link in page.method_links.all()] == [self.method]
        assert sorted(page.tags.names()) == ["brukerinnsikt", "inkludering"]
        assert page.results[0].value["figures"][0]["value"] == "78 %"
        assert page.gallery_images.get().alt_text == "Illustrasjon: sirkler."

    def test_an_editor_previews_a_case_before_it_is_saved(self):
        image = get_image_model().objects.create(
            title="Illustrasjon", file=get_test_image_file(size=(1600, 900))
        )
        page = factories.make_case(self.index)
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

        response = self.client.post(preview_url, self.form_data(image))
        assert response.json()["is_valid"]
        response = self.client.get(preview_url)

        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Velkommen til skolen</h1>" in html
        assert '<dd class="key-figures__value">78 %</dd>' in html
        assert 'href="/metoder/brukerreise/">Brukerreise</a>' in html
        assert 'alt="Illustrasjon: sirkler."' in html
        # The admin's preview panel may frame it; the public page stays unframeable.
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        public = self.client.get(page.url)
        assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
        assert public["X-Frame-Options"] == "DENY"

    def test_the_edit_form_has_tabs_choosers_and_norwegian_labels(self):
        page = factories.make_case(self.index, methods=[self.method])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

        assert response.status_code == 200
        html = response.content.decode()
        for tab in ["Innhold", "Historien", "Metoder og kontakt", "Galleri"]:
            assert tab in html
        assert "Tjenesteområde" in html and "Ansvarlig enhet" in html
        assert "Metoder som ble brukt" in html
        # Methods and pictures are chosen in Wagtail's choosers, several at a time.
        assert 'id="id_method_links-OPEN_MODAL"' in html
        assert 'id="id_gallery_images-OPEN_MODAL"' in html
        assert 'id="id_method_links-CHOOSER_WIDGET"' in html
        # The few service areas are a plain select, no chooser modal.
        sector = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "sector"})
        assert sector is not None
        assert [o.get_text(strip=True) for o in sector.find_all("option")][1:] == [
            s.name for s in Sector.objects.all()
        ]
        assert 'id="id_sector-OPEN_MODAL"' not in html

    def test_service_areas_are_managed_and_reordered_as_snippets(self):
        factories.make_sector("stab-og-stotte", "Stab og støtte")
        response = self.client.get(reverse("wagtailsnippets_cases_sector:list"))
        assert response.status_code == 200
        assert "Stab og støtte" in response.content.decode()

        last = Sector.objects.get(slug="stab-og-stotte")
        reorder = reverse("wagtailsnippets_cases_sector:reorder", args=[last.pk])
        assert self.client.post(f"{reorder}?position=0").status_code == 200
        assert Sector.objects.first() == last


def test_editors_manage_service_areas_and_moderators_delete_them(home):
    groups = apply_roles(home)

    def codenames(name):
        return set(
            groups[name]
            .permissions.filter(content_type__app_label="cases")
            .values_list("codename", flat=True)
        )

    assert codenames(EDITORS) == {"add_sector", "change_sector", "view_sector"}
    assert codenames(MODERATORS) == {"add_sector", "change_sector", "view_sector", "delete_sector"}
