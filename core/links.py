"""Absolute links for what leaves the browser: e-mails and calendar files.

They name the page's Wagtail Site (its root_url, which `setup_section` sets from
SITE_URL), never the Host header of the request that happened to cause them:
behind the proxy and on a second node that header is not the public address.
This is what page.get_full_url() does; here for a URL below a page (a route).
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


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


def is_external(url, request=None):
    """Whether `url` leaves the intranet: an absolute address on another host.

    Links that do carry a visible hint (UI guide: say where a link goes), such as
    «(åpnes i et eget skjema)». A relative address stays inside, and so does one on
    the section's own hosts: its Wagtail Sites' (from Wagtail's cached list), SITE_URL's
    and the request's.
    """
    host = urlsplit(url or "").hostname
    if not host:
        return False
    own = {urlsplit(settings.SITE_URL).hostname}
    own.update(urlsplit(root.root_url).hostname for root in Site.get_site_root_paths())
    if request is not None:
        own.add(request.get_host().split(":")[0])
    return host.lower() not in {name.lower() for name in own if name}
