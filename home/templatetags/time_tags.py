"""Machine-readable moments for `<time datetime="…">`."""

import datetime

from django import template
from django.utils import timezone

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
