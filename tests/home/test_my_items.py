"""«Mine saker» (/mine-saker/): one employee's applications, guidance requests and bookings.

Each kind with its status and next step, nobody else's, the count in the header, the
empty state, a query count flat in the number of items, and the e-mail a guidance
request's new status sends.
"""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from demo import factories
from fabrikken import schedule
from fabrikken.models import GuidanceRequest
from funding.models import FundingApplication
from tests.helpers import html_of, soup, text_of

pytestmark = pytest.mark.django_db

URL = "/mine-saker/"


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


@pytest.fixture
def sections(home):
    """A funding call that is open, and Fabrikken with its rooms."""
    index = factories.make_funding_index()
    call = factories.make_funding_call(index, title="Innovasjonsmidler 2026")
    fabrikken = factories.make_fabrikken_page()
    return {"call": call, "fabrikken": fabrikken, "room": fabrikken.rooms.get(slug="verkstedet")}


def apply(call, user):
    return FundingApplication.objects.create(
        page=call,
        applicant=user,
        applicant_name=user.get_full_name(),
        token=uuid.uuid4(),
        form_data={},
    )


def ask(user, status=GuidanceRequest.Status.NEW, kind="workshop"):
    return GuidanceRequest.objects.create(
        requester=user,
        requester_name=user.get_full_name(),
        requester_email=user.email,
        challenge="Vi vil prøve digitalt tilsyn om natten.",
        unit="Hundvåg sykehjem",
        kind=kind,
        urgency="later",
        preferred_times="Tirsdager",
        status=status,
        token=uuid.uuid4(),
    )


def one_of_each(sections, user, day=None):
    return {
        "application": apply(sections["call"], user),
        "request": ask(user),
        "booking": factories.make_room_booking(sections["room"], user, day=day),
    }


def group(response, kind):
    return soup(response).select_one(f'[data-my-items="{kind}"]')


def test_one_item_of_each_kind_with_status_and_next_step(client, employee, sections):
    mine = one_of_each(sections, employee)
    client.force_login(employee)

    response = client.get(URL)

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    applications = text_of(str(group(response, "applications")))
    assert "Innovasjonsmidler 2026" in applications
    assert "Status: Sendt" in applications
    assert "Neste steg: Behandles etter søknadsfristen" in applications
    requests = text_of(str(group(response, "guidance")))
    assert "En fasilitert workshop for teamet vårt" in requests or "workshop" in requests
    assert "Status: Ny" in requests
    assert "Neste steg: Venter på svar fra Fabrikken" in requests
    bookings = group(response, "bookings")
    assert "Status: Booket" in text_of(str(bookings))
    fabrikken = sections["fabrikken"]
    cancel = fabrikken.route_url("cancel_booking", mine["booking"].pk)
    assert (
        bookings.select_one(f'a[href="{cancel}"]').get_text(" ", strip=True).startswith("Avbestill")
    )
    # Each links to its own page and to the «Mine …» list it comes from.
    html = html_of(response)
    assert f"/stotte/mine-soknader/{mine['application'].pk}/" in html
    assert fabrikken.route_url("request_detail", mine["request"].pk) in html
    assert fabrikken.route_url("booking_detail", mine["booking"].pk) in html
    for list_url in ("/stotte/mine-soknader/", fabrikken.route_url("my_requests")):
        assert f'href="{list_url}"' in html
    assert f'href="{fabrikken.route_url("my_bookings")}"' in html


def test_newest_first_and_past_bookings_folded(client, employee, sections):
    older = ask(employee, kind="idea")
    newer = ask(employee, kind="course")
    GuidanceRequest.objects.filter(pk=older.pk).update(
        created_at=newer.created_at - datetime.timedelta(days=3)
    )
    past = factories.make_room_booking(
        sections["room"], employee, day=factories.next_monday() - datetime.timedelta(days=14)
    )
    client.force_login(employee)

    response = client.get(URL)

    titles = [a.get_text() for a in group(response, "guidance").select("h3 a")]
    assert titles == [newer.get_kind_display(), older.get_kind_display()]
    bookings = group(response, "bookings")
    folded = bookings.select_one("details")
    assert folded is not None and "Tidligere bookinger (1)" in folded.summary.get_text()
    assert sections["fabrikken"].route_url("booking_detail", past.pk) in str(folded)
    assert "Passert" in folded.get_text()
    assert "Du har ingen kommende bookinger." in text_of(str(bookings))


def test_another_users_items_never_show(client, employee, sections):
    colleague = factories.make_user("kollega", first_name="Ola", last_name="Kollega")
    theirs = one_of_each(sections, colleague)
    client.force_login(employee)

    response = client.get(URL)

    html = html_of(response)
    fabrikken = sections["fabrikken"]
    assert f"/stotte/mine-soknader/{theirs['application'].pk}/" not in html
    assert fabrikken.route_url("request_detail", theirs["request"].pk) not in html
    assert fabrikken.route_url("booking_detail", theirs["booking"].pk) not in html
    assert "Innovasjonsmidler 2026" not in text_of(str(group(response, "applications")))
    assert "Mine saker (" not in text_of(response)


def test_the_header_counts_open_items_and_follows_changes(client, employee, sections):
    mine = one_of_each(sections, employee)
    ask(employee, status=GuidanceRequest.Status.CLOSED)  # finished: listed, not counted
    client.force_login(employee)

    header = soup(client.get("/")).select_one(".site-header a.account__mine")
    assert header["href"] == URL
    assert header.get_text(" ", strip=True).replace(" )", ")") == "Mine saker (3 åpne)"

    # Each change reaches the next page at once, though the count is cached.
    schedule.cancel(mine["booking"], employee)
    assert "(2" in soup(client.get("/")).select_one("a.account__mine").get_text()
    mine["request"].status = GuidanceRequest.Status.CLOSED
    mine["request"].save()
    assert "(1" in soup(client.get("/")).select_one("a.account__mine").get_text()

    # Another employee's page never shows this one's count.
    client.force_login(factories.make_user("kollega"))
    assert soup(client.get("/")).select_one("a.account__mine").get_text(strip=True) == "Mine saker"


def test_the_header_count_costs_no_query_on_a_warm_page(client, employee, sections):
    one_of_each(sections, employee)
    client.force_login(employee)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"]]
    assert not [sql for sql in counts if "fabrikken_" in sql or "funding_fundingapplication" in sql]


def test_empty_state(client, employee, sections):
    client.force_login(employee)

    response = client.get(URL)

    text = text_of(response)
    assert "Du har ingen søknader ennå." in text
    assert "Du har ikke bedt Fabrikken om veiledning ennå." in text
    assert "Du har ingen kommende bookinger." in text
    html = html_of(response)
    assert f'href="{sections["fabrikken"].route_url("booking")}"' in html
    assert f'href="{sections["fabrikken"].route_url("guidance")}"' in html
    assert "Mine saker (" not in text


def test_without_the_sections_the_page_still_answers(client, employee, home):
    client.force_login(employee)
    response = client.get(URL)
    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Mine saker"


def test_the_page_costs_the_same_queries_with_more_items(client, employee, sections):
    client.force_login(employee)
    one_of_each(sections, employee)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    monday = factories.next_monday()
    for week in range(1, 6):
        one_of_each(sections, employee, day=monday + datetime.timedelta(weeks=week))
    client.get(URL)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(soup(response).select(".my-items__item")) == 18
    assert len(many) == len(few), "\n".join(q["sql"] for q in many)
    assert len(many) <= 20


def test_a_new_status_e_mails_the_requester(moderator_client, sections, mailoutbox):
    kari = factories.make_user("kari", first_name="Kari", email="kari@eksempel.no")
    request = ask(kari)
    edit_url = f"/admin/fabrikken/veiledning/edit/{request.pk}/"

    # A note alone is no news for the requester.
    moderator_client.post(edit_url, {"status": "new", "staff_note": "Ser på den."})
    assert mailoutbox == []

    response = moderator_client.post(edit_url, {"status": "in_progress", "staff_note": "Ringer."})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["kari@eksempel.no"]
    assert message.subject == "Veiledningshenvendelsen din: Under arbeid"
    assert "har nå status «Under arbeid»" in message.body
    assert "Ringer." not in message.body  # the staff note is for the staff only
    assert sections["fabrikken"].route_url("request_detail", request.pk) in message.body
    assert "/mine-saker/" in message.body
