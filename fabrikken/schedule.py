"""Room booking: the rules a booking must follow, the week grid, booking and cancelling.

Every moment is aware; the rules are read in Norwegian time (Europe/Oslo),
where Fabrikken's opening hours are written. A booking

- is for a room that can be booked,
- starts and ends on whole quarter hours, the end after the start, on one day,
- lies inside the opening hours of that weekday,
- starts in the future (when it is made), and no later than the horizon
  editors set on Fabrikken's page (six months by default),
- has between one person and the room's capacity,
- overlaps no other active booking of the room ([start, end) ranges: one
  ending 10.00 and one starting 10.00 are both fine).

The last rule is the database's to keep (see `book()`); the others are
checked by `booking_problems()`, which the booking form and the admin share.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from core.formats import at, format_date, format_day_range, format_time, format_time_range, local

SLOT_MINUTES = 15
EXCLUSION_VIOLATION = "23P01"  # PostgreSQL's SQLSTATE for a violated exclusion constraint
DEADLOCK_DETECTED = "40P01"
BOOKING_ATTEMPTS = 3


class SlotTaken(Exception):
    """Another booking got the time first; nothing was stored."""


def is_quarter_hour(moment):
    moment = local(moment)
    return moment.minute % SLOT_MINUTES == 0 and moment.second == 0 and moment.microsecond == 0


def next_quarter_hour(moment):
    """The first whole quarter hour at or after `moment` (Norwegian time)."""
    moment = local(moment)
    floor = moment.replace(
        minute=moment.minute - moment.minute % SLOT_MINUTES, second=0, microsecond=0
    )
    return floor if floor == moment else floor + datetime.timedelta(minutes=SLOT_MINUTES)


# --- The rules ---------------------------------------------------------------


def last_bookable_day(today, months):
    """`months` calendar months after `today`: 31 August and 6 months is 28 (or 29) February."""
    index = today.month - 1 + months
    year, month = today.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def booking_window_message(last_day):
    """«Du kan booke fra i dag til og med fredag 4. juni 2027. Velg en dag innen da.»"""
    return gettext("You can book from today until %(date)s. Choose a day within that.") % {
        "date": format_date(last_day, weekday=True)
    }


def booking_problems(
    room, start, end, people, now=None, check_past=True, hours=None, last_day=None
):
    """{field: message} for each rule the booking breaks; empty if it keeps them all.

    The fields are "room", "date", "start", "end" and "people". Overlaps with
    other bookings are not checked here: see `book()`. `hours` are the page's
    opening hours by weekday, when the caller has them already. `last_day` is
    the horizon employees book within (the staff's admin has none).
    """
    problems = {}
    if room is None:
        return problems
    if not room.bookable:
        problems["room"] = gettext("«%(room)s» can't be booked now. Choose another room.") % {
            "room": room.name
        }
    if people is not None:
        if people < 1:
            problems["people"] = gettext("Write how many you will be, at least 1.")
        elif people > room.capacity:
            problems["people"] = gettext(
                "«%(room)s» takes at most %(capacity)s people. Choose a larger room, or be fewer."
            ) % {"room": room.name, "capacity": room.capacity}
    if start is None or end is None:
        return problems

    for name, moment in (("start", start), ("end", end)):
        if not is_quarter_hour(moment):
            hour = f"{local(moment).hour:02d}"
            problems[name] = gettext(
                "Use whole quarter hours, such as %(a)s, %(b)s, %(c)s or %(d)s."
            ) % {"a": f"{hour}.00", "b": f"{hour}.15", "c": f"{hour}.30", "d": f"{hour}.45"}
    if end <= start:
        problems.setdefault("end", gettext("The end time must come after the start time."))
        return problems
    local_start, local_end = local(start), local(end)
    day = local_start.date()
    if local_end.date() != day:
        problems.setdefault("end", gettext("A booking starts and ends on the same day."))
        return problems

    if last_day is not None and day > last_day:
        problems.setdefault("date", booking_window_message(last_day))
        return problems

    now = now or timezone.now()
    if check_past and start <= now:
        problems.setdefault("start", gettext("That time has passed. Choose a time ahead."))

    hours = room.page.hours_by_weekday() if hours is None else hours
    opening = hours.get(day.weekday())
    if opening is None:
        problems.setdefault(
            "date",
            gettext("Fabrikken is closed on %(date)s. Choose a day it is open.")
            % {"date": format_date(day, weekday=True, year=False)},
        )
        return problems
    if local_start.time() < opening.opens:
        problems.setdefault(
            "start",
            gettext("Fabrikken opens at %(time)s that day. Choose a start at %(time)s or later.")
            % {"time": format_time(opening.opens)},
        )
    if local_end.time() > opening.closes:
        problems.setdefault(
            "end",
            gettext("Fabrikken closes at %(time)s that day. Choose an end at %(time)s or earlier.")
            % {"time": format_time(opening.closes)},
        )
    return problems


# --- Booking and cancelling --------------------------------------------------


def _serialise_bookings(room):
    """On SQLite, take the database's one write lock before reading.

    SQLite allows one writer at a time. A transaction that first reads and then
    writes can interleave with another doing the same, so both could see a free
    slot. Writing first (a no-op update of the room) makes the second booking
    wait until the first has committed, and then its overlap check sees it.
    `select_for_update()` would do nothing on SQLite. PostgreSQL needs no lock:
    its exclusion constraint refuses the second of two overlapping rows.
    """
    if connection.vendor == "sqlite":
        type(room).objects.filter(pk=room.pk).update(bookable=F("bookable"))


def _sqlstate(error):
    return getattr(error.__cause__, "sqlstate", None)


def book(*, room, user, start, end, purpose, people, token):
    """Store a booking, or raise SlotTaken if the room is taken for any of the time.

    The caller has checked `booking_problems()`. The overlap check runs inside
    the transaction, after the lock on SQLite; on PostgreSQL a booking that
    slips past it (two requests at the same moment) meets the exclusion
    constraint instead. Either way the loser stores nothing.
    """
    from .models.bookings import RoomBooking

    booking = RoomBooking(
        room=room,
        room_name=room.name,
        booked_by=user,
        booked_by_name=user.get_full_name() or user.get_username(),
        start=start,
        end=end,
        purpose=purpose,
        people=people,
        token=token,
    )
    for attempt in range(1, BOOKING_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                _serialise_bookings(room)
                if RoomBooking.objects.overlapping(room, start, end).exists():
                    raise SlotTaken
                booking.save()
        except IntegrityError as error:
            if _sqlstate(error) == EXCLUSION_VIOLATION:
                raise SlotTaken from error
            raise
        except OperationalError as error:
            # Several overlapping inserts at the same moment each wait on the
            # others' uncommitted rows while PostgreSQL checks the exclusion
            # constraint; it breaks such a cycle by aborting one of them. That
            # victim has lost nothing yet: try again, and the overlap check or
            # the constraint then meets whoever committed.
            if _sqlstate(error) != DEADLOCK_DETECTED or attempt == BOOKING_ATTEMPTS:
                raise
            booking.pk = None
        else:
            break
    return booking


def cancel(booking, user, now=None):
    """The booker cancels their own booking before it starts. Returns whether it was."""
    if booking.booked_by_id != user.pk or not booking.can_be_cancelled(now):
        return False
    booking.status = booking.Status.CANCELLED
    booking.cancelled_at = now or timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    return True


# --- The week grid (UI guide §5.7) --------------------------------------------

FREE, BUSY, MINE, PAST, CLOSED = "free", "busy", "mine", "past", "closed"


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def default_monday(hours, now=None):
    """The week the grid opens on: this week, or next week once this week's last opening has closed."""
    now = now or timezone.now()
    monday = monday_of(local(now).date())
    closings = [
        at(monday + datetime.timedelta(days=weekday), opening.closes)
        for weekday, opening in hours.items()
    ]
    if closings and max(closings) <= now:
        return monday + datetime.timedelta(days=7)
    return monday


def week_param(monday):
    """«2026-W12»: the ISO week in the address (?uke=)."""
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def offered_monday(monday, today, last_day):
    """`monday`, kept between this week and the week of the last bookable day."""
    return min(max(monday, monday_of(today)), monday_of(last_day))


def parse_week(value):
    """The Monday of «2026-W12», or None for anything else (unknown values are ignored)."""
    try:
        year, week = str(value or "").upper().split("-W")
        if not 2000 <= int(year) <= 2100:  # far enough; and no date arithmetic overflows
            return None
        return datetime.date.fromisocalendar(int(year), int(week), 1)
    except (ValueError, TypeError):
        return None


@dataclass
class Segment:
    """A stretch of one cell with one state: free, busy, mine, past or closed."""

    start: datetime.datetime
    end: datetime.datetime
    state: str
    booking: object = None

    @property
    def times(self):
        return format_time_range(self.start, self.end)

    @property
    def when(self):
        """«mandag 16. mars kl. 09.30–10.00», for screen readers."""
        return gettext("%(date)s at %(times)s") % {
            "date": format_date(self.start, weekday=True, year=False),
            "times": self.times,
        }


@dataclass
class Cell:
    day: datetime.date
    start: datetime.datetime
    end: datetime.datetime
    segments: list = field(default_factory=list)

    @property
    def state(self):
        """One state for the whole hour, or "mixed" when it changes within it."""
        return self.segments[0].state if len(self.segments) == 1 else "mixed"

    @property
    def booking(self):
        return self.segments[0].booking if self.segments else None

    @property
    def when(self):
        """«mandag 16. mars kl. 08.00–09.00», for screen readers."""
        return gettext("%(date)s at %(times)s") % {
            "date": format_date(self.day, weekday=True, year=False),
            "times": format_time_range(self.start, self.end),
        }


@dataclass
class Row:
    hour: int
    cells: list

    @property
    def label(self):
        """«08.00–09.00»."""
        return f"{self.hour:02d}.00–{(self.hour + 1) % 24:02d}.00"


@dataclass
class WeekGrid:
    room: object
    monday: datetime.date
    days: list
    rows: list
    is_current_week: bool

    @property
    def week_number(self):
        return self.monday.isocalendar()[1]

    @property
    def caption(self):
        """«Verkstedet, uke 12: 16.–20. mars 2026»."""
        first, last = (self.days[0], self.days[-1]) if self.days else (self.monday,) * 2
        return gettext("%(room)s, week %(week)s: %(days)s") % {
            "room": self.room.name,
            "week": self.week_number,
            "days": format_day_range(first, last),
        }

    @property
    def param(self):
        return week_param(self.monday)

    @property
    def previous_param(self):
        return week_param(self.monday - datetime.timedelta(days=7))

    @property
    def next_param(self):
        return week_param(self.monday + datetime.timedelta(days=7))


def _segments(cell, opening, bookings, user_id, now_boundary):
    """Split one cell at every boundary inside it and give each piece its state."""
    points = {cell.start, cell.end}
    if opening is not None:
        points |= {at(cell.day, opening.opens), at(cell.day, opening.closes)}
    for booking in bookings:
        points |= {booking.start, booking.end}
    points.add(now_boundary)
    points = sorted(point for point in points if cell.start <= point <= cell.end)
    segments = []
    for start, end in zip(points, points[1:], strict=False):
        booking = None
        if (
            opening is None
            or start < at(cell.day, opening.opens)
            or end > at(cell.day, opening.closes)
        ):
            state = CLOSED
        elif end <= now_boundary:
            state = PAST
        else:
            booking = next((b for b in bookings if b.start < end and b.end > start), None)
            if booking is None:
                state = FREE
            elif booking.booked_by_id == user_id:
                state = MINE
            else:
                # Others' bookings are only «Opptatt»: who booked is never shown.
                state, booking = BUSY, None
        previous = segments[-1] if segments else None
        if previous and previous.state == state and previous.booking is booking:
            previous.end = end
        else:
            segments.append(Segment(start, end, state, booking))
    return segments


def week_grid(room, monday, hours, user, now=None, last_day=None):
    """The grid of one room for the week starting `monday`: one query, for the bookings.

    Columns are the weekdays with opening hours, up to `last_day` (the horizon);
    rows are whole hours from the earliest opening to the latest closing. A cell
    whose state changes within the hour (a booking from 09.30, say) lists its
    pieces with their times.
    """
    from .models.bookings import RoomBooking

    now = now or timezone.now()
    days = [
        day
        for day in (monday + datetime.timedelta(days=n) for n in range(7))
        if day.weekday() in hours and (last_day is None or day <= last_day)
    ]
    week_start = at(monday, datetime.time(0))
    week_end = at(monday + datetime.timedelta(days=7), datetime.time(0))
    bookings = list(
        RoomBooking.objects.active()
        .filter(room=room, start__lt=week_end, end__gt=week_start)
        .only("id", "start", "end", "booked_by_id", "purpose", "room_id")
        .order_by("start")
    )
    rows = []
    if days:
        first_hour = min(hours[day.weekday()].opens.hour for day in days)
        closing = max(hours[day.weekday()].closes for day in days)
        last_hour = min(closing.hour + (1 if closing.minute else 0), 24)
        now_boundary = next_quarter_hour(now)
        one_hour = datetime.timedelta(hours=1)
        for hour in range(first_hour, last_hour):
            cells = []
            for day in days:
                start = at(day, datetime.time(hour))
                cell = Cell(day, start, start + one_hour)
                inside = [b for b in bookings if b.start < cell.end and b.end > cell.start]
                cell.segments = _segments(
                    cell, hours.get(day.weekday()), inside, user.pk, now_boundary
                )
                cells.append(cell)
            rows.append(Row(hour, cells))
    return WeekGrid(
        room=room,
        monday=monday,
        days=days,
        rows=rows,
        is_current_week=monday == monday_of(local(now).date()),
    )
