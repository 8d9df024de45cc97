"""An event's state, derived from its start and end and never stored.

An event is *upcoming* before `start`, *live* from `start` (inclusive) until
`end` (exclusive) and *past* from `end` on. The page shows one state at a time
(UI guide §6): before the day the programme, «Legg i kalender» and «Meld deg
på»; during it «Sendes nå» with the stream first; afterwards «Se opptaket».

Every function takes `now` so tests can pass a fixed moment. Days are counted
in the site's time zone (Europe/Oslo), so «i morgen» means tomorrow in
Stavanger, not in UTC. Filter on `start` and `end` (FilterFields) to select
events by state, in querysets and in search alike: see `state_filter`.
"""

import enum
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext_lazy

from core.formats import format_when, local

# «Om 12 dager» is shown up to this many days ahead; further out the date says enough.
RELATIVE_DAYS = 30


class EventStatus(enum.Enum):
    UPCOMING = "upcoming"
    LIVE = "live"
    PAST = "past"

    @property
    def badge_modifier(self):
        """Badge colours from UI guide §2: kommende neutral, pågående active, avsluttet positive."""
        return {
            EventStatus.UPCOMING: "neutral",
            EventStatus.LIVE: "active",
            EventStatus.PAST: "positive",
        }[self]


def status_at(start, end, now):
    """The status of an event from `start` to `end` at the moment `now`."""
    if now < start:
        return EventStatus.UPCOMING
    if now < end:
        return EventStatus.LIVE
    return EventStatus.PAST


def state_filter(status, now=None):
    """A Q object selecting the events that have `status` at `now` (default: now)."""
    now = now or timezone.now()
    if status is EventStatus.UPCOMING:
        return Q(start__gt=now)
    if status is EventStatus.LIVE:
        return Q(start__lte=now, end__gt=now)
    return Q(end__lte=now)


def not_over_filter(now=None):
    """The events that are live or still to come at `now`: the «Kommende» list and the feed."""
    return Q(end__gt=now or timezone.now())


@dataclass(frozen=True)
class EventState:
    """What a reader needs to know about an event's time at one moment."""

    status: EventStatus
    start: datetime
    end: datetime
    today: date
    has_stream: bool = False

    @property
    def is_upcoming(self):
        return self.status is EventStatus.UPCOMING

    @property
    def is_live(self):
        return self.status is EventStatus.LIVE

    @property
    def is_past(self):
        return self.status is EventStatus.PAST

    @property
    def label(self):
        """«Kommende», «Sendes nå» (or «Pågår nå» without a stream), «Avsluttet»."""
        if self.is_upcoming:
            return pgettext_lazy("event status", "Upcoming")
        if self.is_live:
            if self.has_stream:
                return pgettext_lazy("event status", "Streaming now")
            return pgettext_lazy("event status", "Happening now")
        return pgettext_lazy("event status", "Finished")

    @property
    def badge_modifier(self):
        return self.status.badge_modifier

    @property
    def days_until(self):
        """Whole calendar days from today to the first day (0 on the day), or None once begun."""
        if not self.is_upcoming:
            return None
        return (local(self.start).date() - self.today).days

    @property
    def relative_day(self):
        """«I dag», «I morgen», «Om 12 dager» for the next month; "" further out or once begun."""
        days = self.days_until
        if days is None or days > RELATIVE_DAYS:
            return ""
        if days <= 0:
            return gettext("Today")
        if days == 1:
            return gettext("Tomorrow")
        return ngettext("In %(count)d day", "In %(count)d days", days) % {"count": days}

    @property
    def when(self):
        return format_when(self.start, self.end)


def event_state(start, end, now=None, has_stream=False):
    """The state of an event from `start` to `end` at `now` (default: now)."""
    now = now or timezone.now()
    return EventState(
        status=status_at(start, end, now),
        start=start,
        end=end,
        today=local(now).date(),
        has_stream=has_stream,
    )
