"""A route found by url_path in one query, where Wagtail walks the tree level by level.

Wagtail routes a request from the site's root page down, one child at a time: two
queries per level (the child, then its specific row), so a method page costs five
before anything renders. When the route is not in the cache (after a publish, in a new
worker), `find_route` gets the same answer with two: every page on the path at once,
by their url_paths, then the deepest one's specific row (with what its page renders
beside it, `route_select_related`).

It answers only where the answer is certainly Wagtail's: each page on the way routes
to its children as Wagtail's `Page.route` does. A page that routes otherwise (its own
`route`, or a RoutablePageMixin route matching the rest of the path) makes it return
None, and the request goes the long way.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# Not a route: Wagtail's walk answers (and caching.middleware remembers it).
UNSURE = None


def find_route(site, path, request):
    """Wagtail's RouteResult for `path` under `site`, or UNSURE.

    Raises Http404 where Wagtail's walk would (no such page, or not live).
    """
    root = site.root_page
    components = [component for component in path.split("/") if component]
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in components[:n])
        for n in range(1, len(components) + 1)
    ]
    found = {}
    if prefixes:
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=prefixes,
                path__startswith=root.path,
                depth__gt=root.depth,
                depth__lte=root.depth + len(components),
            )
        }
    chain = [root]
    for prefix in prefixes:
        page = found.get(prefix)
        if page is None or page.depth != chain[-1].depth + 1:
            break
        chain.append(page)
    # Every page passed on the way must route to its child as Page.route does.
    for depth, page in enumerate(chain[:-1]):
        if not _walks_on(page, components[depth:]):
            return UNSURE
    page, remaining = chain[-1], components[len(chain) - 1 :]
    model = _model(page)
    if model is None:
        return UNSURE
    if remaining and model.route is Page.route:
        raise Http404  # Wagtail looks for a child named remaining[0]: there is none
    if model.route not in (Page.route, RoutablePageMixin.route):
        return UNSURE
    specific = load_specific(page.pk, page.content_type_id)
    if specific is None:
        return UNSURE
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    return specific.route(request, remaining)


def load_specific(page_id, content_type_id):
    """The page as its own type, with what its page renders beside it in the same query."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    pages = model.objects.filter(pk=page_id)
    related = getattr(model, "route_select_related", ())
    if related:
        pages = pages.select_related(*related)
    return pages.first()


def _model(page):
    return ContentType.objects.get_for_id(page.content_type_id).model_class()


def _walks_on(page, remaining):
    """Whether Wagtail's walk goes on from `page` to its child named remaining[0]."""
    model = _model(page)
    if model is None:
        return False
    if model.route is Page.route:
        return True
    if model.route is not RoutablePageMixin.route:
        return False
    if not page.live:
        return True  # RoutablePageMixin routes only live pages; on to the children
    try:
        model.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Http404:
        return True
    return False  # one of the page's own routes takes the path
