"""Template helpers for events: the recording's host and the front page's section.

Dates and times are core_tags' filters (`oslo_time`, `oslo_day_number`, `oslo_month_short`).
"""

from django import template
from django.utils import timezone

from caching.privacy import visible
from core.blocks.common import host_name
from core.links import is_external
from events.models import EventIndexPage, EventPage
from events.state import EventStatus, not_over_filter, state_filter

register = template.Library()

# How many past events the front page looks through for the latest recording.
RECORDING_LOOKBACK = 10


@register.simple_tag
def recording_host(value):
    """«video.eksempel.no»: where the recording link leads (UI guide: say where links go)."""
    return host_name(value.get("url")) if value else ""


@register.filter
def link_host(url):
    """«video.eksempel.no»: the host a link leads to, for «(åpnes på …)»."""
    return host_name(url)


@register.simple_tag(takes_context=True)
def leaves_intranet(context, url):
    """Whether `url` leads out of the intranet, so its link says so (core/links.py)."""
    return is_external(url, context.get("request"))


@register.inclusion_tag("events/includes/home_event.html", takes_context=True)
def next_event(context):
    """The front page's event: the next one (or the one on now), else the latest recording.

    Two queries at most besides the index: the next event, and when nothing is
    coming, the latest past events to find one with a recording.
    """
    request = context.get("request")
    index_page = (
        visible(EventIndexPage.objects.live(), request)
        # child_of() below reads the depth: loaded here, not in a query of its own.
        .only("id", "title", "url_path", "path", "depth")
        .first()
    )
    if index_page is None:
        return {"index_page": None}
    now = timezone.now()
    events = visible(EventPage.objects.live().child_of(index_page), request).defer("programme")
    event = events.filter(not_over_filter(now)).order_by("start", "title").first()
    recorded = None
    if event is None:
        past = events.filter(state_filter(EventStatus.PAST, now)).order_by("-start", "title")
        recorded = next((page for page in past[:RECORDING_LOOKBACK] if page.recording_video), None)
    shown = event or recorded
    if shown is not None:
        shown.state = shown.state_at(now)
        shown.calendar_url = shown.get_url(request) + shown.reverse_subpage("calendar")
    return {
        "request": request,
        "index_page": index_page,
        "event": event,
        "recorded": recorded,
    }
