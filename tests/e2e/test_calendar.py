"""Journey 5: an employee puts the coming Innovasjonsdagen in their calendar."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_an_employee_adds_the_coming_innovation_day_to_their_calendar(site):
    page = site.visit("/", user="ansatt")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Arrangementer"
    ).click()
    upcoming = page.get_by_role("region", name="Kommende arrangementer")
    upcoming.get_by_role("link", name=re.compile("^Innovasjonsdagen")).click()
    expect(page).to_have_url(re.compile(r"/arrangementer/innovasjonsdagen-\d{4}/$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile("^Innovasjonsdagen"))
    title = heading.inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Legg i kalender").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as file:
        raw = file.read()

    assert raw.startswith(b"BEGIN:VCALENDAR")
    assert b"DTSTART;TZID=Europe/Oslo:" in raw
    calendar = Calendar.from_ical(raw)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert str(event["UID"]).startswith("event-")
    assert event.decoded("DTSTART").tzinfo is not None
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Oslo"
