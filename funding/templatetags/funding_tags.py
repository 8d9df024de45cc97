"""Template helpers for funding: the breadcrumbs and the front-page section.

Amounts and dates are core_tags' filters (`nok`, `oslo_datetime`, `oslo_date`).
"""

from django import template
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page, Site

from caching.privacy import visible
from funding.models import FundingCallPage, FundingIndexPage
from funding.status import CallStatus, status_filter

register = template.Library()

HOME_SECTION_LIMIT = 3


@register.inclusion_tag("funding/includes/home_open_calls.html", takes_context=True)
def open_funding_calls(context, limit=HOME_SECTION_LIMIT):
    """The front page's «Søk støtte»: open calls by nearest deadline, or when the next opens."""
    request = context.get("request")
    index_page = (
        visible(FundingIndexPage.objects.live(), request)
        # child_of() below reads the depth: loaded here, not in a query of its own.
        .only("id", "title", "url_path", "path", "depth")
        .first()
    )
    if index_page is None:
        return {"index_page": None}
    now = timezone.now()
    all_calls = visible(FundingCallPage.objects.live().child_of(index_page), request)
    calls = list(
        all_calls.filter(status_filter(CallStatus.OPEN, now))
        .defer_streamfields()
        .order_by(F("deadline").asc(nulls_last=True), "title")[: limit + 1]
    )
    next_call = None
    if not calls:
        next_call = (
            all_calls.filter(status_filter(CallStatus.UPCOMING, now))
            .defer_streamfields()
            .order_by("opens_at", "title")
            .first()
        )
    for call in calls + ([next_call] if next_call else []):
        call.state = call.state_at(now)
    return {
        "request": request,
        "index_page": index_page,
        "calls": calls[:limit],
        "more_open": len(calls) > limit,
        "next_call": next_call,
    }


@register.inclusion_tag("funding/includes/breadcrumbs.html", takes_context=True)
def funding_breadcrumbs(context, current_title, index_page, through_mine=False):
    """The trail front page → «Støtteordninger» (→ «Mine søknader») → `current_title`.

    For «Mine søknader» and the receipts: routes of the index page, not pages.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    items = []
    if root is not None:
        ancestors = (
            Page.objects.ancestor_of(index_page, inclusive=True)
            .filter(depth__gte=root.depth)
            .only("id", "title", "url_path", "path", "depth")
        )
        for number, ancestor in enumerate(ancestors):
            title = gettext("Home") if number == 0 else ancestor.title
            items.append({"url": ancestor.get_url(request), "title": title})
    if through_mine:
        items.append(
            {
                "url": index_page.url + index_page.reverse_subpage("my_applications"),
                "title": gettext("My applications"),
            }
        )
    return {"items": items, "current_title": current_title, "request": request}
