"""Events: calendar files; the search contract."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from core import ics as core_ics
from demo import factories
from events import ics
from events.models import EventIndexPage, EventPage
from tests.events.conftest import END, OSLO, START, moment

pytestmark = pytest.mark.django_db


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
    assert core_ics.rule_matches_database(moments)


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


def test_the_calendar_file_links_to_the_public_address(
    public_site, employee_client, innovation_day
):
    (event,) = parse(employee_client.get(innovation_day.url + "kalender/")).walk("VEVENT")

    url = f"{public_site}/arrangementer/innovasjonsdagen-2021/"
    assert str(event["URL"]) == url
    assert url in str(event["DESCRIPTION"])
