"""The site's public address (SITE_URL) as Wagtail's Site stores it.

Links that leave the browser (e-mails, .ics files, the printed footer) are
built from the default Site's root_url, which Wagtail derives from a host
name and a port: port 443 gives https://host, port 80 http://host, any other
port http://host:port. So an address is accepted only when that round trip
gives it back: no path, no https on another port than 443.
`setup_section` applies it to the Site; production settings check it at start-up.
"""

from typing import NamedTuple
from urllib.parse import urlsplit


class SiteAddress(NamedTuple):
    hostname: str
    port: int


def parse_site_url(url):
    """SiteAddress for an address like https://innovasjon.example.no; ValueError saying why not."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"SITE_URL must be an http:// or https:// address, not «{url}».")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(
            f"SITE_URL must name only the scheme, host and port, not «{url}»: "
            "the site is served at the root of its host."
        )
    default_port = 443 if parts.scheme == "https" else 80
    port = parts.port or default_port
    if parts.scheme == "https" and port != 443:
        raise ValueError(f"SITE_URL «{url}»: Wagtail's Site links to https only on port 443.")
    if parts.scheme == "http" and port == 443:
        raise ValueError(f"SITE_URL «{url}»: plain http on port 443.")
    return SiteAddress(parts.hostname, port)
