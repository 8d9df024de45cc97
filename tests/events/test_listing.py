"""Events: validation and the page tree, the listing, the front page."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from demo import factories
from demo.loaders import events as events_demo
from events.blocks import AgendaItemBlock, ProgrammeBlock
from events.models import EventIndexPage, EventPage
from tests.events.conftest import OSLO, moment
from tests.helpers import page_text, text_at, text_of

pytestmark = pytest.mark.django_db


# --- Validation and the page tree ---------------------------------------------------------


def test_an_event_must_end_after_it_starts(index_page):
    event = factories.make_event(index_page)
    event.end = event.start
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "Slutten må komme etter starten." in error.value.message_dict["end"]


def test_an_event_in_person_needs_a_place_and_no_event_takes_the_feeds_address(index_page):
    event = factories.make_event(index_page)
    event.event_format = "hybrid"
    event.place = ""
    event.slug = "kalender"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["place"] == ["Skriv hvor folk møtes."]
    assert "kalenderfeeden" in error.value.message_dict["slug"][0]


def test_a_demo_note_needs_demo_content(index_page):
    event = factories.make_event(index_page)
    event.demo_note = "Oppdiktet."
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "demo_note" in error.value.message_dict


def test_a_programme_item_must_end_after_it_starts():
    block = AgendaItemBlock()
    value = block.to_python(
        {"start_time": "10:00", "end_time": "09:30", "title": "Velkommen", "speaker": ""}
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "end_time" in error.value.block_errors


def test_programme_blocks_render_their_preview_values():
    programme = ProgrammeBlock()
    for name, block in programme.child_blocks.items():
        assert block.is_previewable, name
        assert block.meta.description and block.meta.icon
        html = block.render(block.get_preview_value())
        assert "programme__item" in html and "programme__time" in html
    assert "10.45–11.00" in programme.child_blocks["pause"].render(
        programme.child_blocks["pause"].get_preview_value()
    )


class TestEventAdmin(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.index = factories.make_event_index()

    def test_events_live_only_under_the_listing(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanCreateAt(factories.home_page().specific_class, EventIndexPage)
        self.assertCanNotCreateAt(factories.home_page().specific_class, EventPage)

    def test_the_edit_form_has_tabs_for_programme_and_after(self):
        page = factories.make_event(self.index)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        for tab in ["Innhold", "Program", "Etter arrangementet", "Relatert"]:
            assert tab in html
        assert "Tid og sted" in html and "Påmelding" in html

    def test_the_programme_picker_previews_an_item_in_the_list(self):
        block = EventPage._meta.get_field("programme").stream_block.child_blocks["workshop"]
        response = self.client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "css/main.css" in html
        assert '<ol class="programme" role="list">' in html
        assert "Gjøre det: fra idé til første test" in html


# --- The listing ------------------------------------------------------------------------------


def test_the_listing_shows_coming_events_soonest_first_then_past_ones_by_year(
    employee_client, index_page
):
    def event(title, start, hours=3):
        return factories.make_event(
            index_page, title=title, start=start, end=start + timedelta(hours=hours)
        )

    event("Innovasjonsdagen 2020", datetime(2020, 11, 26, 9, tzinfo=OSLO))
    event("Innovasjonsdagen 2021", datetime(2021, 11, 25, 9, tzinfo=OSLO))
    event("Metodekafé 2021", datetime(2021, 3, 4, 12, tzinfo=OSLO))
    event("Kurs om en måned", moment(30))
    event("Innovasjonsdagen om fem dager", moment(5))
    event("Frokostmøte nå", moment(hours=-1))

    response = employee_client.get("/arrangementer/")
    text = text_at(response, "main")
    order = [
        "Kommende arrangementer",
        "Frokostmøte nå",
        "Innovasjonsdagen om fem dager",
        "Kurs om en måned",
        "Tidligere arrangementer",
        "2021",
        "Innovasjonsdagen 2021",
        "Metodekafé 2021",
        "2020",
        "Innovasjonsdagen 2020",
    ]
    positions = [text.index(title, text.index("Kommende arrangementer")) for title in order]
    assert positions == sorted(positions)
    assert "Sendes nå" not in text  # no stream: the live one is «Pågår nå»
    assert "Pågår nå" in text
    assert "Legg alle kommende arrangementer i kalenderen" in text
    html = response.content.decode()
    assert '<h3 class="event-archive__year" id="ar-2021">2021</h3>' in html


def test_grouping_by_year_uses_norwegian_time(index_page):
    # 23.30 on New Year's Eve in UTC is already 2022 in Oslo.
    factories.make_event(
        index_page,
        title="Nyttårsseminar",
        start=datetime(2021, 12, 31, 23, 30, tzinfo=UTC),
        end=datetime(2022, 1, 1, 1, tzinfo=UTC),
    )
    coming, past_by_year = index_page.grouped_events(None, now=datetime(2023, 1, 1, tzinfo=UTC))
    assert coming == []
    assert [(year, [event.title for event in events]) for year, events in past_by_year] == [
        (2022, ["Nyttårsseminar"])
    ]


def test_the_listing_comes_in_pages_coming_events_first(employee_client, index_page, monkeypatch):
    monkeypatch.setattr("events.models.index.LISTING_PER_PAGE", 2)
    for number, year in enumerate([2019, 2020, 2021, 2022, 2023]):
        start = datetime(year, 5, 2, 9, tzinfo=OSLO)
        factories.make_event(
            index_page,
            title=f"Seminar {year}",
            slug=f"s{number}",
            start=start,
            end=start + timedelta(hours=2),
        )
    factories.make_event(
        index_page, title="Kurs om en måned", slug="kurs", start=moment(30), end=moment(30, 3)
    )

    def listing(url):
        response = employee_client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        archive = re.findall(r'class="event-archive__link" href="[^"]+">([^<]+)</a>', html)
        return ("Kurs om en måned" in html), archive, html

    coming, archive, html = listing("/arrangementer/")
    assert coming and archive == ["Seminar 2023"]
    assert 'href="/arrangementer/?side=2" rel="next"' in html
    coming, archive, html = listing("/arrangementer/?side=2")
    assert not coming and "Kommende arrangementer" not in html
    assert archive == ["Seminar 2022", "Seminar 2021"]
    assert '<h3 class="event-archive__year" id="ar-2021">2021</h3>' in html
    assert 'aria-current="page"><span class="visually-hidden">Side </span>2</a>' in html
    # As in the other listings: too high a number shows the last page, garbage the first.
    assert listing("/arrangementer/?side=99")[1] == ["Seminar 2020", "Seminar 2019"]
    assert listing("/arrangementer/?side=tre")[1] == ["Seminar 2023"]


def test_the_listing_says_so_when_nothing_is_coming(employee_client, innovation_day):
    text = text_at(employee_client.get("/arrangementer/"), "main")
    assert "Ingen arrangementer er planlagt akkurat nå." in text
    assert "Legg alle kommende arrangementer i kalenderen" not in text
    assert "med opptak" in text


# --- The front page -----------------------------------------------------------------------------


def test_the_front_page_shows_the_next_event(employee_client, index_page, innovation_day):
    factories.make_event(index_page, title="Kurs om en måned", start=moment(30), end=moment(30, 3))
    factories.make_event(
        index_page,
        title="Innovasjonsdagen 2027",
        tagline="Fra idé til hverdag",
        start=moment(5),
        end=moment(5, 6),
        registration_url="https://skjema.eksempel.no/innovasjonsdagen",
    )
    text = text_of(employee_client.get("/"))

    # The date tile between the heading and the title is hidden from screen readers.
    assert re.search(r"Neste arrangement \d+ \w+ Innovasjonsdagen 2027 «Fra idé til hverdag»", text)
    assert "Kurs om en måned" not in text
    assert "Meld deg på" in text and "Legg i kalender" in text
    assert "Alle arrangementer" in text


def test_the_front_page_shows_the_stream_while_an_event_is_on(employee_client, index_page):
    factories.make_event(
        index_page,
        title="Innovasjonsdagen",
        start=moment(hours=-1),
        end=moment(hours=2),
        stream_url="https://video.eksempel.no/direkte",
    )
    html = employee_client.get("/").content.decode()
    assert "Akkurat nå" in html and "Sendes nå" in html
    assert (
        'href="https://video.eksempel.no/direkte">Se sendingen '
        '<span class="button__hint">(åpnes på video.eksempel.no)</span></a>'
    ) in html


def test_the_front_page_shows_the_latest_recording_when_nothing_is_coming(
    employee_client, index_page, innovation_day
):
    factories.make_event(
        index_page, title="Seminar uten opptak", start=moment(-3), end=moment(-3, 2)
    )
    factories.make_event(
        index_page,
        title="Innovasjonsdagen 2020",
        start=datetime(2020, 11, 26, 9, tzinfo=OSLO),
        end=datetime(2020, 11, 26, 14, tzinfo=OSLO),
        recording=[
            (
                "video",
                {"url": "https://video.eksempel.no/2020", "title": "Opptak 2020", "caption": ""},
            )
        ],
    )
    response = employee_client.get("/")
    text = text_of(response)

    assert "Se opptaket 25 nov Innovasjonsdagen 2021" in text
    assert "Se opptaket fra Innovasjonsdagen 2021." in text
    assert 'href="https://video.eksempel.no/innovasjonsdagen-2021"' in response.content.decode()
    assert "Seminar uten opptak" not in text and "Opptak 2020" not in text


def test_the_front_page_has_no_event_section_without_events(employee_client, index_page):
    factories.make_event(
        index_page, title="Seminar uten opptak", start=moment(-3), end=moment(-3, 2)
    )
    text = text_of(employee_client.get("/"))
    assert "Neste arrangement" not in text and "Alle arrangementer" not in text


def test_the_front_page_without_an_event_listing_has_no_event_section(employee_client, home):
    assert "Alle arrangementer" not in page_text(employee_client.get("/"))


# --- Demo content -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 26), date(2027, 1, 14)),  # 17 December moves past Christmas
        (date(2026, 3, 2), date(2026, 3, 26)),
        (date(2026, 6, 20), date(2026, 8, 13)),  # July moves to August
    ],
)
def test_the_coming_innovation_day_avoids_christmas_and_the_summer_holidays(today, expected):
    assert events_demo.next_day(today)["start"].date() == expected
