"""Development: the embedded defaults that `make run` serves."""

import os

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env_list

DEBUG = True
# The demo content, factories, bulk seeding and benchmarks (demo/): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# Development only: production.py refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Serve static files from the apps' folders without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
