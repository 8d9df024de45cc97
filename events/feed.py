"""«Min kalender»: the feed Outlook subscribes to, one per employee (CalendarSubscription).

It holds every event that is live or still to come and that the address's owner may
see, and whatever the other sections add for that owner through the
`register_personal_calendar` hook (core/personal_calendar.py): Fabrikken adds the
owner's own room bookings. The feed is built for one user, from their own token, and
never shared: nothing in it is cached.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext
from icalendar import vDuration

from caching.privacy import visible
from core.ics import new_calendar, timezone_component
from core.personal_calendar import CalendarItem, CalendarSource, sources
from events.ics import event_component
from events.models import EventPage
from events.state import not_over_filter

# How often a subscribed calendar should be fetched again (Outlook and Google read these).
REFRESH = timedelta(hours=4)


class OwnerRequest:
    """The feed's request, seen as the address's owner.

    The feed is fetched without signing in; the token names whose feed it is. The
    privacy gate (caching.privacy.visible) and every section's source read `user`
    from this, never the anonymous request's.
    """

    def __init__(self, request, user):
        self._request = request
        self.user = user

    def __getattr__(self, name):
        return getattr(self._request, name)


class EventsSource(CalendarSource):
    """Every event the owner may see that is live or still to come."""

    def items(self, user, request, now):
        events = (
            visible(EventPage.objects.live(), request)
            .filter(not_over_filter(now))
            .select_related("contact_person")
            .defer("programme")
            .order_by("start", "title")
        )
        stamp = now.astimezone(UTC).replace(microsecond=0)
        return [
            CalendarItem(page.start, page.end, event_component(page, request, stamp))
            for page in events
        ]


def build_feed(user, request, now=None):
    """The bytes of `user`'s VCALENDAR: every source's items, the soonest first."""
    now = now or timezone.now()
    owner_request = OwnerRequest(request, user)
    items = [item for source in sources() for item in source.items(user, owner_request, now)]
    items.sort(key=lambda item: item.start)
    calendar = new_calendar(gettext("Innovasjon: events and my bookings"))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook's name for the same
    calendar.add_component(timezone_component(items))
    for item in items:
        calendar.add_component(item.component)
    return calendar.to_ical()
