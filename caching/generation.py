"""The current cache generation, read once per request, and how it moves on.

Every cache key carries the generation (see caching.models.CacheGeneration
for why the counters live in the database and not in the cache).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from django.db.models import F

from caching.models import CacheGeneration

ROW = 1


class Generation(NamedTuple):
    content: int
    access: int


# Inside a request (caching.middleware) the row is read once, on first use;
# outside requests (commands, the shell) every call reads it.
_in_request: ContextVar[bool] = ContextVar("cache_generation_in_request", default=False)
_current: ContextVar[Generation | None] = ContextVar("cache_generation", default=None)
# Bulk loads bump once at the end instead of on every save.
_suspended: ContextVar[bool] = ContextVar("cache_generation_suspended", default=False)


def read() -> Generation:
    row = CacheGeneration.objects.filter(pk=ROW).values_list("content", "access").first()
    return Generation(*row) if row else Generation(0, 0)


def current() -> Generation:
    generation = _current.get()
    if generation is None:
        generation = read()
        if _in_request.get():
            _current.set(generation)
    return generation


@contextmanager
def request_scope():
    """Remember the generation for the length of one request."""
    scope, memo = _in_request.set(True), _current.set(None)
    try:
        yield
    finally:
        _current.reset(memo)
        _in_request.reset(scope)


def bump(*, content=False, access=False):
    """Start a new generation, inside the caller's transaction.

    Readers then see either the old content under the old generation or the
    new content under the new one: never new keys over old content.
    """
    changes = {}
    if content:
        changes["content"] = F("content") + 1
    if access:
        changes["access"] = F("access") + 1
    if not changes or _suspended.get():
        return
    if not CacheGeneration.objects.filter(pk=ROW).update(**changes):
        # The row is gone (a flushed test database): start again from zero.
        CacheGeneration.objects.get_or_create(pk=ROW)
        CacheGeneration.objects.filter(pk=ROW).update(**changes)
    # The rest of this request works in the new generation.
    _current.set(None)


@contextmanager
def bump_once():
    """Bump once when the block ends instead of on every save inside it."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
        bump(content=True, access=True)
