"""Dates, times, money and names as the UI guide writes them (§6): one of each.

Always in Norwegian time (the site's TIME_ZONE, Europe/Oslo), whatever zone a
moment was stored in. «torsdag 12. mars 2026», «12. mars 2026 kl. 10.00»,
«10.00–11.30», «16.–20. mars 2026», «kr 250 000».

Weekdays and months are written in lower case in Norwegian, also where a
catalogue capitalises them (Språkrådet); a template capitalises them at the
start of a sentence. Other languages keep their catalogue's spelling.

English (the interface's second language) writes its own order: «Thursday 12
March 2026», «12 March 2026 at 10.00», «16–20 March 2026», «NOK 250 000». Times
stay «10.00», which British English writes too.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import formats, numberformat, timezone
from django.utils.translation import get_language, gettext

NBSP = "\u00a0"

NORWEGIAN_LANGUAGES = ("nb", "nn", "no")

# Wagtail's and Django's slugs drop «æøå» or spell «ø» as «xf8»; Norwegian reads better transliterated.
_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


# --- Moments ------------------------------------------------------------------


def oslo():
    """The site's time zone."""
    return timezone.get_default_timezone()


def local(moment):
    """An aware moment in Norwegian time."""
    return timezone.localtime(moment, oslo())


def at(day, time):
    """The aware moment `time` o'clock on `day` in Norwegian time."""
    return timezone.make_aware(datetime.datetime.combine(day, time), oslo())


def _local_date(value):
    return local(value).date() if isinstance(value, datetime.datetime) else value


def _norwegian():
    """Whether the active language is a Norwegian one (any other is written as English)."""
    return (get_language() or "").split("-")[0] in NORWEGIAN_LANGUAGES


def _in_norwegian(text):
    """Weekday and month names in lower case when the language is Norwegian."""
    return text.lower() if _norwegian() else text


# Date patterns (Django's `date` syntax) per language: Norwegian puts a full stop after
# the day («12. mars»), English does not («12 March»).
_DATE_PATTERNS = {
    "nb": {"day": "j. F", "year": " Y", "weekday": "l ", "at": " \\k\\l.\u00a0"},
    "en": {"day": "j F", "year": " Y", "weekday": "l ", "at": " \\a\\t\u00a0"},
}


def _pattern(part):
    return _DATE_PATTERNS["nb" if _norwegian() else "en"][part]


# --- Dates and times ----------------------------------------------------------


def format_time(value):
    """«09.30» (nb's own TIME_FORMAT gives «09:30»); a moment is read in Norwegian time."""
    if isinstance(value, datetime.datetime):
        value = local(value).time()
    return value.strftime("%H.%M")


def format_time_range(start, end):
    """«10.00–11.30» (an en dash, no spaces), or «10.00» without an end."""
    if not end:
        return format_time(start)
    return f"{format_time(start)}–{format_time(end)}"


def format_date(value, weekday=False, year=True):
    """«12. mars 2026», «torsdag 12. mars 2026» or «torsdag 12. mars» (English: «12 March 2026»)."""
    pattern = (
        (_pattern("weekday") if weekday else "")
        + _pattern("day")
        + (_pattern("year") if year else "")
    )
    return _in_norwegian(formats.date_format(_local_date(value), pattern))


def weekday_name(value):
    """«torsdag»."""
    return _in_norwegian(formats.date_format(_local_date(value), "l"))


def month_short(value):
    """«mar»: nb's short month name, for a date tile (English: «Mar»)."""
    return _in_norwegian(formats.date_format(_local_date(value), "b" if _norwegian() else "M"))


def short_day(value):
    """«tor 12.3.» (English: «Thu 12 Mar»): a column heading in a week grid."""
    value = _local_date(value)
    if _norwegian():
        return f"{weekday_name(value)[:3]} {value.day}.{value.month}."
    return formats.date_format(value, "D j M")


def format_datetime(moment):
    """«12. mars 2026 kl. 10.00» (English: «12 March 2026 at 10.00»)."""
    pattern = _pattern("day") + _pattern("year") + _pattern("at") + "H.i"
    return _in_norwegian(formats.date_format(local(moment), pattern))


def format_when(start, end):
    """«torsdag 12. mars 2026 kl. 10.00–11.30», or both days when it runs over several."""
    if local(start).date() == local(end).date():
        return gettext("%(day)s at %(start)s–%(end)s") % {
            "day": format_date(start, weekday=True),
            "start": format_time(start),
            "end": format_time(end),
        }
    return gettext("%(start_day)s at %(start)s to %(end_day)s at %(end)s") % {
        "start_day": format_date(start, weekday=True, year=False),
        "start": format_time(start),
        "end_day": format_date(end, weekday=True),
        "end": format_time(end),
    }


def format_day_range(first, last):
    """«16.–20. mars 2026», «30. mars–3. april 2026», «29. desember 2025–2. januar 2026»
    (English: «16–20 March 2026»)."""
    if first.year != last.year:
        return f"{format_date(first)}–{format_date(last)}"
    if first.month != last.month:
        return f"{format_date(first, year=False)}–{format_date(last)}"
    return f"{first.day}{'.' if _norwegian() else ''}–{format_date(last)}"


# --- Numbers and money --------------------------------------------------------


def format_number(value):
    """Thousands grouped with a no-break space, decimal comma: 250 000 · 3,5."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    places = 0 if number == number.to_integral_value() else None
    if places == 0:
        number = number.quantize(Decimal(1))
    return numberformat.format(
        number,
        decimal_sep=",",
        decimal_pos=places,
        grouping=3,
        thousand_sep=NBSP,
        force_grouping=True,
    )


def format_nok(amount):
    """«kr 250 000» (English: «NOK 250 000»), kept on one line, for cards, tables and key figures."""
    if amount is None or amount == "":
        return ""
    return f"{'kr' if _norwegian() else 'NOK'}{NBSP}{format_number(amount)}"


# --- Names --------------------------------------------------------------------


def transliterate(text):
    """«Søknad for Ærlig Åpenhet» → «Soknad for Aerlig Apenhet»: æøå (and ÆØÅ) in ASCII."""
    return str(text or "").translate(_NORWEGIAN_LETTERS)
