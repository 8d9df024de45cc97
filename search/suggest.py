"""Suggestions for the header's search box as one types, kept in the cache per prefix.

Everyone types the same few prefixes («in», «inn», «innov», «bru»), and each answer
costs a prefix match in the index, the services and the dated pages' states. So an
answer is kept until one of the things it depends on changes, and the key names each:

- the text typed, in lower case with single spaces («Inn » and «inn» are one key;
  accents stay: PostgreSQL's title vector does not fold them), hashed to a short key;
- who asks: the restrictions the request may not pass (caching.privacy.audience_key),
  so a restricted page or service never reaches someone who may not see it;
- the request's site (which pages are searched, and their addresses);
- the language (the type labels and service titles are translated): every scoped key
  holds it;
- the stretch of time (core.schedule): upcoming events and open calls come first, so
  the order changes when an event passes or a call closes;
- `search` (any page published, unpublished, renamed, moved) and `navigation` (page
  addresses, view restrictions). The services are declared in code (a Wagtail hook) and
  reach the answer through their pages; `site`, in every scoped key, covers settings
  and snippets.
"""

import hashlib
import unicodedata

from wagtail.models import Site

from caching import generation
from caching.keys import remember
from caching.privacy import audience_key
from core import schedule

from . import services, types
from .engine import current_first
from .highlight import fold
from .stemming import words
from .visibility import visible_pages

SUGGESTIONS = 8
# One entry per prefix, audience and stretch: many keys, each asked in bursts, so they
# give way after an hour instead of crowding the cache for a day.
KEPT_SECONDS = 60 * 60
SUGGESTED_SERVICES = 3  # the rest of the list stays for pages
MIN_LENGTH = 2


def normalised(text):
    """The text as the key and the match see it: lower case, NFC, single spaces.

    Both backends and every match below ignore case and repeated spaces, so the answer
    for the normalised text is the answer for the text.
    """
    return " ".join(unicodedata.normalize("NFC", text.replace('"', " ")).lower().split())


def suggestions(request, text):
    """Up to eight services and live pages whose words begin as `text`, as dicts for JSON.

    [{"title": "Brukerreise", "url": "/metoder/brukerreise/", "type": "Metode"}, …]
    """
    text = normalised(text)
    if len(text) < MIN_LENGTH or not any(char.isalnum() for char in text):
        return []
    site = Site.find_for_request(request)
    return remember(
        lambda: _compute(request, text),
        "suggestions",
        hashlib.sha256(text.encode()).hexdigest()[:32],
        site.pk if site is not None else "",
        audience_key(request),
        schedule.stretch(),
        on=[generation.SEARCH, generation.NAVIGATION],
        timeout=KEPT_SECONDS,
    )


def _compute(request, text):
    """Services («Book rom på Fabrikken» for «book ro») first, as in the results, then pages."""
    items = []
    service_type = str(types.TYPE_LABELS[services.SERVICE_TYPE])
    for found in services.resolve(services.match_prefix(text), request)[:SUGGESTED_SERVICES]:
        items.append({"title": str(found.service.title), "url": found.url, "type": service_type})
    # The index's title column also holds the titles of related objects (a case's
    # methods), so a few more are fetched and only pages whose own title begins
    # words as typed are kept.
    typed = [fold(word) for word in words(text)]
    candidates = visible_pages(request).autocomplete(text, fields=["title"])
    pages = [page for page in candidates[: SUGGESTIONS * 3] if _title_matches(page, typed)]
    for page in _current_first(pages)[: SUGGESTIONS - len(items)]:
        model = page.specific_class or type(page)
        items.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": str(types.label_of(types.type_of(model), model)),
            }
        )
    return items


def _current_first(pages):
    """Upcoming events and open calls before past ones, as in the results.

    The suggestions are plain pages; the dated ones are loaded as their own type to
    tell (one query per dated type among them, without their StreamFields).
    """
    by_model = {}
    for page in pages:
        model = page.specific_class
        if model is not None and hasattr(model, "search_is_current"):
            by_model.setdefault(model, []).append(page.pk)
    if not by_model:
        return pages
    specific = {}
    for model, ids in by_model.items():
        specific.update(model.objects.filter(pk__in=ids).defer_streamfields().in_bulk())
    return current_first([specific.get(page.pk, page) for page in pages])


def _title_matches(page, typed):
    title_words = [fold(word) for word in words(page.title)]
    return all(any(word.startswith(part) for word in title_words) for part in typed)
