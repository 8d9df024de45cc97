"""Norwegian compound words, split into their parts for the search index.

Norwegian writes compounds as one word: «prosessveiledning», «veiledningstjeneste»,
«møterom». A full-text index holds whole words, so a search for «veiledning» or «rom»
would miss them. Neither backend can split them on its own: PostgreSQL would need a
hunspell dictionary in the server's share directory (impossible on a managed
PostgreSQL) and SQLite's FTS5 has nothing of the kind. So every page indexes, beside
its text, the parts of the compounds in it (`CompoundPartsMixin.compound_parts`), in
a search field weighted below everything else: «rom» finds «Møterom», after the pages
that say «rom» itself.

The splitter is deliberately small and deterministic: a word is a compound when it
can be cut into two or more parts of the vocabulary (core/compound_parts.txt plus
`settings.SEARCH_COMPOUND_PARTS`), each part but the last optionally followed by the
linking «s» or «e» («veiledning|s|tjeneste», «barn|e|hage»), the last optionally
inflected («møte|rommet»). Of the possible cuts it keeps the one with the fewest
parts, so a word that is itself in the vocabulary is never split, and a part must
have at least three letters. Words not in the vocabulary are left alone: a wrong
split would make a search find pages it has nothing to do with.
"""

import re
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings
from wagtail.search import index

VOCABULARY_FILE = Path(__file__).with_name("compound_parts.txt")
WORD_RE = re.compile(r"[^\W\d_]+")
MIN_PART = 3
MIN_WORD = 2 * MIN_PART
MAX_WORD = 60
LINKS = ("", "s", "e")
# Endings the last part may have: «rommet», «tjenesten», «reiser», «midlene».
ENDINGS = ("", "e", "n", "r", "s", "en", "er", "et", "ne", "es", "ene", "ens", "ets", "ers")
ACCENTS = str.maketrans("áàâäéèêëíìîïóòôúùûü", "aaaaeeeeiiiioooouuu")

# Indexed with every page (see CompoundPartsMixin). On PostgreSQL this boost gives the
# field a weight class of its own, which search/backends.py weights below the ordinary
# text; SQLite's index ignores boosts and keeps the parts in a column of their own.
COMPOUND_PARTS_FIELD = "compound_parts"
COMPOUND_PARTS_BOOST = 0.1


def fold(word):
    """Lower case without acute/grave accents: «Idé» and «ide» are the same part."""
    return word.lower().translate(ACCENTS)


def read_vocabulary(text):
    """The parts listed in `text`: one a line, «#» starts a comment."""
    found = set()
    for line in text.splitlines():
        for word in WORD_RE.findall(line.split("#", 1)[0]):
            if len(word) >= MIN_PART:
                found.add(fold(word))
    return found


@cache
def _file_vocabulary():
    return frozenset(read_vocabulary(VOCABULARY_FILE.read_text(encoding="utf-8")))


def vocabulary():
    """The curated parts plus the project's own (`SEARCH_COMPOUND_PARTS`)."""
    extra = tuple(getattr(settings, "SEARCH_COMPOUND_PARTS", ()))
    return _with_extra(extra)


@lru_cache(maxsize=4)
def _with_extra(extra):
    return _file_vocabulary() | frozenset(read_vocabulary("\n".join(extra)))


def _last_part(tail, words):
    """The vocabulary word `tail` is, maybe inflected («rommet» → «rom»), or None."""
    for end in ENDINGS:
        if end and not tail.endswith(end):
            continue
        base = tail[: len(tail) - len(end)] if end else tail
        if len(base) >= MIN_PART and base in words:
            return base
        # A doubled last consonant before the ending: «rommet», «kartet» has none.
        if end and len(base) > MIN_PART and base[-1] == base[-2] and base[:-1] in words:
            return base[:-1]
    return None


def split(word, words=None):
    """The parts of one compound word, or [] when it is none.

    Each part is a slice of the word as written (accents kept); an inflected last part
    comes as its vocabulary form followed by the inflected form:
    «Møterommet» → ["møte", "rom", "rommet"], «veiledningstjeneste» →
    ["veiledning", "tjeneste"], «veiledning» → [].
    """
    words = vocabulary() if words is None else words
    original = word.lower()
    folded = fold(original)
    if not MIN_WORD <= len(folded) <= MAX_WORD or len(folded) != len(original):
        return []
    best = _best_split(folded, words)
    if best is None or len(best) < 2:
        return []
    parts = []
    for start, end, base_length in best:
        parts.append(original[start : start + base_length])
        if end - start != base_length:
            parts.append(original[start:end])
    return parts


def _best_split(folded, words):
    """Spans (start, end, length of the vocabulary word) of the cut with the fewest
    parts; among those the one whose earlier parts are longest. None if there is none."""
    n = len(folded)
    # best[i]: the best cut of folded[i:], as a tuple of spans; computed right to left.
    best = [None] * (n + 1)
    for start in range(n - MIN_PART, -1, -1):
        candidates = []
        tail_base = _last_part(folded[start:], words)
        if tail_base is not None:
            candidates.append(((start, n, len(tail_base)),))
        for end in range(n - MIN_PART, start + MIN_PART - 1, -1):
            part = folded[start:end]
            if part not in words:
                continue
            for link in LINKS:
                rest = end + len(link)
                if folded.startswith(link, end) and rest < n and best[rest] is not None:
                    candidates.append(((start, end, end - start),) + best[rest])
        if candidates:
            best[start] = min(candidates, key=lambda cut: (len(cut), [-s[2] for s in cut]))
    return best[0]


def parts_of(text, words=None):
    """The parts of every compound in `text`, each once, space-separated."""
    words = vocabulary() if words is None else frozenset(words)
    seen = {}
    for word in WORD_RE.findall(text):
        for part in _split_cached(word.lower(), words):
            seen.setdefault(part, None)
    return " ".join(seen)


def parts(word):
    """split(word) with the project's vocabulary, remembered: «Møterom» → ("møte", "rom")."""
    return _split_cached(word.lower(), vocabulary())


@lru_cache(maxsize=100_000)
def _split_cached(word, words):
    # A page's words repeat across pages; the vocabulary is a frozenset (its hash is kept).
    return tuple(split(word, words))


def _texts(value, out):
    if value is None:
        return
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _texts(item, out)
    elif isinstance(value, dict):
        for item in value.values():
            _texts(item, out)
    else:
        out.append(str(value))


class CompoundPartsMixin:
    """A page whose compound words' parts are searchable: add `COMPOUND_PARTS_SEARCH_FIELD`
    to its search_fields (BasePage.search_fields has it)."""

    def compound_parts(self):
        """The parts of the compounds in the page's own searchable text (its fields, not
        related objects, so indexing a page costs no extra query)."""
        texts = []
        for field in self.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name != COMPOUND_PARTS_FIELD:
                _texts(field.get_value(self), texts)
        return parts_of(" ".join(texts))


COMPOUND_PARTS_SEARCH_FIELD = index.SearchField(COMPOUND_PARTS_FIELD, boost=COMPOUND_PARTS_BOOST)
