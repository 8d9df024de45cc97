"""Fixtures and helpers the fabrikken tests share."""

import uuid

import pytest
from django.utils import translation

from core.formats import format_date
from demo import factories
from fabrikken import schedule
from fabrikken.models import GuidanceRequest

SLOT_TAKEN = "Noen andre booket dette tidspunktet like før deg. Velg et annet tidspunkt."
ON_POSTGRES = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="the exclusion constraint exists on PostgreSQL"
)


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


@pytest.fixture
def fabrikken(home):
    return factories.make_fabrikken_page()


@pytest.fixture
def rooms(fabrikken):
    return {room.slug: room for room in fabrikken.rooms.all()}


@pytest.fixture
def colleague(db):
    return factories.make_user("kollega", first_name="Ola", last_name="Kollega")


def booking_url(page, name="confirm_booking", *args):
    return page.url + page.reverse_subpage(name, args=args)


def booking_data(room="verkstedet", day=None, start="09.00", end="10.00", **overrides):
    day = day or factories.next_monday()
    data = {
        "room": room,
        "date_0": str(day.day),
        "date_1": str(day.month),
        "date_2": str(day.year),
        "start": start,
        "end": end,
        "people": "6",
        "purpose": "Workshop om brukerreiser",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def book(client, page, **data):
    return client.post(booking_url(page), booking_data(**data))


def free_slot(monday, hour):
    """How the week grid names a free hour of Monday (its hidden part says which slot)."""
    day = format_date(monday, weekday=True, year=False)
    return f"Ledig : book {day} kl. {hour:02d}.00–{hour + 1:02d}.00"


def grid_url(room="verkstedet", monday=None):
    monday = monday or factories.next_monday()
    return f"/fabrikken/booking/?rom={room}&uke={schedule.week_param(monday)}"


def page_edit_data(page, rooms=None, hours=None):
    """The edit form as an editor sends it: the page's fields, opening hours and rooms."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    existing_hours = list(page.opening_hours.all())
    existing_rooms = list(page.rooms.all())
    hours = (
        hours
        if hours is not None
        else [
            {"id": row.pk, "weekday": row.weekday, "opens": "08:00", "closes": "16:00"}
            for row in existing_hours
        ]
    )
    rooms = (
        rooms
        if rooms is not None
        else [
            {
                "id": room.pk,
                "name": room.name,
                "slug": room.slug,
                "capacity": room.capacity,
                "bookable": "on" if room.bookable else "",
            }
            for room in existing_rooms
        ]
    )
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "offer": streamfield([]),
            "venue": "",
            "address": page.address,
            "directions": rich_text(""),
            "opening_hours": inline_formset(hours, initial=len(existing_hours)),
            "contacts": inline_formset([]),
            "rooms": inline_formset(rooms, initial=len(existing_rooms)),
            "booking_intro": "",
            "booking_horizon_months": page.booking_horizon_months,
            "guidance_intro": "",
            "notify_address": page.notify_address,
            "comments": inline_formset([]),
        }
    )


def edit_page(client, page, data):
    from django.urls import reverse

    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def make_request(user, status=GuidanceRequest.Status.NEW, **fields):
    fields.setdefault("challenge", "En utfordring")
    return GuidanceRequest.objects.create(
        requester=user,
        requester_name=user.get_full_name(),
        unit="Hundvåg sykehjem",
        kind="idea",
        urgency="later",
        preferred_times="Tirsdager",
        status=status,
        token=uuid.uuid4(),
        **fields,
    )
