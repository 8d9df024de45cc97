"""A funding call's status, derived from its dates and never stored.

A call is *upcoming* before `opens_at`, *open* from `opens_at` (inclusive) until
`deadline` (exclusive) and *closed* from the deadline on. A call without a
deadline has a rolling deadline («Løpende søknadsfrist») and stays open once
opened. Days are counted in the site's time zone (Europe/Oslo), so «går ut i
dag» means the deadline falls on today's date in Stavanger, not in UTC.

Because the status is derived, filter on the dates to select by status, in
querysets and in search alike (`opens_at` and `deadline` are FilterFields):
`FundingCallPage.objects.live().filter(status_filter(CallStatus.OPEN)).search(q)`.
"""

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext_lazy

from core.formats import format_datetime, local

# The deadline badge shows from this many days before the deadline (UI guide §5.2).
DEADLINE_WARNING_DAYS = 14


class CallStatus(enum.Enum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self):
        return {
            CallStatus.UPCOMING: pgettext_lazy("funding call status", "Upcoming"),
            CallStatus.OPEN: pgettext_lazy("funding call status", "Open"),
            CallStatus.CLOSED: pgettext_lazy("funding call status", "Closed"),
        }[self]

    @property
    def badge_modifier(self):
        """The badge colour from UI guide §2: kommende neutral, åpen positive, stengt closed."""
        return {
            CallStatus.UPCOMING: "neutral",
            CallStatus.OPEN: "positive",
            CallStatus.CLOSED: "closed",
        }[self]


def status_at(opens_at, deadline, now):
    """The status of a call with these dates at the moment `now`."""
    if now < opens_at:
        return CallStatus.UPCOMING
    if deadline is not None and now >= deadline:
        return CallStatus.CLOSED
    return CallStatus.OPEN


def status_filter(status, now=None):
    """A Q object selecting the calls that have `status` at `now` (default: now)."""
    now = now or timezone.now()
    if status is CallStatus.UPCOMING:
        return Q(opens_at__gt=now)
    if status is CallStatus.OPEN:
        return Q(opens_at__lte=now) & (Q(deadline__isnull=True) | Q(deadline__gt=now))
    return Q(opens_at__lte=now) & Q(deadline__lte=now)


def last_day(deadline):
    """The last date one can apply: a deadline at 00.00 means the day before."""
    return local(deadline - timedelta(microseconds=1)).date()


@dataclass(frozen=True)
class CallState:
    """What a reader needs to know about a call's dates at one moment."""

    status: CallStatus
    opens_at: datetime
    deadline: datetime | None
    today: date

    @property
    def is_open(self):
        return self.status is CallStatus.OPEN

    @property
    def is_upcoming(self):
        return self.status is CallStatus.UPCOMING

    @property
    def is_closed(self):
        return self.status is CallStatus.CLOSED

    @property
    def is_rolling(self):
        return self.deadline is None

    @property
    def label(self):
        return self.status.label

    @property
    def badge_modifier(self):
        return self.status.badge_modifier

    @property
    def days_left(self):
        """Whole days until the last day to apply (0 on that day), or None."""
        if self.deadline is None or not self.is_open:
            return None
        return (last_day(self.deadline) - self.today).days

    @property
    def deadline_warning(self):
        """«Søknadsfristen går ut i dag» / «Søknadsfrist om 5 dager» from 14 days before."""
        days = self.days_left
        if days is None or days > DEADLINE_WARNING_DAYS:
            return ""
        if days <= 0:
            return gettext("The deadline is today")
        if days == 1:
            return gettext("The deadline is tomorrow")
        return ngettext("Deadline in %(count)d day", "Deadline in %(count)d days", days) % {
            "count": days
        }

    @property
    def deadline_text(self):
        """«Søknadsfrist 1. april 2026 kl. 12.00» or «Løpende søknadsfrist»."""
        if self.deadline is None:
            return gettext("Rolling deadline")
        return gettext("Deadline %(when)s") % {"when": format_datetime(self.deadline)}

    @property
    def opens_text(self):
        return gettext("Opens %(when)s") % {"when": format_datetime(self.opens_at)}

    @property
    def closed_text(self):
        if self.deadline is None:
            return ""
        return gettext("The deadline was %(when)s") % {"when": format_datetime(self.deadline)}

    @property
    def headline(self):
        """The one date line a card shows for this status."""
        if self.is_upcoming:
            return self.opens_text
        if self.is_closed:
            return self.closed_text
        return self.deadline_text


def call_state(opens_at, deadline, now=None):
    now = now or timezone.now()
    return CallState(
        status=status_at(opens_at, deadline, now),
        opens_at=opens_at,
        deadline=deadline,
        today=local(now).date(),
    )
