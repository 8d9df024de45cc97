"""What many test modules share: reading a response through an HTML parser, and the
demo's password. Fixtures (clients per role, the demo) live in tests/conftest.py."""

import re
from pathlib import Path

from bs4 import BeautifulSoup
from django.apps import apps

# The password the tests give the demo sign-ins (DEMO_PASSWORD).
DEMO_PASSWORD = "et-langt-demopassord"

_SPACES = re.compile(r"[ \t\r\n]+")  # not \xa0: a no-break space is part of what a reader sees


def html_of(response):
    return response.content.decode()


def soup(response_or_html):
    """The page parsed: a response, or HTML as text."""
    html = response_or_html if isinstance(response_or_html, str) else html_of(response_or_html)
    return BeautifulSoup(html, "html.parser")


def collapse(text):
    return _SPACES.sub(" ", text).strip()


def text_of(response_or_html):
    """What a reader sees: the text without tags, scripts and styles, whitespace collapsed
    (no-break spaces kept)."""
    document = soup(response_or_html)
    for hidden in document(["script", "style", "template"]):
        hidden.decompose()
    return collapse(document.get_text(" "))


def texts(response_or_html, selector):
    """The text of each element the CSS selector finds, whitespace collapsed."""
    return [collapse(element.get_text(" ")) for element in soup(response_or_html).select(selector)]


def text_at(response_or_html, selector):
    """The text of the one element the selector finds; fails when there is none or several."""
    found = texts(response_or_html, selector)
    assert len(found) == 1, f"{selector}: {found}"
    return found[0]


def result_count(response):
    """The listing's «Viser …» line."""
    return text_at(response, "p.result-count")


def card_titles(response):
    """The titles of the cards a listing shows, in order."""
    return texts(response, "a.card__link")


def page_of(response):
    """A page a signed-in reader was shown: not a sign-in redirect, not an error."""
    assert response.status_code == 200, response.status_code
    return soup(response)


# The project's folder (tests/helpers.py is one level below it).
ROOT = Path(__file__).resolve().parent.parent
# Every app of this checkout but the demo tooling, read from INSTALLED_APPS: a new
# section's page types and code are swept by the privacy tests the day it is installed.
PROJECT_APPS = {
    config.label
    for config in apps.get_app_configs()
    if Path(config.path).parent == ROOT and config.label != "demo"
}


def page_html(response):
    """The HTML of a page the reader was shown: a 200, never a sign-in redirect or an error
    page, so that «absent from the page» cannot pass on an empty redirect."""
    assert response.status_code == 200, f"{response.status_code} {response.get('Location', '')}"
    return html_of(response)


def page_text(response):
    """What a reader sees on a page they were shown (a 200; see page_html)."""
    return text_of(page_html(response))
