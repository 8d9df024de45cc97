"""Template tags that let other pages show the methods toolkit without depending on it."""

from django import template
from django.db.models import Count, Func, IntegerField, Q, Subquery, Value

from caching.privacy import visible
from methods.models import MethodIndexPage, MethodPage, Phase

register = template.Library()


@register.simple_tag(takes_context=True)
def method_finder(context):
    """The «Finn en metode» data: the listing, and each phase with its number of live methods.

    Only what this employee may see (caching.privacy.visible): None when there is no
    live method listing they may open. One query without a listing, two with one: the
    listing, the phases with their counts and the total.
    """
    request = context.get("request")
    index = visible(MethodIndexPage.objects.live(), request).first()
    if index is None:
        return None
    methods = visible(MethodPage.objects.live().descendant_of(index), request)
    # The total rides along in every phase's row (a subquery), so it costs no query of its
    # own; an aggregate query drops Meta.ordering, so the process order is spelt out.
    total = Subquery(
        methods.order_by().annotate(_n=Func(Value(1), function="COUNT")).values("_n"),
        output_field=IntegerField(),
    )
    phases = list(
        Phase.objects.annotate(
            method_count=Count("methods", filter=Q(methods__in=methods.values("pk"))),
            methods_total=total,
        ).order_by(*Phase._meta.ordering)
    )
    base_url = index.get_url(request)
    return {
        "index": index,
        "url": base_url,
        "total": phases[0].methods_total if phases else methods.count(),
        "phases": [
            {"phase": phase, "count": phase.method_count, "url": f"{base_url}?fase={phase.slug}"}
            for phase in phases
        ],
    }
