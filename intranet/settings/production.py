"""Production: refuses to start without the settings that have no safe default."""

import os

from django.core.exceptions import ImproperlyConfigured

from core.site_url import parse_site_url

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, SECRET_KEY, SITE_URL, STORAGES, env_bool, env_list

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")

# Sign-in throttling counts per client address, which depends on what is in
# front of gunicorn (intranet/client_ip.py); no default can be right for both.
if not os.environ.get("AXES_PROXY_COUNT", "").strip():
    raise ImproperlyConfigured(
        "AXES_PROXY_COUNT must be set in the environment for production: the number of "
        "proxies in front of gunicorn that add to X-Forwarded-For (0 when clients connect "
        "to gunicorn directly). See docs/deploy.md."
    )

# Links in e-mails, .ics files and printed pages name the site's public address;
# behind a proxy the application cannot guess it (core/site_url.py).
if not os.environ.get("SITE_URL", "").strip():
    raise ImproperlyConfigured(
        "SITE_URL must be set in the environment for production: the site's public "
        "address, e.g. https://innovasjon.stavanger.kommune.no. See docs/deploy.md."
    )
try:
    parse_site_url(SITE_URL)
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None

DEBUG = False

# The demo tooling (demo/: load_demo_content, seed_bulk, benchmarks) is not part of the
# site. Only `make serve` and `make bench`, which load the demo on production settings
# on loopback, ask for it with DEMO_CONTENT=on; a real server never sets it.
if env_bool("DEMO_CONTENT"):
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

# Media as base.py chose them from the environment (core/storage); static files
# compressed and with hashed names, for far-future caching.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS ends at the municipality's proxy; it tells us the original scheme.
if env_bool("SECURE_PROXY_SSL_HEADER", default=True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading binds the whole domain in browsers for years: a decision for the
# municipality's network team, not for one application.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Cookies travel only over HTTPS. `make serve` turns this off to try the
# production settings over plain HTTP on loopback; never do so behind the proxy.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_HTTPONLY = True

# One JSON object per line on stdout, for the platform's log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "intranet.log_format.JSONFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # The Azure SDK logs every HTTP request and its headers at INFO.
        "azure": {"level": "WARNING"},
    },
}
