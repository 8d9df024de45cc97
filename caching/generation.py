"""The cache's counters (caching.models.CacheCounter), read once per request, and how they move on.

Every cache key names the counters it depends on (caching.keys); a change bumps those
of what it affects (caching.scopes says which), inside the change's own transaction.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import F, Value
from django.db.models.functions import Greatest

from caching.models import CacheCounter

# Moves on every change to what employees see: the scope of keys that name no other.
CONTENT = "content"
# Moves on every change to groups, memberships and permissions (cached per user).
ACCESS = "access"
# Settings, snippets, images, documents, sites and locales: part of every scoped key.
SITE = "site"
# Menus, breadcrumbs, routes and privacy: titles and addresses of pages in the tree.
NAVIGATION = "navigation"
# Search answers: every page change.
SEARCH = "search"


def type_scope(model):
    """The scope of every list or card of one page type (its listings, its front-page section)."""
    return f"type:{model._meta.label_lower}"


class Counters(dict):
    """Counter values by name; one never bumped counts as 0."""

    def __missing__(self, name):
        return 0

    @property
    def content(self):
        return self[CONTENT]

    @property
    def access(self):
        return self[ACCESS]


# Inside a request (caching.middleware) the counters are read once, on first use;
# outside requests (commands, the shell) every call reads them.
_in_request: ContextVar[bool] = ContextVar("cache_counters_in_request", default=False)
_current: ContextVar[Counters | None] = ContextVar("cache_counters", default=None)
# Bulk loads bump once at the end instead of on every save.
_suspended: ContextVar[bool] = ContextVar("cache_counters_suspended", default=False)


def read() -> Counters:
    return Counters(CacheCounter.objects.values_list("name", "value"))


def current() -> Counters:
    counters = _current.get()
    if counters is None:
        counters = read()
        if _in_request.get():
            _current.set(counters)
    return counters


@contextmanager
def request_scope():
    """Remember the counters for the length of one request."""
    scope, memo = _in_request.set(True), _current.set(None)
    try:
        yield
    finally:
        _current.reset(memo)
        _in_request.reset(scope)


def suspended():
    return _suspended.get()


def bump(*names):
    """Move the named counters on, inside the caller's transaction.

    Readers then see either the old content under the old values or the new content
    under the new ones: never new keys over old content.
    """
    names = sorted(set(names))
    if not names or _suspended.get():
        return
    _ensure_rows(names)
    CacheCounter.objects.filter(name__in=names).update(value=F("value") + 1)
    # The rest of this request works with the new values.
    _current.set(None)


def _ensure_rows(names):
    """A counter starts at 0 the first time it is named."""
    CacheCounter.objects.bulk_create(
        [CacheCounter(name=name) for name in names], ignore_conflicts=True
    )


def bump_content(*scopes):
    """A change to what employees see: the content counter and the given scopes."""
    bump(CONTENT, *scopes)


def bump_access():
    bump(ACCESS)


def latest_content():
    """The content counter's value now: a page's new `cache_version` (never used before)."""
    return CacheCounter.objects.filter(name=CONTENT).values_list("value", flat=True).first() or 0


def restart():
    """Move `content`, `access` and `site` (which every key names) past every value used so far.

    After a database backup is restored its counters are behind the cache's newest keys;
    the clock (microseconds) is ahead of any value a counter reached by bumps, so no key
    from before is met again whatever the database went through.
    """
    names = (CONTENT, ACCESS, SITE)
    _ensure_rows(names)
    now = time.time_ns() // 1000
    CacheCounter.objects.filter(name__in=names).update(value=Greatest(F("value") + 1, Value(now)))
    _current.set(None)


@contextmanager
def bump_once():
    """Bump once when the block ends instead of on every save inside it.

    Every counter moves on (and `site`, which every scoped key names), so whatever the
    block changed, no key from before it is met again.
    """
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
        _ensure_rows((CONTENT, ACCESS, SITE, NAVIGATION, SEARCH))
        CacheCounter.objects.update(value=F("value") + 1)
        _current.set(None)
