"""Wagtail's privacy check for every page view, answered from the cache."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from caching.keys import remember


def restricted_paths():
    """Tree paths of every page with a view restriction, for this generation."""
    return tuple(restriction.page.path for restriction in restrictions())


def restrictions():
    """Every page view restriction with its page and groups, for this generation."""
    return remember(
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
        "view-restrictions",
    )


class CachedViewRestrictionsMixin:
    """A page with no restriction on itself or above answers without a query.

    Wagtail asks `get_view_restrictions()` on every page view (three queries,
    because of aliases). Restrictions are few and change rarely; a page under
    none of them gets an empty queryset straight away, every other page (and
    every alias, whose restrictions are its original's) asks Wagtail.
    """

    def get_view_restrictions(self):
        if not self.alias_of_id and not any(
            self.path.startswith(path) for path in restricted_paths()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def public(pages):
    """`pages.public()` without its query: restricted sections come from the cache."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
