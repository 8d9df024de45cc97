"""Dates and times as the UI guide writes them (§6), always in Norwegian time.

«torsdag 12. mars», «12. mars 2026», «kl. 10.00–11.30», «uke 12: 16.–20. mars 2026».
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext

NBSP = "\u00a0"


def oslo():
    return timezone.get_default_timezone()


def local(moment):
    """An aware moment in Norwegian time."""
    return timezone.localtime(moment, oslo())


def at(day, time):
    """The aware moment `time` o'clock on `day` in Norwegian time."""
    return timezone.make_aware(datetime.datetime.combine(day, time), oslo())


def format_time(value):
    """«09.30» (nb's own TIME_FORMAT gives «09:30»)."""
    if isinstance(value, datetime.datetime):
        value = local(value).time()
    return value.strftime("%H.%M")


def format_time_range(start, end):
    """«10.00–11.30» (an en dash, no spaces)."""
    return f"{format_time(start)}–{format_time(end)}"


def format_date(value, weekday=False, year=True):
    """«12. mars 2026», «torsdag 12. mars 2026» or «torsdag 12. mars»."""
    if isinstance(value, datetime.datetime):
        value = local(value).date()
    pattern = ("l " if weekday else "") + ("j. F Y" if year else "j. F")
    return formats.date_format(value, pattern)


def format_slot(start, end):
    """«torsdag 12. mars 2026 kl. 10.00–11.30»: when a booking is."""
    return gettext("%(date)s at %(times)s") % {
        "date": format_date(start, weekday=True),
        "times": format_time_range(start, end),
    }


def format_datetime(moment):
    """«12. mars 2026 kl. 10.00»."""
    return formats.date_format(local(moment), "j. F Y \\k\\l.\u00a0H.i")


def format_day_range(first, last):
    """«16.–20. mars 2026», «30. mars–3. april 2026», «29. desember 2025–2. januar 2026»."""
    if first.year != last.year:
        return f"{format_date(first)}–{format_date(last)}"
    if first.month != last.month:
        return f"{format_date(first, year=False)}–{format_date(last)}"
    return f"{first.day}.–{format_date(last)}"
