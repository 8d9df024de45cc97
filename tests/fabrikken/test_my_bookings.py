"""Fabrikken: the week grid and «Mine bookinger» (cancelling, calendar)."""

import datetime

import pytest

from core.formats import at, format_date, format_day_range
from demo import factories
from fabrikken import schedule
from fabrikken.models import RoomBooking
from tests.fabrikken.conftest import book, free_slot, grid_url
from tests.helpers import html_of, soup, text_of

pytestmark = pytest.mark.django_db


# --- The week grid ----------------------------------------------------------------------


def test_the_week_grid_shows_free_taken_and_own_time_without_names(
    employee_client, fabrikken, employee, colleague, rooms
):
    theirs = factories.make_room_booking(
        rooms["verkstedet"], colleague, start=(10, 0), end=(11, 0), purpose="Hemmelig møte"
    )
    mine = factories.make_room_booking(rooms["verkstedet"], employee, start=(13, 0), end=(14, 0))
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(14, 30), end=(15, 0))
    response = employee_client.get(grid_url())
    html, text = html_of(response), text_of(response)

    monday = factories.next_monday()
    week = monday.isocalendar()[1]
    assert (
        f"Verkstedet, uke {week}: {format_day_range(monday, monday + datetime.timedelta(days=4))}"
        in text
    )
    assert 'role="region" aria-labelledby="uke" tabindex="0"' in html
    assert "Opptatt" in text and "Din booking" in text and "Ledig" in text
    assert "Ola Kollega" not in text and "Hemmelig møte" not in text
    assert f"/fabrikken/booking/mine/{mine.pk}/" in html
    assert f"/fabrikken/booking/mine/{theirs.pk}/" not in html
    # A free hour links to «Bekreft booking» with its times.
    assert (
        f"/fabrikken/booking/bekreft/?rom=verkstedet&amp;start={monday.isoformat()}T08%3A00&amp;slutt=09.00"
        in html
    )
    first_hour = f"{format_date(monday, weekday=True, year=False)} kl. 08.00–09.00"
    assert f"Ledig : book {first_hour}" in text  # the hidden part says which slot
    # The 14–15 hour is taken for half of it: both halves are shown with their times.
    assert "14.00–14.30 Ledig" in text and "14.30–15.00 Opptatt" in text
    assert "Forrige uke" in text and "Denne uken" in text and "Neste uke" in text


def test_the_week_grid_marks_the_past_as_passed(fabrikken, rooms, employee):
    monday = factories.next_monday() - datetime.timedelta(days=7)
    wednesday_noon = at(monday + datetime.timedelta(days=2), datetime.time(12))
    grid = schedule.week_grid(
        rooms["verkstedet"], monday, fabrikken.hours_by_weekday(), employee, wednesday_noon
    )
    states = {cell.day.weekday(): cell.state for row in grid.rows for cell in row.cells}
    assert states[0] == states[1] == schedule.PAST  # Monday and Tuesday have passed
    assert states[4] == schedule.FREE


def test_unknown_rooms_and_weeks_are_ignored(employee_client, fabrikken):
    response = employee_client.get("/fabrikken/booking/?rom=finnes-ikke&uke=tull")
    assert response.status_code == 200
    assert '<option value="verkstedet" selected>' in html_of(response)
    assert "lageret" not in html_of(response)


# --- Mine bookinger, cancelling, calendar ---------------------------------------------


def test_my_bookings_lists_my_upcoming_and_earlier_bookings_only(
    employee_client, fabrikken, employee, colleague, rooms
):
    factories.make_room_booking(rooms["verkstedet"], employee, purpose="Min workshop")
    factories.make_room_booking(
        rooms["prosjektrommet"],
        employee,
        day=factories.next_monday() - datetime.timedelta(days=14),
        purpose="Gammelt møte",
    )
    factories.make_room_booking(
        rooms["verkstedet"], colleague, start=(12, 0), end=(13, 0), purpose="Kollegaens møte"
    )
    factories.make_room_booking(
        rooms["verkstedet"],
        employee,
        start=(14, 0),
        end=(15, 0),
        purpose="Avlyst møte",
        status=RoomBooking.Status.CANCELLED,
    )
    text = text_of(employee_client.get("/fabrikken/booking/mine/"))
    assert "Min workshop" in text and "Gammelt møte" in text
    assert "Kollegaens møte" not in text and "Avlyst møte" not in text
    assert text.index("Kommende") < text.index("Min workshop") < text.index("Tidligere")


def test_employees_cancel_their_own_future_booking(employee_client, fabrikken, employee, rooms):
    booking = factories.make_room_booking(rooms["verkstedet"], employee)
    cancel_url = f"/fabrikken/booking/mine/{booking.pk}/avbestill/"

    confirm = employee_client.get(cancel_url)
    assert "Vil du avbestille Verkstedet" in text_of(confirm)
    assert booking.room_name in text_of(confirm)
    response = employee_client.post(cancel_url)

    booking.refresh_from_db()
    assert booking.status == RoomBooking.Status.CANCELLED and booking.cancelled_at
    assert response["Location"] == "/fabrikken/booking/mine/"
    assert "er avbestilt" in text_of(employee_client.get(response["Location"]))
    assert not RoomBooking.objects.active().exists()
    # Gone from the week grid: the hour is free again, and booking it works.
    grid = employee_client.get(grid_url())
    assert grid.status_code == 200
    assert free_slot(factories.next_monday(), 9) in text_of(grid)
    assert f"/fabrikken/booking/mine/{booking.pk}/" not in {a["href"] for a in soup(grid)("a")}
    assert book(employee_client, fabrikken).status_code == 302
    assert RoomBooking.objects.active().get().pk != booking.pk


def test_nobody_cancels_or_sees_another_persons_booking_by_guessing_the_address(
    employee_client, fabrikken, colleague, rooms
):
    theirs = factories.make_room_booking(rooms["verkstedet"], colleague)
    base = f"/fabrikken/booking/mine/{theirs.pk}/"
    for url in (base, base + "bekreftet/", base + "kalender/", base + "avbestill/"):
        assert employee_client.get(url).status_code == 404
    assert employee_client.post(base + "avbestill/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == RoomBooking.Status.BOOKED


def test_a_booking_that_has_started_can_no_longer_be_cancelled(
    employee_client, fabrikken, employee, rooms
):
    # Monday a week ago: next_monday() - 7 days is today on a Monday, not yet begun at 00:10.
    last_week = factories.next_monday() - datetime.timedelta(days=14)
    booking = factories.make_room_booking(rooms["verkstedet"], employee, day=last_week)
    response = employee_client.post(f"/fabrikken/booking/mine/{booking.pk}/avbestill/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == RoomBooking.Status.BOOKED
    assert "kan ikke lenger avbestilles" in text_of(employee_client.get(response["Location"]))


def test_the_booking_can_be_added_to_a_calendar(employee_client, fabrikken, employee, rooms):
    booking = factories.make_room_booking(
        rooms["verkstedet"], employee, start=(9, 15), end=(11, 0), purpose="Workshop, del 2"
    )
    response = employee_client.get(f"/fabrikken/booking/mine/{booking.pk}/kalender/")
    body = response.content.decode()
    day = factories.next_monday().strftime("%Y%m%d")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert f"DTSTART;TZID=Europe/Oslo:{day}T091500" in body
    assert f"DTEND;TZID=Europe/Oslo:{day}T110000" in body
    assert "SUMMARY:Workshop\\, del 2 – Verkstedet" in body
    assert "BEGIN:VTIMEZONE" in body
    assert f"UID:fabrikken-booking-{booking.pk}@" in body


def test_the_booking_calendar_file_links_to_the_public_address(
    public_site, employee_client, fabrikken, employee, rooms
):
    booking = factories.make_room_booking(rooms["verkstedet"], employee)

    response = employee_client.get(f"/fabrikken/booking/mine/{booking.pk}/kalender/")

    body = response.content.decode().replace("\r\n ", "")  # iCalendar folds long lines
    assert f"URL:{public_site}/fabrikken/booking/mine/{booking.pk}/" in body
