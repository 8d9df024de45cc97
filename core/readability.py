"""LIX, the readability index editors see beside a page (språklova § 9: plain language).

LIX = words / sentences + 100 × long words / words, where a long word has
more than six letters (Björnsson). Below 30 is very easy, 30–40 easy
(the section's target, `READABILITY_TARGET_LIX`), 40–50 medium, 50–60
hard, above 60 very hard.

A helper, never a gate: nothing here refuses to save or publish.

The score is taken over the text a reader sees: the page rendered as a
preview (Wagtail's `make_preview_request`), only its `<main>`, without
navigation, forms and the «last updated» line. Every heading, paragraph,
list item and table cell ends a sentence, so a list without full stops
counts as short sentences rather than one long one.
"""

import logging
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

LONG_WORD_LETTERS = 6  # a word with more letters than this is long
LONGEST_SHOWN = 3

# Abbreviations that never end a sentence, even before a capital («f.eks. Stavanger»).
ABBREVIATIONS = frozenset(
    [
        "f.eks.",
        "feks.",
        "bl.a.",
        "ca.",
        "kl.",
        "nr.",
        "dvs.",
        "jf.",
        "jfr.",
        "evt.",
        "ev.",
        "pga.",
        "mht.",
        "iht.",
        "ift.",
        "vedr.",
        "inkl.",
        "ekskl.",
        "tlf.",
        "hhv.",
        "kap.",
        "pkt.",
        "ref.",
        "s.",
        "st.",
        "nb.",
        "mill.",
        "mrd.",
        "kr.",
        "ang.",
        "adm.",
        "avd.",
        "dir.",
        "prof.",
        "dr.",
    ]
)
# Abbreviations that end a list and often a sentence: an end only when a capital follows.
LIST_ENDINGS = frozenset(["osv.", "m.m.", "mv.", "m.v.", "etc.", "o.l.", "m.fl."])

_TERMINATORS = ".!?…:"
_CLOSING = "»\"”’')]"
_OPENING = "«\"“‘'(["

# Elements whose text is no part of the page's prose, or is not shown.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIPPED_TAGS = ["script", "style", "template", "noscript", "svg", "nav", "form", "button"]
_SKIPPED_SELECTORS = ".page-meta, .messages, .visually-hidden, [hidden], [aria-hidden=true]"

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int
    longest: tuple[Sentence, ...]
    target: int

    @property
    def lix(self):
        """The index, rounded to a whole number as it is usually quoted (None without text)."""
        if not self.words:
            return None
        return round(self.words / self.sentences + 100 * self.long_words / self.words)

    @property
    def meets_target(self):
        return self.lix is not None and self.lix <= self.target

    @property
    def level(self):
        """One of: very_easy, easy, medium, hard, very_hard (None without text)."""
        lix = self.lix
        if lix is None:
            return None
        for limit, name in ((30, "very_easy"), (40, "easy"), (50, "medium"), (60, "hard")):
            if lix < limit:
                return name
        return "very_hard"


def target():
    return getattr(settings, "READABILITY_TARGET_LIX", 40)


# --- Text -----------------------------------------------------------------------------------


def text_blocks(html):
    """The text of the page's `<main>` (or the whole document), one string per block element."""
    document = BeautifulSoup(html, "html.parser")
    root = document.find("main") or document.body or document
    for element in root.find_all(_SKIPPED_TAGS):
        element.decompose()
    for element in root.select(_SKIPPED_SELECTORS):
        element.decompose()

    blocks, current, owner = [], [], None
    for string in root.find_all(string=True):
        if type(string) is not NavigableString:  # comments, doctypes, CDATA
            continue
        block = next((parent for parent in string.parents if parent.name in _BLOCK_TAGS), None)
        if block is not owner:
            blocks.append(" ".join(current))
            current, owner = [], block
        current.append(str(string))
    # Joined with a space: badges and labels sit side by side in inline elements
    # («<span>Oppvekst</span><span>2021</span>»), which are two words, not one.
    blocks.append(" ".join(current))
    return [text for text in (_SPACES.sub(" ", block).strip() for block in blocks) if text]


def _is_word(token):
    return any(character.isalnum() for character in token)


def _letters(token):
    return sum(character.isalpha() for character in token)


def _ends_sentence(token, following):
    """Whether `token` ends a sentence, given the token after it (None at the block's end)."""
    bare = token.rstrip(_CLOSING)
    if not bare or bare[-1] not in _TERMINATORS:
        return False
    if following is None:
        return True
    next_start = following.lstrip(_OPENING)[:1]
    # Norwegian starts a sentence with a capital (or a number): «1. mars», «ca. ti» and
    # «Hva nå?» spurte hun» go on.
    if next_start.islower():
        return False
    word = bare.lstrip(_OPENING).lower()
    if bare[-1] == "." and word in ABBREVIATIONS:
        return False
    if bare[-1] == ":" and not next_start.isupper():
        return False
    return not (bare[-1] == "." and word in LIST_ENDINGS and not next_start.isupper())


def split_sentences(block):
    """One block's text as sentences (each a list of tokens split on whitespace)."""
    tokens = block.split()
    sentences, current = [], []
    for index, token in enumerate(tokens):
        current.append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if _ends_sentence(token, following):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return [sentence for sentence in sentences if any(_is_word(token) for token in sentence)]


def score_blocks(blocks, target_lix=None):
    """Readability of text given as blocks (each block ends a sentence)."""
    words = long_words = 0
    sentences = []
    for block in blocks:
        for tokens in split_sentences(block):
            counted = [token for token in tokens if _is_word(token)]
            words += len(counted)
            long_words += sum(_letters(token) > LONG_WORD_LETTERS for token in counted)
            sentences.append(Sentence(" ".join(tokens), len(counted)))
    longest = sorted(sentences, key=lambda sentence: -sentence.words)[:LONGEST_SHOWN]
    return Readability(
        words=words,
        sentences=len(sentences),
        long_words=long_words,
        longest=tuple(longest),
        target=target() if target_lix is None else target_lix,
    )


def score_text(text, target_lix=None):
    """Readability of plain text: paragraphs are separated by blank lines."""
    return score_blocks(re.split(r"\n\s*\n", text), target_lix)


def score_html(html, target_lix=None):
    return score_blocks(text_blocks(html), target_lix)


# --- Pages ----------------------------------------------------------------------------------


def score_revision(revision, request):
    """Readability of a page revision as it renders, or None when it cannot be rendered.

    Revisions never change, so the score is cached under the revision (its
    creation time too: a test database may hand a rolled-back id out again).
    """
    key = f"readability:{revision.pk}:{revision.created_at.timestamp()}:{target()}"
    result = cache.get(key)
    if result is None:
        page = revision.as_object()
        try:
            response = page.make_preview_request(request, page.default_preview_mode)
        except Exception:  # a helper must never break the editor or the approval
            logger.exception(
                "Readability: page %s, revision %s did not render", page.pk, revision.pk
            )
            return None
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            return None
        result = score_html(response.content.decode(response.charset or "utf-8"))
        cache.set(key, result, None)
    return result


def score_page(page, request):
    """Readability of the page's latest saved revision (None before the first save)."""
    if page is None or not page.pk:
        return None
    revision = page.get_latest_revision()
    if revision is None:
        return None
    return score_revision(revision, request)
