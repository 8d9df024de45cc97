"""From the cleaned search text to a search query: phrases, synonyms, highlight terms.

`parse_query_string` turns double quotes into phrases (the safe way through SQLite),
and a colon is treated as punctuation first, so «fase:forsta» is searched rather than
taken as a filter. Editors' synonym groups then widen a term or an expression of up to
a few words into «any of these»: «brukerreise» becomes
(brukerreise OR kundereise OR "customer journey"). Terms and synonyms are compared by
their Snowball stems, so «brukerreisen» also finds the group.
"""

from dataclasses import dataclass, field

from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import parse_query_string

from caching.keys import remember

from .stemming import stem, words


def _key(text):
    return tuple(stem(word) for word in words(text))


class Synonyms:
    """Every synonym group, indexed by the stems of its expressions."""

    def __init__(self, groups):
        self.index = {}
        for group in groups:
            terms = [term for term in group if words(term)]
            for term in terms:
                self.index.setdefault(_key(term), [])
                for other in terms:
                    if _key(other) != _key(term) and other not in self.index[_key(term)]:
                        self.index[_key(term)].append(other)
        self.longest = max((len(key) for key in self.index), default=0)

    @classmethod
    def load(cls):
        from .models import SynonymGroup

        groups = remember(
            lambda: [group.term_list for group in SynonymGroup.objects.all()], "synonyms", on=[]
        )
        return cls(groups)

    def lookup(self, text):
        return self.index.get(_key(text), [])


@dataclass
class ParsedQuery:
    query: object
    terms: list = field(default_factory=list)  # the words to highlight, synonyms included
    synonyms: list = field(default_factory=list)  # the synonyms that were added


def build(text, synonyms=None):
    """The query object for `text` (already cleaned by SearchForm)."""
    synonyms = synonyms or Synonyms([])
    _filters, parsed = parse_query_string(text.replace(":", " "), operator="and")
    result = ParsedQuery(query=None, terms=words(text))
    result.query = _expand(parsed, synonyms, result)
    result.terms += [word for synonym in result.synonyms for word in words(synonym)]
    return result


def _expand(node, synonyms, result):
    if isinstance(node, Phrase):
        found = synonyms.lookup(node.query_string)
        if found:
            result.synonyms += found
            return Or([node] + [PlainText(term, operator="and") for term in found])
        return node
    if isinstance(node, PlainText):
        return _expand_text(node, synonyms, result)
    if isinstance(node, And):
        return And([_expand(sub, synonyms, result) for sub in node.subqueries])
    if isinstance(node, Or):
        return Or([_expand(sub, synonyms, result) for sub in node.subqueries])
    return node


def _expand_text(node, synonyms, result):
    terms = node.query_string.split()
    if not synonyms.index or not terms:
        return node
    parts, plain, position = [], [], 0
    while position < len(terms):
        for size in range(min(synonyms.longest, len(terms) - position), 0, -1):
            window = " ".join(terms[position : position + size])
            found = synonyms.lookup(window)
            if found:
                if plain:
                    parts.append(PlainText(" ".join(plain), operator=node.operator))
                    plain = []
                result.synonyms += found
                parts.append(
                    Or(
                        [PlainText(window, operator="and")]
                        + [PlainText(term, operator="and") for term in found]
                    )
                )
                position += size
                break
        else:
            plain.append(terms[position])
            position += 1
    if not result.synonyms:
        return node
    if plain:
        parts.append(PlainText(" ".join(plain), operator=node.operator))
    return parts[0] if len(parts) == 1 else And(parts)
