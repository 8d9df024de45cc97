"""Fabrikken: the page, «Be om veiledning», and room booking with its rules and race guard."""

import datetime
import re
import threading
import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core.formats import at, format_date, format_day_range, format_when
from demo import factories
from fabrikken import schedule
from fabrikken.constraints import NoOverlapConstraint
from fabrikken.forms import parse_time
from fabrikken.models import FabrikkenPage, GuidanceRequest, RoomBooking
from home import roles
from tests.helpers import html_of, soup, text_of

pytestmark = pytest.mark.django_db

SLOT_TAKEN = "Noen andre booket dette tidspunktet like før deg. Velg et annet tidspunkt."
ON_POSTGRES = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="the exclusion constraint exists on PostgreSQL"
)


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


@pytest.fixture
def fabrikken(home):
    return factories.make_fabrikken_page()


@pytest.fixture
def rooms(fabrikken):
    return {room.slug: room for room in fabrikken.rooms.all()}


@pytest.fixture
def colleague(db):
    return factories.make_user("kollega", first_name="Ola", last_name="Kollega")


def booking_url(page, name="confirm_booking", *args):
    return page.url + page.reverse_subpage(name, args=args)


def booking_data(room="verkstedet", day=None, start="09.00", end="10.00", **overrides):
    day = day or factories.next_monday()
    data = {
        "room": room,
        "date_0": str(day.day),
        "date_1": str(day.month),
        "date_2": str(day.year),
        "start": start,
        "end": end,
        "people": "6",
        "purpose": "Workshop om brukerreiser",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def book(client, page, **data):
    return client.post(booking_url(page), booking_data(**data))


# --- The page --------------------------------------------------------------------


def test_the_page_lives_under_the_front_page_once(fabrikken, home):
    assert FabrikkenPage.can_create_at(home) is False  # max_count = 1 and it exists
    assert FabrikkenPage.parent_page_types == ["home.HomePage"]
    assert "fabrikken.FabrikkenPage" in home.specific_class.subpage_types
    assert FabrikkenPage.search_type[0] == "side"
    assert fabrikken.summary == fabrikken.intro


def test_the_page_shows_offer_rooms_opening_hours_and_contacts(employee_client, fabrikken):
    person = factories.make_person(name="Veileder på Fabrikken (demo)")
    methods = factories.make_method_index()
    fabrikken.contacts.create(person=person, sort_order=0)
    fabrikken.offer = [
        (
            "workshop",
            {
                "title": "Fasilitering",
                "description": "<p>Vi leder en workshop for dere.</p>",
                "details": ["Book 3–4 uker før"],
                "is_demo": True,
            },
        )
    ]
    fabrikken.methods_page = methods
    fabrikken.save_revision().publish()

    response = employee_client.get("/fabrikken/")
    text = text_of(response)
    assert response.status_code == 200
    assert "Fasilitering" in text and "Book 3–4 uker før" in text and "Demo-innhold" in text
    assert 'href="/fabrikken/veiledning/?hjelp=workshop"' in html_of(response)
    assert "Verkstedet" in text and "Inntil 30 personer" in text
    assert "Kan ikke bookes" in text  # Lageret
    assert "Mandag 08.00–16.00" in text and "Lørdag Stengt" in text
    assert "Veileder på Fabrikken (demo)" in text
    assert 'href="/metoder/"' in html_of(response)
    assert 'href="/fabrikken/booking/?rom=verkstedet"' in html_of(response)


def test_the_front_page_links_to_booking_and_guidance(employee_client, fabrikken, employee, rooms):
    factories.make_room_booking(rooms["verkstedet"], employee)
    html = html_of(employee_client.get("/"))
    assert 'href="/fabrikken/veiledning/"' in html
    assert 'href="/fabrikken/booking/"' in html
    assert "Din neste booking:" in html


# --- «Be om veiledning» -------------------------------------------------------------


def guidance_data(**overrides):
    data = {
        "challenge": "Vi vil prøve digitalt tilsyn om natten.",
        "unit": "Hundvåg sykehjem",
        "kind": "process",
        "urgency": "soon",
        "preferred_times": "Tirsdager etter kl. 12",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_a_guidance_request_is_stored_with_the_signed_in_employee(
    client, fabrikken, employee, colleague
):
    employee.email = "kari@eksempel.no"
    employee.save()
    client.force_login(employee)

    response = client.post("/fabrikken/veiledning/", guidance_data())

    request = GuidanceRequest.objects.get()
    assert request.requester == employee
    assert request.requester_name == "Kari Ansatt"
    assert request.status == GuidanceRequest.Status.NEW
    assert response.status_code == 302
    assert response["Location"] == f"/fabrikken/veiledning/mine/{request.pk}/sendt/"
    receipt = client.get(response["Location"])
    assert "Henvendelsen er sendt" in text_of(receipt)
    assert "Vi vil prøve digitalt tilsyn om natten." in text_of(receipt)
    assert "no-cache" in receipt["Cache-Control"] or "max-age=0" in receipt["Cache-Control"]

    confirmation, notice = mail.outbox
    assert confirmation.to == ["kari@eksempel.no"]
    assert "Vi har mottatt" in confirmation.subject
    assert "Hundvåg sykehjem" in confirmation.body
    assert f"/fabrikken/veiledning/mine/{request.pk}/" in confirmation.body
    assert notice.to == ["innovasjon@eksempel.no"]
    assert "Kari Ansatt" in notice.subject
    assert f"/admin/fabrikken/veiledning/edit/{request.pk}/" in notice.body


def test_invalid_guidance_requests_show_errors_and_keep_what_was_typed(employee_client, fabrikken):
    response = employee_client.post(
        "/fabrikken/veiledning/",
        guidance_data(challenge="", kind="", preferred_times="Uke 14"),
    )
    html = html_of(response)
    assert response.status_code == 200
    assert "<title>Feil: Be om veiledning" in html
    assert "Noe må rettes før du kan sende inn" in html
    assert 'href="#id_challenge">Beskriv utfordringen eller idéen.</a>' in html
    assert 'href="#id_kind_0">Velg hva slags hjelp du vil ha.</a>' in html
    assert 'value="Hundvåg sykehjem"' in html
    assert "Uke 14</textarea>" in html
    assert 'aria-invalid="true"' in html
    assert GuidanceRequest.objects.count() == 0
    assert mail.outbox == []


def test_the_same_guidance_form_sent_twice_is_one_request(employee_client, fabrikken):
    data = guidance_data()
    first = employee_client.post("/fabrikken/veiledning/", data)
    second = employee_client.post("/fabrikken/veiledning/", data)
    assert GuidanceRequest.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_an_offer_link_preselects_the_kind_of_help(employee_client, fabrikken):
    html = html_of(employee_client.get("/fabrikken/veiledning/?hjelp=workshop"))
    assert re.search(r'value="workshop"\s+checked', html)
    assert "checked" not in html_of(employee_client.get("/fabrikken/veiledning/?hjelp=x"))


def test_employees_see_their_own_requests_and_status_only(client, fabrikken, employee, colleague):
    mine = GuidanceRequest.objects.create(
        requester=employee,
        requester_name="Kari Ansatt",
        challenge="Min idé om nattilsyn",
        unit="Hundvåg sykehjem",
        kind="idea",
        urgency="later",
        preferred_times="Når som helst",
        status=GuidanceRequest.Status.IN_PROGRESS,
        staff_note="Intern merknad som bare Fabrikken ser",
        token=uuid.uuid4(),
    )
    theirs = GuidanceRequest.objects.create(
        requester=colleague,
        requester_name="Ola Kollega",
        challenge="Kollegaens hemmelige idé",
        unit="Oppvekst",
        kind="course",
        urgency="later",
        preferred_times="Aldri",
        token=uuid.uuid4(),
    )
    client.force_login(employee)

    text = text_of(client.get("/fabrikken/veiledning/mine/"))
    assert "Min idé om nattilsyn" in text and "Under arbeid" in text
    assert "Kollegaens hemmelige idé" not in text
    detail = client.get(f"/fabrikken/veiledning/mine/{mine.pk}/")
    assert "Min idé om nattilsyn" in text_of(detail)
    assert "Intern merknad" not in text_of(detail)
    assert client.get(f"/fabrikken/veiledning/mine/{theirs.pk}/").status_code == 404
    assert client.get(f"/fabrikken/veiledning/mine/{theirs.pk}/sendt/").status_code == 404


# --- The booking rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"start": "09.10"},
            "start",
            "Bruk hele kvarter, for eksempel 09.00, 09.15, 09.30 eller 09.45.",
        ),
        (
            {"end": "10.20"},
            "end",
            "Bruk hele kvarter, for eksempel 10.00, 10.15, 10.30 eller 10.45.",
        ),
        ({"start": "07.30"}, "start", "Fabrikken åpner kl. 08.00 denne dagen."),
        ({"start": "15.00", "end": "16.30"}, "end", "Fabrikken stenger kl. 16.00 denne dagen."),
        ({"end": "09.00"}, "end", "Sluttiden må være etter starttiden."),
        ({"end": "08.00"}, "end", "Sluttiden må være etter starttiden."),
        ({"people": "31"}, "people", "«Verkstedet» tar inntil 30 personer."),
        ({"people": "0"}, "people", "Skriv hvor mange dere blir, minst 1."),
        ({"room": "lageret"}, "room", "Velg et av rommene i lista."),
        ({"start": "ni"}, "start", "Skriv et klokkeslett, for eksempel 09.30."),
        ({"date_0": "31", "date_1": "2"}, "date", "Skriv en dato som finnes"),
    ],
)
def test_each_booking_rule_is_explained_and_nothing_is_stored(
    employee_client, fabrikken, overrides, field, message
):
    response = book(employee_client, fabrikken, **overrides)
    html = html_of(response)
    assert response.status_code == 200
    assert message in html
    anchor = "id_date_0" if field == "date" else f"id_{field}"
    assert f'href="#{anchor}"' in html
    assert "<title>Feil: Bekreft booking" in html
    assert RoomBooking.objects.count() == 0


def test_a_closed_day_and_the_past_are_refused(employee_client, fabrikken):
    saturday = factories.next_monday() + datetime.timedelta(days=5)
    closed = book(employee_client, fabrikken, day=saturday)
    assert "Fabrikken er stengt lørdag" in text_of(closed)

    last_monday = factories.next_monday() - datetime.timedelta(days=14)
    past = book(employee_client, fabrikken, day=last_monday)
    assert "Tidspunktet har passert. Velg et tidspunkt fram i tid." in text_of(past)
    assert RoomBooking.objects.count() == 0


def test_a_room_that_is_not_bookable_is_refused_by_the_rules(rooms):
    day = factories.next_monday()
    problems = schedule.booking_problems(
        rooms["lageret"], at(day, datetime.time(9)), at(day, datetime.time(10)), 2
    )
    assert problems == {"room": "«Lageret» kan ikke bookes nå. Velg et annet rom."}


def test_a_valid_booking_is_stored_and_confirmed(client, fabrikken, employee, rooms):
    client.force_login(employee)
    response = book(client, fabrikken, start="9:15", end="1130", people="12")

    booking = RoomBooking.objects.get()
    assert booking.room == rooms["verkstedet"] and booking.booked_by == employee
    assert booking.booked_by_name == "Kari Ansatt" and booking.room_name == "Verkstedet"
    assert timezone.localtime(booking.start).time() == datetime.time(9, 15)
    assert timezone.localtime(booking.end).time() == datetime.time(11, 30)
    assert response["Location"] == f"/fabrikken/booking/mine/{booking.pk}/bekreftet/"
    receipt = text_of(client.get(response["Location"]))
    assert "Rommet er booket" in receipt
    assert format_when(booking.start, booking.end) in receipt
    assert "Legg i kalender" in receipt and "Avbestill" in receipt


def test_the_confirm_page_is_filled_in_from_the_week_grid(employee_client, fabrikken):
    day = factories.next_monday()
    response = employee_client.get(
        booking_url(fabrikken) + f"?rom=prosjektrommet&start={day.isoformat()}T13:30&slutt=14.00"
    )
    html = html_of(response)
    assert "<h1>Bekreft booking</h1>" in html
    assert '<option value="prosjektrommet" selected>' in html
    assert f'name="date_0" value="{day.day}"' in html
    assert 'name="start" value="13.30"' in html and 'name="end" value="14.00"' in html
    assert "lageret" not in html


def test_the_same_booking_form_sent_twice_is_one_booking(client, fabrikken, employee):
    client.force_login(employee)
    data = booking_data()
    first = client.post(booking_url(fabrikken), data)
    second = client.post(booking_url(fabrikken), data)
    assert RoomBooking.objects.count() == 1
    assert first["Location"] == second["Location"]


# --- Overlaps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("10.00", "11.00"),  # the same time
        ("09.30", "10.30"),  # starts before, ends inside
        ("10.30", "11.30"),  # starts inside, ends after
        ("10.15", "10.45"),  # inside
        ("09.00", "12.00"),  # around
    ],
)
def test_overlapping_bookings_are_refused(employee_client, fabrikken, rooms, colleague, start, end):
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(10, 0), end=(11, 0))
    response = book(employee_client, fabrikken, start=start, end=end)
    assert "«Verkstedet» er allerede booket 10.00–11.00 denne dagen." in text_of(response)
    assert RoomBooking.objects.count() == 1


def test_back_to_back_bookings_and_other_rooms_are_fine(
    employee_client, fabrikken, rooms, colleague
):
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(10, 0), end=(11, 0))
    assert book(employee_client, fabrikken, start="09.00", end="10.00").status_code == 302
    assert book(employee_client, fabrikken, start="11.00", end="12.00").status_code == 302
    assert (
        book(
            employee_client, fabrikken, room="prosjektrommet", start="10.00", end="11.00"
        ).status_code
        == 302
    )
    assert RoomBooking.objects.active().count() == 4


def free_slot(monday, hour):
    """How the week grid names a free hour of Monday (its hidden part says which slot)."""
    day = format_date(monday, weekday=True, year=False)
    return f"Ledig : book {day} kl. {hour:02d}.00–{hour + 1:02d}.00"


def test_a_cancelled_booking_frees_its_time(employee_client, fabrikken, rooms, colleague, employee):
    monday = factories.next_monday()
    factories.make_room_booking(rooms["verkstedet"], colleague, status=RoomBooking.Status.CANCELLED)
    assert free_slot(monday, 9) in text_of(employee_client.get(grid_url()))

    assert book(employee_client, fabrikken).status_code == 302

    mine = RoomBooking.objects.active().get(room=rooms["verkstedet"])
    assert mine.booked_by == employee
    assert mine.start == at(monday, datetime.time(9))


def test_the_model_validation_refuses_overlaps_on_every_database(rooms, colleague, employee):
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(10, 0), end=(11, 0))
    day = factories.next_monday()
    overlapping = RoomBooking(
        room=rooms["verkstedet"],
        booked_by=employee,
        start=at(day, datetime.time(10, 30)),
        end=at(day, datetime.time(11, 30)),
        purpose="Møte",
        people=2,
    )
    with pytest.raises(ValidationError) as refused:
        overlapping.full_clean()
    assert "Rommet er allerede booket i noe av denne tiden" in str(refused.value)
    overlapping.start = at(day, datetime.time(11))
    overlapping.full_clean()  # back to back


@ON_POSTGRES
def test_postgres_refuses_an_overlapping_row_whatever_the_application_checked(
    rooms, colleague, employee
):
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(10, 0), end=(11, 0))
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_room_booking(rooms["verkstedet"], employee, start=(10, 45), end=(12, 0))
    factories.make_room_booking(rooms["verkstedet"], employee, start=(11, 0), end=(12, 0))
    factories.make_room_booking(rooms["prosjektrommet"], employee, start=(10, 0), end=(11, 0))


@ON_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_lets_exactly_one_of_several_simultaneous_bookings_through(monkeypatch):
    """Four employees confirm the same slot at once: one booking, three «Noen andre booket …».

    A barrier holds every request after its overlap check (each saw a free
    slot) until all have checked; then they insert at the same moment, and
    only the exclusion constraint stands between them.
    """
    factories.home_page()
    page = factories.make_fabrikken_page()
    room = page.rooms.get(slug="verkstedet")
    users = [factories.make_user(f"ansatt{n}") for n in range(4)]
    day = factories.next_monday()
    start, end = at(day, datetime.time(9)), at(day, datetime.time(10))
    barrier = threading.Barrier(len(users), timeout=90)
    original_save = RoomBooking.save

    def save_after_everyone_checked(self, *args, **kwargs):
        barrier.wait()
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(RoomBooking, "save", save_after_everyone_checked)
    outcomes = []

    def confirm(user):
        try:
            schedule.book(
                room=room,
                user=user,
                start=start,
                end=end,
                purpose="Workshop",
                people=5,
                token=uuid.uuid4(),
            )
            outcomes.append("booked")
        except schedule.SlotTaken:
            outcomes.append("taken")
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(outcomes) == ["booked", "taken", "taken", "taken"]
    assert RoomBooking.objects.filter(room=room).count() == 1


def test_the_loser_of_a_race_is_told_and_nothing_is_stored(
    client, fabrikken, employee, colleague, rooms, monkeypatch
):
    """The form saw a free slot; a colleague's booking committed before ours was stored."""
    real_book = schedule.book

    def colleague_gets_there_first(**kwargs):
        factories.make_room_booking(rooms["verkstedet"], colleague, start=(9, 0), end=(10, 0))
        return real_book(**kwargs)

    monkeypatch.setattr(schedule, "book", colleague_gets_there_first)
    client.force_login(employee)
    response = book(client, fabrikken, start="09.00", end="10.00", purpose="Min workshop")

    assert response.status_code == 409
    html = html_of(response)
    assert SLOT_TAKEN in html
    assert "<title>Feil: Bekreft booking" in html
    assert 'value="Min workshop"' in html  # what they typed is kept
    assert "Se ledige tider i Verkstedet" in text_of(response)
    assert not RoomBooking.objects.filter(booked_by=employee).exists()


def test_a_slot_taken_since_the_form_was_opened_is_reported_as_a_lost_race(
    client, fabrikken, employee, colleague, rooms
):
    client.force_login(employee)
    day = factories.next_monday()
    page = html_of(client.get(booking_url(fabrikken) + f"?rom=verkstedet&start={day}T09:00"))
    opened = re.search(r'name="opened" value="(\d+)"', page).group(1)
    earlier = factories.make_room_booking(
        rooms["verkstedet"], colleague, start=(12, 0), end=(13, 0)
    )
    RoomBooking.objects.filter(pk=earlier.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(9, 0), end=(10, 0))

    raced = book(client, fabrikken, start="09.00", end="10.00", opened=opened)
    assert SLOT_TAKEN in text_of(raced)
    known = book(client, fabrikken, start="12.00", end="13.00", opened=opened)
    assert "«Verkstedet» er allerede booket 12.00–13.00 denne dagen." in text_of(known)
    assert not RoomBooking.objects.filter(booked_by=employee).exists()


def test_on_sqlite_a_booking_takes_the_write_lock_before_it_checks(rooms, employee):
    """SQLite serialises writers: writing first makes a second booking wait, then see the first."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL relies on its exclusion constraint instead")
    day = factories.next_monday()
    with CaptureQueriesContext(connection) as queries:
        schedule.book(
            room=rooms["verkstedet"],
            user=employee,
            start=at(day, datetime.time(9)),
            end=at(day, datetime.time(10)),
            purpose="Workshop",
            people=4,
            token=uuid.uuid4(),
        )
    statements = [q["sql"] for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert statements[0].startswith('UPDATE "fabrikken_room"')
    assert "fabrikken_roombooking" in statements[1] and statements[1].startswith("SELECT")
    assert statements[2].startswith('INSERT INTO "fabrikken_roombooking"')


def test_the_constraint_is_created_on_postgres_only(rooms):
    constraint = next(
        c for c in RoomBooking._meta.constraints if isinstance(c, NoOverlapConstraint)
    )
    # Not entered as a context: SQLite's editor refuses to start inside the test's transaction.
    editor = connection.SchemaEditorClass(connection, collect_sql=True)
    sql = constraint.create_sql(RoomBooking, editor)
    if connection.vendor == "postgresql":
        assert "EXCLUDE USING GIST" in str(sql).upper()
        assert "TSTZRANGE" in str(sql).upper()
    else:
        assert sql is None
    path, _args, kwargs = constraint.deconstruct()
    assert path == "fabrikken.constraints.NoOverlapConstraint"
    assert kwargs["partition"] == ["room"] and kwargs["start"] == "start"
    assert NoOverlapConstraint(**kwargs) == constraint


# --- The week grid ----------------------------------------------------------------------


def grid_url(room="verkstedet", monday=None):
    monday = monday or factories.next_monday()
    return f"/fabrikken/booking/?rom={room}&uke={schedule.week_param(monday)}"


def test_the_week_grid_shows_free_taken_and_own_time_without_names(
    employee_client, fabrikken, employee, colleague, rooms
):
    theirs = factories.make_room_booking(
        rooms["verkstedet"], colleague, start=(10, 0), end=(11, 0), purpose="Hemmelig møte"
    )
    mine = factories.make_room_booking(rooms["verkstedet"], employee, start=(13, 0), end=(14, 0))
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(14, 30), end=(15, 0))
    response = employee_client.get(grid_url())
    html, text = html_of(response), text_of(response)

    monday = factories.next_monday()
    week = monday.isocalendar()[1]
    assert (
        f"Verkstedet, uke {week}: {format_day_range(monday, monday + datetime.timedelta(days=4))}"
        in text
    )
    assert 'role="region" aria-labelledby="uke" tabindex="0"' in html
    assert "Opptatt" in text and "Din booking" in text and "Ledig" in text
    assert "Ola Kollega" not in text and "Hemmelig møte" not in text
    assert f"/fabrikken/booking/mine/{mine.pk}/" in html
    assert f"/fabrikken/booking/mine/{theirs.pk}/" not in html
    # A free hour links to «Bekreft booking» with its times.
    assert (
        f"/fabrikken/booking/bekreft/?rom=verkstedet&amp;start={monday.isoformat()}T08%3A00&amp;slutt=09.00"
        in html
    )
    first_hour = f"{format_date(monday, weekday=True, year=False)} kl. 08.00–09.00"
    assert f"Ledig : book {first_hour}" in text  # the hidden part says which slot
    # The 14–15 hour is taken for half of it: both halves are shown with their times.
    assert "14.00–14.30 Ledig" in text and "14.30–15.00 Opptatt" in text
    assert "Forrige uke" in text and "Denne uken" in text and "Neste uke" in text


def test_the_week_grid_marks_the_past_as_passed(fabrikken, rooms, employee):
    monday = factories.next_monday() - datetime.timedelta(days=7)
    wednesday_noon = at(monday + datetime.timedelta(days=2), datetime.time(12))
    grid = schedule.week_grid(
        rooms["verkstedet"], monday, fabrikken.hours_by_weekday(), employee, wednesday_noon
    )
    states = {cell.day.weekday(): cell.state for row in grid.rows for cell in row.cells}
    assert states[0] == states[1] == schedule.PAST  # Monday and Tuesday have passed
    assert states[4] == schedule.FREE


def test_unknown_rooms_and_weeks_are_ignored(employee_client, fabrikken):
    response = employee_client.get("/fabrikken/booking/?rom=finnes-ikke&uke=tull")
    assert response.status_code == 200
    assert '<option value="verkstedet" selected>' in html_of(response)
    assert "lageret" not in html_of(response)


# --- Mine bookinger, cancelling, calendar ---------------------------------------------


def test_my_bookings_lists_my_upcoming_and_earlier_bookings_only(
    employee_client, fabrikken, employee, colleague, rooms
):
    factories.make_room_booking(rooms["verkstedet"], employee, purpose="Min workshop")
    factories.make_room_booking(
        rooms["prosjektrommet"],
        employee,
        day=factories.next_monday() - datetime.timedelta(days=14),
        purpose="Gammelt møte",
    )
    factories.make_room_booking(
        rooms["verkstedet"], colleague, start=(12, 0), end=(13, 0), purpose="Kollegaens møte"
    )
    factories.make_room_booking(
        rooms["verkstedet"],
        employee,
        start=(14, 0),
        end=(15, 0),
        purpose="Avlyst møte",
        status=RoomBooking.Status.CANCELLED,
    )
    text = text_of(employee_client.get("/fabrikken/booking/mine/"))
    assert "Min workshop" in text and "Gammelt møte" in text
    assert "Kollegaens møte" not in text and "Avlyst møte" not in text
    assert text.index("Kommende") < text.index("Min workshop") < text.index("Tidligere")


def test_employees_cancel_their_own_future_booking(employee_client, fabrikken, employee, rooms):
    booking = factories.make_room_booking(rooms["verkstedet"], employee)
    cancel_url = f"/fabrikken/booking/mine/{booking.pk}/avbestill/"

    confirm = employee_client.get(cancel_url)
    assert "Vil du avbestille Verkstedet" in text_of(confirm)
    assert booking.room_name in text_of(confirm)
    response = employee_client.post(cancel_url)

    booking.refresh_from_db()
    assert booking.status == RoomBooking.Status.CANCELLED and booking.cancelled_at
    assert response["Location"] == "/fabrikken/booking/mine/"
    assert "er avbestilt" in text_of(employee_client.get(response["Location"]))
    assert not RoomBooking.objects.active().exists()
    # Gone from the week grid: the hour is free again, and booking it works.
    grid = employee_client.get(grid_url())
    assert grid.status_code == 200
    assert free_slot(factories.next_monday(), 9) in text_of(grid)
    assert "Din booking" not in text_of(grid)
    assert f"/fabrikken/booking/mine/{booking.pk}/" not in {a["href"] for a in soup(grid)("a")}
    assert book(employee_client, fabrikken).status_code == 302
    assert RoomBooking.objects.active().get().pk != booking.pk


def test_nobody_cancels_or_sees_another_persons_booking_by_guessing_the_address(
    employee_client, fabrikken, colleague, rooms
):
    theirs = factories.make_room_booking(rooms["verkstedet"], colleague)
    base = f"/fabrikken/booking/mine/{theirs.pk}/"
    for url in (base, base + "bekreftet/", base + "kalender/", base + "avbestill/"):
        assert employee_client.get(url).status_code == 404
    assert employee_client.post(base + "avbestill/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == RoomBooking.Status.BOOKED


def test_a_booking_that_has_started_can_no_longer_be_cancelled(
    employee_client, fabrikken, employee, rooms
):
    last_week = factories.next_monday() - datetime.timedelta(days=7)
    booking = factories.make_room_booking(rooms["verkstedet"], employee, day=last_week)
    response = employee_client.post(f"/fabrikken/booking/mine/{booking.pk}/avbestill/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == RoomBooking.Status.BOOKED
    assert "kan ikke lenger avbestilles" in text_of(employee_client.get(response["Location"]))


def test_the_booking_can_be_added_to_a_calendar(employee_client, fabrikken, employee, rooms):
    booking = factories.make_room_booking(
        rooms["verkstedet"], employee, start=(9, 15), end=(11, 0), purpose="Workshop, del 2"
    )
    response = employee_client.get(f"/fabrikken/booking/mine/{booking.pk}/kalender/")
    body = response.content.decode()
    day = factories.next_monday().strftime("%Y%m%d")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert f"DTSTART;TZID=Europe/Oslo:{day}T091500" in body
    assert f"DTEND;TZID=Europe/Oslo:{day}T110000" in body
    assert "SUMMARY:Workshop\\, del 2 – Verkstedet" in body
    assert "BEGIN:VTIMEZONE" in body
    assert f"UID:fabrikken-booking-{booking.pk}@" in body


# --- The staff's admin --------------------------------------------------------------------


@pytest.fixture
def staff(home):
    call_command("setup_section", verbosity=0)
    return {
        "editor": factories.make_user("redaktor", groups=[roles.EDITORS]),
        "moderator": factories.make_user("moderator", groups=[roles.MODERATORS]),
    }


def make_request(user, status=GuidanceRequest.Status.NEW, **fields):
    fields.setdefault("challenge", "En utfordring")
    return GuidanceRequest.objects.create(
        requester=user,
        requester_name=user.get_full_name(),
        unit="Hundvåg sykehjem",
        kind="idea",
        urgency="later",
        preferred_times="Tirsdager",
        status=status,
        token=uuid.uuid4(),
        **fields,
    )


def test_editors_cannot_open_the_staff_lists_and_moderators_can(
    client, staff, fabrikken, employee, rooms
):
    make_request(employee, challenge="Nattilsyn på sykehjemmet")
    factories.make_room_booking(rooms["verkstedet"], employee, purpose="Workshop om kols")

    client.force_login(staff["editor"])
    for url in ("/admin/fabrikken/veiledning/", "/admin/fabrikken/bookinger/"):
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert "/admin/fabrikken/veiledning/" not in html_of(client.get("/admin/"))

    client.force_login(staff["moderator"])
    guidance = client.get("/admin/fabrikken/veiledning/")
    assert guidance.status_code == 200 and "Kari Ansatt" in html_of(guidance)
    bookings = client.get("/admin/fabrikken/bookinger/")
    assert bookings.status_code == 200 and "Workshop om kols" in html_of(bookings)
    # Requests and bookings are made on the site, not in the admin.
    assert client.get("/admin/fabrikken/veiledning/new/").status_code == 302
    assert client.get("/admin/fabrikken/bookinger/new/").status_code == 302


def test_moderators_filter_requests_by_status_and_work_them(client, staff, fabrikken, employee):
    new = make_request(employee, challenge="Helt ny henvendelse")
    done = make_request(employee, GuidanceRequest.Status.CLOSED, challenge="Ferdig henvendelse")
    client.force_login(staff["moderator"])

    listing = html_of(client.get("/admin/fabrikken/veiledning/?status=new"))
    assert f"/admin/fabrikken/veiledning/edit/{new.pk}/" in listing
    assert f"/admin/fabrikken/veiledning/edit/{done.pk}/" not in listing
    everything = html_of(client.get("/admin/fabrikken/veiledning/"))
    assert f"/admin/fabrikken/veiledning/edit/{done.pk}/" in everything

    edit_url = f"/admin/fabrikken/veiledning/edit/{new.pk}/"
    assert "Helt ny henvendelse" in html_of(client.get(edit_url))
    response = client.post(
        edit_url, {"status": "in_progress", "staff_note": "Ringer henne i morgen."}
    )
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.status == "in_progress" and new.staff_note == "Ringer henne i morgen."
    assert new.challenge == "Helt ny henvendelse"  # read-only in the admin


def admin_booking_data(booking, **overrides):
    local_start = timezone.localtime(booking.start)
    local_end = timezone.localtime(booking.end)
    data = {
        "room": booking.room_id,
        "start": local_start.strftime("%d.%m.%Y %H:%M"),
        "end": local_end.strftime("%d.%m.%Y %H:%M"),
        "people": booking.people,
        "status": booking.status,
        "purpose": booking.purpose,
    }
    data.update(overrides)
    return data


def test_moderators_cannot_move_a_booking_onto_another(
    client, staff, fabrikken, employee, colleague, rooms
):
    factories.make_room_booking(rooms["verkstedet"], colleague, start=(10, 0), end=(11, 0))
    booking = factories.make_room_booking(rooms["verkstedet"], employee, start=(12, 0), end=(13, 0))
    client.force_login(staff["moderator"])
    day = factories.next_monday().strftime("%d.%m.%Y")
    url = f"/admin/fabrikken/bookinger/edit/{booking.pk}/"

    refused = client.post(url, admin_booking_data(booking, start=f"{day} 10:30"))
    assert refused.status_code == 200
    assert "Rommet er allerede booket i noe av denne tiden" in html_of(refused)

    moved = client.post(url, admin_booking_data(booking, start=f"{day} 11:00"))
    assert moved.status_code == 302
    booking.refresh_from_db()
    assert timezone.localtime(booking.start).time() == datetime.time(11)


def test_moderators_cancel_a_past_booking_made_under_other_rules(
    client, staff, fabrikken, employee, rooms
):
    last_week = factories.next_monday() - datetime.timedelta(days=7)
    booking = factories.make_room_booking(rooms["verkstedet"], employee, day=last_week)
    client.force_login(staff["moderator"])
    response = client.post(
        f"/admin/fabrikken/bookinger/edit/{booking.pk}/",
        admin_booking_data(booking, status="cancelled"),
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.cancelled_at is not None


# --- Small parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", datetime.time(9)),
        ("09.30", datetime.time(9, 30)),
        ("9:45", datetime.time(9, 45)),
        ("1130", datetime.time(11, 30)),
        ("kl. 14.15", datetime.time(14, 15)),
        ("25.00", None),
        ("halv ti", None),
    ],
)
def test_times_are_read_as_people_write_them(text, expected):
    assert parse_time(text) == expected


def test_weeks_in_the_address_are_iso_weeks():
    assert schedule.parse_week("2026-W12") == datetime.date(2026, 3, 16)
    assert schedule.week_param(datetime.date(2026, 3, 16)) == "2026-W12"
    assert schedule.parse_week("2026-W60") is None
    assert schedule.parse_week("9999-W52") is None
    assert schedule.parse_week(None) is None


def test_the_grid_opens_on_next_week_once_this_weeks_hours_are_over(fabrikken):
    hours = fabrikken.hours_by_weekday()
    monday = datetime.date(2026, 3, 16)
    friday_evening = at(monday + datetime.timedelta(days=4), datetime.time(17))
    wednesday = at(monday + datetime.timedelta(days=2), datetime.time(12))
    assert schedule.default_monday(hours, friday_evening) == monday + datetime.timedelta(days=7)
    assert schedule.default_monday(hours, wednesday) == monday


# --- Editing the page in the admin -------------------------------------------------------


def page_edit_data(page, rooms=None, hours=None):
    """The edit form as an editor sends it: the page's fields, opening hours and rooms."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    existing_hours = list(page.opening_hours.all())
    existing_rooms = list(page.rooms.all())
    hours = (
        hours
        if hours is not None
        else [
            {"id": row.pk, "weekday": row.weekday, "opens": "08:00", "closes": "16:00"}
            for row in existing_hours
        ]
    )
    rooms = (
        rooms
        if rooms is not None
        else [
            {
                "id": room.pk,
                "name": room.name,
                "slug": room.slug,
                "capacity": room.capacity,
                "bookable": "on" if room.bookable else "",
            }
            for room in existing_rooms
        ]
    )
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "offer": streamfield([]),
            "venue": "",
            "address": page.address,
            "directions": rich_text(""),
            "opening_hours": inline_formset(hours, initial=len(existing_hours)),
            "contacts": inline_formset([]),
            "rooms": inline_formset(rooms, initial=len(existing_rooms)),
            "booking_intro": "",
            "booking_horizon_months": page.booking_horizon_months,
            "guidance_intro": "",
            "notify_address": page.notify_address,
            "comments": inline_formset([]),
        }
    )


def edit_page(client, page, data):
    from django.urls import reverse

    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def test_editors_change_rooms_and_opening_hours_in_the_admin(admin_client, fabrikken):
    data = page_edit_data(fabrikken)
    data["rooms-0-capacity"] = "24"
    response = edit_page(admin_client, fabrikken, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    draft = FabrikkenPage.objects.get(pk=fabrikken.pk).get_latest_revision_as_object()
    assert [room.capacity for room in draft.rooms.all()][0] == 24


def test_the_page_form_refuses_two_rows_for_one_day(admin_client, fabrikken):
    hours = [
        {"id": row.pk, "weekday": row.weekday, "opens": "08:00", "closes": "16:00"}
        for row in fabrikken.opening_hours.all()
    ]
    hours.append({"id": "", "weekday": 0, "opens": "17:00", "closes": "20:00"})  # a second Monday
    response = edit_page(admin_client, fabrikken, page_edit_data(fabrikken, hours=hours))
    html = html_of(response)
    assert response.status_code == 200
    assert "Denne dagen har allerede åpningstider." in html


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        ("08:10", "16:00", "Bruk hele kvarter, for eksempel 08:00 eller 15:45."),
        ("16:00", "08:00", "Stengetiden må være etter åpningstiden."),
    ],
)
def test_opening_hours_are_whole_quarters_and_close_after_they_open(
    admin_client, fabrikken, opens, closes, message
):
    data = page_edit_data(fabrikken)
    data["opening_hours-0-opens"], data["opening_hours-0-closes"] = opens, closes
    assert message in html_of(edit_page(admin_client, fabrikken, data))


def test_a_room_with_upcoming_bookings_cannot_be_removed(admin_client, fabrikken, rooms, employee):
    factories.make_room_booking(rooms["prosjektrommet"], employee)
    data = page_edit_data(fabrikken)
    data["rooms-1-DELETE"] = "on"  # Prosjektrommet
    response = edit_page(admin_client, fabrikken, data)
    assert "«Prosjektrommet» har kommende bookinger og kan ikke fjernes." in html_of(response)

    data = page_edit_data(fabrikken)
    data["rooms-2-DELETE"] = "on"  # Lageret has none
    assert edit_page(admin_client, fabrikken, data).status_code == 302


def test_a_room_photo_needs_an_alternative_text_and_a_name_makes_its_short_name(rooms):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    photo = get_image_model().objects.create(title="Verkstedet", file=get_test_image_file())
    room = rooms["verkstedet"]
    room.photo = photo
    with pytest.raises(ValidationError) as refused:
        room.full_clean()
    assert "Skriv en alternativ tekst" in str(refused.value)
    new_room = type(room)(page=room.page, name="Lille møterom", capacity=4)
    new_room.clean()
    assert new_room.slug == "lille-moterom"


# --- No address breaks the booking; bookings from today to the horizon (issue 16) -----------


def last_day(months=6):
    return schedule.last_bookable_day(timezone.localdate(), months)


def weekday_on_or_before(day):
    """The last Monday–Friday (Fabrikken's open days in the tests) on or before `day`."""
    while day.weekday() > 4:
        day -= datetime.timedelta(days=1)
    return day


def window_message(day):
    date = format_date(day, weekday=True)
    return f"Du kan booke fra i dag til og med {date}. Velg en dag innen da."


def test_the_horizon_counts_calendar_months():
    assert schedule.last_bookable_day(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert schedule.last_bookable_day(datetime.date(2027, 8, 31), 6) == datetime.date(2028, 2, 29)
    assert schedule.last_bookable_day(datetime.date(2026, 12, 6), 1) == datetime.date(2027, 1, 6)
    assert schedule.last_bookable_day(datetime.date(2026, 1, 15), 24) == datetime.date(2028, 1, 15)


@pytest.mark.parametrize(
    "start",
    ["9999-12-31T23:30", "9999-12-31T00:00", "0001-01-01T00:00", "2000-01-03T09:00"],
    ids=["year-9999-late", "year-9999", "year-1", "past"],
)
def test_a_start_in_the_address_outside_the_window_is_a_form_error(
    employee_client, fabrikken, start
):
    response = employee_client.get(booking_url(fabrikken) + f"?rom=verkstedet&start={start}")

    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Bekreft booking</h1>" in html
    assert window_message(last_day()) in text_of(response)
    assert '<a href="#id_date_0">' in html
    assert 'name="start" value=""' in html  # the refused time is not filled in
    assert RoomBooking.objects.count() == 0


@pytest.mark.parametrize("where", ["beyond-the-horizon", "year-9999"])
def test_booking_beyond_the_horizon_is_refused_and_nothing_is_stored(
    employee_client, fabrikken, where
):
    day = (
        weekday_on_or_before(last_day() + datetime.timedelta(days=7))
        if where == "beyond-the-horizon"
        else datetime.date(9999, 12, 31)
    )

    response = book(employee_client, fabrikken, day=day, start="23.30", end="23.45")

    assert response.status_code == 200
    assert window_message(last_day()) in text_of(response)
    assert '<a href="#id_date_0">' in html_of(response)
    assert RoomBooking.objects.count() == 0


def test_the_last_day_of_the_horizon_can_be_booked(employee_client, fabrikken):
    day = weekday_on_or_before(last_day())

    response = book(employee_client, fabrikken, day=day)

    assert response.status_code == 302
    assert RoomBooking.objects.count() == 1


def test_editors_set_the_horizon_on_fabrikkens_page(employee_client, fabrikken):
    assert fabrikken.booking_horizon_months == 6  # the default
    fabrikken.booking_horizon_months = 1
    fabrikken.save_revision().publish()
    two_months = weekday_on_or_before(last_day(months=2))

    response = book(employee_client, fabrikken, day=two_months)

    assert window_message(last_day(months=1)) in text_of(response)
    assert RoomBooking.objects.count() == 0


@pytest.mark.parametrize("months", [0, 25])
def test_the_horizon_is_between_one_and_24_months(fabrikken, months):
    fabrikken.booking_horizon_months = months
    with pytest.raises(ValidationError) as refused:
        fabrikken.full_clean()
    assert "booking_horizon_months" in refused.value.message_dict


def test_an_editor_changes_the_horizon_in_the_admin(admin_client, fabrikken):
    data = page_edit_data(fabrikken)
    data["booking_horizon_months"] = "3"
    response = edit_page(admin_client, fabrikken, data)
    assert response.status_code == 302
    draft = FabrikkenPage.objects.get(pk=fabrikken.pk).get_latest_revision_as_object()
    assert draft.booking_horizon_months == 3


def test_the_week_grid_offers_weeks_from_this_one_to_the_horizon(employee_client, fabrikken):
    this_monday = schedule.monday_of(timezone.localdate())
    horizon = last_day()
    horizon_monday = schedule.monday_of(horizon)

    this_week = text_of(employee_client.get(grid_url(monday=this_monday)))
    last_week = text_of(
        employee_client.get(grid_url(monday=this_monday - datetime.timedelta(days=7)))
    )
    at_the_horizon = employee_client.get(grid_url(monday=horizon_monday))
    far_away = employee_client.get("/fabrikken/booking/?rom=verkstedet&uke=2100-W10")

    assert "Forrige uke" not in this_week and "Neste uke" in this_week
    # A week before this one shows this week.
    assert f"Verkstedet, uke {this_monday.isocalendar()[1]}:" in last_week
    assert "Forrige uke" not in last_week
    after = horizon + datetime.timedelta(days=1)
    for response in (at_the_horizon, far_away):
        text, html = text_of(response), html_of(response)
        assert response.status_code == 200
        assert f"Verkstedet, uke {horizon_monday.isocalendar()[1]}:" in text
        assert "Neste uke" not in text and "Forrige uke" in text
        assert f"Du kan booke til og med {format_date(horizon, weekday=True)}." in text
        # No day after the horizon is offered.
        assert f"start={after.isoformat()}" not in html
        assert format_date(after, weekday=True, year=False) not in text
