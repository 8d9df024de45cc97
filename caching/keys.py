"""Cache keys: each names the counters it depends on, so a bump is a clean slate for it.

A key names either the `content` counter (anything employees see changed: the safe
default) or, with `on=`, what it depends on: scopes (caching.generation: `navigation`,
`search`, `type:<app.model>`) and pages, whose own counter is their `cache_version`.
Such a key always names `site` too (settings, snippets, images, which nearly every
part shows), so what names it survives every publish that does not touch it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.utils import translation

from caching import generation


def content_key(*parts):
    """A key for something every employee sees alike, in the current language."""
    return ":".join(
        map(str, ("c", generation.current().content, translation.get_language(), *parts))
    )


def access_key(*parts):
    return ":".join(map(str, ("a", generation.current().access, *parts)))


def _version(counters, dependency):
    if isinstance(dependency, str):
        return str(counters[dependency])
    # A page: its own counter, or the content counter for a page type without one.
    version = getattr(dependency, "cache_version", None)
    if version is None:
        return f"p{dependency.pk}c{counters.content}"
    return f"p{dependency.pk}v{version}"


def scoped_key(dependencies, *parts):
    """A key for something that changes only with `dependencies` (scopes and pages)."""
    counters = generation.current()
    versions = ".".join(
        _version(counters, dependency)
        for dependency in (generation.SITE, *dependencies)
        if dependency not in (None, "")  # a template's page that is not there
    )
    return ":".join(map(str, ("s", versions, translation.get_language(), *parts)))


def remember(compute, *parts, on=None, timeout=DEFAULT_TIMEOUT):
    """`compute()`, kept until what it depends on changes (for what every employee sees alike).

    Without `on`, until the next change to any content; with `on`, a list of scopes
    and pages, until one of them (or `site`) changes. `timeout` (seconds) lets what has
    many keys and few readers each (a suggestion per prefix) leave room sooner.
    """
    key = content_key(*parts) if on is None else scoped_key(on, *parts)
    _note_dependencies((generation.CONTENT,) if on is None else on)
    value = cache.get(key)
    if value is None:
        count_miss()
        value = _computing(compute)
        cache.set(key, value, timeout)
    return value


# --- What a whole page depends on (caching.whole_page) ---------------------------------

# While a page is rendered to be kept whole, the dependencies of every cached part it
# shows, so the page is kept until one of them moves. Parts inside a part being built
# are not noted: the outer part names what it shows (inner parts cannot outlive it).
_noted: ContextVar[list | None] = ContextVar("cache_noted_dependencies", default=None)
_building: ContextVar[bool] = ContextVar("cache_building_part", default=False)


@contextmanager
def _set(variable, value):
    """`variable` is `value` inside the block (and the block gets the value)."""
    token = variable.set(value)
    try:
        yield value
    finally:
        variable.reset(token)


def noting_dependencies():
    """Note the dependencies of the cached parts used inside the block: `with … as noted:`."""
    return _set(_noted, [])


def building_part():
    """Whether a cached part is being built: what renders now is kept for everyone."""
    return _building.get()


def _note_dependencies(dependencies):
    noted = _noted.get()
    if noted is not None and not _building.get():
        noted.extend(dependency for dependency in dependencies if dependency not in (None, ""))


def _computing(compute):
    with _set(_building, True):
        return compute()


# How many cached parts the current request had to build (the benchmark's working day).
_misses: ContextVar[list | None] = ContextVar("cache_misses", default=None)


def counting_misses():
    """Count the cached parts built inside the block: `with counting_misses() as built: … built[0]`."""
    return _set(_misses, [0])


def count_miss():
    built = _misses.get()
    if built is not None:
        built[0] += 1
