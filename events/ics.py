"""«Legg i kalender»: events as iCalendar files (RFC 5545) that Outlook imports.

The `icalendar` library writes the format: escaping, UTF-8 and line folding at
75 octets are its business, not ours. Times are written in Norwegian time
(`DTSTART;TZID=Europe/Oslo:20211125T090000`) with a VTIMEZONE that defines the
zone, so a calendar shows the right hour on either side of a daylight-saving
change.

The VTIMEZONE states the EU rule (summer time from the last Sunday in March to
the last Sunday in October) as two yearly RRULEs, the form Outlook writes
itself. icalendar's `Calendar.add_missing_timezones()` would list every
change as RDATEs instead, and Outlook is known to misread those and shift
summer events by an hour. The rule is checked against the time-zone database
for every event in the file; should Norway's rules ever change, the file falls
back to the library's generated definition, which follows the database.
"""

from datetime import UTC, date, datetime, timedelta
from functools import cache

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.text import normalize_newlines
from django.utils.translation import gettext
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from core.formats import local

PRODID = "-//Stavanger kommune//Innovasjon//NB"
# An identifier only, never called: the UID must be globally unique and stable per event.
UID_DOMAIN = "innovasjon.stavanger.kommune.no"
TZID = "Europe/Oslo"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(page):
    return f"event-{page.pk}@{UID_DOMAIN}"


def oslo_rule_timezone():
    """VTIMEZONE for Europe/Oslo: CET/CEST with the EU's yearly rule (since 1996)."""
    component = Timezone()
    component.add("tzid", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1996, 3, 31, 2, 0))
    daylight.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1996, 10, 27, 3, 0))
    standard.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    component.add_component(daylight)
    component.add_component(standard)
    return component


@cache
def _rule_tzinfo():
    """The rule above as a tzinfo, to compare with the time-zone database (built once)."""
    return oslo_rule_timezone().to_tz(lookup_tzid=False)


def rule_matches_database(moments):
    """Whether the RRULE definition gives the database's UTC offset at each moment."""
    rule = _rule_tzinfo()
    for moment in moments:
        wall = local(moment).replace(tzinfo=None)
        if wall.replace(tzinfo=rule).utcoffset() != local(moment).utcoffset():
            return False
    return True


def timezone_component(pages):
    moments = [moment for page in pages for moment in (page.start, page.end)]
    if rule_matches_database(moments):
        return oslo_rule_timezone()
    years = [local(moment).year for moment in moments] or [timezone.localdate().year]
    return Timezone.from_tzid(
        TZID, first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1)
    )


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
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
    calendar.add_component(timezone_component(pages))
    for page in pages:
        calendar.add_component(event_component(page, request, stamp))
    return calendar.to_ical()


def calendar_response(content, filename):
    """A download: `text/calendar; charset=utf-8` with an attachment file name."""
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-cache"
    return response
