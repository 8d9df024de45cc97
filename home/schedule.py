"""The moments when the site changes by itself, without anyone publishing.

A funding call opens or closes, an event starts or ends, a new day changes
«Søknadsfrist om 3 dager» to «om 2 dager». Cached fragments that show such
states carry the stretch of time between two of these moments in their key,
so they are made again the moment one passes, and not before.
"""

from bisect import bisect_right

from django.apps import apps
from django.utils import timezone

from caching.keys import remember

SCHEDULED_FIELDS = (
    ("funding.FundingCallPage", ("opens_at", "deadline")),
    ("events.EventPage", ("start", "end")),
)


def moments():
    """Every scheduled moment of a live page, sorted, once per cache generation."""
    return remember(
        lambda: sorted(
            moment
            for label, fields in SCHEDULED_FIELDS
            for row in apps.get_model(label).objects.live().values_list(*fields)
            for moment in row
            if moment is not None
        ),
        "scheduled-moments",
    )


def stretch(now=None):
    """Names the stretch of time we are in: today's date and the moments passed."""
    now = now or timezone.now()
    return f"{timezone.localdate(now).isoformat()}/{bisect_right(moments(), now)}"
