"""Booking on a phone: a day, then its free times; «Neste ledige tid»; the warning on overlaps."""

import datetime

import pytest

from core.formats import at
from demo import factories
from fabrikken import free_times
from tests.helpers import html_of

from .conftest import booking_url, grid_url

MONDAY = factories.next_monday


def monday_at(hour, minute=0, days=0):
    return at(MONDAY() + datetime.timedelta(days=days), datetime.time(hour, minute))


@pytest.fixture
def hours(fabrikken):
    return fabrikken.hours_by_weekday()


# --- «Neste ledige tid» ------------------------------------------------------------


def test_the_next_free_time_is_the_first_opening_when_nothing_is_booked(rooms, hours):
    # Sunday evening before next week: the first free hour is Monday at opening.
    now = monday_at(20, days=-1)
    slot = free_times.next_free_slot(rooms["verkstedet"], 60, hours, now=now)
    assert (slot.start, slot.end) == (monday_at(8), monday_at(9))


def test_the_next_free_time_starts_on_the_next_quarter_hour_after_now(rooms, hours):
    slot = free_times.next_free_slot(rooms["verkstedet"], 30, hours, now=monday_at(10, 7))
    assert (slot.start, slot.end) == (monday_at(10, 15), monday_at(10, 45))


def test_the_next_free_time_skips_bookings_and_gaps_too_short(rooms, hours, employee, colleague):
    room = rooms["verkstedet"]
    factories.make_room_booking(room, colleague, start=(8, 0), end=(9, 30))
    # 09.30–10.00 is free, too short for an hour; then booked until 11.15.
    factories.make_room_booking(room, employee, start=(10, 0), end=(11, 15))
    now = monday_at(7)
    assert free_times.next_free_slot(room, 60, hours, now=now).start == monday_at(11, 15)
    assert free_times.next_free_slot(room, 30, hours, now=now).start == monday_at(9, 30)


def test_a_full_day_moves_the_next_free_time_to_the_next_open_day(rooms, hours, colleague):
    room = rooms["verkstedet"]
    factories.make_room_booking(room, colleague, start=(8, 0), end=(15, 0))
    # Friday's bookings don't matter; Monday's last hour is too short for two hours.
    slot = free_times.next_free_slot(room, 120, hours, now=monday_at(7))
    assert (slot.start, slot.end) == (monday_at(8, days=1), monday_at(10, days=1))


def test_a_cancelled_booking_or_another_room_does_not_take_the_time(rooms, hours, colleague):
    factories.make_room_booking(rooms["prosjektrommet"], colleague, start=(8, 0), end=(16, 0))
    factories.make_room_booking(
        rooms["verkstedet"], colleague, start=(8, 0), end=(16, 0), status="cancelled"
    )
    slot = free_times.next_free_slot(rooms["verkstedet"], 60, hours, now=monday_at(7))
    assert slot.start == monday_at(8)


def test_no_free_time_before_the_horizon_is_none(rooms, hours, colleague):
    room = rooms["verkstedet"]
    factories.make_room_booking(room, colleague, start=(8, 0), end=(16, 0))
    assert free_times.next_free_slot(room, 60, hours, now=monday_at(7), last_day=MONDAY()) is None


def test_the_next_free_time_takes_one_query_however_many_bookings(
    rooms, hours, colleague, django_assert_num_queries
):
    room = rooms["verkstedet"]
    for days in range(4):
        factories.make_room_booking(
            room, colleague, day=MONDAY() + datetime.timedelta(days=days), start=(8, 0), end=(16, 0)
        )
    with django_assert_num_queries(1):
        slot = free_times.next_free_slot(room, 60, hours, now=monday_at(7))
    assert slot.start == monday_at(8, days=4)


@pytest.mark.parametrize(
    ("value", "minutes"), [("90", 90), ("", 60), ("45", 60), ("x", 60), ("240", 240)]
)
def test_only_the_offered_durations_are_read_from_the_address(value, minutes):
    assert free_times.parse_duration(value) == minutes


# --- The page ------------------------------------------------------------------------


def test_the_booking_page_offers_the_next_free_time_as_a_link(employee_client, fabrikken):
    html = html_of(employee_client.get("/fabrikken/booking/?rom=verkstedet&varighet=90"))
    assert "Neste ledige tid (1 time 30 minutter)" in html
    assert "Book denne tiden" in html
    assert '<option value="90" selected>' in html
    assert "/fabrikken/booking/bekreft/?rom=verkstedet&amp;start=" in html


def test_a_chosen_day_lists_its_free_times_as_links(employee_client, fabrikken, rooms, colleague):
    tuesday = MONDAY() + datetime.timedelta(days=1)
    factories.make_room_booking(
        rooms["verkstedet"], colleague, day=tuesday, start=(8, 0), end=(15, 0)
    )
    html = html_of(
        employee_client.get(f"/fabrikken/booking/?rom=verkstedet&dag={tuesday.isoformat()}")
    )
    # The day list marks Tuesday, which has one free hour left; Monday has eight.
    assert f'dag={tuesday.isoformat()}#ledige-tider" aria-current="date"' in html
    assert "8 ledige</span>" in html and "1 ledig</span>" in html
    assert ": 1 ledig tid</h3>" in html
    assert f"start={tuesday.isoformat()}T15%3A00&amp;slutt=16.00" in html


def test_a_day_outside_the_offered_weeks_shows_the_nearest_week(employee_client, fabrikken):
    response = employee_client.get("/fabrikken/booking/?rom=verkstedet&dag=2001-01-01")
    assert response.status_code == 200
    assert 'aria-current="date"' in html_of(response)


# --- The warning on the confirmation step -------------------------------------------


def test_a_booking_elsewhere_at_the_same_time_is_a_warning_not_a_refusal(
    employee_client, fabrikken, rooms, employee
):
    factories.make_room_booking(rooms["prosjektrommet"], employee, start=(9, 0), end=(10, 0))
    day = MONDAY().isoformat()
    html = html_of(
        employee_client.get(
            booking_url(fabrikken) + f"?rom=verkstedet&start={day}T09:30&slutt=10.30"
        )
    )
    assert "Du har allerede en booking på dette tidspunktet i et annet rom:" in html
    assert "Prosjektrommet, " in html
    # Still bookable: the form is there, without an error.
    assert 'class="error-summary' not in html and "Bekreft booking</button>" in html


def test_no_warning_for_another_time_or_the_same_room(employee_client, fabrikken, rooms, employee):
    factories.make_room_booking(rooms["prosjektrommet"], employee, start=(9, 0), end=(10, 0))
    day = MONDAY().isoformat()
    html = html_of(
        employee_client.get(
            booking_url(fabrikken) + f"?rom=verkstedet&start={day}T10:00&slutt=11.00"
        )
    )
    assert "Du har allerede" not in html


def test_own_bookings_elsewhere_leaves_out_the_room_and_cancelled_ones(rooms, employee, colleague):
    verkstedet, prosjektrommet = rooms["verkstedet"], rooms["prosjektrommet"]
    factories.make_room_booking(verkstedet, employee, start=(9, 0), end=(10, 0))
    factories.make_room_booking(
        prosjektrommet, employee, start=(9, 0), end=(10, 0), status="cancelled"
    )
    factories.make_room_booking(prosjektrommet, colleague, start=(9, 0), end=(10, 0))
    mine = factories.make_room_booking(rooms["lageret"], employee, start=(8, 0), end=(9, 15))
    found = free_times.own_bookings_elsewhere(employee, verkstedet, monday_at(9), monday_at(10))
    assert found == [mine]


def test_the_time_comes_back_as_fields_when_it_is_wrong(
    employee_client, fabrikken, rooms, colleague
):
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(9, 0), end=(10, 0))
    from .conftest import booking_data

    response = employee_client.post(booking_url(fabrikken), booking_data())
    html = html_of(response)
    assert 'id="id_start"' in html and "Endre tidspunkt" not in html


def test_grid_url_helper_still_names_the_week(employee_client, fabrikken):
    # The week view by ?uke= stays as it was: the table and its caption.
    html = html_of(employee_client.get(grid_url()))
    assert "Verkstedet, uke" in html
