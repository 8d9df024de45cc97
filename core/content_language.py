"""Content stays Norwegian when the interface is English: mark it so.

The interface speaks the reader's language (Django's i18n; English is the
msgid fallback), but what editors wrote (titles, bodies, a form's labels) is
Norwegian whatever the interface says. With `<html lang="en">` a screen reader
would read that Norwegian with English sounds; `lang="nb"` on the content
says otherwise. When the interface is Norwegian too, nothing is added: the
page's own `<html lang>` already says it, and the markup stays as it was.
"""

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language


def content_differs():
    """Whether the interface is in another language than the content (LANGUAGE_CODE)."""
    return (get_language() or settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE


def lang_attribute():
    """` lang="nb"` for an element holding content, or "" when the interface is Norwegian."""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE) if content_differs() else ""


def as_content(text):
    """Editors' text, escaped, in a `<span lang="nb">` when the interface is not Norwegian."""
    if text in (None, ""):
        return ""
    if not content_differs():
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, text)
