"""Methods: the method page and its worksheets."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from demo import factories, pdf, worksheets
from methods.models import (
    MethodPage,
    MethodPageRelatedMethod,
    MethodPageResource,
)
from tests.helpers import page_html

pytestmark = pytest.mark.django_db


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

    html = page_html(employee_client.get("/metoder/gevinstkart/"))

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

    html = page_html(employee_client.get("/metoder/enkel/"))

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


def test_the_printed_footer_names_the_public_address(public_site, employee_client, index):
    factories.make_method(index, title="Gevinstkart", slug="gevinstkart")

    html = employee_client.get("/metoder/gevinstkart/").content.decode()

    assert (
        "Skrevet ut fra Innovasjon, Stavanger kommune – "
        "https://innovasjon.stavanger.kommune.no/metoder/gevinstkart/" in html
    )
