"""«Min kalender» (issue #20): a secret, revocable address per employee that Outlook
subscribes to without signing in: the coming events they may see and their own bookings."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from demo import factories
from events.models import CalendarSubscription
from events.models.subscription import TOKEN_BYTES
from tests.events.conftest import moment
from tests.helpers import soup

pytestmark = pytest.mark.django_db
LAST = []


@pytest.fixture
def fabrikken(home):
    return factories.make_fabrikken_page()


@pytest.fixture
def room(fabrikken):
    return fabrikken.rooms.filter(bookable=True).first()


def feed_url(user):
    return f"/min-kalender/{CalendarSubscription.for_user(user).token}.ics"


def fetch(client, url):
    """The feed as Outlook fetches it: no session, no cookies."""
    client.logout()
    return client.get(url)


def summaries(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_the_feed_holds_coming_events_and_only_the_owners_bookings(
    client, employee, index_page, room
):
    factories.make_event(
        index_page, title="Kommende dag", start=moment(days=3), end=moment(days=3, hours=2)
    )
    factories.make_event(
        index_page,
        title="Gammel dag",
        slug="gammel",
        start=moment(days=-3),
        end=moment(days=-3, hours=2),
    )
    other = factories.make_user("annen")
    factories.make_room_booking(room, employee, purpose="Min workshop")
    factories.make_room_booking(room, other, start=(11, 0), end=(12, 0), purpose="Andres møte")
    cancelled = factories.make_room_booking(
        room, employee, start=(13, 0), end=(14, 0), purpose="Avlyst"
    )
    cancelled.status = cancelled.Status.CANCELLED
    cancelled.save()

    response = fetch(client, feed_url(employee))
    found = summaries(response)

    assert sorted(found) == sorted(["Kommende dag", f"Min workshop – {room.name}"])
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Innovasjon: arrangementer og mine bookinger"
    assert calendar.walk("VTIMEZONE")
    raw = response.content.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT4H" in raw and "X-PUBLISHED-TTL:PT4H" in raw
    booking = next(e for e in calendar.walk("VEVENT") if "Min workshop" in str(e["SUMMARY"]))
    assert str(booking["UID"]).startswith("fabrikken-booking-")
    assert "/fabrikken/" in str(booking["URL"])
    # The other employee's feed holds their booking, never this one's.
    assert sorted(summaries(fetch(client, feed_url(other)))) == sorted(
        ["Kommende dag", f"Andres møte – {room.name}"]
    )


def test_the_feed_is_never_kept_by_a_shared_cache(client, employee, index_page):
    response = fetch(client, feed_url(employee))
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
    assert "Set-Cookie" not in response


def test_a_new_address_retires_the_old_one(client, employee, index_page):
    old = feed_url(employee)
    client.force_login(employee)
    response = client.post("/min-kalender/")
    assert response.status_code == 302
    new = feed_url(employee)

    assert new != old
    assert fetch(client, old).status_code == 404
    assert fetch(client, new).status_code == 200


@pytest.mark.parametrize(
    "token",
    ["x" * 43, "kort", "../../etc/passwd"],
)
def test_unknown_addresses_answer_404(client, employee, index_page, token):
    CalendarSubscription.for_user(employee)
    assert fetch(client, f"/min-kalender/{token}.ics").status_code == 404


def test_the_feed_of_a_deactivated_employee_answers_404(client, employee, index_page):
    url = feed_url(employee)
    employee.is_active = False
    employee.save()
    assert fetch(client, url).status_code == 404


def test_the_token_is_long_and_random():
    tokens = {CalendarSubscription().token for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) >= 43 for token in tokens)  # 256 bits in URL-safe base64
    assert TOKEN_BYTES >= 32


def test_a_restricted_event_is_only_in_the_feeds_of_those_who_may_see_it(
    client, employee, index_page
):
    factories.make_event(
        index_page, title="Åpent", start=moment(days=3), end=moment(days=3, hours=1)
    )
    closed = factories.make_event(
        index_page, title="Lukket", slug="lukket", start=moment(days=4), end=moment(days=4, hours=1)
    )
    Group.objects.create(name="Ledere")
    factories.restrict_to_groups(closed, "Ledere")
    leader = factories.make_user("leder", groups=["Ledere"])

    assert summaries(fetch(client, feed_url(employee))) == ["Åpent"]
    assert summaries(fetch(client, feed_url(leader))) == ["Åpent", "Lukket"]


def test_bookings_stay_out_when_the_owner_may_not_see_fabrikken(
    client, employee, index_page, fabrikken, room
):
    factories.make_room_booking(room, employee, purpose="Min workshop")
    Group.objects.create(name="Fabrikken-ansatte")
    factories.restrict_to_groups(fabrikken, "Fabrikken-ansatte")
    assert summaries(fetch(client, feed_url(employee))) == []


def test_the_feed_costs_the_same_queries_for_few_and_many_items(client, employee, index_page, room):
    def queries():
        url = feed_url(employee)
        fetch(client, url)  # warm the shared caches (site, restrictions) as in production
        with CaptureQueriesContext(connection) as captured:
            summaries(client.get(url))
        LAST[:] = captured.captured_queries
        return len(captured)

    person = factories.make_person(name="Kari Kontakt", email="kari@eksempel.no")

    def add(count, offset):
        for number in range(count):
            start = moment(days=offset + number + 1)
            factories.make_event(
                index_page,
                title=f"Dag {offset + number}",
                slug=f"dag-{offset + number}",
                start=start,
                end=start + timedelta(hours=2),
                contact_person=person,
                revision=False,
            )
        for number in range(count):
            factories.make_room_booking(
                room, employee, day=factories.next_monday() + timedelta(days=7 * (offset + number))
            )

    add(2, 0)
    few = queries()
    add(10, 2)
    many = queries()
    assert many == few, "\n".join(query["sql"][:160] for query in LAST)
    # The owner's subscription, the cache generation, the events, Fabrikken's page, the bookings.
    assert few <= 5


def test_the_page_shows_the_address_and_how_to_subscribe(client, employee, index_page):
    client.force_login(employee)
    response = client.get("/min-kalender/")
    token = CalendarSubscription.objects.get(user=employee).token
    page = soup(response)

    assert response.status_code == 200
    assert page.select_one("#kalenderadresse")["value"] == (
        f"http://testserver/min-kalender/{token}.ics"
    )
    assert page.select_one("h1").get_text() == "Min kalender i Outlook"
    assert page.select_one("button[data-copy-target=kalenderadresse]").has_attr("hidden")
    assert page.select_one("form.my-calendar__renew button").get_text() == "Lag ny adresse"
    assert "no-store" in response["Cache-Control"]
    # The same address on the next visit, until the employee asks for a new one.
    again = soup(client.get("/min-kalender/")).select_one("#kalenderadresse")["value"]
    assert again.endswith(f"/{token}.ics")


def test_the_page_needs_a_sign_in(client, index_page):
    response = client.get("/min-kalender/")
    assert response.status_code == 302 and "/logg-inn/" in response["Location"]


def test_the_page_is_linked_from_my_items_and_the_events_listing(client, employee, index_page):
    client.force_login(employee)
    for url in ("/mine-saker/", index_page.url):
        assert soup(client.get(url)).select('a[href="/min-kalender/"]'), url


def test_the_token_decides_whose_feed_not_the_browsers_sign_in(client, employee, room):
    factories.make_room_booking(room, employee, purpose="Min workshop")
    other = factories.make_user("annen")
    client.force_login(other)
    assert summaries(client.get(feed_url(employee))) == [f"Min workshop – {room.name}"]


def test_the_privacy_page_explains_the_address():
    import tomllib
    from pathlib import Path

    import demo

    content = tomllib.loads((Path(demo.__file__).parent / "content" / "home.toml").read_text())
    body = " ".join(str(block["value"]) for block in content["pages"]["privacy"]["body"])
    assert "«Min kalender i Outlook»" in body and "uten innlogging" in body
