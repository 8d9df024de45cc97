"""Which pages a user may find: live, in this site, outside restrictions they don't pass.

Search and suggestions read the index, not the pages, so Wagtail's view restrictions
(which guard page serving only) are applied here through the section's one gate,
caching.privacy.visible(): a page under a restriction the user does not pass never
appears, in the hits, the type and phase counts, the editors' picks or the suggestions.
"""

from wagtail.models import Page, Site

from caching.privacy import visible


def visible_pages(request):
    """The live pages of the request's site the user may see (a PageQuerySet)."""
    pages = Page.objects.live().filter(depth__gt=1)
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return visible(pages, request)
