"""Fixtures and helpers the search tests share."""

import pytest
from django.conf import settings

from demo import factories
from search import log
from tests.helpers import soup

ON_POSTGRES = settings.DATABASE_IS_POSTGRES
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL behaviour")


@pytest.fixture(autouse=True)
def _write_search_log_at_once(settings):
    """Searches are counted in memory; in tests they are written after every request."""
    settings.SEARCH_LOG_FLUSH_SECONDS = 0
    log.discard()
    yield
    log.discard()


@pytest.fixture
def section(home):
    """A small section: methods, a content page, a funding call; all say «kommunen»."""
    factories.make_phases()
    index = factories.make_method_index()
    funding_index = factories.make_funding_index()
    pages = {
        "brukerreise": factories.make_method(
            index,
            title="Brukerreise",
            slug="brukerreise",
            summary="Følg brukeren steg for steg gjennom tjenesten i kommunen.",
            phases=("forsta", "skape"),
        ),
        "idemyldring": factories.make_method(
            index,
            title="Idémyldring",
            slug="idemyldring",
            summary="Mange ideer på kort tid, før gruppa velger.",
            phases=("skape",),
            when_to_use="<p>Når gruppa står fast og trenger nye vinkler i kommunen.</p>",
        ),
        "gevinstkart": factories.make_method(
            index,
            title="Gevinstkart",
            slug="gevinstkart",
            summary="Vis sammenhengen mellom tiltak og gevinster for kommunen.",
            phases=("gevinster-og-spredning",),
        ),
        "innovasjon": factories.make_content_page(
            title="Hva er innovasjon?",
            slug="hva-er-innovasjon",
            intro="Innovasjon i kommunen er noe nytt som skaper verdi.",
            body=[
                (
                    "paragraph",
                    "<p>Innovasjonsarbeid krever at vi tester tidlig. En idé blir ikke "
                    "innovasjon før den er tatt i bruk, og det tar tid å endre en tjeneste.</p>",
                )
            ],
        ),
        "midler": factories.make_funding_call(
            funding_index,
            title="Innovasjonsmidler 2026",
            slug="innovasjonsmidler-2026",
            summary="Penger til prosjekter som prøver ut nye løsninger i kommunen.",
            form_fields=[],
        ),
    }
    pages["index"] = index
    pages["funding_index"] = funding_index
    return pages


def search(client, **params):
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response, response.content.decode()


def result_titles(html):
    """The hits' titles in order (a highlighted word stays part of its title)."""
    return [link.get_text() for link in soup(html).select("h3.search-result__title > a")]


def result_types(html):
    """Each hit's type, without the hidden «Type:» before it."""
    return [
        "".join(paragraph.find_all(string=True, recursive=False)).strip()
        for paragraph in soup(html).select("p.search-result__type")
    ]


def count_text(html):
    """The «n treff» heading, or "" when there is none."""
    heading = soup(html).select_one('div[role="status"] > h2#treff-tittel')
    return heading.get_text() if heading else ""
