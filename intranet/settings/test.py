"""Tests: development settings with fast hashing and captured e-mail."""

import os

from .dev import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# django-axes needs a request to authenticate, which client.login() and
# Wagtail's test helpers lack; the tests that check throttling switch it on.
AXES_ENABLED = False
AUTHENTICATION_BACKENDS = ["caching.backends.CachedPermissionsModelBackend"]
# Search statistics are written when a test asks (search.log.flush, or a test that
# sets the interval to 0). Written when the wall clock says so, a write would land
# inside whichever request a query budget happens to be counting.
SEARCH_LOG_FLUSH_SECONDS = 24 * 60 * 60

# Parallel test workers (pytest-xdist: gw0, gw1, …) each get a Redis database of their
# own: a test clears the cache, and Redis clears a whole database at once.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _WORKER.startswith("gw"):  # noqa: F405
    _DATABASE = int(_WORKER[2:]) + 1
    CACHES["default"]["LOCATION"] = f"{REDIS_URL.rsplit('/', 1)[0]}/{_DATABASE}"  # noqa: F405
