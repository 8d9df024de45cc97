"""«Legg i kalender»: events as iCalendar files (RFC 5545), written with core/ics.py."""

from datetime import UTC

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext
from icalendar import Event

from core.formats import local
from core.ics import UID_DOMAIN, calendar_response, new_calendar, timezone_component

__all__ = ["build_calendar", "calendar_response", "event_uid"]


def event_uid(page):
    return f"event-{page.pk}@{UID_DOMAIN}"


def plain_text(html):
    """Rich text as plain lines for DESCRIPTION (icalendar escapes and folds it)."""
    text = strip_tags(normalize_newlines(html or "").replace("</p>", "</p>\n"))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def description(page, url):
    parts = []
    if page.tagline:
        parts.append(f"«{page.tagline}»")
    parts.append(page.summary)
    if page.stream_url:
        parts.append(gettext("Watch the stream: %(url)s") % {"url": page.stream_url})
    if page.registration_url:
        parts.append(gettext("Sign up: %(url)s") % {"url": page.registration_url})
    if page.registration_note:
        parts.append(page.registration_note)
    if page.contact_address:
        parts.append(gettext("Questions: %(email)s") % {"email": page.contact_address})
    parts.append(gettext("Programme and more: %(url)s") % {"url": url})
    return "\n\n".join(part for part in parts if part)


def event_component(page, request, stamp):
    url = page.get_full_url(request)
    event = Event()
    event.add("uid", event_uid(page))
    event.add("dtstamp", stamp)
    event.add("dtstart", local(page.start))
    event.add("dtend", local(page.end))
    event.add("summary", page.title)
    event.add("description", description(page, url))
    location = page.location_text
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(UTC))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def build_calendar(pages, request, name=None, now=None):
    """The bytes of a VCALENDAR with one VEVENT per page, in Norwegian time.

    `name` names the calendar for subscriptions (the feed). The VTIMEZONE is always
    there, so even an empty feed holds one component, as RFC 5545 requires.
    """
    stamp = (now or timezone.now()).astimezone(UTC).replace(microsecond=0)
    calendar = new_calendar(name)
    calendar.add_component(timezone_component(pages))
    for page in pages:
        calendar.add_component(event_component(page, request, stamp))
    return calendar.to_ical()
