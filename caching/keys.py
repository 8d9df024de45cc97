"""Cache keys: each names its generation, so a new generation is a clean slate."""

from django.core.cache import cache
from django.utils import translation

from caching import generation


def content_key(*parts):
    """A key for something every employee sees alike, in the current language."""
    return ":".join(
        map(str, ("c", generation.current().content, translation.get_language(), *parts))
    )


def access_key(*parts):
    return ":".join(map(str, ("a", generation.current().access, *parts)))


def remember(compute, *parts):
    """`compute()`, kept until the next content change (for things every employee sees alike)."""
    key = content_key(*parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value
