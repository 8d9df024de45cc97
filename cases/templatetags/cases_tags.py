"""Template tags that let other pages show cases without depending on the cases app.

The front page includes cases/home_section.html («Fra prosjektene»); a method page
includes cases/includes/method_cases.html («Brukt i disse prosjektene»). Both cost a fixed
number of queries, however many cases there are.
"""

from urllib.parse import urlencode

from django import template
from django.db.models import Case, IntegerField, Value, When

from caching.privacy import visible
from cases.models import NEWEST_FIRST, CaseIndexPage, CasePage, CasePageMethod
from cases.models.case import CARD_RENDITIONS
from core.images import with_image_renditions

register = template.Library()

HOME_SECTION_LIMIT = 3
METHOD_PAGE_LIMIT = 5


def _card_queryset(queryset):
    """Cases with what a card shows: the service area and the card image's renditions."""
    return (
        with_image_renditions(queryset.select_related("sector"), "hero_image", *CARD_RENDITIONS)
        .defer_streamfields()
        .defer("challenge", "approach", "lessons")
    )


@register.inclusion_tag("cases/includes/home_cases.html", takes_context=True)
def latest_cases(context, limit=HOME_SECTION_LIMIT):
    """«Fra prosjektene»: the pinned case first if it is live, then the newest cases.

    Three queries with cases (the listing, the cases with their images, the
    renditions), one without a listing.
    """
    request = context.get("request")
    index = visible(CaseIndexPage.objects.live(), request).first()
    if index is None:
        return {"index": None}
    cases = visible(CasePage.objects.live().descendant_of(index), request)
    pinned = Case(
        When(pk=index.featured_case_id, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    cases = list(
        _card_queryset(cases.annotate(pinned=pinned)).order_by("-pinned", *NEWEST_FIRST)[:limit]
    )
    return {"request": request, "index": index, "cases": cases}


@register.simple_tag(takes_context=True)
def cases_using_method(context, method, limit=METHOD_PAGE_LIMIT):
    """The newest live cases that used `method`, how many there are, and where to see all.

    Always three queries: the cases, their number, the listing.
    """
    request = context.get("request")
    used = CasePageMethod.objects.filter(method_id=method.pk).values("page_id")
    cases = visible(CasePage.objects.live().filter(pk__in=used), request)
    shown = list(
        cases.select_related("sector")
        .defer_streamfields()
        .defer("challenge", "approach", "lessons")
        .order_by(*NEWEST_FIRST)[:limit]
    )
    count = cases.count()
    index = visible(CaseIndexPage.objects.live(), request).first()
    url = ""
    if index is not None:
        url = f"{index.get_url(request)}?{urlencode({'metode': method.slug})}"
    return {"cases": shown, "count": count, "url": url}
