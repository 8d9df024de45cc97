"""«Min kalender»: one employee's calendar subscription, gathered from every section.

Outlook subscribes to an iCalendar address and fetches it on its own, without signing
in, so the address itself is the key (events/subscriptions.py keeps it, secret and
revocable). What the feed holds comes from the sections through a hook, so the feed
never imports a section:

    @hooks.register("register_personal_calendar")
    def personal_calendar():
        return MyBookingsSource()

Each source answers for one user only: the feed's owner, never anyone else.
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail import hooks

HOOK = "register_personal_calendar"


@dataclass(frozen=True)
class CalendarItem:
    """One VEVENT of the feed, with its times (for the order and the VTIMEZONE)."""

    start: datetime
    end: datetime
    #: An icalendar.Event, written with core/ics.py's conventions.
    component: object


class CalendarSource:
    """What a section implements: its VEVENTs for one user's feed."""

    def items(self, user, request, now):
        """A list of CalendarItem for `user`: what is upcoming or under way at `now`.

        `request` is the feed's request with `user` as its user, for the privacy gate
        (caching.privacy.visible) and absolute links. Keep the number of queries flat in
        the number of items: the feed is fetched every few hours by every subscriber.
        """
        raise NotImplementedError


def sources():
    return [hook() for hook in hooks.get_hooks(HOOK)]
