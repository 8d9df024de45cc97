"""Search over the demo content: what an employee types for a task → the first hit.

Services (search/services.py) first for their task words, then the pages by relevance;
the same on SQLite and PostgreSQL (`bash scripts/with-postgres.sh .venv/bin/pytest
tests/search -q`). The demo is loaded once for the module (tests/conftest.py).
"""

import pytest
from django.contrib.auth import get_user_model

from tests.search.conftest import result_titles, search

pytestmark = pytest.mark.django_db

BOOK = "Book rom på Fabrikken"
GUIDANCE = "Be om veiledning"
APPLY = "Søk om innovasjonsmidler"

TASK_QUERIES = [
    # Services, by their task words, stems, compounds and synonyms.
    ("book rom", BOOK),
    ("rombooking", BOOK),
    ("møterom", BOOK),
    ("booking", BOOK),
    ("booke", BOOK),
    ("reservere rom", BOOK),
    ("bestille rom", BOOK),
    ("hvordan booker jeg et rom", BOOK),
    ("mine bookinger", "Mine bookinger"),
    ("avbestille", "Mine bookinger"),
    ("veiledning", GUIDANCE),
    ("prosessveiledning", GUIDANCE),
    ("rådgivning", GUIDANCE),
    ("be om veiledning", GUIDANCE),
    ("mine henvendelser", "Mine henvendelser om veiledning"),
    ("mine søknader", "Mine søknader"),
    ("søknad", APPLY),
    ("søke", APPLY),
    ("innovasjonsmidler", APPLY),
    # Pages: methods, synonyms of them, the section's own pages.
    ("brukerreise", "Brukerreise"),
    ("kundereise", "Brukerreise"),
    ("gevinstkart", "Gevinstkart"),
    ("interessentanalyse", "Interessentanalyse"),
    ("idémyldring", "Idémyldring"),
    ("brainstorming", "Idémyldring"),
    ("personas", "Personas"),
    ("dybdeintervju", "Dybdeintervju"),
    ("prototype", "Prototyping"),
    ("pdsa", "PDSA – modell for forbedring"),
    ("problemtre", "Problemtre"),
    ("crazy 8s", "Crazy 8s"),
    ("brukertesting", "Brukertesting"),
    ("innovasjonsdagen 2021", "Innovasjonsdagen 2021"),
    ("fabrikken", "Fabrikken"),
    ("sandvigå", "Fabrikken"),
    ("personvern", "Personvern"),
    ("tilgjengelighetserklæring", "Tilgjengelighetserklæring"),
    ("hva er innovasjon", "Hva er innovasjon?"),
    ("innovasjonskultur", "Innovasjonskultur"),
    ("arrangementer", "Arrangementer"),
]


@pytest.fixture
def reader(demo, client):
    client.force_login(get_user_model().objects.get(username="ansatt"))
    return client


@pytest.mark.parametrize(("query", "first"), TASK_QUERIES, ids=[q for q, _f in TASK_QUERIES])
def test_a_task_query_finds_the_expected_first_hit(reader, query, first):
    _response, html = search(reader, q=query)
    assert result_titles(html)[:1] == [first]


def test_the_table_is_long_enough():
    assert len(TASK_QUERIES) >= 30


def test_the_coming_innovasjonsdagen_comes_before_the_past_ones(reader):
    from events.models import EventPage

    days = EventPage.objects.live().filter(title__startswith="Innovasjonsdagen")
    coming = [day.title for day in days if not day.state.is_past]
    past = [day.title for day in days if day.state.is_past]
    assert coming and past
    _response, html = search(reader, q="innovasjonsdagen")
    titles = [title for title in result_titles(html) if title in coming + past]
    assert titles[: len(coming)] == sorted(titles[: len(coming)], key=coming.index)
    assert set(titles[: len(coming)]) == set(coming)
    suggested = [
        item["title"] for item in reader.get("/sok/forslag/", {"q": "innovasjonsd"}).json()
    ]
    assert set(suggested[: len(coming)]) == set(coming)
    assert set(suggested) >= set(past)


def test_open_calls_come_before_closed_ones(reader):
    from funding.models import FundingCallPage

    calls = FundingCallPage.objects.live()
    is_open = {call.title: call.search_is_current() for call in calls}
    _response, html = search(reader, q="innovasjonsmidler", type="stotte")
    shown = [title for title in result_titles(html) if title in is_open]
    assert shown
    assert [is_open[title] for title in shown] == sorted(
        (is_open[title] for title in shown), reverse=True
    )
