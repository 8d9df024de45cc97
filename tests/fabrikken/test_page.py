"""Fabrikken: the page, «Be om veiledning» and the small parts."""

import datetime
import re
import uuid

import pytest
from django.core import mail

from core.formats import at
from demo import factories
from fabrikken import schedule
from fabrikken.forms import parse_time
from fabrikken.models import FabrikkenPage, GuidanceRequest
from tests.helpers import html_of, text_of

pytestmark = pytest.mark.django_db


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
    assert 'href="#id_challenge">Beskriv utfordringen eller ideen.</a>' in html
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


def test_the_guidance_e_mails_link_to_the_public_address(public_site, client, fabrikken, employee):
    employee.email = "kari@eksempel.no"
    employee.save()
    client.force_login(employee)

    client.post("/fabrikken/veiledning/", guidance_data())

    request = GuidanceRequest.objects.get()
    confirmation, notice = mail.outbox
    assert f"{public_site}/fabrikken/veiledning/mine/{request.pk}/" in confirmation.body
    assert f"{public_site}/admin/fabrikken/veiledning/edit/{request.pk}/" in notice.body
    for message in (confirmation, notice):
        assert "testserver" not in message.body and "localhost" not in message.body
