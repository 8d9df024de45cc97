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

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
)

# Not a route: Wagtail's walk answers (and caching.middleware remembers it).
UNSURE = None
# Where find_route leaves the pages it passed on the way, for the breadcrumbs.
TRAIL_ATTRIBUTE = "_route_trail"


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
    # The breadcrumb trail is these pages: ancestors() reads it instead of asking again.
    setattr(request, TRAIL_ATTRIBUTE, (specific.pk, tuple(chain[:-1])))
    return specific.route(request, remaining)


def ancestors(request, page):
    """The pages from the site's root down to `page`'s parent, if routing just read them.

    None when the route came from the cache (or Wagtail's walk): ask the tree then.
    """
    trail = getattr(request, TRAIL_ATTRIBUTE, None)
    if trail is None or page is None or trail[0] != page.pk:
        return None
    return list(trail[1])


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


# --- The site ---------------------------------------------------------------------------


def find_site(request):
    """Wagtail's `Site.find_for_request`, and its site root paths, from one query.

    Both are asked on every page (the root paths for every page URL) and both are
    cached, so a cold page asked twice: every site with its root page and locale is
    all either needs. With translations on (not here), Wagtail's own way answers.
    """
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return Site._find_for_request(request)
    sites = list(
        Site.objects.select_related("root_page", "root_page__locale").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    if cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION) is None:
        # Site.get_site_root_paths(), as Wagtail computes and caches it.
        root_paths = [
            (site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
            for site in sites
        ]
        cache.set(
            SITE_ROOT_PATHS_CACHE_KEY, root_paths, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION
        )
    hostname = split_domain_port(request._get_raw_host())[0]
    return _site_for_hostname(sites, hostname, request.get_port())


def _site_for_hostname(sites, hostname, port):
    """wagtail.models.sites.get_site_for_hostname over sites already loaded."""

    def match(site):
        if site.hostname == hostname and str(site.port) == str(port):
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        if site.is_default_site:
            return MATCH_DEFAULT
        return MATCH_HOSTNAME

    candidates = [site for site in sites if site.hostname == hostname or site.is_default_site]
    # Wagtail orders by match alone; its ties keep the manager's order (by hostname).
    candidates.sort(key=lambda site: (match(site), site.hostname.lower()))
    if not candidates:
        return None
    best = match(candidates[0])
    if len(candidates) == 1 or best in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return candidates[0]
    if best == MATCH_DEFAULT:
        return candidates[len(candidates) == 2]
    return None
