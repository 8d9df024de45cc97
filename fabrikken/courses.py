"""The next session of a course Fabrikken offers: an upcoming event named after it.

Courses are scheduled as events («Kurs: Innovasjon på 1-2-3»). Events sit above
Fabrikken in the layers (DESIGN.md → Architecture), so they are found the way
core.schedule finds them: among the time-bound page types, those whose moments
include a `start`. One query for the whole page, however many course cards.
"""

from django.utils import timezone

from caching.privacy import visible
from core.schedule import scheduled_models

# Enough to find the next session of each of a handful of courses.
UPCOMING_LIMIT = 50


def upcoming_courses(request, now=None):
    """Live pages with a `start` still ahead that `request` may see, soonest first."""
    now = now or timezone.now()
    pages = []
    for model, fields in scheduled_models():
        if "start" not in fields:
            continue
        pages += list(
            visible(model.objects.live(), request)
            .filter(start__gt=now)
            .order_by("start")
            .only("id", "title", "url_path", "path", "depth", "start")[:UPCOMING_LIMIT]
        )
    return sorted(pages, key=lambda page: page.start)


def next_course(title, courses):
    """The first of `courses` whose title contains the offer's `title` (any case), or None."""
    wanted = title.casefold().strip()
    if not wanted:
        return None
    return next((page for page in courses if wanted in page.title.casefold()), None)
