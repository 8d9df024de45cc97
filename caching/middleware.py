"""Serves Wagtail's per-request look-ups (site, route) from the cache."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from wagtail import views as wagtail_views

from caching import generation, routing
from caching.keys import count_miss, counting_misses, remember, scoped_key

# Where Site.find_for_request and Page.route_for_request keep their answers on
# the request; filled in here, Wagtail uses them instead of asking the database.
SITE_ATTRIBUTE = "_wagtail_site"
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"
# How many cached parts a response had to build, when settings.CACHE_BUILT_HEADER is on.
BUILT_HEADER = "X-Cache-Built"


class CachedRoutingMiddleware:
    """Finds the site and the page for a request in the cache when it can.

    Wagtail finds a page by walking the tree from the site's root, one query
    per level, then loads its specific type. Where the walk ends (which page,
    and what is left of the path for a routable page) is the same for everyone
    until an address changes, so it is cached until `navigation` moves on. A hit costs one
    query for the page itself; the page still routes the rest of the path and
    refuses if it is not live, and Wagtail's privacy check still runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generation.request_scope(), counting_misses() as built:
            response = self.get_response(request)
            self.remember_route(request)
        if settings.CACHE_BUILT_HEADER:
            response[BUILT_HEADER] = str(built[0])
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Signed-in pages only: /healthz must answer without touching the database.
        if not request.user.is_authenticated:
            return None
        site = self.site(request)
        if site is None or view_func is not wagtail_views.serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        key = scoped_key([generation.NAVIGATION], "route", site.pk, path)
        cached = cache.get(key)
        page = self.load(*cached[:2]) if cached else None
        if page is None:
            count_miss()
            request._route_cache_miss = (key, path)
            self.find(site, path, request)
        else:
            setattr(request, ROUTE_ATTRIBUTE, self.route(page, request, cached[2]))
        return None

    @staticmethod
    def site(request):
        if not hasattr(request, SITE_ATTRIBUTE):
            site = remember(
                lambda: routing.find_site(request),
                "site",
                request.get_host(),
                on=[generation.NAVIGATION],
            )
            setattr(request, SITE_ATTRIBUTE, site)
        return getattr(request, SITE_ATTRIBUTE)

    @staticmethod
    def find(site, path, request):
        """Not cached: the route by url_path (caching.routing), or Wagtail's walk when unsure."""
        try:
            found = routing.find_route(site, path, request)
        except Http404:
            setattr(request, ROUTE_ATTRIBUTE, None)
            return
        if found is not routing.UNSURE:
            setattr(request, ROUTE_ATTRIBUTE, found)

    @staticmethod
    def load(page_id, content_type_id):
        return routing.load_specific(page_id, content_type_id)

    @staticmethod
    def route(page, request, remaining):
        try:
            return page.route(request, list(remaining))
        except Http404:
            return None

    @staticmethod
    def remember_route(request):
        """After Wagtail routed a request the long way, keep where it ended."""
        miss = getattr(request, "_route_cache_miss", None)
        result = getattr(request, ROUTE_ATTRIBUTE, None)
        site = getattr(request, SITE_ATTRIBUTE, None)
        if miss is None or result is None or site is None:
            return
        key, path = miss
        page = result[0]
        components = [part for part in path.split("/") if part]
        # The walk started at the site's root (already loaded by the walk).
        consumed = page.depth - site.root_page.depth
        if 0 <= consumed <= len(components):
            cache.set(key, (page.pk, page.content_type_id, tuple(components[consumed:])))
