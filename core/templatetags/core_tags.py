"""Dates, times and money in templates, one filter each: «{% load core_tags %}».

The filters take None or "" quietly (they give ""), so a template need not test first.
`{% content_lang %}` marks what editors wrote as Norwegian when the interface is not.
"""

import datetime

from django import template
from django.utils import timezone

from core import content_language, formats

register = template.Library()


@register.filter
def html_datetime(value):
    """«2026-03-12T10:00:00+01:00»: a valid HTML global date and time string ("" for None).

    Django's `date:"c"` is `isoformat()`, which keeps microseconds when a
    moment has them (every `last_published_at` does); HTML allows at most
    three digits of a second's fraction, so the W3C checker rejects it.
    Here: whole seconds, in the site's time zone, with its offset. A date
    stays a date («2026-03-12»).
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()


@register.filter
def oslo_time(value):
    """«09.30», in Norwegian time."""
    return formats.format_time(value) if value else ""


@register.filter
def oslo_datetime(moment):
    """«12. mars 2026 kl. 10.00», in Norwegian time."""
    return formats.format_datetime(moment) if moment else ""


@register.filter
def oslo_date(value):
    """«12. mars 2026», in Norwegian time."""
    return formats.format_date(value) if value else ""


@register.filter
def day_and_month(value):
    """«12. mars», in Norwegian time."""
    return formats.format_date(value, year=False) if value else ""


@register.filter
def long_date(value):
    """«torsdag 12. mars 2026»."""
    return formats.format_date(value, weekday=True) if value else ""


@register.filter
def day_without_year(value):
    """«torsdag 12. mars»."""
    return formats.format_date(value, weekday=True, year=False) if value else ""


@register.filter
def short_day(value):
    """«tor 12.3.» (English: «Thu 12 Mar»): a column heading in a week grid."""
    return formats.short_day(value) if value else ""


@register.filter
def oslo_day_number(moment):
    """The day of the month in Norwegian time, for a date tile: «25»."""
    return formats.local(moment).day if moment else ""


@register.filter
def oslo_month_short(moment):
    """«nov», for a date tile (nb's short month names)."""
    return formats.month_short(moment) if moment else ""


@register.filter
def nok(amount):
    """250000 → «kr 250 000» with no-break spaces (UI guide §6)."""
    return formats.format_nok(amount)


@register.simple_tag
def content_lang():
    """` lang="nb"` on an element that holds what editors wrote, when the interface is in
    another language: `<h1{% content_lang %}>{{ page.title }}</h1>` (core/content_language.py)."""
    return content_language.lang_attribute()


@register.filter
def as_content(text):
    """Editors' text inside other words: `{{ phase.name|as_content }}` (a `<span lang="nb">`
    when the interface is English)."""
    return content_language.as_content(text)
