"""Query budgets: every page a signed-in employee opens, in one table.

Each URL is counted with a small section (FEW pages of every kind, one front-page
highlight, one booking in Fabrikken's week) and again after it grew (MANY pages of every
kind, six highlights, thirty bookings). Both counts stay within the URL's budget and,
unless the row says otherwise, are equal: no page costs more as the section grows.

Measured warm, as a running server answers after the first request (the menu, the
routes and the other shared parts are cached until the next publish). Budgets from the
performance issue: detail pages at most 12 queries, everything else at most 20.

The section is built and grown once for the module (in a transaction rolled back at
its end): growing it is most of the cost, and every row reads the same two counts.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from demo import bulk, factories
from fabrikken import schedule

pytestmark = pytest.mark.django_db  # pytest-django sets the database up for marked tests only

FEW, MANY = 10, 500
DETAIL, LISTING = 12, 20
HIGHLIGHTS = 6
BOOKINGS = 30

# name: (budget, the same count with FEW and MANY)
BUDGETS = {
    "front page": (LISTING, True),
    "method listing": (LISTING, True),
    "method listing, filtered": (LISTING, True),
    "method listing, page 2": (LISTING, True),
    "method page": (DETAIL, True),
    "case listing": (LISTING, True),
    "case listing, filtered": (LISTING, True),
    "case listing, page 2": (LISTING, True),
    "case page": (DETAIL, True),
    "funding listing": (DETAIL, True),
    "funding listing, page 2": (DETAIL, True),
    "funding call": (DETAIL, True),
    "event listing": (DETAIL, True),
    "event listing, page 2": (DETAIL, True),
    "event page": (DETAIL, True),
    "event calendar file": (DETAIL, True),
    "events calendar feed": (DETAIL, True),
    "content page": (DETAIL, True),
    "fabrikken page": (DETAIL, True),
    "fabrikken week grid": (LISTING, True),
    # One employee's page (tests/home/test_my_items.py holds it flat in their own items).
    "my items": (LISTING, True),
    # Each page type among the hits shown costs one query to load (test_search holds
    # the rest constant), so search keeps its budget but not always its count.
    "search": (LISTING, False),
    "search, one type": (LISTING, False),
    "search, page 2": (LISTING, False),
    "search suggestions": (8, False),
}


@dataclass
class Count:
    few: int = 0
    many: int = 0
    queries: list = field(default_factory=list)  # the SQL of the larger count, for failures


def warm_count(client, url):
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


def analyze():
    """Fresh planner statistics after a bulk load, as autovacuum gives a real database.

    Without them PostgreSQL plans search for the nearly empty tables it last saw, and a
    query over 2 500 new pages takes seconds instead of milliseconds.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Section:
    """FEW pages of every kind, and what grows them to MANY."""

    def __init__(self):
        self.home = factories.home_page()
        self.method_index = factories.make_method_index()
        self.methods = bulk.add_methods(self.method_index, FEW)
        self.case_index = factories.make_case_index()
        self.cases = bulk.add_cases(self.case_index, FEW)
        self.funding_index = factories.make_funding_index()
        self.calls = bulk.add_funding_calls(self.funding_index, FEW)
        self.event_index = factories.make_event_index()
        self.events = bulk.add_events(self.event_index, FEW)
        self.content_pages = bulk.add_content_pages(self.home, FEW)
        self.fabrikken = factories.make_fabrikken_page()
        self.room = self.fabrikken.rooms.get(slug="verkstedet")
        self.booker = factories.make_user("kollega")
        self.monday = factories.next_monday()
        self.highlight(0)
        factories.make_room_booking(self.room, self.booker, day=self.monday)

    def highlight(self, number):
        page = factories.make_content_page(title=f"Side {number}", show_in_menus=True)
        self.home.refresh_from_db()
        self.home.highlights.create(page=page)
        self.home.save_revision().publish()

    def urls(self):
        method = self.methods[0]
        case = next(page for page in self.cases if page.sector_id and page.method_links.exists())
        event = self.events[0]
        return {
            "front page": "/",
            "method listing": "/metoder/",
            "method listing, filtered": (
                f"/metoder/?fase={method.phases.first().slug}&tema={method.tags.first().slug}"
                f"&tidsbruk={method.duration}&vanskelighetsgrad={method.difficulty}"
            ),
            "method listing, page 2": "/metoder/?side=2",
            "method page": method.url,
            "case listing": "/eksempler/",
            "case listing, filtered": (
                f"/eksempler/?status={case.status}&sektor={case.sector.slug}"
                f"&tema={case.tags.first().slug}&metode={case.method_links.first().method.slug}"
            ),
            "case listing, page 2": "/eksempler/?side=2",
            "case page": case.url,
            "funding listing": "/stotte/",
            "funding listing, page 2": "/stotte/?side=2",
            "funding call": self.calls[0].url,
            "event listing": "/arrangementer/",
            "event listing, page 2": "/arrangementer/?side=2",
            "event page": event.url,
            "event calendar file": event.url + "kalender/",
            "events calendar feed": "/arrangementer/kalender/",
            "content page": self.content_pages[0].url,
            "fabrikken page": "/fabrikken/",
            "fabrikken week grid": (
                f"/fabrikken/booking/?rom={self.room.slug}&uke={schedule.week_param(self.monday)}"
            ),
            "my items": "/mine-saker/",
            "search": "/sok/?q=metode",
            "search, one type": "/sok/?q=tjenesten&type=metode",
            "search, page 2": "/sok/?q=brukerreisen&side=2",
            "search suggestions": "/sok/forslag/?q=bru",
        }

    def grow(self):
        bulk.add_methods(self.method_index, MANY - FEW)
        bulk.add_cases(self.case_index, MANY - FEW)  # «Brukt i disse prosjektene» grows too
        bulk.add_funding_calls(self.funding_index, MANY - FEW)
        bulk.add_events(self.event_index, MANY - FEW)
        bulk.add_content_pages(self.home, MANY - FEW)
        for number in range(1, HIGHLIGHTS):
            self.highlight(number)
        taken = [(day, hour) for day in range(5) for hour in range(8, 14) if (day, hour) != (0, 9)]
        for day, hour in taken[: BOOKINGS - 1]:
            factories.make_room_booking(
                self.room,
                self.booker,
                day=self.monday + datetime.timedelta(days=day),
                start=(hour, 0),
                end=(hour, 45),
            )


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """Every URL counted with the small section and with the grown one."""
    from django.core.cache import cache

    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        section = Section()
        client = Client()
        client.force_login(factories.make_user("ansatt"))
        urls = section.urls()
        assert set(urls) == set(BUDGETS)
        counted = {name: Count(few=len(warm_count(client, url))) for name, url in urls.items()}
        section.grow()
        analyze()
        for name, url in urls.items():
            counted[name].queries = warm_count(client, url)
            counted[name].many = len(counted[name].queries)
        yield counted
        transaction.set_rollback(True)
    cache.clear()


@pytest.mark.parametrize("name", list(BUDGETS))
def test_query_budget(counts, name):
    budget, same = BUDGETS[name]
    count = counts[name]
    queries = "\n".join(count.queries)
    assert count.few <= budget, f"{name}: {count.few} queries with {FEW} pages"
    assert count.many <= budget, f"{name}: {count.many} queries with {MANY} pages:\n{queries}"
    if same:
        assert count.many == count.few, f"{name}: {count.few} → {count.many}:\n{queries}"
