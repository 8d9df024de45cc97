"""Cache keys: each names its generation, so a new generation is a clean slate."""

from django.utils import translation

from caching import generation


def content_key(*parts):
    """A key for something every employee sees alike, in the current language."""
    return ":".join(
        map(str, ("c", generation.current().content, translation.get_language(), *parts))
    )


def access_key(*parts):
    return ":".join(map(str, ("a", generation.current().access, *parts)))
