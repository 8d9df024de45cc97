"""«Legg i kalender» for a booking: an .ics file (RFC 5545) that Outlook imports.

Written with the section's iCalendar helpers (core/ics.py): the same library
(`icalendar`), product id and Europe/Oslo time-zone definition as the events'
files, so every .ics file the section hands out reads the same in a calendar.
"""

from datetime import UTC

from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Event

from core.formats import local
from core.ics import UID_DOMAIN, calendar_response, new_calendar, timezone_component


def booking_uid(booking):
    return f"fabrikken-booking-{booking.pk}@{UID_DOMAIN}"


def booking_location(page, booking):
    """«Verkstedet, Fabrikken, Sandvigå 7»."""
    return ", ".join(part for part in (booking.room_name, page.title, page.address) if part)


def booking_event(page, booking, url, stamp):
    """One booking as a VEVENT: for its own file, and in the employee's feed
    (fabrikken/personal_calendar.py)."""
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", stamp)
    event.add("dtstart", local(booking.start))
    event.add("dtend", local(booking.end))
    event.add("summary", f"{booking.purpose} – {booking.room_name}")
    event.add("location", booking_location(page, booking))
    event.add(
        "description",
        "\n".join(
            [
                gettext("Your booking of %(room)s for %(people)s people.")
                % {"room": booking.room_name, "people": booking.people},
                gettext("See or cancel it: %(url)s") % {"url": url},
            ]
        ),
    )
    event.add("url", url)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def build_booking_calendar(page, booking, url, now=None):
    stamp = (now or timezone.now()).astimezone(UTC).replace(microsecond=0)
    calendar = new_calendar()
    calendar.add_component(timezone_component([booking]))
    calendar.add_component(booking_event(page, booking, url, stamp))
    return calendar.to_ical()


def booking_calendar_response(page, booking, url):
    content = build_booking_calendar(page, booking, url)
    date = local(booking.start).strftime("%Y-%m-%d")
    return calendar_response(
        content, filename=f"fabrikken-{booking.room.slug if booking.room else 'rom'}-{date}.ics"
    )
