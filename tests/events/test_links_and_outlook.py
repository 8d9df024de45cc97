"""Events (issue #20): links that leave the intranet say so, streamed parts say where to
watch, calls to action carry a contact, and «Legg i Outlook» opens Outlook on the web."""

from datetime import datetime, time
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from core.links import is_external
from demo import factories
from events.outlook import COMPOSE_URL, outlook_url
from tests.events.conftest import moment
from tests.helpers import soup, text_at, texts

pytestmark = pytest.mark.django_db

TALK = {
    "start_time": time(9, 0),
    "end_time": time(10, 0),
    "title": "Velkommen",
    "speaker": "",
    "description": "",
    "is_streamed": True,
    "stream_url": "",
}


def coming_event(index_page, **fields):
    fields.setdefault("start", moment(days=5))
    fields.setdefault("end", moment(days=5, hours=6))
    return factories.make_event(index_page, **fields)


# --- Links that leave the intranet ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "external"),
    [
        ("https://skjema.eksempel.no/innovasjonsdagen", True),
        ("https://video.eksempel.no/direkte", True),
        ("/arrangementer/innovasjonsdagen/", False),
        ("http://testserver/skjema/", False),
        ("", False),
    ],
)
def test_a_link_is_external_only_on_another_host(rf, url, external):
    assert is_external(url, rf.get("/")) is external


def test_the_sign_up_button_says_it_opens_a_separate_form(employee_client, index_page):
    event = coming_event(index_page, registration_url="https://skjema.eksempel.no/dagen")
    response = employee_client.get(event.url)
    (button,) = soup(response).select('a[href="https://skjema.eksempel.no/dagen"]')
    assert " ".join(button.get_text(" ").split()) == "Meld deg på (åpnes i et eget skjema)"
    # The front page's teaser says so too.
    home = employee_client.get("/")
    assert "Meld deg på : Innovasjonsdagen (åpnes i et eget skjema)" in texts(
        home, 'a[href="https://skjema.eksempel.no/dagen"]'
    )


def test_a_sign_up_page_on_the_intranet_needs_no_hint(employee_client, index_page):
    event = coming_event(index_page, registration_url="http://localhost/skjema/")
    response = employee_client.get(event.url)
    assert text_at(response, 'a[href="http://localhost/skjema/"]') == "Meld deg på"


def test_the_stream_button_says_where_it_opens(employee_client, index_page):
    event = factories.make_event(
        index_page,
        start=moment(hours=-1),
        end=moment(hours=2),
        stream_url="https://video.eksempel.no/direkte",
    )
    response = employee_client.get(event.url)
    assert text_at(response, ".event-now__actions a") == "Se sendingen (åpnes på video.eksempel.no)"


# --- Streamed parts say where to watch -----------------------------------------------------


def test_a_streamed_part_links_to_its_own_stream_or_the_events(employee_client, index_page):
    own = {**TALK, "title": "Eget", "stream_url": "https://tv.eksempel.no/eget"}
    shared = {**TALK, "title": "Felles", "start_time": time(10, 0), "end_time": time(11, 0)}
    event = coming_event(
        index_page,
        stream_url="https://video.eksempel.no/direkte",
        programme=[("agenda_item", own), ("agenda_item", shared)],
    )
    response = employee_client.get(event.url)
    tags = soup(response).select(".programme__tags")
    assert [a["href"] for tag in tags for a in tag.select("a")] == [
        "https://tv.eksempel.no/eget",
        "https://video.eksempel.no/direkte",
    ]
    assert texts(response, ".programme__tags") == [
        "Sendes direkte Lenke til sendingen : Eget (åpnes på tv.eksempel.no)",
        "Sendes direkte Lenke til sendingen : Felles (åpnes på video.eksempel.no)",
    ]


def test_a_streamed_part_without_an_address_says_the_link_is_coming(employee_client, index_page):
    event = coming_event(index_page, stream_url="", programme=[("agenda_item", TALK)])
    response = employee_client.get(event.url)
    assert texts(response, ".programme__tags") == ["Sendes direkte Lenke kommer"]
    assert not soup(response).select(".programme__tags a")


def test_a_past_streamed_part_says_it_was_streamed_without_a_link(employee_client, index_page):
    event = factories.make_event(
        index_page,
        start=moment(days=-3),
        end=moment(days=-3, hours=6),
        stream_url="https://video.eksempel.no/direkte",
        programme=[("agenda_item", TALK)],
    )
    response = employee_client.get(event.url)
    assert texts(response, ".programme__tags") == ["Ble sendt direkte"]


# --- Calls to action carry a contact -------------------------------------------------------


def test_sign_up_carries_the_contact_persons_e_mail(employee_client, index_page):
    person = factories.make_person(name="Kari Kontakt", email="kari@eksempel.no")
    event = coming_event(
        index_page, registration_url="https://skjema.eksempel.no/dagen", contact_person=person
    )
    response = employee_client.get(event.url)
    assert (
        text_at(response, ".event-actions .event-actions__contact")
        == "Spørsmål? Kontakt Kari Kontakt: kari@eksempel.no"
    )
    assert soup(response).select_one(".event-actions__contact a")["href"] == (
        "mailto:kari@eksempel.no"
    )


def test_the_events_own_contact_address_comes_before_the_persons(employee_client, index_page):
    person = factories.make_person(name="Kari Kontakt", email="kari@eksempel.no")
    event = coming_event(index_page, contact_person=person, contact_email="innovasjon@eksempel.no")
    response = employee_client.get(event.url)
    assert (
        text_at(response, ".event-actions__contact") == "Spørsmål? Skriv til innovasjon@eksempel.no"
    )
    assert event.contact_address == "innovasjon@eksempel.no"


def test_the_live_stream_carries_the_contact_too(employee_client, index_page):
    event = factories.make_event(
        index_page,
        start=moment(hours=-1),
        end=moment(hours=2),
        stream_url="https://video.eksempel.no/direkte",
        contact_email="innovasjon@eksempel.no",
    )
    response = employee_client.get(event.url)
    assert "innovasjon@eksempel.no" in text_at(response, ".event-now")


def test_without_any_address_no_contact_line(employee_client, index_page):
    event = coming_event(index_page)
    assert not soup(employee_client.get(event.url)).select(".event-actions__contact")


def test_the_calendar_file_names_the_contact(employee_client, index_page):
    event = coming_event(index_page, contact_email="innovasjon@eksempel.no")
    calendar = Calendar.from_ical(employee_client.get(event.url + "kalender/").content)
    (component,) = calendar.walk("VEVENT")
    assert "Spørsmål: innovasjon@eksempel.no" in str(component["DESCRIPTION"])


# --- «Legg i Outlook» ----------------------------------------------------------------------


def test_the_outlook_link_opens_a_filled_in_appointment(index_page):
    event = coming_event(
        index_page,
        title="Innovasjon på 1-2-3 & mer",
        event_format="hybrid",
        place="Fabrikken, Sandvigå 7",
        registration_url="https://skjema.eksempel.no/dagen",
    )
    url = outlook_url(event, "https://innovasjon.eksempel.no/arrangementer/x/")
    parts = urlsplit(url)
    query = parse_qs(parts.query, strict_parsing=True)

    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == COMPOSE_URL
    assert query["subject"] == ["Innovasjon på 1-2-3 & mer"]
    assert query["location"] == ["Fabrikken, Sandvigå 7 og digitalt"]
    assert query["path"] == ["/calendar/action/compose"]
    assert query["rru"] == ["addevent"]
    # ISO 8601 with the Norwegian offset: «+» encoded, so it is not read as a space.
    assert "%2B01%3A00" in parts.query or "%2B02%3A00" in parts.query
    assert " " not in url and "%26" in parts.query  # «&» in the title is encoded
    assert datetime.fromisoformat(query["startdt"][0]) == event.start
    assert datetime.fromisoformat(query["enddt"][0]) == event.end
    body = query["body"][0]
    assert "Meld deg på: https://skjema.eksempel.no/dagen" in body
    assert "https://innovasjon.eksempel.no/arrangementer/x/" in body


def test_the_page_offers_outlook_beside_the_calendar_file(employee_client, index_page):
    event = coming_event(index_page)
    response = employee_client.get(event.url)
    buttons = soup(response).select(".event-actions__buttons a")
    labels = [" ".join(a.get_text(" ").split()) for a in buttons]
    assert labels == ["Legg i kalender", "Legg i Outlook (åpner Outlook på nettet)"]
    query = parse_qs(urlsplit(buttons[1]["href"]).query)
    assert query["subject"] == [event.title]
    assert event.get_full_url() in query["body"][0]
    # Past events offer neither.
    factories.make_event(
        index_page, title="Før", slug="for", start=moment(days=-9), end=moment(days=-9, hours=1)
    )
    past = employee_client.get("/arrangementer/for/")
    assert "outlook.office.com" not in past.content.decode()
