"""Content freshness: which live pages are due for their owner's yearly review."""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import DateField, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import get_page_models

from core.models import ContentOwnershipMixin
from core.models.ownership import REVIEW_AFTER


def owned_page_models():
    return [model for model in get_page_models() if issubclass(model, ContentOwnershipMixin)]


def pages_due_for_review(today=None):
    """Live pages not confirmed for a year (or never), oldest confirmation first."""
    cutoff = (today or timezone.localdate()) - REVIEW_AFTER
    pages = []
    for model in owned_page_models():
        stale = model.objects.live().filter(last_confirmed_at__lte=cutoff) | (
            model.objects.live().filter(last_confirmed_at__isnull=True)
        )
        pages.extend(stale.select_related("content_owner"))
    return sorted(
        pages, key=lambda page: (page.last_confirmed_at is not None, page.last_confirmed_at)
    )


# A never-confirmed page sorts before every confirmed one.
NEVER = datetime.date.min


def due_for_review_rows(today=None, owner=None):
    """(pk, content type id, confirmed) of every page due, in the report's order (never
    confirmed first, then the oldest confirmation) as one SQL query over all owned page
    types: the review report counts and slices it in the database, and loads only the
    pages it shows (pages_for), however many thousand are due."""
    cutoff = (today or timezone.localdate()) - REVIEW_AFTER
    due = Q(last_confirmed_at__lte=cutoff) | Q(last_confirmed_at__isnull=True)
    parts = []
    for model in owned_page_models():
        pages = model.objects.live().filter(due)
        if owner is not None:
            pages = pages.filter(content_owner=owner)
        confirmed = Coalesce("last_confirmed_at", Value(NEVER, output_field=DateField()))
        parts.append(
            pages.order_by()
            .annotate(confirmed=confirmed)
            .values_list("pk", "content_type_id", "confirmed")
        )
    first, *rest = parts
    return first.union(*rest, all=True).order_by("confirmed", "pk")


def pages_for(rows):
    """The specific pages of `rows` (from due_for_review_rows), in their order, each with
    its content owner: one query per page type among them."""
    by_type = defaultdict(list)
    for pk, content_type_id, _confirmed in rows:
        by_type[content_type_id].append(pk)
    pages = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        pages.update(model.objects.select_related("content_owner").in_bulk(ids))
    return [pages[pk] for pk, _type, _confirmed in rows if pk in pages]


def confirm(page, today=None):
    """Record that the content is still right, without a new revision."""
    page.last_confirmed_at = today or timezone.localdate()
    type(page).objects.filter(pk=page.pk).update(last_confirmed_at=page.last_confirmed_at)


def can_confirm(user, page):
    """Whether `user` may confirm `page` as up to date: the report offers the button where
    this holds and the confirm view refuses where it does not, so no offer ends in
    «ikke tilgang». The owner confirms a page they can edit; publishers confirm any."""
    perms = page.permissions_for_user(user)
    return (
        user.is_superuser
        or perms.can_publish()
        or (page.content_owner_id == user.pk and perms.can_edit())
    )
