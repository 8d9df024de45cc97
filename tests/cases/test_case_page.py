"""Cases: the case page, the search contract, and the links between cases and methods."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from cases.models import (
    CaseIndexPage,
    CasePage,
    CasePageGalleryImage,
)
from cases.templatetags.cases_tags import cases_using_method
from demo import factories
from tests.cases.conftest import build_cases
from tests.helpers import card_titles, page_html

pytestmark = pytest.mark.django_db


# --- The case page ---------------------------------------------------------------------------


def test_case_page_shows_all_its_parts(employee_client, index, sectors, methods, photo):
    person = factories.make_person(name="Prosjektleder (demo)", role="Prosjektleder")
    call = factories.make_funding_call(title="Innovasjonsmidler 2021")
    draft_method = factories.make_method(title="Kladdemetode", slug="kladdemetode", publish=False)
    page = factories.make_case(
        index,
        title="Mindre mat i søpla",
        summary="Kjøkkenet veide matavfallet og prøvde ut små endringer.",
        status="avsluttet",
        sector=sectors["helse-og-velferd"],
        unit="Sykehjemskjøkken",
        start_date=datetime.date(2021, 3, 1),
        end_date=datetime.date(2021, 11, 30),
        hero_image=photo,
        hero_image_alt="Illustrasjon: en grønn kvist med blader.",
        challenge="<p>Rundt 60 kilo mat gikk i søpla hver uke.</p>",
        approach="<p>Vi veide avfallet hver dag og fulgte opp på tavlemøter.</p>",
        results=[
            (
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {"value": "35\u00a0%", "label": "Mindre matsvinn"},
                        {"value": "5", "label": "Forbedringssykluser"},
                    ],
                    "note": "Mars–november 2021. Demo-innhold.",
                },
            ),
            ("quote", {"text": "Veiingen åpnet øynene våre.", "source": "Kokk", "role": ""}),
        ],
        lessons="<ul><li>Mål før dere endrer noe.</li></ul>",
        methods=[methods["pdsa"], draft_method, methods["brukerreise"]],
        tags=["klima og miljø"],
        contact_person=person,
        funding_call=call,
        is_demo=True,
    )
    page.gallery_images.add(
        CasePageGalleryImage(
            image=photo, alt_text="Illustrasjon: søyler i blått.", caption="Fra tavlemøtet."
        )
    )
    page.save_revision().publish()
    neighbour = factories.make_case(
        index, title="Nattro", sector=sectors["helse-og-velferd"], revision=False
    )
    factories.make_case(index, title="Annen sektor", sector=sectors["stab-og-stotte"])

    response = employee_client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Mindre mat i søpla</h1>" in html
    assert 'Status: </span>Avsluttet</span> <span class="badge badge--warning">Demo-innhold' in html
    assert '<p class="lead">Kjøkkenet veide matavfallet og prøvde ut små endringer.</p>' in html
    hero = re.search(r'<img[^>]*class="case__image"[^>]*>', html).group(0)
    assert 'alt="Illustrasjon: en grønn kvist med blader."' in hero
    assert "srcset=" in hero and 'width="' in hero and 'height="' in hero
    assert '<a href="/eksempler/?sektor=helse-og-velferd">Helse og velferd</a>' in html
    assert "Sykehjemskjøkken" in html
    assert "Mars–november 2021" in html
    assert "Fikk støtte fra" in html and ">Innovasjonsmidler 2021</a>" in html
    assert 'href="/eksempler/?tema=klima-og-milj%C3%B8">Klima og miljø</a>' in html
    for heading in ["Utfordringen", "Dette gjorde vi", "Metodene vi brukte", "Resultater"]:
        assert f">{heading}</h2>" in html
    assert "Dette lærte vi</h2>" in html and "Mål før dere endrer noe." in html
    assert re.findall(r'class="case-methods__link" href="([^"]+)"', html) == [
        "/metoder/pdsa/",
        "/metoder/brukerreise/",
    ]
    assert "Kladdemetode" not in html
    assert '<dd class="key-figures__value">35\u00a0%</dd>' in html
    assert "Veiingen åpnet øynene våre." in html
    gallery = re.search(r'<img[^>]*class="case-gallery__image"[^>]*>', html).group(0)
    assert 'alt="Illustrasjon: søyler i blått."' in gallery and 'loading="lazy"' in gallery
    assert "Fra tavlemøtet." in html
    assert "Spør om prosjektet" in html and "Prosjektleder (demo)" in html
    assert "Flere fra Helse og velferd" in html
    assert f'href="{neighbour.url}">Nattro</a>' in html
    assert "Annen sektor" not in html


def test_a_planned_case_without_results_leaves_them_out(employee_client, index):
    page = factories.make_case(index, status="planlagt", start_date=datetime.date(2027, 3, 1))

    html = page_html(employee_client.get(page.url))

    assert "Planlagt" in html and "Fra mars 2027" in html
    for heading in ["Resultater", "Metodene vi brukte", "Dette lærte vi", "Bilder fra prosjektet"]:
        assert f">{heading}</h2>" not in html
    assert "Flere fra" not in html and "Fikk støtte fra" not in html


@pytest.mark.parametrize(
    ("start", "end", "period", "years"),
    [
        (
            datetime.date(2021, 9, 1),
            datetime.date(2022, 12, 31),
            "september 2021 – desember 2022",
            "2021–2022",
        ),
        (datetime.date(2021, 3, 1), datetime.date(2021, 11, 30), "mars–november 2021", "2021"),
        (datetime.date(2021, 3, 1), datetime.date(2021, 3, 31), "mars 2021", "2021"),
        (datetime.date(2022, 1, 10), None, "Fra januar 2022", "Fra 2022"),
    ],
)
def test_the_period_reads_naturally(start, end, period, years):
    page = CasePage(start_date=start, end_date=end)

    assert page.period_label == period
    assert page.years_label == years


def test_a_case_checks_its_image_text_and_dates(index, photo):
    page = factories.make_case(index)

    page.hero_image = photo
    page.hero_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "hero_image_alt" in error.value.message_dict

    page.hero_image_alt = "Illustrasjon: sirkler."
    page.end_date = datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["end_date"] == ["Slutten kan ikke komme før starten."]

    page.end_date = None
    page.status = "avsluttet"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["end_date"] == ["Skriv når prosjektet sluttet."]

    with pytest.raises(ValidationError) as error:
        CasePageGalleryImage(page=page, image=photo, alt_text=" ").clean()
    assert "alt_text" in error.value.message_dict


def test_the_pinned_case_must_come_from_the_listing(index):
    stray = factories.make_case(factories.home_page(), title="Feil plass", revision=False)
    index.featured_case = stray
    with pytest.raises(ValidationError) as error:
        index.full_clean()
    assert error.value.message_dict["featured_case"] == ["Velg et eksempel fra denne oversikten."]

    index.featured_case = factories.make_case(index, title="Riktig plass", revision=False)
    index.full_clean()


# --- The search contract ------------------------------------------------------------------


def test_cases_follow_the_search_contract(index, sectors):
    page = factories.make_case(index, status="pagaende", is_demo=True, revision=False)

    assert CasePage.search_type[0] == "eksempel"
    assert str(CasePage.search_type[1]) == "Eksempel"
    assert CaseIndexPage.search_type[0] == "side"
    assert str(CaseIndexPage.search_type[1]) == "Side"
    assert page.summary == "Digital hjemmeoppfølging for pasienter med kols."
    assert index.summary == "Prosjekter fra hele kommunen, pågående og avsluttede."
    assert page.search_badges() == [("Pågående", "active"), ("Demo-innhold", "warning")]
    assert CasePage.search_prefetch == ()
    page.status = "planlagt"
    page.is_demo = False
    assert page.search_badges() == [("Planlagt", "neutral")]


def test_cases_are_found_by_text_topic_service_area_and_method(
    index, sectors, methods, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_case(
            index,
            title="Trygg hjemme",
            sector=sectors["helse-og-velferd"],
            tags=["velferdsteknologi"],
            methods=[methods["brukerreise"]],
            approach="<p>Deltakerne fikk nettbrett og måleutstyr.</p>",
            results=[("paragraph", "<p>Færre rutinebesøk om natten.</p>")],
        )
        factories.make_case(
            index,
            title="Fakturaflyt",
            status="avsluttet",
            end_date=datetime.date(2022, 1, 1),
            sector=sectors["stab-og-stotte"],
            challenge="<p>Fakturaer ble ført for hånd.</p>",
            approach="<p>En programvarerobot tar de faste stegene.</p>",
        )

    def titles(query, queryset=None):
        queryset = queryset if queryset is not None else CasePage.objects.live()
        return [page.title for page in queryset.search(query)]

    assert titles("nettbrett") == ["Trygg hjemme"]
    assert titles("rutinebesøk") == ["Trygg hjemme"]
    assert titles("velferdsteknologi") == ["Trygg hjemme"]
    assert titles("Brukerreise") == ["Trygg hjemme"]
    assert titles("fakturaer") == ["Fakturaflyt"]
    assert titles("Stab") == ["Fakturaflyt"]
    assert titles("nettbrett", CasePage.objects.live().filter(status="avsluttet")) == []
    stab = sectors["stab-og-stotte"]
    assert titles("fakturaer", CasePage.objects.live().filter(sector_id=stab.pk)) == ["Fakturaflyt"]


# --- The link both ways between cases and methods ---------------------------------------------


def test_a_method_page_lists_the_projects_that_used_it(employee_client, portfolio, methods):
    html = page_html(employee_client.get("/metoder/brukerreise/"))

    assert "Brukt i disse prosjektene" in html
    section = html[html.index("Brukt i disse prosjektene") :]
    assert re.findall(r'<a href="(/eksempler/[^"]+)">([^<]+)</a>', section)[:2] == [
        ("/eksempler/trygg-hjemme/", "Trygg hjemme"),
        ("/eksempler/velkommen-til-skolen/", "Velkommen til skolen"),
    ]
    assert "Status: </span>Pågående" in section
    assert "Se alle" not in section

    case_page = employee_client.get("/eksempler/velkommen-til-skolen/").content.decode()
    assert 'href="/metoder/personas/">Personas</a>' in case_page
    assert 'href="/metoder/brukerreise/">Brukerreise</a>' in case_page


def test_a_method_without_cases_has_no_project_list(employee_client, methods):
    html = page_html(employee_client.get("/metoder/pdsa/"))

    assert "Brukt i disse prosjektene" not in html


def test_a_method_used_by_many_shows_the_newest_and_links_to_all(
    employee_client, index, sectors, methods
):
    build_cases(index, sectors, {"pdsa": methods["pdsa"]}, 8)

    html = page_html(employee_client.get("/metoder/pdsa/"))
    section = html[html.index("Brukt i disse prosjektene") :]

    assert [
        title for _url, title in re.findall(r'<a href="(/eksempler/[^"?]+)">([^<]+)</a>', section)
    ] == [
        "Eksempel 007",
        "Eksempel 006",
        "Eksempel 005",
        "Eksempel 004",
        "Eksempel 003",
    ]
    assert '<a href="/eksempler/?metode=pdsa">Se alle 8 prosjektene</a>' in section
    assert card_titles(employee_client.get("/eksempler/?metode=pdsa"))[0] == "Eksempel 007"


def test_the_method_page_tag_costs_three_queries(
    employee_client, portfolio, methods, django_assert_num_queries
):
    # Cases, count, listing: the request already knows which restrictions it passes.
    request = employee_client.get("/").wsgi_request
    with django_assert_num_queries(3):
        used = cases_using_method({"request": request}, methods["brukerreise"])
    assert [case.title for case in used["cases"]] == ["Trygg hjemme", "Velkommen til skolen"]
    assert used["count"] == 2
    assert used["url"] == "/eksempler/?metode=brukerreise"
