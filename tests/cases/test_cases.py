"""Case stories: the listing and its filters, the case page, the link both ways to methods,
the front page's «Fra prosjektene» and the demo cases."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cases.models import (
    CaseIndexPage,
    CasePage,
    CasePageGalleryImage,
    CasePageMethod,
    CaseStatus,
    Sector,
)
from cases.templatetags.cases_tags import cases_using_method, latest_cases
from demo import factories
from demo.loaders.cases import SECTORS
from home.listing import PER_PAGE
from home.roles import EDITORS, MODERATORS, apply_roles
from tests.helpers import card_titles, result_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return factories.make_case_index()


@pytest.fixture
def sectors(db):
    return {slug: factories.make_sector(slug, name) for slug, name in SECTORS}


@pytest.fixture
def methods(home):
    factories.make_phases()
    method_index = factories.make_method_index()
    return {
        slug: factories.make_method(method_index, title=title, slug=slug, revision=False)
        for slug, title in [
            ("brukerreise", "Brukerreise"),
            ("pdsa", "PDSA – modell for forbedring"),
            ("personas", "Personas"),
        ]
    }


@pytest.fixture
def photo(db):
    return get_image_model().objects.create(
        title="Illustrasjon", file=get_test_image_file(size=(1600, 900))
    )


@pytest.fixture
def portfolio(index, sectors, methods):
    """Five live cases with known status, service area, topics, methods and start."""
    specs = [
        # title, status, sector, tags, methods, start
        (
            "Trygg hjemme",
            "pagaende",
            "helse-og-velferd",
            ["velferdsteknologi", "brukerinnsikt"],
            ["brukerreise"],
            datetime.date(2021, 9, 1),
        ),
        (
            "Nattro",
            "avsluttet",
            "helse-og-velferd",
            ["velferdsteknologi"],
            ["pdsa"],
            datetime.date(2020, 8, 1),
        ),
        (
            "Velkommen til skolen",
            "avsluttet",
            "oppvekst-og-utdanning",
            ["brukerinnsikt", "inkludering"],
            ["personas", "brukerreise"],
            datetime.date(2021, 1, 4),
        ),
        (
            "Utslippsfri anleggsplass",
            "pagaende",
            "bymiljo-og-utbygging",
            ["klima"],
            [],
            datetime.date(2021, 5, 1),
        ),
        (
            "Ny møteplass for ungdom",
            "planlagt",
            "innbygger-og-samfunnskontakt",
            ["barn og unge"],
            ["personas"],
            datetime.date(2022, 1, 10),
        ),
    ]
    cases = {}
    for title, status, sector, tags, used, start in specs:
        end = datetime.date(start.year + 1, 6, 30) if status == "avsluttet" else None
        cases[title] = factories.make_case(
            index,
            title=title,
            status=status,
            sector=sectors[sector],
            tags=tags,
            methods=[methods[slug] for slug in used],
            start_date=start,
            end_date=end,
            is_demo=title == "Nattro",
            revision=False,
        )
    return cases


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
    html = employee_client.get("/eksempler/?sektor=helse-og-velferd").content.decode()

    assert re.search(r"Pågående <span[^>]*>\(1\)</span>", html)
    assert re.search(r"Planlagt <span[^>]*>\(0\)</span>", html)
    assert re.search(r"Helse og velferd <span[^>]*>\(2\)</span>", html)
    assert re.search(r"Oppvekst og utdanning <span[^>]*>\(1\)</span>", html)
    assert re.search(r"By- og samfunnsplanlegging <span[^>]*>\(0\)</span>", html)


def test_removing_one_filter_keeps_the_others(employee_client, portfolio):
    html = employee_client.get(
        "/eksempler/?status=avsluttet&sektor=helse-og-velferd"
    ).content.decode()

    assert 'href="/eksempler/?sektor=helse-og-velferd">Fjern filter: Avsluttet' in html
    assert 'href="/eksempler/?status=avsluttet">Fjern filter: Helse og velferd' in html


def test_no_hits_offers_to_clear_the_filters(employee_client, portfolio):
    response = employee_client.get("/eksempler/?status=planlagt&sektor=stab-og-stotte")

    assert card_titles(response) == []
    assert result_count(response) == "Ingen eksempler passer med filtrene"
    html = response.content.decode()
    assert "Prøv med færre filtre" in html
    assert 'href="/eksempler/">Nullstill filtrene og vis alle eksemplene</a>' in html


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
    html = employee_client.get("/eksempler/?sektor=finnes-ikke&tema=ukjent").content.decode()

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


def build_cases(index, sectors, methods, count, images=(), offset=0):
    """`count` live cases without revisions: statuses, service areas and methods in turn."""
    statuses = list(CaseStatus.values)
    slugs = list(sectors)
    used = list(methods.values())
    for number in range(offset, offset + count):
        status = statuses[number % 3]
        factories.make_case(
            index,
            title=f"Eksempel {number:03d}",
            slug=f"eksempel-{number:03d}",
            status=status,
            end_date=datetime.date(2023, 6, 1) if status == "avsluttet" else None,
            sector=sectors[slugs[number % len(slugs)]],
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            tags=["brukerinnsikt", f"tema-{number % 5}"],
            methods=[used[number % len(used)], used[(number + 1) % len(used)]],
            hero_image=images[number % len(images)] if images else None,
            hero_image_alt="Illustrasjon: sirkler i blått." if images else "",
            revision=False,
        )


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
        html = employee_client.get(url).content.decode()
        assert "Kladd om velferd" not in html
        assert "Hemmelig prosjekt" not in html
        assert "Avpublisert prosjekt" not in html
    html = employee_client.get("/eksempler/").content.decode()
    assert "Viser alle 5 eksemplene" in html
    assert re.search(r"PDSA – modell for forbedring <span[^>]*>\(1\)</span>", html)


def test_a_draft_revision_of_a_live_case_stays_unseen(employee_client, portfolio, methods):
    case = portfolio["Nattro"]
    case.title = "Nattro (nytt utkast)"
    case.method_links.clear()
    case.method_links.add(CasePageMethod(method=methods["brukerreise"], sort_order=0))
    case.save_revision()

    listing = employee_client.get("/eksempler/").content.decode()
    assert "Nattro (nytt utkast)" not in listing
    assert ">Nattro</a>" in listing
    assert ">Nattro</a>" in employee_client.get("/metoder/pdsa/").content.decode()
    assert "Nattro" not in employee_client.get("/metoder/brukerreise/").content.decode()


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

    html = employee_client.get(page.url).content.decode()

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
    html = employee_client.get("/metoder/brukerreise/").content.decode()

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
    html = employee_client.get("/metoder/pdsa/").content.decode()

    assert "Brukt i disse prosjektene" not in html


def test_a_method_used_by_many_shows_the_newest_and_links_to_all(
    employee_client, index, sectors, methods
):
    build_cases(index, sectors, {"pdsa": methods["pdsa"]}, 8)

    html = employee_client.get("/metoder/pdsa/").content.decode()
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
    assert "Fra prosjektene" not in employee_client.get("/").content.decode()
    request = employee_client.get("/").wsgi_request
    with django_assert_max_num_queries(5):
        assert latest_cases({"request": request})["cases"] == []
    index.unpublish()
    with django_assert_max_num_queries(1):
        assert latest_cases({"request": request}) == {"index": None}


def test_front_page_section_costs_four_queries(
    employee_client, index, sectors, methods, photo, django_assert_num_queries
):
    build_cases(index, sectors, methods, 12, images=[photo])
    request = employee_client.get("/").wsgi_request
    employee_client.get("/")  # the renditions exist, as on a running server

    # The listing, the cases, their images, the renditions: the request already knows
    # which restrictions it passes.
    with django_assert_num_queries(4):
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

    assert "Fra prosjektene" not in employee_client.get("/").content.decode()


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
