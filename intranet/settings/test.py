"""Tests: development settings with fast hashing and captured e-mail."""

from .dev import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# django-axes needs a request to authenticate, which client.login() and
# Wagtail's test helpers lack; the tests that check throttling switch it on.
AXES_ENABLED = False
AUTHENTICATION_BACKENDS = ["caching.backends.CachedPermissionsModelBackend"]
