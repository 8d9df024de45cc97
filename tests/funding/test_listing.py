"""Funding: the listing at /stotte/, the front page's «Søk støtte», the example dates."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from core.forms import example_date, example_datetime_text
from demo import factories
from tests.funding.conftest import OSLO
from tests.helpers import html_of, page_text, text_of

pytestmark = pytest.mark.django_db


# --- The listing at /stotte/ ---------------------------------------------------------


def test_listing_shows_open_calls_first_then_upcoming_then_the_archive(employee_client, index_page):
    now = timezone.now()
    make = factories.make_funding_call
    make(
        index_page,
        title="Stengt i fjor",
        slug="a",
        opens_at=now - timedelta(days=400),
        deadline=now - timedelta(days=300),
    )
    make(index_page, title="Løpende ordning", slug="b", deadline=None)
    make(
        index_page,
        title="Åpner snart",
        slug="c",
        opens_at=now + timedelta(days=5),
        deadline=now + timedelta(days=40),
    )
    make(index_page, title="Frist om en uke", slug="d", deadline=now + timedelta(days=7))
    make(
        index_page,
        title="Stengt nylig",
        slug="e",
        opens_at=now - timedelta(days=60),
        deadline=now - timedelta(days=2),
    )
    make(index_page, title="Frist om to måneder", slug="f", deadline=now + timedelta(days=60))
    make(
        index_page, title="Åpner i vår", slug="g", opens_at=now + timedelta(days=90), deadline=None
    )
    make(index_page, title="Kladd", slug="h", publish=False)

    response = employee_client.get("/stotte/")

    assert response.status_code == 200
    html = html_of(response)
    order = [
        "Frist om en uke",
        "Frist om to måneder",
        "Løpende ordning",
        "Åpner snart",
        "Åpner i vår",
        "Stengt nylig",
        "Stengt i fjor",
    ]
    positions = [html.index(f">{title}</a>") for title in order]
    assert positions == sorted(positions)
    assert "Kladd" not in html
    text = text_of(response)
    assert "Åpne utlysninger" in text and "Kommende utlysninger" in text
    assert "Tidligere utlysninger" in text
    assert "Søknadsfrist om 7 dager" in text
    assert "Løpende søknadsfrist" in text
    assert 'href="/stotte/mine-soknader/"' in html


def test_the_listing_comes_in_pages_open_calls_first(employee_client, index_page, monkeypatch):
    monkeypatch.setattr("funding.models.index.LISTING_PER_PAGE", 2)
    now = timezone.now()
    for number in range(1, 5):
        factories.make_funding_call(
            index_page,
            title=f"Stengt for {number} måneder siden",
            slug=f"stengt-{number}",
            opens_at=now - timedelta(days=30 * number + 60),
            deadline=now - timedelta(days=30 * number),
        )
    factories.make_funding_call(index_page, title="Åpen ordning", slug="apen", deadline=None)

    def listing(url):
        response = employee_client.get(url)
        assert response.status_code == 200
        html = html_of(response)
        titles = re.findall(r'<a[^>]*href="/stotte/[a-z0-9-]+/"[^>]*>([^<]+)</a>', html)
        return [title for title in titles if "Stengt" in title or "Åpen" in title], html

    titles, html = listing("/stotte/")
    assert titles == ["Åpen ordning", "Stengt for 1 måneder siden"]
    assert 'href="/stotte/?side=2" rel="next"' in html
    titles, html = listing("/stotte/?side=2")
    assert titles == ["Stengt for 2 måneder siden", "Stengt for 3 måneder siden"]
    assert "Åpne utlysninger" not in html and "Ingen utlysninger er åpne" not in html
    assert listing("/stotte/?side=99")[0] == ["Stengt for 4 måneder siden"]


def test_listing_says_when_the_next_call_opens_when_none_is_open(employee_client, index_page):
    factories.make_funding_call(
        index_page,
        title="Prøv det!",
        opens_at=datetime(2099, 5, 4, 9, 0, tzinfo=OSLO),
        deadline=None,
    )

    text = text_of(employee_client.get("/stotte/"))

    assert "Ingen utlysninger er åpne akkurat nå." in text
    assert "Neste utlysning, «Prøv det!», åpner 4. mai 2099 kl.\u00a009.00." in text


# --- The front page's «Søk støtte» -----------------------------------------------------


def test_front_page_lists_open_calls_with_their_deadlines(employee_client, index_page):
    now = timezone.now()
    factories.make_funding_call(
        index_page, title="Innovasjonsmidler", slug="a", deadline=now + timedelta(days=5)
    )
    factories.make_funding_call(
        index_page,
        title="Medfinansiering",
        slug="b",
        opens_at=now - timedelta(days=60),
        deadline=now - timedelta(days=1),
    )

    text = text_of(employee_client.get("/"))

    assert "Søk støtte" in text
    assert "Innovasjonsmidler" in text
    assert "Søknadsfrist om 5 dager" in text
    assert "Medfinansiering" not in text


def test_front_page_says_when_the_next_call_opens(employee_client, index_page):
    factories.make_funding_call(
        index_page,
        title="Prøv det!",
        opens_at=datetime(2099, 1, 5, 9, 0, tzinfo=OSLO),
        deadline=None,
    )

    text = text_of(employee_client.get("/"))

    assert "Ingen utlysninger er åpne akkurat nå." in text
    assert "Neste utlysning, «Prøv det!», åpner 5. januar 2099" in text


def test_front_page_without_funding_index_has_no_funding_section(employee_client, home):
    assert "Søk støtte" not in page_text(employee_client.get("/"))


# --- Demo content -------------------------------------------------------------------


@pytest.mark.parametrize(
    "today, example",
    [
        (date(2026, 12, 6), date(2027, 3, 15)),
        (date(2026, 9, 30), date(2026, 12, 15)),
        (date(2027, 1, 15), date(2027, 4, 15)),
    ],
)
def test_the_example_date_in_hints_is_always_ahead(today, example):
    assert example_date(today) == example
    assert example_datetime_text(today) == f"{example.day}.{example.month}.{example.year} 09.30"
