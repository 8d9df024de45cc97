"""Fabrikken: no address breaks the booking; bookings from today to the horizon (issue 16)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.formats import format_date
from fabrikken import schedule
from fabrikken.models import FabrikkenPage, RoomBooking
from tests.fabrikken.conftest import book, booking_url, edit_page, grid_url, page_edit_data
from tests.helpers import html_of, text_of

pytestmark = pytest.mark.django_db


# --- No address breaks the booking; bookings from today to the horizon (issue 16) -----------


def last_day(months=6):
    return schedule.last_bookable_day(timezone.localdate(), months)


def weekday_on_or_before(day):
    """The last Monday–Friday (Fabrikken's open days in the tests) on or before `day`."""
    while day.weekday() > 4:
        day -= datetime.timedelta(days=1)
    return day


def window_message(day):
    date = format_date(day, weekday=True)
    return f"Du kan booke fra i dag til og med {date}. Velg en dag innen da."


def test_the_horizon_counts_calendar_months():
    assert schedule.last_bookable_day(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert schedule.last_bookable_day(datetime.date(2027, 8, 31), 6) == datetime.date(2028, 2, 29)
    assert schedule.last_bookable_day(datetime.date(2026, 12, 6), 1) == datetime.date(2027, 1, 6)
    assert schedule.last_bookable_day(datetime.date(2026, 1, 15), 24) == datetime.date(2028, 1, 15)


@pytest.mark.parametrize(
    "start",
    ["9999-12-31T23:30", "9999-12-31T00:00", "0001-01-01T00:00", "2000-01-03T09:00"],
    ids=["year-9999-late", "year-9999", "year-1", "past"],
)
def test_a_start_in_the_address_outside_the_window_is_a_form_error(
    employee_client, fabrikken, start
):
    response = employee_client.get(booking_url(fabrikken) + f"?rom=verkstedet&start={start}")

    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Bekreft booking</h1>" in html
    assert window_message(last_day()) in text_of(response)
    assert '<a href="#id_date_0">' in html
    assert 'name="start" value=""' in html  # the refused time is not filled in
    assert RoomBooking.objects.count() == 0


@pytest.mark.parametrize("where", ["beyond-the-horizon", "year-9999"])
def test_booking_beyond_the_horizon_is_refused_and_nothing_is_stored(
    employee_client, fabrikken, where
):
    day = (
        weekday_on_or_before(last_day() + datetime.timedelta(days=7))
        if where == "beyond-the-horizon"
        else datetime.date(9999, 12, 31)
    )

    response = book(employee_client, fabrikken, day=day, start="23.30", end="23.45")

    assert response.status_code == 200
    assert window_message(last_day()) in text_of(response)
    assert '<a href="#id_date_0">' in html_of(response)
    assert RoomBooking.objects.count() == 0


def test_the_last_day_of_the_horizon_can_be_booked(employee_client, fabrikken):
    day = weekday_on_or_before(last_day())

    response = book(employee_client, fabrikken, day=day)

    assert response.status_code == 302
    assert RoomBooking.objects.count() == 1


def test_editors_set_the_horizon_on_fabrikkens_page(employee_client, fabrikken):
    assert fabrikken.booking_horizon_months == 6  # the default
    fabrikken.booking_horizon_months = 1
    fabrikken.save_revision().publish()
    two_months = weekday_on_or_before(last_day(months=2))

    response = book(employee_client, fabrikken, day=two_months)

    assert window_message(last_day(months=1)) in text_of(response)
    assert RoomBooking.objects.count() == 0


@pytest.mark.parametrize("months", [0, 25])
def test_the_horizon_is_between_one_and_24_months(fabrikken, months):
    fabrikken.booking_horizon_months = months
    with pytest.raises(ValidationError) as refused:
        fabrikken.full_clean()
    assert "booking_horizon_months" in refused.value.message_dict


def test_an_editor_changes_the_horizon_in_the_admin(admin_client, fabrikken):
    data = page_edit_data(fabrikken)
    data["booking_horizon_months"] = "3"
    response = edit_page(admin_client, fabrikken, data)
    assert response.status_code == 302
    draft = FabrikkenPage.objects.get(pk=fabrikken.pk).get_latest_revision_as_object()
    assert draft.booking_horizon_months == 3


def test_the_week_grid_offers_weeks_from_this_one_to_the_horizon(employee_client, fabrikken):
    this_monday = schedule.monday_of(timezone.localdate())
    horizon = last_day()
    horizon_monday = schedule.monday_of(horizon)

    this_week = text_of(employee_client.get(grid_url(monday=this_monday)))
    last_week = text_of(
        employee_client.get(grid_url(monday=this_monday - datetime.timedelta(days=7)))
    )
    at_the_horizon = employee_client.get(grid_url(monday=horizon_monday))
    far_away = employee_client.get("/fabrikken/booking/?rom=verkstedet&uke=2100-W10")

    assert "Forrige uke" not in this_week and "Neste uke" in this_week
    # A week before this one shows this week.
    assert f"Verkstedet, uke {this_monday.isocalendar()[1]}:" in last_week
    assert "Forrige uke" not in last_week
    after = horizon + datetime.timedelta(days=1)
    for response in (at_the_horizon, far_away):
        text, html = text_of(response), html_of(response)
        assert response.status_code == 200
        assert f"Verkstedet, uke {horizon_monday.isocalendar()[1]}:" in text
        assert "Neste uke" not in text and "Forrige uke" in text
        assert f"Du kan booke til og med {format_date(horizon, weekday=True)}." in text
        # No day after the horizon is offered.
        assert f"start={after.isoformat()}" not in html
        assert format_date(after, weekday=True, year=False) not in text
