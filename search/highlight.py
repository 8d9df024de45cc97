"""<mark> around the query's words in titles and summaries, and the passage that matched.

No search backend highlights (wagtail-notes §1.3), and the two databases match words
differently, so this is done in Python, the same on both: a word is marked when it is a
query word or has the same Snowball stem (so «metoder» marks «metode»), with acute and
grave accents ignored (so «ideer» marks «idéer»), or is a compound with such a part
(«rom» marks «møterom», as the index found it: core/compounds.py). In a fallback search (compound words,
similar words) any word that contains a query word is marked.
"""

import re
import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText, get_text_for_indexing
from wagtail.search import index

from core.compounds import COMPOUND_PARTS_FIELD
from core.compounds import parts as compound_parts

from .stemming import WORD_RE, stem

ACCENTS = str.maketrans("áàâäéèêëíìîïóòôúùûü", "aaaaeeeeiiiioooouuu")
PASSAGE_BEFORE = 8
PASSAGE_AFTER = 22
# A list item's end, kept through tag stripping so the passage can show where one item
# stops and the next begins («Tusj · Tape»), instead of running them into one sentence.
ITEM_END = "\x1f"
SENTENCE_END = re.compile(r"[.!?:;…]\s*$")


def fold(word):
    return unicodedata.normalize("NFC", word.lower()).translate(ACCENTS)


class Highlighter:
    def __init__(self, terms, loose=False):
        self.words = {fold(word) for word in terms if word}
        self.stems = {stem(word) for word in self.words}
        self.loose = {word for word in self.words if len(word) >= 3} if loose else set()

    def __bool__(self):
        return bool(self.words)

    def matches(self, word):
        word = fold(word)
        if word in self.words:
            return True
        # A stem is always the start of its word: test that cheap fact first.
        if any(word.startswith(prefix) for prefix in self.stems) and stem(word) in self.stems:
            return True
        if any(self._is_part(part) for part in compound_parts(word)):
            return True
        return any(term in word for term in self.loose)

    def _is_part(self, part):
        part = fold(part)
        return part in self.words or stem(part) in self.stems

    def has_match(self, text):
        return bool(text) and any(self.matches(m.group()) for m in WORD_RE.finditer(text))

    def mark(self, text):
        """`text` escaped, with each matching word in <mark>."""
        if not text:
            return ""
        out, last = [], 0
        for match in WORD_RE.finditer(text):
            if self.matches(match.group()):
                out.append(escape(text[last : match.start()]))
                out.append(f"<mark>{escape(match.group())}</mark>")
                last = match.end()
        out.append(escape(text[last:]))
        return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above

    def passage(self, texts):
        """About thirty words around the first match in `texts` (a page's texts, one per
        field or block, so a passage never runs from one block into the next), marked;
        "" without a match."""
        for text in [texts] if isinstance(texts, str) else texts:
            text = " ".join(join_items(text.splitlines()).split())  # one line per item in lists
            found = list(WORD_RE.finditer(text))
            for position, match in enumerate(found):
                if self.matches(match.group()):
                    return self._window(text, found, position)
        return ""

    def _window(self, text, found, position):
        first = max(0, position - PASSAGE_BEFORE)
        last = min(len(found) - 1, position + PASSAGE_AFTER)
        start = found[first].start() if first else 0
        end = found[last].end() if last < len(found) - 1 else len(text)
        before = "… " if start else ""
        after = " …" if end < len(text) else ""
        return mark_safe(f"{before}{self.mark(text[start:end])}{after}")  # noqa: S308


def page_text(page, summary=""):
    """The texts of a page's own search fields but title and summary, one per field or
    block (no related objects, so no queries)."""
    parts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        if search_field.field_name in ("title", "summary", COMPOUND_PARTS_FIELD):
            continue
        value = _field_text(page, search_field)
        if summary and isinstance(value, str) and value.strip() == summary.strip():
            continue  # the field the summary comes from, such as `intro`
        _flatten(value, parts)
    return [part for part in parts if part.strip()]


def rich_text_passage(html):
    """Rich text as plain text whose list items stay apart (see join_items)."""
    marked = re.sub(r"</li>", ITEM_END + "</li>", html, flags=re.IGNORECASE)
    return join_items(get_text_for_indexing(marked).split(ITEM_END))


def join_items(pieces):
    """List items as one text that shows where each ends: «Gule lapper · Tusj», while an
    item that ends its own sentence needs no mark («… skal med. Før dere …»)."""
    out = ""
    for piece in (piece.strip() for piece in pieces):
        if piece:
            separator = "" if not out else " " if SENTENCE_END.search(out) else " · "
            out = f"{out}{separator}{piece}"
    return out


def _field_text(page, search_field):
    """A field's searchable text, with rich text (also inside StreamField blocks) through
    rich_text_passage; everything else as the index sees it."""
    try:
        field = page._meta.get_field(search_field.field_name)
    except FieldDoesNotExist:
        field = None
    if isinstance(field, RichTextField):
        return rich_text_passage(field.value_from_object(page) or "")
    if isinstance(field, StreamField):
        parts = []
        _block_text(field.stream_block, field.value_from_object(page), parts)
        return parts
    return search_field.get_value(page)


def _block_text(block, value, parts):
    if isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        parts.append(rich_text_passage(value.source if isinstance(value, RichText) else str(value)))
    elif isinstance(block, blocks.StreamBlock):
        for child in value or ():
            _block_text(child.block, child.value, parts)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _block_text(child_block, value.get(name), parts)
    elif isinstance(block, blocks.ListBlock):
        for item in value or ():
            _block_text(block.child_block, item, parts)
    elif isinstance(block, blocks.ChoiceBlock):
        return  # a setting such as a heading's level, not text a reader would recognise
    else:
        parts.extend(block.get_searchable_content(value))


def _flatten(value, parts):
    if value is None:
        return
    if isinstance(value, str):
        parts.append(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _flatten(item, parts)
    elif isinstance(value, dict):
        for item in value.values():
            _flatten(item, parts)
    else:
        parts.append(str(value))
