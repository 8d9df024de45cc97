"""What the block modules share: the rich-text features, picker groups and small formatters."""

import re
from urllib.parse import urlsplit

from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.formats import transliterate

# Rich text inside blocks and rich-text fields: no headings (the heading block does
# that), no embeds or images. Every section uses this one list (as
# core.blocks.RICH_TEXT_FEATURES), so a change reaches all.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

# The groups that sort the block picker.
GROUP_TEXT = _("Text")
GROUP_MEDIA = _("Media")
GROUP_STRUCTURE = _("Structure")
GROUP_CONTACT = _("Contact")


def make_anchor(text):
    """An ASCII id for a heading: «Søknad og frister» → «soknad-og-frister»."""
    return slugify(transliterate(text).lower())


def host_name(url):
    """The host a link leads to, without «www.»: «https://www.youtube.com/x» → «youtube.com»."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def human_file_size(num_bytes):
    """A file size as readers know it: «512 B», «120 kB», «1,4 MB», «12 MB» (no-break space)."""
    if num_bytes is None:
        return ""
    if num_bytes < 1000:
        return f"{num_bytes}\u00a0B"
    value = float(num_bytes)
    for unit in ("kB", "MB", "GB"):
        value /= 1000
        if value < 999.5 or unit == "GB":
            break
    if unit == "kB" or value >= 9.95:
        return f"{number_format(round(value), force_grouping=True)}\u00a0{unit}"
    return f"{number_format(round(value, 1), decimal_pos=1)}\u00a0{unit}"


def tel_href(phone):
    """A tel: target from a number written for people: «51 50 70 90» → «51507090»."""
    return re.sub(r"[^\d+]", "", phone or "")
