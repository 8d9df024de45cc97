"""The demo content, loaded once for this module (tests/conftest.py's `demo`): what each
section's loader builds, and that loading it again changes nothing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cases.models import CaseIndexPage, CasePage, CasePageMethod, Sector
from core.feedback.models import KEEP_FOR as FEEDBACK_KEPT_FOR
from core.models import ContentOwnershipMixin, SectionOwnerMixin, SectionSettings
from demo.loaders.cases import CASES
from demo.loaders.methods import METHODS
from events.models import EventPage
from events.state import EventStatus
from fabrikken import schedule
from fabrikken.models import FabrikkenPage, GuidanceRequest, RoomBooking
from funding.models import Application, FundingApplication, FundingCallPage
from funding.status import CallStatus
from home.models import ContentPage, HomePage
from methods.models import MethodIndexPage, MethodPage, Phase
from search.models import SynonymGroup
from tests.helpers import DEMO_PASSWORD, card_titles, result_count, soup, text_of, texts

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def reader(demo, client):
    """The demo's employee, signed in with the demo password."""
    assert client.login(username="ansatt", password=DEMO_PASSWORD)
    return client


def snapshot():
    """Everything a second load could add twice."""
    return {
        "pages": list(Page.objects.order_by("path").values_list("id", "path", "title", "live")),
        "users": list(get_user_model().objects.order_by("id").values_list("id", "username")),
        "images": list(get_image_model().objects.order_by("id").values_list("id", "title")),
        "documents": list(get_document_model().objects.order_by("id").values_list("id", "title")),
        "case methods": list(
            CasePageMethod.objects.order_by("id").values_list("id", "page_id", "method_id")
        ),
        "applications": list(
            FundingApplication.objects.order_by("pk").values_list("pk", "page_id")
        ),
        "bookings": RoomBooking.objects.count(),
        "guidance": GuidanceRequest.objects.count(),
        "search": (
            SynonymGroup.objects.count(),
            Query.objects.count(),
            QueryDailyHits.objects.count(),
        ),
    }


def test_loading_the_demo_again_changes_nothing(demo):
    first = snapshot()

    call_command("load_demo_content", verbosity=0)

    assert snapshot() == first


# --- The front page and the sign-ins ---------------------------------------------------------


def test_the_demo_builds_the_front_page_and_content_pages(reader):
    home = HomePage.objects.get()
    slugs = set(ContentPage.objects.live().values_list("slug", flat=True))
    assert {"hva-er-innovasjon", "innovasjonskultur"} <= slugs
    assert home.title == "Innovasjon i Stavanger kommune"
    assert home.highlights.count() >= 2
    section = SectionSettings.for_site(Site.objects.get(is_default_site=True))
    assert section.accessibility_page.slug == "tilgjengelighetserklaering"

    front = text_of(reader.get("/"))
    assert "Hva er innovasjon?" in front
    assert "Tilgjengelighetserklæring" in front
    assert reader.get("/innovasjonskultur/").status_code == 200


def test_the_demo_users_have_their_roles(demo):
    users = {user.username: user for user in get_user_model().objects.all()}

    assert users["admin"].is_superuser
    assert users["redaktor"].groups.filter(name="Redaktører").exists()
    assert users["moderator"].groups.filter(name="Moderatorer").exists()
    assert not users["ansatt"].groups.exists()
    assert not users["ansatt"].is_staff


# --- Methods ---------------------------------------------------------------------------------


def test_the_demo_methods_have_phases_steps_and_worksheets(reader):
    methods = list(Page.objects.type(MethodPage))
    assert len(methods) == len(METHODS) >= 12
    assert Phase.objects.count() == 7
    index = MethodIndexPage.objects.get()
    assert index.url_path.endswith("/metoder/") and index.show_in_menus

    with_worksheets = MethodPage.objects.filter(resources__document__isnull=False).distinct()
    assert with_worksheets.count() >= 3
    for document in get_document_model().objects.filter(collection__name="Arbeidsark"):
        with document.open_file() as handle:
            assert handle.read(8) == b"%PDF-1.4"
    for page in MethodPage.objects.all():
        assert page.phases.exists()
        assert len(page.steps) >= 4
        assert page.revisions.count() == 1
        assert page.related_methods.exists()

    assert result_count(reader.get("/metoder/")) == f"Viser alle {len(METHODS)} metodene"
    for spec in METHODS:
        assert reader.get(f"/metoder/{spec['slug']}/").status_code == 200


# --- Cases -----------------------------------------------------------------------------------


def test_the_demo_cases_have_illustrations_and_methods(reader):
    assert 6 <= Page.objects.type(CasePage).count() == len(CASES) <= 8
    assert Sector.objects.count() == 6
    index = CaseIndexPage.objects.get()
    assert index.url_path.endswith("/eksempler/") and index.show_in_menus
    assert index.featured_case is not None

    cases = list(CasePage.objects.live().select_related("sector", "hero_image"))
    assert {case.status for case in cases} >= {"pagaende", "avsluttet"}
    assert len({case.sector_id for case in cases}) >= 4
    for case in cases:
        assert case.is_demo
        assert case.revisions.count() == 1
        assert case.method_links.count() >= 2
        assert [block.block_type for block in case.results].count("key_figures") == 1
        assert case.hero_image.width == 1600 and case.hero_image.height == 900
        assert case.hero_image_alt.startswith("Illustrasjon: ")
        for item in case.gallery_images.all():
            assert item.alt_text.startswith("Illustrasjon: ")

    listing = reader.get("/eksempler/")
    assert result_count(listing) == f"Viser alle {len(CASES)} eksemplene"
    assert len(card_titles(listing)) == len(CASES)
    assert texts(reader.get("/"), ".badge--warning").count("Demo-innhold") >= 3
    assert "Brukt i disse prosjektene" in text_of(reader.get("/metoder/brukerreise/"))
    for case in cases:
        assert reader.get(case.url).status_code == 200


# --- Funding ---------------------------------------------------------------------------------


def test_the_demo_has_an_open_an_upcoming_and_a_closed_call(reader):
    calls = {call.slug: call for call in FundingCallPage.objects.live()}
    assert {slug: call.state.status for slug, call in calls.items()} == {
        "innovasjonsmidler": CallStatus.OPEN,
        "prov-det": CallStatus.UPCOMING,
        "medfinansiering": CallStatus.CLOSED,
    }
    assert all(call.is_demo for call in calls.values())
    assert 14 <= calls["innovasjonsmidler"].state.days_left <= 21
    assert FundingApplication.objects.filter(page=calls["medfinansiering"]).count() == 3
    # The open call takes structured applications (#21): criteria, no form-builder form,
    # and one demo application in every state but «Delvis innvilget».
    innovation = calls["innovasjonsmidler"]
    assert innovation.criteria_items.count() == 4 and not innovation.form_fields.exists()
    assert set(Application.objects.filter(call=innovation).values_list("status", flat=True)) == {
        "utkast",
        "sendt",
        "under_vurdering",
        "innvilget",
        "avslatt",
        "trukket",
    }
    granted = Application.objects.get(call=innovation, status="innvilget")
    assert granted.decision.report_due and granted.assessments.count() == 8

    assert "Demo-innhold" in text_of(reader.get("/stotte/"))
    mine = text_of(reader.get("/stotte/mine-soknader/"))
    assert "Medfinansiering – eksterne innovasjonsmidler" in mine
    # The demo calls' amounts per the content brief (§5), said by the form.
    innovation = calls["innovasjonsmidler"]
    assert (innovation.min_per_application, innovation.max_per_application) == (100_000, 800_000)
    assert (
        calls["prov-det"].max_per_application,
        calls["medfinansiering"].max_per_application,
    ) == (30_000, 200_000)
    assert "Per søknad kr\u00a0100\u00a0000–800\u00a0000" in text_of(reader.get(innovation.url))


# --- Events ----------------------------------------------------------------------------------


def test_the_demo_has_past_and_coming_events(reader):
    events = {event.slug: event for event in EventPage.objects.live()}
    assert {
        slug: event.state.status
        for slug, event in events.items()
        if "2020" in slug or "2021" in slug
    } == {
        "innovasjonsdagen-2020": EventStatus.PAST,
        "innovasjonsdagen-2021": EventStatus.PAST,
    }
    coming = [event for event in events.values() if event.state.is_upcoming]
    assert len(coming) == 2
    assert all(event.is_demo and event.demo_note for event in events.values())
    day_2021 = events["innovasjonsdagen-2021"]
    assert day_2021.tagline == "Tenke det, tørre det, gjøre det"
    assert day_2021.event_format == "digital" and day_2021.audience == "alle"
    assert (day_2021.participants, day_2021.participants_at_least) == (800, True)
    assert "Datoen er ikke bekreftet" in day_2021.demo_note
    assert day_2021.recording_video["url"].startswith("https://video.eksempel.no/")
    assert {block.block_type for block in day_2021.programme} == {
        "agenda_item",
        "pause",
        "workshop",
    }
    assert events["innovasjonsdagen-2020"].start.astimezone(OSLO).date() == datetime.date(
        2020, 11, 26
    )
    assert day_2021.live_related_methods(None) and day_2021.live_related_cases(None)
    for event in coming:
        local_day = event.start.astimezone(OSLO).date()
        assert local_day.weekday() < 5
        assert not (local_day.month == 12 and local_day.day >= 15)

    listing = text_of(reader.get("/arrangementer/"))
    assert "Demo-innhold" in listing and "Innovasjonsdagen 2021" in listing
    assert "Neste arrangement" in text_of(reader.get("/"))


# --- Fabrikken -------------------------------------------------------------------------------


def test_the_demo_bookings_fit_fabrikkens_rooms_and_hours(demo):
    assert RoomBooking.objects.count() >= 8
    assert GuidanceRequest.objects.count() == 3
    page = FabrikkenPage.objects.get()
    assert page.rooms.count() == 4 and page.opening_hours.count() == 5
    for booking in RoomBooking.objects.all():
        problems = schedule.booking_problems(
            booking.room, booking.start, booking.end, booking.people, check_past=False
        )
        assert problems == {}


# --- Search ----------------------------------------------------------------------------------


def test_the_demo_adds_synonyms_promotions_and_popular_searches(reader):
    assert SynonymGroup.objects.count() >= 3
    assert Query.objects.exists() and QueryDailyHits.objects.exists()

    hits = reader.get("/sok/", {"q": "customer journey"})
    assert "Brukerreise" in texts(hits, ".search-result__title")
    assert "Populære søk" in text_of(reader.get("/sok/"))
    # The invented numbers are marked as demo, like the rest of the demo content.
    assert texts(reader.get("/sok/"), ".search-popular__note") == [
        "Demo-innhold: søkene bak listen er oppdiktet."
    ]


def test_every_demo_page_has_a_content_owner_and_every_section_a_default(demo):
    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert pages
    for page in pages:
        assert isinstance(page, ContentOwnershipMixin)
        assert page.content_owner is not None, page.title
        # The editor opens the latest revision: the owner is there too.
        assert page.get_latest_revision_as_object().content_owner_id == page.content_owner_id
        if isinstance(page, SectionOwnerMixin):
            assert page.default_content_owner is not None, page.title


def test_the_demo_editors_have_a_unit(demo):
    for username in ("redaktor", "moderator"):
        user = get_user_model().objects.get(username=username)
        assert user.get_full_name()
        assert user.staff_profile.unit


# --- The present, privacy and accessibility (issue #20 items 2 and 12) ------------------------


def test_the_front_page_describes_fabrikken_as_open_and_figures_carry_their_years(reader):
    front = text_of(reader.get("/"))

    assert "åpner" not in front and "Veiledning kommer" not in front and "Snart" not in front
    assert "Få veiledning på Fabrikken" in front
    # Every key figure names its year; the note below names the sources.
    for label in texts(reader.get("/"), ".key-figures dt"):
        assert any(year in label for year in ("2017", "2020", "2021")), label
    assert "Kilder: Stavanger kommunes årsrapporter" in front


def test_invented_culture_measures_are_marked_as_demo(reader):
    caption = texts(reader.get("/innovasjonskultur/"), "caption")
    assert caption == ["Tre kulturtiltak og hva de krever (Demo-innhold: oppdiktede eksempler)"]


def test_the_privacy_page_names_controller_legal_basis_and_the_codes_retention(reader, settings):
    """Each period is read from the constant the deleting code uses, so the page fails
    this test when the code's period changes and the text does not."""
    text = text_of(reader.get("/personvern/"))

    assert "Stavanger kommune, org.nr. 964 965 226, er behandlingsansvarlig" in text
    assert "personvernombud@eksempel.no" in text
    assert "personvernforordningen (GDPR) artikkel 6 nr. 1 bokstav e" in text
    assert "allmennhetens interesse" in text
    table = soup(reader.get("/personvern/")).find("table")
    rows = {
        row.find("th").get_text(strip=True): [
            cell.get_text(strip=True) for cell in row.find_all(["th", "td"])
        ][1:]
        for row in table.find("tbody").find_all("tr")
    }
    assert FEEDBACK_KEPT_FOR.days == 365  # «12 måneder» below
    assert rows["Svar på «Fant du det du lette etter?»"][1].startswith("12 måneder.")
    days = settings.WAGTAILSEARCH_HITS_MAX_AGE
    assert rows["Søk"][1].startswith(f"{days} dager.")
    hours = settings.SESSION_COOKIE_AGE // 3600
    assert f"borte i {hours} timer" in rows["Innlogging"][1]
    # Nothing deletes these yet: the page must say so.
    for kind in (
        "Søknader om støtte",
        "Bookinger av rom på Fabrikken",
        "Henvendelser om veiledning",
    ):
        assert "sletter dem ikke automatisk" in rows[kind][1], kind


def test_the_accessibility_statement_says_what_was_tested_when_and_what_is_missing(reader):
    response = reader.get("/tilgjengelighetserklaering/")
    text = text_of(response)

    assert texts(response, "main h2")[:4] == [
        "Slik har vi testet",
        "Kjente avvik",
        "Si fra om feil",
        "Erklæringen på uustatus.no",
    ]
    for tested in ("axe-core", "1280 og 390 piksler", "W3C Nu HTML Checker", "Tastaturreiser"):
        assert tested in text
    assert "testes automatisk ved hver endring" in text
    assert "Siste manuelle gjennomgang: 7. desember 2026." in text
    assert "delvis på engelsk" in text and "PDF-filer" in text
    assert "innovasjon@eksempel.no" in text
    assert 'href="https://uustatus.no/"' in response.content.decode()
    assert "følger kravene" not in text  # no unaudited claim
