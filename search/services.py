"""Services as search results: «book rom» finds «Book rom på Fabrikken» before any page.

Sections declare their services (core.services.Service) through the Wagtail hook
`register_search_services`; this module matches a query against them and resolves
each match to its page through the privacy gate (search/visibility.py), so a service
on a page that is not live, or that the user may not see, is never offered.

Matching is by words, the same on every database: the query's words, less a few
function words («hvordan», «jeg»), are folded (é → e) and stemmed with the Snowball
stemmer the index uses, and each must be among the service's words (its title and
task words), directly, through an editor's synonym group, or as the end of a compound
(«prosessveiledning» ends with «veiledning»). A service whose title or one of whose
task expressions is exactly the query comes first; otherwise the order the sections
declare them in. At least one query word must be a task word, so a search for a name
in a service's title («Fabrikken») finds the page first.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail import hooks

from .highlight import fold
from .stemming import stem, words
from .visibility import visible_pages

HOOK = "register_search_services"
SERVICE_TYPE = "tjeneste"

# Words a task question carries that say nothing about the task («hvordan booker jeg
# et rom»). Only the query drops them: «Be om veiledning» keeps its «om».
STOP_WORDS = frozenset(
    [
        "å",
        "at",
        "av",
        "de",
        "den",
        "der",
        "det",
        "du",
        "eller",
        "en",
        "er",
        "et",
        "for",
        "hva",
        "hvor",
        "hvordan",
        "i",
        "jeg",
        "kan",
        "med",
        "meg",
        "og",
        "om",
        "på",
        "seg",
        "skal",
        "som",
        "til",
        "vi",
        "vil",
    ]
)
# A query word that ends with a service word at least this long is a compound of it.
COMPOUND_MIN_LENGTH = 5


def _key(word):
    return stem(fold(word))


def _expression(text):
    return tuple(_key(word) for word in words(str(text)))


@dataclass
class Entry:
    """One registered service with its words in the active language."""

    service: object
    position: int
    model: type
    keys: frozenset  # the stems of every word of the title and task words
    task_keys: frozenset  # the stems of the task words alone
    prefixes: tuple  # the folded words themselves, for suggestions as one types
    expressions: frozenset  # the title and each task expression as a tuple of stems


def services():
    """Every registered service, in the order the sections declare them."""
    found = []
    for hook in hooks.get_hooks(HOOK):
        found.extend(hook())
    return found


@lru_cache(maxsize=8)
def _entries(language):
    """The registry with its stems, once per language (titles are lazy translations)."""
    entries = []
    for position, service in enumerate(services()):
        try:
            model = apps.get_model(service.page_type)
        except (LookupError, ValueError):
            continue  # the section is not installed here
        texts = [str(service.title), *service.task_words]
        folded = tuple(dict.fromkeys(fold(word) for text in texts for word in words(str(text))))
        entries.append(
            Entry(
                service=service,
                position=position,
                model=model,
                keys=frozenset(stem(word) for word in folded),
                task_keys=frozenset(
                    _key(word) for text in service.task_words for word in words(text)
                ),
                prefixes=folded,
                expressions=frozenset(_expression(text) for text in texts),
            )
        )
    return entries


def entries():
    return _entries(get_language())


def exists():
    return bool(entries())


def _covers(keys, own_word, alternatives):
    """Whether a query word (its stem, or a synonym's) is among `keys`, or its own stem is
    a compound that ends with one. Synonyms are not split: «idéverksted», a synonym of
    «idémyldring», is no request for the workshop's rooms."""
    if any(key in keys for key in alternatives):
        return True
    return any(len(key) >= COMPOUND_MIN_LENGTH and own_word.endswith(key) for key in keys)


def match(query, synonyms=None):
    """The services that answer `query`, best first (a list of Entry)."""
    query_words = [word for word in words(query) if fold(word) not in STOP_WORDS]
    if not query_words:
        return []
    wanted = []
    for word in query_words:
        alternatives = {_key(word)}
        for synonym in synonyms.lookup(word) if synonyms else ():
            alternatives.update(_key(part) for part in words(synonym))
        wanted.append((_key(word), alternatives))
    whole = tuple(_key(word) for word in query_words)
    # Every word belongs to the service (its title or task words), and at least one is a
    # task word: «fabrikken» alone asks for the page, not for booking one of its rooms.
    found = [
        entry
        for entry in entries()
        if all(_covers(entry.keys, own, alternatives) for own, alternatives in wanted)
        and any(_covers(entry.task_keys, own, alternatives) for own, alternatives in wanted)
    ]
    return sorted(found, key=lambda entry: (whole not in entry.expressions, entry.position))


def match_prefix(text):
    """The services whose words begin as typed («book ro»), for the suggestions."""
    typed = [fold(word) for word in words(text) if fold(word) not in STOP_WORDS]
    if not typed:
        return []
    return [
        entry
        for entry in entries()
        if all(any(own.startswith(part) for own in entry.prefixes) for part in typed)
    ]


@dataclass
class Found:
    """A service resolved for one request: where it is, for this user."""

    service: object
    url: str
    page: object


def resolve(found_entries, request):
    """Each entry whose page is live and visible to the user, with its address.

    One query, and none when nothing matched.
    """
    if not found_entries:
        return []
    models = {entry.model for entry in found_entries}
    content_types = ContentType.objects.get_for_models(*models)  # Django's cache
    pages = {}
    rows = (
        visible_pages(request)
        .filter(content_type__in=[ct.pk for ct in content_types.values()])
        .order_by("path")
    )
    for page in rows:
        pages.setdefault(page.content_type_id, page)
    resolved = []
    for entry in found_entries:
        page = pages.get(content_types[entry.model].pk)
        url = page.get_url(request) if page is not None else None
        if not url:
            continue
        if entry.service.route:
            url += entry.model.get_resolver().reverse(entry.service.route)
        resolved.append(Found(service=entry.service, url=url, page=page))
    return resolved
