"""The kinds of result, read from the page models' `search_type` (the SEARCH CONTRACT).

Every page model says `search_type = ("metode", _("Method"))`; a model that says
nothing counts as «Side». The mapping is built from `get_page_models()` when first
needed, so the page types of apps installed later join without a change here.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, get_page_models

DEFAULT_TYPE = "side"

# The filter's order and the labels it shows. A slug outside this list (a new kind of
# page) is shown after these with the label its model gives.
TYPE_LABELS = {
    # Not a page type: the tasks sections register (search/services.py), shown first.
    "tjeneste": pgettext_lazy("search result type", "Service"),
    "metode": pgettext_lazy("search result type", "Method"),
    "eksempel": pgettext_lazy("search result type", "Case"),
    "stotte": pgettext_lazy("search result type", "Funding call"),
    "arrangement": pgettext_lazy("search result type", "Event"),
    "side": pgettext_lazy("search result type", "Page"),
}


def type_of(model):
    """The slug of a page model's kind of result."""
    search_type = getattr(model, "search_type", None)
    return search_type[0] if search_type else DEFAULT_TYPE


def label_of(slug, model=None):
    if slug in TYPE_LABELS:
        return TYPE_LABELS[slug]
    search_type = getattr(model, "search_type", None)
    return search_type[1] if search_type else TYPE_LABELS[DEFAULT_TYPE]


@cache
def models_by_type():
    """{slug: [page models]} in the filter's order; the bare Page (the tree's root) left out."""
    grouped = {}
    for model in get_page_models():
        if model is Page:
            continue
        grouped.setdefault(type_of(model), []).append(model)
    order = list(TYPE_LABELS)
    return dict(
        sorted(
            grouped.items(),
            key=lambda item: (order.index(item[0]) if item[0] in order else 99, item[0]),
        )
    )


def labels():
    """{slug: label} for every kind of result that exists, services first when any."""
    from .services import SERVICE_TYPE, exists

    found = {SERVICE_TYPE: TYPE_LABELS[SERVICE_TYPE]} if exists() else {}
    found.update((slug, label_of(slug, models[0])) for slug, models in models_by_type().items())
    return found


def content_type_ids(slug):
    """The content type ids of the page models of one kind (cached by Django)."""
    models = models_by_type().get(slug, [])
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()] if models else []


def type_for_content_type(content_type_id):
    """The slug for a content type id, through ContentType's cache."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return type_of(model) if model else DEFAULT_TYPE
