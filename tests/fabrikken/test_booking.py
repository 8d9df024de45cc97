"""Fabrikken: booking a room; the rules and overlaps, on every database."""

import datetime
import re
import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.formats import at, format_when
from demo import factories
from fabrikken import schedule
from fabrikken.constraints import NoOverlapConstraint
from fabrikken.models import RoomBooking
from tests.fabrikken.conftest import (
    ON_POSTGRES,
    SLOT_TAKEN,
    book,
    booking_data,
    booking_url,
    free_slot,
    grid_url,
)
from tests.helpers import html_of, text_of

pytestmark = pytest.mark.django_db


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
    # The chosen room and time are shown read-only, sent as hidden fields.
    assert '<input type="hidden" name="room" value="prosjektrommet">' in html
    assert f'<input type="hidden" name="date_0" value="{day.day}">' in html
    assert '<input type="hidden" name="start" value="13.30">' in html
    assert '<input type="hidden" name="end" value="14.00">' in html
    assert '<select name="room"' not in html and 'id="id_start"' not in html
    assert "Endre tidspunkt" in html
    assert f"?rom=prosjektrommet&amp;dag={day.isoformat()}#ledige-tider" in html
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
    waited = threading.local()

    def save_after_everyone_checked(self, *args, **kwargs):
        # Only the first attempt waits: PostgreSQL may abort one of the
        # colliding inserts as a deadlock, and book() then tries again alone.
        if not getattr(waited, "once", False):
            waited.once = True
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


class _DeadlockDetected(Exception):
    sqlstate = schedule.DEADLOCK_DETECTED


def test_a_booking_aborted_as_a_deadlock_is_tried_again_and_stored_once(
    rooms, employee, monkeypatch
):
    """PostgreSQL aborts one of several colliding inserts as a deadlock (seen in CI
    under load); the victim has stored nothing and is tried again."""
    original_save = RoomBooking.save
    attempts = []

    def deadlocked_once(self, *args, **kwargs):
        attempts.append(self.pk)
        if len(attempts) == 1:
            raise OperationalError("deadlock detected") from _DeadlockDetected()
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(RoomBooking, "save", deadlocked_once)
    day = factories.next_monday()
    booking = schedule.book(
        room=rooms["verkstedet"],
        user=employee,
        start=at(day, datetime.time(9)),
        end=at(day, datetime.time(10)),
        purpose="Workshop",
        people=5,
        token=uuid.uuid4(),
    )

    assert attempts == [None, None]
    assert list(RoomBooking.objects.values_list("pk", "booked_by")) == [(booking.pk, employee.pk)]


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
