"""Fixtures and helpers the search tests share."""

import re

import pytest
from django.conf import settings

from demo import factories
from search import log

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
            summary="Mange idéer på kort tid, før gruppa velger.",
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
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'<h3 class="search-result__title"><a [^>]*>(.*?)</a>', html)
    ]


def result_types(html):
    return re.findall(
        r'<p class="search-result__type">(?:<span[^>]*>[^<]*</span> )?([^<]+)</p>', html
    )


def count_text(html):
    match = re.search(
        r"<div role=\"status\"[^>]*><h2 id=\"treff-tittel\"[^>]*>(.*?)</h2></div>", html
    )
    return match.group(1) if match else ""
