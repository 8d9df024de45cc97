"""Site-wide middleware of our own."""

import contextlib
import time
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render, resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control


class SlidingSessionMiddleware:
    """Keeps a sign-in alive for SESSION_COOKIE_AGE after the last request.

    Django's SESSION_SAVE_EVERY_REQUEST would do the same with a database write
    on every page view; renewing at most every few minutes costs one write per
    quarter of an hour, and moves the expiry by no more than that.
    """

    RENEW_AFTER_SECONDS = 15 * 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and "_auth_user_id" in session:
            now = int(time.time())
            if now - session.get("_renewed_at", 0) >= self.RENEW_AFTER_SECONDS:
                session["_renewed_at"] = now  # saved, with a fresh expiry, by SessionMiddleware
        return response


class PrivateCacheMiddleware:
    """What a signed-in employee is sent may be kept by their browser only.

    Pages, documents and everything else answered to a signed-in user carry
    `Cache-Control: private`, so no shared cache (a proxy, a CDN) ever keeps
    one employee's page for the next. Views that say more keep it: personal
    pages add `no-store`, images a day's max-age.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        return response


class SectionCSPMiddleware(CSPMiddleware):
    """The strict Content-Security-Policy everywhere, loosened only inside Wagtail's admin.

    Employees' pages run no inline script at all. Wagtail's admin still relies
    on inline styles and scripts, so /admin/ gets the additions in
    ADMIN_CONTENT_SECURITY_POLICY_UPDATE and nothing else does.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), **settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE}
        if request.path_info.startswith("/admin/") or _is_preview(request):
            # Previews of pages and blocks are framed by the admin itself.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts

    def process_response(self, request, response):
        if _is_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)


def _is_preview(request):
    """A page rendered for the admin's preview panel, moderation or a new tab.

    Wagtail renders a preview through the whole middleware chain with a made-up
    request for the page's own address (`make_preview_request`), so the path
    alone says «public page». Wagtail marks that request as a dummy.
    """
    return getattr(request, "is_dummy", False)


# Where a refusal sends people to sign in: our page, Wagtail's two sign-in
# views (the admin's and the front end's) and single sign-on's start.
SIGN_IN_URL_NAMES = ("login", "wagtailadmin_login", "wagtailcore_login", "oidc_authentication_init")
REDIRECTS = {301, 302, 303, 307, 308}


def sign_in_paths():
    paths = {resolve_url(settings.LOGIN_URL)}
    for name in SIGN_IN_URL_NAMES:
        with contextlib.suppress(NoReverseMatch):  # single sign-on may be off
            paths.add(reverse(name))
    return paths


def refused(request, kind=None, owner=None):
    """The Norwegian «no access» page (intranet/templates/403.html), never cached."""
    response = render(request, "403.html", {"refusal": kind, "owner": owner}, status=403)
    add_never_cache_headers(response)
    return response


class RefusalMiddleware:
    """Signed-in employees who are refused see a 403 page instead of the sign-in page.

    Wagtail answers every refusal (a page restricted to a group, a document in
    a restricted collection, the admin for someone without admin access) with
    a redirect to the sign-in page. The sign-in page sends a signed-in user
    straight back, and the browser loops until it gives up. Anonymous
    visitors still go to sign in; for someone already signed in, such a
    redirect can only mean «not for you», so it becomes the 403 page, saying
    what was refused and whom to ask.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.sign_in_paths = None

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code not in REDIRECTS or not request.user.is_authenticated:
            return response
        if self.sign_in_paths is None:
            self.sign_in_paths = sign_in_paths()
        if urlsplit(response.get("Location", "")).path not in self.sign_in_paths:
            return response
        return refused(request, *self.what_was_refused(request))

    @staticmethod
    def what_was_refused(request):
        """(kind, content owner): the admin, a document or a page, and who answers for the page."""
        match = request.resolver_match
        if request.path_info.startswith("/admin/"):
            return "admin", None
        if match is not None and match.url_name == "wagtaildocs_serve":
            return "document", None
        # Wagtail keeps the page it routed to on the request.
        route = getattr(request, "_wagtail_route_for_request", None)
        page = route[0] if route else None
        return "page", getattr(page, "content_owner", None)
