"""Fabrikken: the staff's admin and editing the page in the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from core.publishing import roles
from demo import factories
from fabrikken.models import FabrikkenPage, GuidanceRequest
from tests.fabrikken.conftest import edit_page, make_request, page_edit_data
from tests.helpers import html_of

pytestmark = pytest.mark.django_db


# --- The staff's admin --------------------------------------------------------------------


@pytest.fixture
def staff(home):
    call_command("setup_section", verbosity=0)
    return {
        "editor": factories.make_user("redaktor", groups=[roles.EDITORS]),
        "moderator": factories.make_user("moderator", groups=[roles.MODERATORS]),
    }


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
    # Monday a week ago: next_monday() - 7 days is today on a Monday, not yet begun at 00:10.
    last_week = factories.next_monday() - datetime.timedelta(days=14)
    booking = factories.make_room_booking(rooms["verkstedet"], employee, day=last_week)
    client.force_login(staff["moderator"])
    response = client.post(
        f"/admin/fabrikken/bookinger/edit/{booking.pk}/",
        admin_booking_data(booking, status="cancelled"),
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.cancelled_at is not None


# --- Editing the page in the admin -------------------------------------------------------


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
