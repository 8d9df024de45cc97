"""Norwegian words and stems, shared by the SQLite index, the query and the highlighting.

Snowball's Norwegian stemmer is the algorithm PostgreSQL's `norwegian` text-search
configuration uses, so «metoder», «metode» and «metodene» all become «metod» here as
they do there. The stemmer only strips endings: a word's stem is always the start of
the word, which the highlighter relies on to skip words cheaply.
"""

import re
from functools import lru_cache

import snowballstemmer

# What SQLite's unicode61 tokenizer treats as a word: letters and digits.
WORD_RE = re.compile(r"[^\W_]+")

_stemmer = snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=50_000)
def stem(word):
    """The stem of one lower-case word: «brukerreisen» → «brukerreis»."""
    return _stemmer.stemWord(word)


def words(text):
    """The lower-case words of `text`, in order."""
    return WORD_RE.findall(text.lower())


def stems_of(text):
    """The stems of the words in `text` that differ from the word, each once, in order.

    These are what the SQLite index adds to a page's own words: the words themselves
    are indexed already.
    """
    seen = set()
    result = []
    for word in words(text):
        stemmed = stem(word)
        if stemmed != word and stemmed not in seen:
            seen.add(stemmed)
            result.append(stemmed)
    return result


def stemmed_term(term):
    """A query term's stemmed form («metoder» → «metod»), or "" when stemming changes nothing."""
    parts = words(term)
    stemmed = [stem(part) for part in parts]
    if not parts or stemmed == parts:
        return ""
    return " ".join(stemmed)
