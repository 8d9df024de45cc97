"""Template tags that let other pages show the methods toolkit without depending on it."""

from django import template
from django.db.models import Count, Q
from wagtail.models import PageViewRestriction

from methods.models import MethodIndexPage, MethodPage, Phase

register = template.Library()


@register.simple_tag(takes_context=True)
def method_finder(context):
    """The «Finn en metode» data: the listing, and each phase with its number of live methods.

    None when there is no live, public method listing. One query without a listing, four
    with one: the listing, the view restrictions, the phases with counts, the total.
    """
    index = MethodIndexPage.objects.live().first()
    if index is None:
        return None
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if any(index.path.startswith(path) for path in restricted):
        return None
    private = Q()
    for path in restricted:
        private |= Q(path__startswith=path)
    methods = MethodPage.objects.live().descendant_of(index)
    if restricted:
        methods = methods.exclude(private)
    # An aggregate query drops Meta.ordering, so the process order is spelt out.
    phases = Phase.objects.annotate(
        method_count=Count("methods", filter=Q(methods__in=methods.values("pk")))
    ).order_by(*Phase._meta.ordering)
    base_url = index.get_url(context.get("request"))
    return {
        "index": index,
        "url": base_url,
        "total": methods.count(),
        "phases": [
            {"phase": phase, "count": phase.method_count, "url": f"{base_url}?fase={phase.slug}"}
            for phase in phases
        ],
    }
