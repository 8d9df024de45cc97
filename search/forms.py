"""The search box's input, made safe before any of it reaches the search backend.

Wagtail's backends fail on some raw input (wagtail-notes §1.4): a NUL byte, unbalanced
double quotes on SQLite, whitespace only, and many terms (RecursionError). So: NUL is
refused with a message, control characters become spaces, the text is cut to
MAX_LENGTH characters and MAX_TERMS terms (with a notice), and what is left goes
through `parse_query_string` (search/query.py).
"""

import re

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

MAX_LENGTH = 200
MAX_TERMS = 32
# Control characters, and U+FFFD from address escapes that were not UTF-8.
NOISE_RE = re.compile(r"[\x01-\x1f\x7f-\x9f\ufffd]")


class QueryField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(strip=True, required=False, **kwargs)
        self.validators = [
            ProhibitNullCharactersValidator(
                message=_(
                    "The search contains a character we can't search for. "
                    "Try again with letters and digits."
                )
            )
        ]


class SearchForm(forms.Form):
    q = QueryField(label=_("Search Innovasjon"))

    def __init__(self, data, *, max_length=MAX_LENGTH, max_terms=MAX_TERMS):
        super().__init__(data)
        self.max_length = max_length
        self.max_terms = max_terms
        self.notices = []

    def clean_q(self):
        text = " ".join(NOISE_RE.sub(" ", self.cleaned_data["q"]).split())
        if len(text) > self.max_length:
            cut = text[: self.max_length]
            # Cut at the last space when there is one, so no word is left half.
            text = cut.rsplit(" ", 1)[0] if " " in cut else cut
            self.notices.append(
                ngettext(
                    "The search was too long, so we searched for the first %(count)s character.",
                    "The search was too long, so we searched for the first %(count)s characters.",
                    self.max_length,
                )
                % {"count": self.max_length}
            )
        terms = text.split()
        if len(terms) > self.max_terms:
            text = " ".join(terms[: self.max_terms])
            self.notices.append(
                ngettext(
                    "The search had too many words, so we searched for the first %(count)s.",
                    "The search had too many words, so we searched for the first %(count)s.",
                    self.max_terms,
                )
                % {"count": self.max_terms}
            )
        return text

    @property
    def query(self):
        return self.cleaned_data.get("q", "") if self.is_valid() else ""

    @property
    def error(self):
        return self.errors["q"][0] if not self.is_valid() and "q" in self.errors else ""
