"""Absolute links for what leaves the browser: e-mails and calendar files.

They name the page's Wagtail Site (its root_url, which `setup_section` sets from
SITE_URL), never the Host header of the request that happened to cause them:
behind the proxy and on a second node that header is not the public address.
This is what page.get_full_url() does; here for a URL below a page (a route).
"""

from django.conf import settings


def full_url(page, url):
    """`url` (page.url, or a route of it from page.route_url()) with the site's address."""
    if url.startswith(("http://", "https://")):  # already absolute: more than one Site
        return url
    site = page.get_site()
    root = site.root_url if site else settings.SITE_URL
    return root.rstrip("/") + url


def admin_url(path):
    """A path in Wagtail's admin, at the address Wagtail's own e-mails use."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
