"""iCalendar files (RFC 5545) that Outlook imports: what every «Legg i kalender» shares.

Events (events/ics.py) and Fabrikken's bookings (fabrikken/calendar.py) write their
VEVENTs with these: one product id, one Europe/Oslo time-zone definition and one
download response, so every .ics file the section hands out reads the same.

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

from datetime import date, datetime, timedelta
from functools import cache

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard

from core.formats import local

PRODID = "-//Stavanger kommune//Innovasjon//NB"
# An identifier only, never called: a UID must be globally unique and stable per event.
UID_DOMAIN = "innovasjon.stavanger.kommune.no"
TZID = "Europe/Oslo"
CONTENT_TYPE = "text/calendar; charset=utf-8"


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


def timezone_component(items):
    """The VTIMEZONE for a file of `items` (pages or bookings with a start and an end)."""
    moments = [moment for item in items for moment in (item.start, item.end)]
    if rule_matches_database(moments):
        return oslo_rule_timezone()
    years = [local(moment).year for moment in moments] or [timezone.localdate().year]
    return Timezone.from_tzid(
        TZID, first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1)
    )


def new_calendar(name=None):
    """An empty VCALENDAR with the section's product id; `name` names a subscribed feed."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
    return calendar


def calendar_response(content, filename):
    """A download: `text/calendar; charset=utf-8` with an attachment file name."""
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-cache"
    return response
