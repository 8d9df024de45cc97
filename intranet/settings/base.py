"""Settings shared by every environment.

Configuration comes only from environment variables; the defaults here are
safe for development. `production.py` insists on the values that must not
have defaults there.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.storage import media_storage, private_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "intranet"


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "methods",
    "cases",
    "funding",
    "events",
    "fabrikken",
    "search",
    "caching",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "csp",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "intranet.middleware.SlidingSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control: private on whatever a signed-in user is sent.
    "intranet.middleware.PrivateCacheMiddleware",
    # The whole section is private: every view needs a signed-in user unless
    # it is marked login_not_required (the sign-in page and /healthz).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # A signed-in user who is refused gets the 403 page, not a sign-in loop.
    "intranet.middleware.RefusalMiddleware",
    # After sign-in is settled: site and page found in the cache, not the tree.
    "caching.middleware.CachedRoutingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "intranet.middleware.SectionCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the Norwegian notice.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite is the embedded default, PostgreSQL (DATABASE_URL) production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        # Writers take the lock when their transaction begins and wait up to
        # 20 s for it, instead of failing with «database is locked» halfway;
        # with WAL, readers never wait for a writer (runserver's threads,
        # several gunicorn workers, the scheduled-publishing job).
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What is the same for every employee (menu, breadcrumbs, footer, routes, the
# front page's sections, listings) is cached until what it shows changes: see caching/.
# Local memory by default (each process its own); Redis when REDIS_URL is set,
# shared by every worker. Either way a publish is seen at once everywhere,
# because the counters that name the keys live in the database.
CACHE_TIMEOUT = int(os.environ.get("CACHE_TIMEOUT", str(24 * 60 * 60)))
# Each response says how many cached parts it had to build (header X-Cache-Built):
# for the benchmark's working day (scripts/bench/workday.py), off in service.
CACHE_BUILT_HEADER = env_bool("CACHE_BUILT_HEADER")
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "innovasjon"),
            "TIMEOUT": CACHE_TIMEOUT,
        }
    }
    # Sessions read from Redis, written to both: no session query per request.
    # (Not with local memory: a sign-out in one worker would linger in another.)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": CACHE_TIMEOUT,
            # Room for a route and breadcrumbs per page of a large section.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins per username and address, and locks out after too many.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with each user's permissions kept in the cache.
    "caching.backends.CachedPermissionsModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "intranet.views.sign_in_locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address, read as the deployment is built (intranet/client_ip.py):
# AXES_PROXY_COUNT proxies in front of gunicorn, each adding to X-Forwarded-For;
# 0 when clients reach gunicorn directly. (Axes' AXES_IPWARE_* settings would
# need django-ipware, which is not installed.) Production insists on it being set.
_proxy_count = os.environ.get("AXES_PROXY_COUNT", "").strip()
if _proxy_count and not _proxy_count.isdigit():
    raise ImproperlyConfigured(
        "AXES_PROXY_COUNT must be a whole number: how many proxies are in front of gunicorn."
    )
CLIENT_IP_PROXY_COUNT = int(_proxy_count or 0)
AXES_CLIENT_IP_CALLABLE = "intranet.client_ip.client_ip"

# Single sign-on with OpenID Connect (e.g. Microsoft Entra ID), off unless
# OIDC_RP_CLIENT_ID is set. Local accounts keep working beside it.
OIDC_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID"))
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    # Last: permissions are answered (from the cache) by the backend before it.
    AUTHENTICATION_BACKENDS.append("intranet.auth.MunicipalOIDCBackend")
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    # Entra ID signs its tokens with RS256; the library's default is HS256.
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
    OIDC_USE_PKCE = True

# Sign-in lasts a working day of inactivity: intranet.middleware renews it.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(9 * 60 * 60)))
SESSION_COOKIE_HTTPONLY = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

# Language and time: Norwegian bokmål first, English as a second language.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English"))]
# The project's catalogue lives in the project package, so the wheel carries it.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic gathers the files WhiteNoise serves. Set it when the site runs from
# an installed wheel: the default is the checkout's static/.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
# Uploaded images, renditions and documents: on this server's disk (MEDIA_ROOT) unless
# the environment names a private Azure container or S3 bucket that every node shares
# (core/storage). Either way they are served only through the site, behind the sign-in.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Attachments to funding applications: personal data with no address at all, served only
# by a view that checks who asks. On disk a folder beside MEDIA_ROOT, never inside it; in
# Azure a private container of its own (core/storage, docs/deploy.md → «Object storage»).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": media_storage(os.environ),
    "private": private_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Mail is queued in the database, in the transaction of what caused it, and sent by a
# worker (`manage.py db_worker --backend mail`) through EMAIL_DELIVERY_BACKEND, with
# retries while SMTP is down (core/mail/, docs/deploy.md → E-post).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "core.mail.backend.QueuedEmailBackend")
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
# Seconds before the worker gives up on a silent SMTP server (and tries later).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "innovasjon@eksempel.no")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Django's task framework (django-tasks, which Wagtail uses). "default" is what Wagtail's
# own tasks (search and reference index updates) run on: immediately, in the request, as
# when no TASKS is set. "mail" is the queue for e-mail: rows in this database, written in
# the caller's transaction (django-tasks-db), run by `db_worker --backend mail`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Innovasjon"
# The site's public address, the one variable for every absolute link: setup_section
# applies it to Wagtail's default Site (what page.get_full_url() and the e-mails use),
# and Wagtail's own e-mails take it as WAGTAILADMIN_BASE_URL. Production requires it;
# the default is runserver's (`make run` sets it from PORT).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/") or "http://127.0.0.1:8000"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: it would send a hash of every editor's e-mail
# address to another host, and the Content-Security-Policy forbids it anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Publishing: the workflow "Godkjenning" (core/publishing/roles.py). An edit while a page
# waits for approval sends it back for approval, so four eyes see what goes live.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Plain language (språklova § 9): the LIX target editors and moderators see beside a page
# (core/readability.py). A helper, never a block. A setting rather than a field on
# SectionSettings: it is the municipality's writing policy, not something to change per
# site in the admin, and needs no migration. 40 is «lett» on the usual LIX scale.
READABILITY_TARGET_LIX = int(os.environ.get("READABILITY_TARGET_LIX", "40"))
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
# Uploads: office formats and images only; no HTML, SVG or executables. Every
# document downloads as an attachment through Wagtail's serve view.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Documents as large as images at most; nginx refuses larger bodies anyway.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Privacy: «innloggede» or chosen groups only. Everyone here is signed in, and a
# shared password can be guessed without limit; core/wagtail_hooks.py refuses any left.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# nginx's client_max_body_size (deploy/nginx.conf) is this limit plus room for the form.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Counts the frames of animated images against that limit, and answers a header that
# Pillow refuses outright with a form error (core/image_uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_uploads.ImageForm"
# The site shows WebP renditions (core/images.py). 80, Wagtail's default, stated on
# purpose: on the demo illustrations it looks the same as the PNG at twice the size and
# weighs a quarter of it; 85 was 15 % heavier with no difference to see.
WAGTAILIMAGES_WEBP_QUALITY = 80
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No oEmbed look-ups: the Content-Security-Policy allows no third-party frames,
# and Wagtail's finder calls providers without a timeout. The video block then
# shows its plain link card. Set finders here to bring players back.
WAGTAILEMBEDS_FINDERS = []
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend; on SQLite with Norwegian stemming added (search/backends.py).
        "BACKEND": "search.backends",
        # Snowball's Norwegian stemmer and stop words on PostgreSQL; SQLite
        # has no text-search configurations at all.
        **({"SEARCH_CONFIG": "norwegian"} if DATABASE_IS_POSTGRES else {}),
        # The search page's fallback to similar words (pg_trgm) needs half the
        # trigrams to match: «arbeid» finds «innovasjonsarbeid», noise does not.
        "FUZZY_SIMILARITY_THRESHOLD": 0.5,
    }
}
# Search statistics (popular searches, searches without hits) cover 30 days;
# `manage.py search_garbage_collect` deletes older ones (README: cron).
WAGTAILSEARCH_HITS_MAX_AGE = 30

# Content-Security-Policy: nothing from other hosts, no inline script, no
# framing. The admin's additions are applied by intranet.middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's page editor still runs inline scripts (checked in chromium).
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# The password `load_demo_content` gives the demo sign-ins (see README).
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task is noise at INFO.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # The Azure SDK logs every HTTP request and its headers at INFO.
        "azure": {"level": "WARNING"},
    },
}
