"""Site-wide middleware of our own."""

import time

from csp.middleware import CSPMiddleware
from django.conf import settings


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


class SectionCSPMiddleware(CSPMiddleware):
    """The strict Content-Security-Policy everywhere, loosened only inside Wagtail's admin.

    Employees' pages run no inline script at all. Wagtail's admin still relies
    on inline styles and scripts, so /admin/ gets the additions in
    ADMIN_CONTENT_SECURITY_POLICY_UPDATE and nothing else does.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), **settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE}
            # Previews of pages and blocks are framed by the admin itself.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
