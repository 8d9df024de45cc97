"""Events: the state by time, the page in each state, .ics files, the listing and the front page."""

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase

from core.formats import format_when
from demo import factories
from demo.loaders import events as events_demo
from events import ics
from events.blocks import AgendaItemBlock, ProgrammeBlock
from events.models import EventIndexPage, EventPage, EventPageRelatedCase, EventPageRelatedMethod
from events.state import EventStatus, event_state, state_filter, status_at
from tests.helpers import text_at, text_of

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
START = datetime(2021, 11, 25, 9, 0, tzinfo=OSLO)
END = datetime(2021, 11, 25, 20, 0, tzinfo=OSLO)
MICROSECOND = timedelta(microseconds=1)


@pytest.fixture
def index_page(home):
    return factories.make_event_index()


@pytest.fixture
def innovation_day(index_page):
    """Innovasjonsdagen 2021, over, with a recording and the participation figure."""
    return factories.make_event(
        index_page,
        title="Innovasjonsdagen 2021",
        slug="innovasjonsdagen-2021",
        tagline="Tenke det, tørre det, gjøre det",
        summary="En digital innovasjonsdag for alle ansatte, med foredrag og workshop.",
        start=START,
        end=END,
        place="Digitalt, kveldsforedraget også på Facebook",
        audience="alle",
        stream_url="https://video.eksempel.no/innovasjonsdagen-2021/direkte",
        recording=[
            (
                "video",
                {
                    "url": "https://video.eksempel.no/innovasjonsdagen-2021",
                    "title": "Opptak fra Innovasjonsdagen 2021",
                    "caption": "Foredragene og kveldsforedraget.",
                },
            )
        ],
        participants=800,
        participants_at_least=True,
        participants_label="ansatte på det meste",
        report="<p>Over 800 ansatte var med da dagen ble arrangert digitalt.</p>",
    )


def moment(days=0, hours=0):
    return timezone.now() + timedelta(days=days, hours=hours)


# --- The state, derived from the time -----------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (START - timedelta(days=30), EventStatus.UPCOMING),
        (START - MICROSECOND, EventStatus.UPCOMING),
        (START, EventStatus.LIVE),
        (END - MICROSECOND, EventStatus.LIVE),
        (END, EventStatus.PAST),
        (END + timedelta(days=400), EventStatus.PAST),
    ],
)
def test_the_state_changes_exactly_at_the_start_and_the_end(now, expected):
    assert status_at(START, END, now) is expected
    assert event_state(START, END, now).status is expected


def test_each_state_reads_in_norwegian_with_its_badge_colour():
    before = event_state(START, END, START - timedelta(hours=1))
    during = event_state(START, END, START, has_stream=True)
    on_site = event_state(START, END, START, has_stream=False)
    after = event_state(START, END, END)

    assert (str(before.label), before.badge_modifier) == ("Kommende", "neutral")
    assert (str(during.label), during.badge_modifier) == ("Sendes nå", "active")
    assert (str(on_site.label), on_site.badge_modifier) == ("Pågår nå", "active")
    assert (str(after.label), after.badge_modifier) == ("Avsluttet", "positive")
    assert (before.is_upcoming, during.is_live, after.is_past) == (True, True, True)


@pytest.mark.parametrize(
    ("now", "relative"),
    [
        (datetime(2021, 11, 25, 8, 0, tzinfo=OSLO), "I dag"),
        (datetime(2021, 11, 24, 23, 59, tzinfo=OSLO), "I morgen"),
        (datetime(2021, 11, 20, 12, 0, tzinfo=OSLO), "Om 5 dager"),
        (datetime(2021, 10, 26, 12, 0, tzinfo=OSLO), "Om 30 dager"),
        (datetime(2021, 10, 25, 12, 0, tzinfo=OSLO), ""),
        (START, ""),
    ],
)
def test_coming_events_say_how_soon_in_norwegian_days(now, relative):
    assert event_state(START, END, now).relative_day == relative


def test_days_are_counted_in_stavanger_not_in_utc():
    # 23.30 UTC on the 23rd is already the 24th in Oslo: the event is tomorrow.
    late_evening_utc = datetime(2021, 11, 23, 23, 30, tzinfo=UTC)
    assert event_state(START, END, late_evening_utc).relative_day == "I morgen"


def test_the_time_is_written_the_norwegian_way():
    assert format_when(START, END) == "torsdag 25. november 2021 kl. 09.00–20.00"
    assert (
        format_when(START, END + timedelta(days=1))
        == "torsdag 25. november kl. 09.00 til fredag 26. november 2021 kl. 20.00"
    )
    # Stored in UTC, shown in Norwegian time.
    assert format_when(START.astimezone(UTC), END.astimezone(UTC)).endswith("kl. 09.00–20.00")


def test_state_filters_select_the_same_events_as_the_derived_state(index_page):
    now = timezone.now()
    events = {
        "past": factories.make_event(index_page, title="Før", start=moment(-3), end=moment(-2)),
        "live": factories.make_event(
            index_page, title="Nå", start=moment(hours=-1), end=moment(hours=1)
        ),
        "upcoming": factories.make_event(index_page, title="Snart", start=moment(2), end=moment(3)),
    }
    for status in EventStatus:
        selected = set(
            EventPage.objects.filter(state_filter(status, now)).values_list("pk", flat=True)
        )
        derived = {event.pk for event in events.values() if event.state_at(now).status is status}
        assert selected == derived
        assert len(selected) == 1


# --- The page in each state ---------------------------------------------------------------


def test_before_the_event_the_page_offers_sign_up_calendar_and_programme(
    employee_client, index_page
):
    event = factories.make_event(
        index_page,
        title="Innovasjonsdagen 2027",
        start=moment(days=5),
        end=moment(days=5, hours=6),
        registration_url="https://skjema.eksempel.no/innovasjonsdagen",
        registration_note="Meld deg på innen en uke før.",
        stream_url="https://video.eksempel.no/direkte",
    )
    response = employee_client.get(event.url)
    html = response.content.decode()
    text = text_at(response, "main")

    assert response.status_code == 200
    assert "Kommende" in text
    assert re.search(r"Om [56] dager", text)
    assert (
        '<a class="button button--primary" href="https://skjema.eksempel.no/innovasjonsdagen">Meld deg på</a>'
        in html
    )
    assert f'href="{event.url}kalender/" download' in html
    assert "Legg i kalender" in text and "Meld deg på innen en uke før." in text
    assert "Program" in text and "Gjøre det: fra idé til første test" in text
    assert "Veiledere fra Fabrikken" in text and "30 plasser" in text
    # One state at a time: nothing from during or after.
    for other in ("Sendes nå", "Se sendingen", "Se opptaket", "Slik gikk det"):
        assert other not in text
    assert text.index("Legg i kalender") < text.index("Program ")


def test_during_the_event_the_stream_comes_first(employee_client, index_page):
    event = factories.make_event(
        index_page,
        start=moment(hours=-1),
        end=moment(hours=2),
        registration_url="https://skjema.eksempel.no/innovasjonsdagen",
        stream_url="https://video.eksempel.no/direkte",
    )
    response = employee_client.get(event.url)
    html = response.content.decode()
    text = text_at(response, "main")

    assert "Sendes nå" in text
    assert (
        '<a class="button button--primary" href="https://video.eksempel.no/direkte">Se sendingen</a>'
        in html
    )
    assert text.index("Se sendingen") < text.index("Når") < text.index("Program ")
    for other in ("Meld deg på", "Legg i kalender", "Se opptaket"):
        assert other not in text


def test_an_event_on_site_without_a_stream_says_where_it_is_on(employee_client, index_page):
    event = factories.make_event(
        index_page,
        start=moment(hours=-1),
        end=moment(hours=2),
        event_format="fysisk",
        place="Fabrikken, Sandvigå 7",
    )
    text = text_at(employee_client.get(event.url), "main")

    assert "Pågår nå" in text
    assert "Arrangementet pågår nå, Fabrikken, Sandvigå 7, til kl." in text
    assert "Se sendingen" not in text


def test_after_the_event_the_recording_comes_first_then_how_it_went(
    employee_client, innovation_day
):
    response = employee_client.get(innovation_day.url)
    html = response.content.decode()
    text = text_at(response, "main")

    assert "Avsluttet" in text
    assert "«Tenke det, tørre det, gjøre det»" in text
    assert 'href="https://video.eksempel.no/innovasjonsdagen-2021"' in html
    assert "Se videoen: Opptak fra Innovasjonsdagen 2021" in text
    assert "Over 800" in text and "Ansatte på det meste" in text
    assert "Over 800 ansatte var med da dagen ble arrangert digitalt." in text
    assert (
        text.index("Se opptaket")
        < text.index("Når")
        < text.index("Slik gikk det")
        < text.index("Programmet")
    )
    for other in ("Meld deg på", "Legg i kalender", "Se sendingen", "Sendes nå"):
        assert other not in text


def test_after_a_streamed_event_without_recording_the_page_says_it_will_come(
    employee_client, index_page
):
    event = factories.make_event(
        index_page, start=moment(-2), end=moment(-2, 3), stream_url="https://video.eksempel.no/x"
    )
    text = text_at(employee_client.get(event.url), "main")
    assert "Opptaket legges ut her når det er klart." in text
    assert "Se opptaket" not in text


def test_the_facts_say_when_where_how_and_for_whom(employee_client, innovation_day):
    text = text_at(employee_client.get(innovation_day.url), "main")
    assert "Når torsdag 25. november 2021 kl. 09.00–20.00" in text
    assert "Hvor Digitalt, kveldsforedraget også på Facebook" in text
    assert "Format Digitalt" in text
    assert "For hvem Ansatte og innbyggere" in text


def test_editors_preview_each_state_before_it_happens(innovation_day):
    modes = [mode for mode, _label in innovation_day.preview_modes]
    assert modes == ["", "before", "during", "after"]

    before = innovation_day.make_preview_request(preview_mode="before").render().content.decode()
    during = innovation_day.make_preview_request(preview_mode="during").render().content.decode()
    after = innovation_day.make_preview_request(preview_mode="after").render().content.decode()

    assert "Forhåndsvisning: slik ser siden ut før arrangementet." in before
    assert "Legg i kalender" in before and "Se opptaket" not in before
    assert "Sendes nå" in during and "Legg i kalender" not in during
    assert "Se opptaket" in after and "Sendes nå" not in after


def test_a_new_event_is_previewed_before_it_has_an_address(index_page):
    page = EventPage(
        title="Nytt arrangement",
        slug="nytt-arrangement",
        summary="Et arrangement som ikke er lagret ennå.",
        start=START,
        end=END,
    )
    html = page.make_preview_request(preview_mode="before").render().content.decode()
    assert "Nytt arrangement" in html
    assert "kalender/" not in html


def test_related_methods_and_cases_show_only_when_live(employee_client, innovation_day):
    method = factories.make_method(title="Idémyldring", slug="idemyldring")
    draft = factories.make_method(title="Kladd", slug="kladd", publish=False)
    EventPageRelatedMethod.objects.create(page=innovation_day, method=method, sort_order=0)
    EventPageRelatedMethod.objects.create(page=innovation_day, method=draft, sort_order=1)

    case = factories.make_case(title="Trygg hjemme", slug="trygg-hjemme")
    draft_case = factories.make_case(title="Uferdig eksempel", slug="uferdig", publish=False)
    EventPageRelatedCase.objects.create(page=innovation_day, case=case, sort_order=0)
    EventPageRelatedCase.objects.create(page=innovation_day, case=draft_case, sort_order=1)

    text = text_of(employee_client.get(innovation_day.url))
    assert "Metoder fra arrangementet Idémyldring" in text
    assert "Kladd" not in text
    assert "Relaterte eksempler Trygg hjemme" in text
    assert "Uferdig eksempel" not in text


def test_participants_are_written_with_norwegian_thousands(index_page):
    event = factories.make_event(index_page, participants=1200)
    assert (event.participants_text, event.participants_caption) == ("1\u00a0200", "deltakere")
    event.participants_at_least = True
    assert event.participants_text == "Over 1\u00a0200"
    event.participants = None
    assert event.participants_text == ""


def test_the_page_refuses_posts(employee_client, innovation_day):
    assert employee_client.post(innovation_day.url).status_code == 405


def test_a_demo_event_carries_the_badge_and_says_what_is_invented(employee_client, index_page):
    event = factories.make_event(index_page, is_demo=True, demo_note="Datoen er ikke bekreftet.")
    text = text_at(employee_client.get(event.url), "main")
    assert "Demo-innhold" in text
    assert "Datoen er ikke bekreftet." in text


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


# --- The search contract --------------------------------------------------------------------


def test_events_follow_the_search_contract(innovation_day, index_page):
    assert EventPage.search_type[0] == "arrangement"
    assert str(EventPage.search_type[1]) == "Arrangement"
    assert EventIndexPage.search_type[0] == "side"
    assert index_page.summary == "Innovasjonsdagen og andre arrangementer for ansatte."
    assert [(str(text), modifier) for text, modifier in innovation_day.search_badges()] == [
        ("Avsluttet", "positive"),
        ("25. november 2021", "neutral"),
    ]
    innovation_day.is_demo = True
    assert ("Demo-innhold", "warning") in innovation_day.search_badges()


def test_search_finds_events_by_theme_and_programme(innovation_day):
    def titles(query):
        return [page.title for page in EventPage.objects.live().search(query)]

    assert titles("tørre") == ["Innovasjonsdagen 2021"]
    assert titles("gule") == ["Innovasjonsdagen 2021"]  # the workshop's «Penn og gule lapper»


# --- Calendar files ---------------------------------------------------------------------------


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_calendar_file_is_valid_icalendar_for_outlook(employee_client, innovation_day):
    response = employee_client.get(innovation_day.url + "kalender/")
    calendar = parse(response)
    raw = response.content.decode("utf-8")
    (event,) = calendar.walk("VEVENT")
    (vtimezone,) = calendar.walk("VTIMEZONE")

    assert response["Content-Disposition"] == 'attachment; filename="innovasjonsdagen-2021.ics"'
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Stavanger kommune//Innovasjon//NB"
    assert calendar["METHOD"] == "PUBLISH"
    assert str(event["UID"]) == f"event-{innovation_day.pk}@innovasjon.stavanger.kommune.no"
    stamp = event.decoded("DTSTAMP")
    assert stamp.utcoffset() == timedelta(0)
    assert abs(stamp - timezone.now()) < timedelta(minutes=1)
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert event["DTEND"].params["TZID"] == "Europe/Oslo"
    assert event.decoded("DTSTART") == START
    assert event.decoded("DTEND") == END
    assert "DTSTART;TZID=Europe/Oslo:20211125T090000" in raw
    assert str(event["SUMMARY"]) == "Innovasjonsdagen 2021"
    description = str(event["DESCRIPTION"])
    assert "«Tenke det, tørre det, gjøre det»" in description
    assert "Se sendingen: https://video.eksempel.no/innovasjonsdagen-2021/direkte" in description
    assert str(event["LOCATION"]) == "Digitalt, kveldsforedraget også på Facebook"
    assert str(event["URL"]).endswith("/arrangementer/innovasjonsdagen-2021/")
    # Outlook reads yearly RRULEs in VTIMEZONE; it misreads lists of RDATEs.
    assert str(vtimezone["TZID"]) == "Europe/Oslo"
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in raw
    assert "RDATE" not in raw
    # The library folds lines at 75 octets and keeps CRLF line ends.
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    assert raw.endswith("END:VCALENDAR\r\n")


def test_the_same_event_keeps_its_uid_in_every_download(employee_client, innovation_day):
    first = parse(employee_client.get(innovation_day.url + "kalender/")).walk("VEVENT")[0]
    innovation_day.title = "Innovasjonsdagen 2021 (nytt navn)"
    innovation_day.save_revision().publish()
    second = parse(employee_client.get(innovation_day.url + "kalender/")).walk("VEVENT")[0]
    assert first["UID"] == second["UID"]
    assert str(second["SUMMARY"]) == "Innovasjonsdagen 2021 (nytt navn)"


@pytest.mark.parametrize(
    ("start", "offset"),
    [
        (datetime(2026, 6, 18, 10, 0, tzinfo=OSLO), timedelta(hours=2)),
        (datetime(2027, 1, 14, 10, 0, tzinfo=OSLO), timedelta(hours=1)),
    ],
)
def test_summer_and_winter_events_keep_their_norwegian_hour(index_page, rf, start, offset):
    event = factories.make_event(index_page, start=start, end=start + timedelta(hours=2))
    calendar = Calendar.from_ical(ics.build_calendar([event], rf.get("/")))
    parsed = calendar.walk("VEVENT")[0].decoded("DTSTART")
    assert (parsed.hour, parsed.utcoffset()) == (10, offset)
    # And the VTIMEZONE itself, read without the time-zone database, says the same.
    own_zone = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    assert parsed.replace(tzinfo=None).replace(tzinfo=own_zone).utcoffset() == offset


def test_an_event_across_the_change_to_summer_time_is_one_hour_shorter(index_page, rf):
    # Saturday 10.00 to Sunday 10.00 around 29 March 2026, when clocks go 02.00 → 03.00.
    start = datetime(2026, 3, 28, 10, 0, tzinfo=OSLO)
    end = datetime(2026, 3, 29, 10, 0, tzinfo=OSLO)
    event = factories.make_event(index_page, start=start, end=end)
    raw = ics.build_calendar([event], rf.get("/")).decode()
    parsed = Calendar.from_ical(raw).walk("VEVENT")[0]

    assert "DTSTART;TZID=Europe/Oslo:20260328T100000" in raw
    assert "DTEND;TZID=Europe/Oslo:20260329T100000" in raw
    elapsed = parsed.decoded("DTEND").astimezone(UTC) - parsed.decoded("DTSTART").astimezone(UTC)
    assert elapsed == timedelta(hours=23)
    assert parsed.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert parsed.decoded("DTEND").utcoffset() == timedelta(hours=2)


def test_the_yearly_rule_matches_the_time_zone_database_around_every_change():
    moments = []
    for year in range(1997, 2038):
        for month in (3, 10):
            last_sunday = max(
                date(year, month, day)
                for day in range(25, 32)
                if date(year, month, day).weekday() == 6
            )
            around = datetime.combine(last_sunday, time(0, 0), tzinfo=UTC)
            moments += [around + timedelta(minutes=30 * step) for step in range(-4, 8)]
    assert ics.rule_matches_database(moments)


def test_an_event_before_the_eu_rule_falls_back_to_the_librarys_zone(index_page, rf):
    # In 1990 Norwegian summer time ended in September; the yearly rule would be wrong.
    start = datetime(1990, 9, 20, 12, 0, tzinfo=OSLO)
    event = factories.make_event(index_page, start=start, end=start + timedelta(hours=2))
    raw = ics.build_calendar([event], rf.get("/")).decode()
    calendar = Calendar.from_ical(raw)
    own_zone = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)

    assert "RRULE" not in raw
    assert datetime(1990, 9, 20, 12, 0, tzinfo=own_zone).utcoffset() == timedelta(hours=2)
    assert datetime(1990, 10, 20, 12, 0, tzinfo=own_zone).utcoffset() == timedelta(hours=1)


def test_the_feed_holds_every_event_live_or_to_come(employee_client, index_page, innovation_day):
    later = factories.make_event(
        index_page, title="Kurs: Innovasjon på 1-2-3", start=moment(30), end=moment(30, 3)
    )
    sooner = factories.make_event(
        index_page, title="Innovasjonsdagen 2027", start=moment(5), end=moment(5, 6)
    )
    live = factories.make_event(
        index_page, title="Frokostmøte", start=moment(hours=-1), end=moment(hours=1)
    )
    factories.make_event(
        index_page, title="Kladd", start=moment(6), end=moment(6, 1), publish=False
    )

    response = employee_client.get("/arrangementer/kalender/")
    calendar = parse(response)

    assert response["Content-Disposition"] == 'attachment; filename="arrangementer.ics"'
    assert str(calendar["X-WR-CALNAME"]) == "Arrangementer"
    assert [str(event["UID"]) for event in calendar.walk("VEVENT")] == [
        ics.event_uid(page) for page in (live, sooner, later)
    ]
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_an_empty_feed_is_still_a_valid_calendar(employee_client, index_page):
    calendar = parse(employee_client.get("/arrangementer/kalender/"))
    assert calendar.walk("VEVENT") == []
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_calendar_files_need_a_signed_in_employee(client, innovation_day):
    response = client.get(innovation_day.url + "kalender/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logg-inn/")


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


def test_the_listing_says_so_when_nothing_is_coming(employee_client, innovation_day):
    text = text_at(employee_client.get("/arrangementer/"), "main")
    assert "Ingen arrangementer er planlagt akkurat nå." in text
    assert "Legg alle kommende arrangementer i kalenderen" not in text
    assert "opptak finnes" in text


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
    assert 'href="https://video.eksempel.no/direkte">Se sendingen</a>' in html


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
    assert "Alle arrangementer" not in text_of(employee_client.get("/"))


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
