"""Free time, as a phone shows it: pick a day, then a free time; «Neste ledige tid».

The week grid (schedule.py) is a table that needs a wide screen. On a phone
the booking page lists the week's days with how many free times each has,
and the free times of the chosen day as plain links (?dag=2026-03-17), all
rendered on the server. «Neste ledige tid» finds the first stretch of the
chosen length that is free in the room, with one query, however far ahead it
lies. And the confirmation step warns (without refusing) when the employee
already has a booking at that time in another room.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from core.formats import at, format_date, format_time_range, local

from . import schedule

# The lengths «Neste ledige tid» offers, in minutes; an hour unless the user chooses.
DURATIONS = (30, 60, 90, 120, 180, 240)
DEFAULT_DURATION = 60


def parse_duration(value):
    """Minutes from «?varighet=90», or the default for anything not offered."""
    try:
        minutes = int(str(value or ""))
    except ValueError:
        return DEFAULT_DURATION
    return minutes if minutes in DURATIONS else DEFAULT_DURATION


def duration_label(minutes):
    """«30 minutter», «1 time», «1 time 30 minutter», «2 timer»."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts)


def parse_day(value):
    """The date of «?dag=2026-03-17», or None for anything else."""
    try:
        day = datetime.date.fromisoformat(str(value or ""))
    except ValueError:
        return None
    return day if 2000 <= day.year <= 2100 else None


@dataclass
class Day:
    """One day of the week grid, as the phone's day list shows it."""

    day: datetime.date
    free: list  # the free segments, in time order

    @property
    def label(self):
        """«tirsdag 17. mars»."""
        return format_date(self.day, weekday=True, year=False)

    @property
    def count_text(self):
        """«5 ledige», under the day's name in the day list."""
        count = len(self.free)
        return ngettext("%(count)d free", "%(count)d free", count) % {"count": count}

    @property
    def free_text(self):
        count = len(self.free)
        if not count:
            return gettext("No free times")
        return ngettext("%(count)d free time", "%(count)d free times", count) % {"count": count}


def days_of(grid):
    """The grid's days, each with its free segments (the same objects the table links)."""
    days = []
    for column, day in enumerate(grid.days):
        free = [
            segment
            for row in grid.rows
            for segment in row.cells[column].segments
            if segment.state == schedule.FREE
        ]
        days.append(Day(day, free))
    return days


def chosen_day(days, wanted, today):
    """The day asked for, else today, else the first day with a free time, else the first."""
    by_date = {item.day: item for item in days}
    for candidate in (wanted, today):
        if candidate in by_date:
            return by_date[candidate]
    return next((item for item in days if item.free), days[0] if days else None)


@dataclass
class FreeSlot:
    start: datetime.datetime
    end: datetime.datetime

    @property
    def when(self):
        """«tirsdag 17. mars kl. 10.00–11.00»."""
        return gettext("%(date)s at %(times)s") % {
            "date": format_date(self.start, weekday=True, year=False),
            "times": format_time_range(self.start, self.end),
        }


def next_free_slot(room, minutes, hours, now=None, last_day=None):
    """The first free stretch of `minutes` in `room` from now on, or None.

    Starts on a quarter hour inside the opening hours of its day, no later than
    `last_day` (the horizon; without one, 26 weeks). One query: the room's
    active bookings from now to the horizon, read in start order. A room's
    bookings never overlap, so they end in that order too.
    """
    from .models.bookings import RoomBooking

    now = now or timezone.now()
    earliest = schedule.next_quarter_hour(now)
    first_day = local(earliest).date()
    last_day = last_day or first_day + datetime.timedelta(weeks=26)
    length = datetime.timedelta(minutes=minutes)
    bookings = list(
        RoomBooking.objects.active()
        .filter(
            room=room,
            end__gt=earliest,
            start__lt=at(last_day + datetime.timedelta(days=1), datetime.time(0)),
        )
        .order_by("start")
        .values_list("start", "end")
    )
    index = 0
    day = first_day
    while day <= last_day:
        opening = hours.get(day.weekday())
        if opening is not None:
            candidate = max(at(day, opening.opens), earliest)
            closes = at(day, opening.closes)
            while candidate + length <= closes:
                # Bookings over before the candidate starts are behind us for good.
                while index < len(bookings) and bookings[index][1] <= candidate:
                    index += 1
                if index == len(bookings) or bookings[index][0] >= candidate + length:
                    return FreeSlot(candidate, candidate + length)
                candidate = schedule.next_quarter_hour(bookings[index][1])
        day += datetime.timedelta(days=1)
    return None


def own_bookings_elsewhere(user, room, start, end):
    """The user's active bookings of other rooms that share time with [start, end)."""
    from .models.bookings import RoomBooking

    if not (user and user.is_authenticated and start and end and start < end):
        return []
    return list(
        RoomBooking.objects.active()
        .filter(booked_by=user, start__lt=end, end__gt=start)
        .exclude(room=room)
        .order_by("start")
    )
