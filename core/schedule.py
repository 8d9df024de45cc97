"""The moments when the site changes by itself, without anyone publishing.

A funding call opens or closes, an event starts or ends, a new day changes
«Søknadsfrist om 3 dager» to «om 2 dager». Cached fragments that show such
states carry the stretch of time between two of these moments in their key,
so they are made again the moment one passes, and not before.

Each time-bound page type names its own moments in a class attribute,
`scheduled_fields = ("start", "end")` (date-time fields); this module finds
them among Wagtail's page models, so a new time-bound page type needs no
change here.
"""

from array import array
from bisect import bisect_right

from django.utils import timezone
from wagtail.models import get_page_models

from caching.generation import type_scope
from caching.keys import remember
from caching.whole_page import WholePageCacheMixin


def scheduled_models():
    """(page model, its scheduled fields) for every concrete page type that has some."""
    return [
        (model, model.scheduled_fields)
        for model in get_page_models()
        if getattr(model, "scheduled_fields", ()) and not model._meta.abstract
    ]


def moments():
    """Every scheduled moment of a live page as a POSIX timestamp, sorted, until one changes.

    Timestamps rather than datetimes: the list is read from the cache on every front
    page, and a few thousand floats unpickle in a tenth of the time.
    """
    return remember(
        _read_moments,
        "scheduled-moments",
        on=[type_scope(model) for model, _fields in scheduled_models()],
    )


def _read_moments():
    """One query for every page type's moments (a UNION ALL of one column each): the front
    page asks for them on every cold render."""
    columns = [
        model.objects.live().order_by().values_list(field, flat=True)
        for model, fields in scheduled_models()
        for field in fields
    ]
    if not columns:
        return []
    found = columns[0].union(*columns[1:], all=True) if len(columns) > 1 else columns[0]
    return array("d", sorted(moment.timestamp() for moment in found if moment is not None))


def stretch(now=None):
    """Names the stretch of time we are in: today's date and the moments passed."""
    now = now or timezone.now()
    return f"{timezone.localdate(now).isoformat()}/{bisect_right(moments(), now.timestamp())}"


class ScheduledWholePageMixin(WholePageCacheMixin):
    """A page kept whole (caching.whole_page) that shows what the clock changes: open
    calls, coming events. It is kept per stretch, so it is made anew when one passes."""

    def whole_page_vary_on(self, request):
        return (stretch(),)
