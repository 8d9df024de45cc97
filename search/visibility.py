"""Which pages a user may find: live, in this site, outside restrictions they don't pass.

Search and suggestions read the index, not the pages, so Wagtail's view restrictions
(which guard page serving only) are applied here: a page under a restriction the user
does not pass never appears. Login restrictions pass (everyone here is signed in),
group restrictions pass for members and superusers, password restrictions once the
password was given in this session.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction, Site

from caching.privacy import restrictions


def _passes(restriction, request, group_ids):
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if request.user.is_superuser:
            return True
        return any(group.pk in group_ids() for group in restriction.groups.all())
    return restriction.accept_request(request)


def hidden_q(request):
    """A Q matching the pages under restrictions this request does not pass, or None."""
    cache = {}

    def group_ids():
        if "ids" not in cache:
            cache["ids"] = (
                set(request.user.groups.values_list("pk", flat=True))
                if request.user.is_authenticated
                else set()
            )
        return cache["ids"]

    hidden = Q()
    for restriction in restrictions():
        if not _passes(restriction, request, group_ids):
            hidden |= Q(path__startswith=restriction.page.path)
    return hidden or None


def visible_pages(request):
    """The live pages of the request's site the user may see (a PageQuerySet)."""
    pages = Page.objects.live().filter(depth__gt=1)
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    hidden = hidden_q(request)
    return pages.exclude(hidden) if hidden is not None else pages
