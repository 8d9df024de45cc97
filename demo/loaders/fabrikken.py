"""Demo content for Fabrikken: the page, four rooms, opening hours, bookings and requests.

Written from the content brief §6. Only its facts (§6.1) are stated as fact,
in the introduction: what Fabrikken is, that it is a shared creative workshop
arena in the kurs- og kompetansesenter at Sandvigå 7, and its purpose.
Everything of §6.2 (the offer, the rooms, the opening hours, the directions)
is a suggestion and carries «Demo-innhold». The contact is the placeholder
innovasjon@eksempel.no.

Bookings and requests belong to the demo sign-ins and are dated from the day
the loader first runs. Everything is looked up before it is created: a second
run changes nothing.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.formats import at
from demo import content
from demo.loaders import common
from fabrikken.models import (
    FabrikkenContact,
    FabrikkenPage,
    GuidanceRequest,
    OpeningHours,
    Room,
    RoomBooking,
)
from home.models import HomePage

CONTENT = content.read("fabrikken")
PAGE = CONTENT["page"]
PAGE_SLUG = PAGE["slug"]
CONTACT_EMAIL = CONTENT["contact_email"]
DEMO_USERNAMES = tuple(CONTENT["demo_usernames"])


def load(stdout=None):
    home = HomePage.objects.get()
    page = _page(home)
    rooms = {room.slug: room for room in page.rooms.all()}
    today = timezone.localdate()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERNAMES)}
    _bookings(rooms, users, today)
    _requests(users, today)


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def offer(kind, title, description, details, request_kind="", drop_in=""):
    return (
        kind,
        {
            "title": title,
            "description": rich(description),
            "details": details,
            "is_demo": True,
            "request_kind": request_kind,
            "drop_in": drop_in,
        },
    )


OFFER = [
    offer(
        item["kind"],
        item["title"],
        item["description"],
        item["details"],
        item.get("request_kind", ""),
        item.get("drop_in", ""),
    )
    for item in CONTENT["offer"]
]
ROOMS = CONTENT["rooms"]


def _methods_page(home):
    from methods.models import MethodIndexPage

    return MethodIndexPage.objects.child_of(home).first()


def _page(home):
    existing = FabrikkenPage.objects.child_of(home).filter(slug=PAGE_SLUG).first()
    if existing is not None:
        return existing
    page = FabrikkenPage(
        title=PAGE["title"],
        seo_title=PAGE["seo_title"],
        slug=PAGE_SLUG,
        intro=PAGE["intro"],
        offer=OFFER,
        venue=PAGE["venue"],
        address=PAGE["address"],
        directions=PAGE["directions"],
        practical_is_demo=True,
        booking_intro=PAGE["booking_intro"],
        guidance_intro=PAGE["guidance_intro"],
        notify_address=CONTACT_EMAIL,
        methods_page=_methods_page(home),
        search_description=PAGE["search_description"],
        show_in_menus=True,
    )
    hours = PAGE["opening_hours"]
    for weekday in range(5):
        page.opening_hours.add(
            OpeningHours(
                sort_order=weekday,
                weekday=weekday,
                opens=hours["opens"],
                closes=hours["closes"],
            )
        )
    for number, spec in enumerate(ROOMS):
        page.rooms.add(Room(sort_order=number, bookable=True, is_demo=True, **spec))
    page.contacts.add(
        FabrikkenContact(
            sort_order=0, person=common.person(CONTENT["contact"], email=CONTACT_EMAIL)
        )
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def working_day(today, offset):
    """The `offset`-th working day after `today` (or before, if negative)."""
    step = 1 if offset > 0 else -1
    day, left = today, abs(offset)
    while left:
        day += datetime.timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    return day


# working-day offset, room, from, to, who, purpose, people
BOOKINGS = [
    (
        booking["working_day"],
        booking["room"],
        (booking["start"].hour, booking["start"].minute),
        (booking["end"].hour, booking["end"].minute),
        booking["user"],
        booking["purpose"],
        booking["people"],
    )
    for booking in CONTENT["bookings"]
]


def _bookings(rooms, users, today):
    if RoomBooking.objects.filter(booked_by__username__in=DEMO_USERNAMES).exists():
        return
    for offset, slug, start, end, username, purpose, people in BOOKINGS:
        room, user = rooms.get(slug), users.get(username)
        if room is None or user is None:
            continue
        day = working_day(today, offset)
        RoomBooking.objects.create(
            room=room,
            booked_by=user,
            start=at(day, datetime.time(*start)),
            end=at(day, datetime.time(*end)),
            purpose=purpose,
            people=people,
            token=uuid.uuid4(),
        )


# days ago, who, unit, kind, urgency, status, challenge, preferred times, staff note
REQUESTS = [
    (
        request["days_ago"],
        request["user"],
        request["unit"],
        GuidanceRequest.Kind(request["kind"]),
        GuidanceRequest.Urgency(request["urgency"]),
        GuidanceRequest.Status(request["status"]),
        request["challenge"],
        request["preferred_times"],
        request["staff_note"],
    )
    for request in CONTENT["requests"]
]


def _requests(users, today):
    if GuidanceRequest.objects.filter(requester__username__in=DEMO_USERNAMES).exists():
        return
    for days_ago, username, unit, kind, urgency, status, challenge, times, note in REQUESTS:
        user = users.get(username)
        if user is None:
            continue
        guidance_request = GuidanceRequest.objects.create(
            requester=user,
            requester_name=user.get_full_name() or user.get_username(),
            requester_email=user.email,
            challenge=challenge,
            unit=unit,
            kind=kind,
            urgency=urgency,
            preferred_times=times,
            status=status,
            staff_note=note,
            token=uuid.uuid4(),
        )
        # Sent some days ago: auto_now_add set the time, so move it back.
        sent = at(today - datetime.timedelta(days=days_ago), datetime.time(10, 30))
        GuidanceRequest.objects.filter(pk=guidance_request.pk).update(
            created_at=sent, updated_at=sent
        )
