"""Template helpers for Fabrikken: a booking's time, breadcrumbs, the front-page section.

Dates and times are core_tags' filters (`oslo_time`, `oslo_datetime`, `long_date`, …).
"""

from django import template
from django.utils.translation import gettext
from wagtail.models import Page, Site

from caching import generation
from caching.generation import type_scope
from caching.keys import remember
from caching.privacy import is_visible
from core.formats import format_when
from fabrikken import my_items
from fabrikken.models import FabrikkenPage

register = template.Library()


@register.simple_tag
def booking_slot(booking):
    """«torsdag 12. mars 2026 kl. 10.00–11.30»."""
    return format_when(booking.start, booking.end)


@register.inclusion_tag("fabrikken/includes/breadcrumbs.html", takes_context=True)
def fabrikken_breadcrumbs(context, current_title, page, through_title="", through_url=""):
    """Front page → Fabrikken (→ «Mine bookinger», say) → `current_title`.

    For the routes of FabrikkenPage, which are not pages of their own.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        ancestors = (
            Page.objects.ancestor_of(page, inclusive=True)
            .filter(depth__gte=site.root_page.depth)
            .only("id", "title", "url_path", "path", "depth")
        )
        for number, ancestor in enumerate(ancestors):
            title = gettext("Home") if number == 0 else ancestor.title
            items.append({"url": ancestor.get_url(request), "title": title})
    if through_title and through_url:
        items.append({"title": through_title, "url": through_url})
    return {"items": items, "current_title": current_title, "request": request}


@register.inclusion_tag("fabrikken/includes/home_section.html", takes_context=True)
def fabrikken_home_section(context):
    """The front page's «Fabrikken»: book a room or ask for guidance, and the user's next booking."""
    # The page is the same for everyone until it changes; the booking is the user's.
    page = remember(
        lambda: FabrikkenPage.objects.live().defer_streamfields().first() or False,
        "fabrikken-home-page",
        on=[type_scope(FabrikkenPage), generation.NAVIGATION],
    )
    request = context.get("request")
    # Cached for everyone, so the gate is asked here: no query of its own.
    if not page or not is_visible(page, request):
        return {"page": None}
    user = getattr(request, "user", None)
    next_booking = None
    if user is not None and user.is_authenticated:
        next_booking = my_items.next_booking(user)
    return {
        "request": request,
        "fabrikken": page,
        "next_booking": next_booking,
        "next_booking_url": page.route_url("booking_detail", next_booking.pk)
        if next_booking
        else "",
        "guidance_url": page.route_url("guidance"),
        "booking_url": page.route_url("booking"),
        "my_bookings_url": page.route_url("my_bookings"),
    }
