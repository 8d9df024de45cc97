"""The site-wide navigation: the main menu and the breadcrumb trail."""

from django import template
from wagtail.models import Page, Site

from caching import routing
from caching.privacy import visible

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The section's top-level pages that editors marked «Show in menus»."""
    request = context["request"]
    root = _site_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        items = list(
            # child_of, not root.get_children(): the root comes with the cached site, and
            # treebeard answers a page with no children (numchild 0) without asking.
            visible(Page.objects.child_of(root).live().in_menu(), request).only(
                "id", "title", "url_path", "path"
            )
        )
    for item in items:
        item.is_current = bool(current and current.path.startswith(item.path))
    return {"items": items, "request": request}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the section's front page to the current page."""
    page = context.get("page")
    request = context["request"]
    root = _site_root(request)
    if page is None or root is None or page.pk == root.pk:
        return {"trail": []}
    # Routing by url_path (a cold route) has just read them: no second query.
    trail = routing.ancestors(request, page)
    if trail is None:
        ancestors = Page.objects.ancestor_of(page, inclusive=False).filter(depth__gte=root.depth)
        trail = list(ancestors.only("id", "title", "url_path", "path", "depth"))
    return {"trail": trail, "page": page}
