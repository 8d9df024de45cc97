"""Content freshness: which live pages are due for their owner's yearly review."""

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
