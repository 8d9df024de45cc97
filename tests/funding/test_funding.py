"""Funding calls: derived status, the listing, applying, «Mine søknader», moderators' export, demo."""

import csv
import io
import re
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission

from core.formats import format_nok, format_number
from demo import factories
from funding.forms import AmountField, DateInputsField
from funding.models import FundingApplication, FundingCallPage, FundingIndexPage
from funding.status import CallStatus, call_state, status_at, status_filter
from home.forms import example_date, example_datetime_text
from home.roles import MODERATORS
from tests.helpers import html_of, text_of

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
# 1 April 2026 is summer time in Norway (UTC+2): the edge is 10.00 UTC.
OPENS = datetime(2026, 3, 2, 9, 0, tzinfo=OSLO)
DEADLINE = datetime(2026, 4, 1, 12, 0, tzinfo=OSLO)
# Dates in an application may not be in the past: the answers plan for next year.
NEXT_YEAR = timezone.localdate().year + 1
MONTHS_NB = "januar februar mars april mai juni juli august september oktober november desember"
MONTHS_NB = MONTHS_NB.split()


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


@pytest.fixture
def index_page(home):
    return factories.make_funding_index()


@pytest.fixture
def open_call(index_page):
    return factories.make_funding_call(index_page)


def answers(**overrides):
    data = {
        "prosjekttittel": "Digital innsjekk på legevakten",
        "enhet": "Helse og velferd",
        "beskrivelse_av_behovet": "Pasientene venter lenge i kø ved skranken.",
        "belop_det_sokes_om": "kr 250 000,-",
        "samarbeidspartnere": ["Universitetet i Stavanger"],
        "hjelp_fra_fabrikken": "Ja",
        "planlagt_oppstart_0": "1",
        "planlagt_oppstart_1": "mars",
        "planlagt_oppstart_2": str(NEXT_YEAR),
        "forankret_hos_leder": "on",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- Status: derived from the dates, at each edge, in Europe/Oslo ----------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - timedelta(microseconds=1), CallStatus.UPCOMING),
        (OPENS, CallStatus.OPEN),
        (DEADLINE - timedelta(seconds=1), CallStatus.OPEN),
        (DEADLINE, CallStatus.CLOSED),
        (DEADLINE + timedelta(days=30), CallStatus.CLOSED),
    ],
    ids=["just-before-opening", "at-opening", "second-before-deadline", "at-deadline", "after"],
)
def test_status_at_each_edge_of_the_window(now, expected):
    assert status_at(OPENS, DEADLINE, now) is expected
    # The same instant written in UTC is the same edge.
    assert status_at(OPENS, DEADLINE, now.astimezone(ZoneInfo("UTC"))) is expected


def test_a_call_without_deadline_is_rolling_and_stays_open():
    later = OPENS + timedelta(days=3650)
    state = call_state(OPENS, None, later)

    assert state.status is CallStatus.OPEN
    assert state.deadline_text == "Løpende søknadsfrist"
    assert state.deadline_warning == ""


def test_status_labels_and_badge_colours_in_norwegian():
    states = [
        call_state(OPENS, DEADLINE, now) for now in (OPENS - timedelta(days=1), OPENS, DEADLINE)
    ]

    assert [str(state.label) for state in states] == ["Kommende", "Åpen", "Stengt"]
    assert [state.badge_modifier for state in states] == ["neutral", "positive", "closed"]


@pytest.mark.parametrize(
    ("now", "warning"),
    [
        (datetime(2026, 3, 17, 12, 0, tzinfo=OSLO), ""),
        (datetime(2026, 3, 18, 8, 0, tzinfo=OSLO), "Søknadsfrist om 14 dager"),
        (datetime(2026, 3, 27, 23, 59, tzinfo=OSLO), "Søknadsfrist om 5 dager"),
        (datetime(2026, 3, 31, 7, 0, tzinfo=OSLO), "Søknadsfristen går ut i morgen"),
        (datetime(2026, 4, 1, 0, 1, tzinfo=OSLO), "Søknadsfristen går ut i dag"),
        # 23.30 UTC on 31 March is 01.30 on 1 April in Stavanger: already the deadline day.
        (datetime(2026, 3, 31, 23, 30, tzinfo=ZoneInfo("UTC")), "Søknadsfristen går ut i dag"),
        (datetime(2026, 4, 1, 11, 59, tzinfo=OSLO), "Søknadsfristen går ut i dag"),
        (datetime(2026, 4, 1, 12, 0, tzinfo=OSLO), ""),
    ],
)
def test_deadline_badge_from_fourteen_days_before(now, warning):
    assert call_state(OPENS, DEADLINE, now).deadline_warning == warning


def test_a_deadline_at_midnight_ends_on_the_day_before():
    midnight = datetime(2026, 4, 2, 0, 0, tzinfo=OSLO)

    state = call_state(OPENS, midnight, datetime(2026, 4, 1, 15, 0, tzinfo=OSLO))

    assert state.deadline_warning == "Søknadsfristen går ut i dag"


def test_dates_and_amounts_are_written_the_norwegian_way():
    state = call_state(OPENS, DEADLINE, OPENS)

    assert state.deadline_text == "Søknadsfrist 1. april 2026 kl.\u00a012.00"
    assert format_nok(250000) == "kr\u00a0250\u00a0000"
    assert format_nok(5_000_000) == "kr\u00a05\u00a0000\u00a0000"
    assert format_number("3.5") == "3,5"
    assert format_nok(None) == ""


def test_status_filters_select_the_same_calls_as_the_derived_status(index_page):
    now = timezone.now()
    factories.make_funding_call(index_page, title="Åpen", slug="apen")
    factories.make_funding_call(index_page, title="Løpende", slug="lopende", deadline=None)
    factories.make_funding_call(
        index_page, title="Kommende", slug="kommende", opens_at=now + timedelta(days=3)
    )
    factories.make_funding_call(
        index_page,
        title="Stengt",
        slug="stengt",
        opens_at=now - timedelta(days=30),
        deadline=now - timedelta(days=1),
    )

    for status in CallStatus:
        selected = set(
            FundingCallPage.objects.filter(status_filter(status, now)).values_list(
                "title", flat=True
            )
        )
        derived = {
            call.title
            for call in FundingCallPage.objects.all()
            if call.state_at(now).status is status
        }
        assert selected == derived
    assert {
        c.title for c in FundingCallPage.objects.filter(status_filter(CallStatus.OPEN, now))
    } == {
        "Åpen",
        "Løpende",
    }


def test_search_covers_summary_criteria_and_eligibility_and_filters_by_status(index_page):
    now = timezone.now()
    factories.make_funding_call(
        index_page,
        title="Åpen utlysning",
        slug="apen",
        criteria="<p>Prosjektet har et gevinstkart.</p>",
    )
    factories.make_funding_call(
        index_page,
        title="Gammel utlysning",
        slug="gammel",
        criteria="<p>Prosjektet har et gevinstkart.</p>",
        opens_at=now - timedelta(days=60),
        deadline=now - timedelta(days=30),
    )
    factories.make_funding_call(
        index_page,
        title="Tredje",
        slug="tredje",
        eligibility="<p>Alle barnehager kan søke.</p>",
        criteria="<p>Barna merker forskjellen.</p>",
    )

    everything = FundingCallPage.objects.live().search("gevinstkart")
    open_only = (
        FundingCallPage.objects.live()
        .filter(status_filter(CallStatus.OPEN, now))
        .search("gevinstkart")
    )

    assert {page.title for page in everything} == {"Åpen utlysning", "Gammel utlysning"}
    assert [page.title for page in open_only] == ["Åpen utlysning"]
    assert [page.title for page in FundingCallPage.objects.live().search("barnehager")] == [
        "Tredje"
    ]


# --- The call's own rules ----------------------------------------------------------


def test_a_deadline_before_the_opening_is_refused(index_page):
    call = FundingCallPage(
        title="Feil datoer",
        summary="Kort.",
        opens_at=DEADLINE,
        deadline=OPENS,
        eligibility="<p>Alle.</p>",
        criteria="<p>Ingen.</p>",
        max_per_application=900_000,
        total_budget=500_000,
    )

    with pytest.raises(ValidationError) as error:
        call.clean()

    assert set(error.value.message_dict) == {"deadline", "max_per_application"}


def test_funding_pages_sit_only_where_they_belong(home, index_page):
    assert FundingIndexPage.can_exist_under(home)
    assert not FundingIndexPage.can_create_at(home)  # there is one index already
    assert not FundingCallPage.can_exist_under(home)
    assert FundingCallPage.can_create_at(index_page)
    assert not FundingIndexPage.can_exist_under(index_page)


def test_amounts_and_dates_are_read_the_way_people_write_them():
    amount = AmountField()
    date_field = DateInputsField(required=False)

    assert amount.clean("kr 250.000,-") == Decimal("250000")
    assert amount.clean("250 000") == Decimal("250000")
    assert amount.clean("1,5") == Decimal("1.5")
    assert date_field.clean(["03", "mars", "2027"]).isoformat() == "2027-03-03"
    assert date_field.clean(["15", "3", "26"]).isoformat() == "2026-03-15"
    assert date_field.clean(["", "", ""]) is None
    with pytest.raises(ValidationError):
        date_field.clean(["31", "februar", "2027"])
    with pytest.raises(ValidationError):
        date_field.clean(["1", "", "2027"])


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


# --- The call page and applying -----------------------------------------------------------


def test_an_open_call_shows_its_facts_and_the_form(employee_client, open_call):
    factories.make_person(name="Rådgiver Rita", email="rita@eksempel.no")
    open_call.contact_person = factories.make_person(name="Kontakt Kari")
    open_call.total_budget = 5_000_000
    open_call.min_per_application = 100_000
    open_call.max_per_application = 800_000
    open_call.save_revision().publish()

    response = employee_client.get(open_call.url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = html_of(response)
    text = text_of(response)
    assert "Åpen" in text
    assert "kr\u00a05\u00a0000\u00a0000" in text
    assert "kr\u00a0100\u00a0000–800\u00a0000" in text
    assert (
        "Hvem kan søke" in text and "Vurderingskriterier" in text and "Slik går det videre" in text
    )
    assert "Kontakt Kari" in text
    assert "novalidate" in html and 'name="submission_token"' in html
    assert "Send søknad" in text
    # Mixed required and optional fields: each label says which.
    assert "Prosjekttittel (obligatorisk)" in text
    assert "Samarbeidspartnere (valgfritt)" in text
    assert (
        '<legend>Planlagt oppstart <span class="field__optional">(valgfritt)</span></legend>'
        in html
    )
    assert 'id="id_planlagt_oppstart_0"' in html and ">Dag</label>" in html
    assert 'type="radio"' in html and 'type="checkbox"' in html and "<select" in html
    assert "<textarea" in html


def test_a_form_with_only_required_fields_says_so_once(employee_client, index_page):
    call = factories.make_funding_call(
        index_page, form_fields=[("Prosjekttittel", "singleline", True, "", "")]
    )

    text = text_of(employee_client.get(call.url))

    assert "Alle felt må fylles ut." in text
    assert "(obligatorisk)" not in text


def test_applying_stores_the_signed_in_applicant_and_the_answers(client, open_call):
    kari = factories.make_user(
        "kari", first_name="Kari", last_name="Nordmann", email="kari@eksempel.no"
    )
    client.force_login(kari)

    response = client.post(open_call.url, answers(applicant="Noen andre", name="Ola Hacker"))

    application = FundingApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/stotte/mine-soknader/{application.pk}/sendt/"
    assert application.applicant == kari
    assert application.applicant_name == "Kari Nordmann"
    assert application.page_id == open_call.pk
    assert application.form_data == {
        "prosjekttittel": "Digital innsjekk på legevakten",
        "enhet": "Helse og velferd",
        "beskrivelse_av_behovet": "Pasientene venter lenge i kø ved skranken.",
        "belop_det_sokes_om": "250000",
        "samarbeidspartnere": ["Universitetet i Stavanger"],
        "hjelp_fra_fabrikken": "Ja",
        "planlagt_oppstart": f"{NEXT_YEAR}-03-01",
        "forankret_hos_leder": True,
    }

    receipt = client.get(response["Location"])
    text = text_of(receipt)
    assert "Søknaden er sendt" in text
    assert "Vi har mottatt søknaden din til «Innovasjonsmidler 2026»." in text
    assert "Vi har sendt en bekreftelse til kari@eksempel.no." in text
    assert "250\u00a0000" in text and f"1. mars {NEXT_YEAR}" in text
    assert 'href="/stotte/mine-soknader/"' in html_of(receipt)


def test_applying_sends_a_confirmation_and_a_notice_in_norwegian(client, open_call):
    kari = factories.make_user(
        "kari", first_name="Kari", last_name="Nordmann", email="kari@eksempel.no"
    )
    open_call.to_address = "innovasjon@eksempel.no, leder@eksempel.no"
    open_call.save_revision().publish()
    client.force_login(kari)

    client.post(open_call.url, answers())

    assert len(mail.outbox) == 2
    confirmation, notice = mail.outbox
    assert confirmation.to == ["kari@eksempel.no"]
    assert confirmation.subject == "Vi har mottatt søknaden din: Innovasjonsmidler 2026"
    assert "Hei Kari," in confirmation.body
    assert "Vi har mottatt søknaden din til «Innovasjonsmidler 2026»." in confirmation.body
    assert "Slik går det videre" in confirmation.body
    assert "Ledergruppen bestemmer, og alle får svar i mai." in confirmation.body
    assert "Digital innsjekk på legevakten" in confirmation.body
    assert "http://testserver/stotte/mine-soknader/" in confirmation.body

    assert notice.to == ["innovasjon@eksempel.no", "leder@eksempel.no"]
    assert notice.subject == "Ny søknad til «Innovasjonsmidler 2026» fra Kari Nordmann"
    assert notice.reply_to == ["kari@eksempel.no"]
    assert "Søker: Kari Nordmann (kari)" in notice.body
    assert "Beløp det søkes om:\n250\u00a0000" in notice.body
    assert reverse("wagtailforms:list_submissions", args=(open_call.pk,)) in notice.body


def test_an_editor_written_subject_is_used_for_the_notice(client, open_call):
    open_call.subject = "Søknad innovasjonsmidler"
    open_call.save_revision().publish()
    client.force_login(factories.make_user("uten-epost"))

    client.post(open_call.url, answers())

    # No address of their own: no confirmation, but the notice goes out.
    assert [message.subject for message in mail.outbox] == ["Søknad innovasjonsmidler"]


def test_wagtails_process_form_submission_stores_and_sends(open_call):
    kari = factories.make_user("kari", email="kari@eksempel.no")
    form = open_call.get_form(answers(), page=open_call, user=kari)
    assert form.is_valid(), form.errors

    application = open_call.process_form_submission(form)

    assert application.applicant == kari
    assert "submission_token" not in application.form_data
    assert [message.to for message in mail.outbox] == [
        ["kari@eksempel.no"],
        ["innovasjon@eksempel.no"],
    ]
    # Without a request the links use the site's address.
    assert "http://localhost/stotte/mine-soknader/" in mail.outbox[0].body


def test_a_failing_mail_server_does_not_lose_the_application(client, open_call, caplog):
    client.force_login(factories.make_user("kari", email="kari@eksempel.no"))

    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("no route")):
        response = client.post(open_call.url, answers())

    assert response.status_code == 302
    assert FundingApplication.objects.count() == 1
    assert "Could not send" in caplog.text


def test_the_same_form_sent_twice_stores_one_application(client, open_call):
    client.force_login(factories.make_user("kari", email="kari@eksempel.no"))
    data = answers()

    first = client.post(open_call.url, data)
    second = client.post(open_call.url, data)

    assert FundingApplication.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert len(mail.outbox) == 2  # the second POST sent nothing either


def test_a_race_between_two_posts_of_one_form_still_stores_one(client, open_call):
    kari = factories.make_user("kari")
    client.force_login(kari)
    data = answers()
    client.post(open_call.url, data)

    # The second request did not see the first one yet: the constraint catches it.
    with mock.patch.object(
        FundingCallPage, "find_application", side_effect=[None, FundingApplication.objects.get()]
    ):
        response = client.post(open_call.url, data)

    assert response.status_code == 302
    assert FundingApplication.objects.count() == 1


def test_two_forms_from_the_same_employee_are_two_applications(client, open_call):
    client.force_login(factories.make_user("kari"))

    client.post(open_call.url, answers())
    client.post(open_call.url, answers())

    assert FundingApplication.objects.count() == 2
    text = text_of(client.get(open_call.url))
    assert "Du sendte en søknad til denne utlysningen" in text


def test_a_form_without_its_token_is_not_stored(employee_client, open_call):
    response = employee_client.post(open_call.url, answers(submission_token=None))

    assert response.status_code == 200
    assert "Skjemaet var utløpt. Sjekk svarene dine og send det på nytt." in text_of(response)
    assert not FundingApplication.objects.exists()
    # A fresh token is in the form, so sending it again works.
    token = re.search(r'name="submission_token" value="([0-9a-f-]{36})"', html_of(response)).group(
        1
    )
    assert employee_client.post(open_call.url, answers(submission_token=token)).status_code == 302


def test_invalid_input_shows_errors_and_keeps_what_was_typed(employee_client, open_call):
    response = employee_client.post(
        open_call.url,
        answers(
            beskrivelse_av_behovet="",
            belop_det_sokes_om="tre hundre",
            enhet="",
            planlagt_oppstart_0="31",
            planlagt_oppstart_1="februar",
            forankret_hos_leder=None,
            samarbeidspartnere=["Næringslivet"],
        ),
    )

    assert response.status_code == 200
    assert not FundingApplication.objects.exists()
    assert mail.outbox == []
    html = html_of(response)
    text = text_of(response)
    assert "<title>Feil: Innovasjonsmidler 2026" in html
    assert "Noe må rettes før du kan sende inn" in text
    assert '<a href="#id_beskrivelse_av_behovet">Fyll ut «Beskrivelse av behovet».</a>' in html
    assert '<a href="#id_enhet">Velg et svar på «Enhet».</a>' in html
    assert (
        '<a href="#id_belop_det_sokes_om">Skriv et tall i «Beløp det søkes om», for eksempel 250'
        in html
    )
    assert '<a href="#id_planlagt_oppstart_0">Skriv en dato som finnes' in html
    assert (
        '<a href="#id_forankret_hos_leder">Kryss av for «Forankret hos leder» for å sende søknaden.</a>'
        in html
    )
    # Inline errors, wired to the fields
    assert 'aria-describedby="id_belop_det_sokes_om_hint id_belop_det_sokes_om_error"' in html
    assert html.count('aria-invalid="true"') >= 4
    # What was typed is still there
    assert 'value="Digital innsjekk på legevakten"' in html
    assert 'value="tre hundre"' in html
    assert 'value="31"' in html and 'value="februar"' in html and f'value="{NEXT_YEAR}"' in html
    assert re.search(r'value="Næringslivet" checked', html)
    assert not re.search(r'value="Universitetet i Stavanger" checked', html)
    assert re.search(r'value="Ja" checked', html)


def test_other_field_types_render_validate_and_read_back(client, index_page):
    call = factories.make_funding_call(
        index_page,
        form_fields=[
            ("E-post til leder", "email", True, "", ""),
            ("Nettside", "url", False, "", ""),
            ("Møtetidspunkt", "datetime", True, "", ""),
            ("Kilde", "hidden", False, "", ""),
            ("Tema", "multiselect", True, "Helse\nSkole", ""),
        ],
    )
    client.force_login(factories.make_user("kari"))

    form = html_of(client.get(call.url))
    invalid = client.post(
        call.url,
        {
            "e_post_til_leder": "leder-uten-krollalfa",
            "motetidspunkt": "i morgen",
            "submission_token": str(uuid.uuid4()),
        },
    )
    valid = client.post(
        call.url,
        {
            "e_post_til_leder": "leder@eksempel.no",
            "motetidspunkt": f"15.3.{NEXT_YEAR} 09.30",
            "tema": ["Skole"],
            "submission_token": str(uuid.uuid4()),
        },
    )

    assert 'type="email"' in form and 'type="url"' in form
    assert 'type="hidden" name="kilde"' in form
    assert 'name="tema" value="Skole"' in form and "<select" not in form
    # The example is three months ahead, so it is never a date the form refuses as past.
    example = example_datetime_text()
    assert f"For eksempel {example}" in text_of(client.get(call.url))
    text = text_of(invalid)
    assert "Skriv en e-postadresse i «E-post til leder», for eksempel navn@eksempel.no." in text
    assert f"Skriv dato og klokkeslett i «Møtetidspunkt», for eksempel {example}." in text
    assert "Velg minst ett alternativ for «Tema»." in text
    assert valid.status_code == 302
    receipt = text_of(client.get(valid["Location"]))
    assert f"15. mars {NEXT_YEAR} kl.\u00a009.30" in receipt
    assert "leder@eksempel.no" in receipt and "Skole" in receipt


# --- No input breaks the form; the limits users expect (issue 16, items 8–9) -----------


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("Infinity", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("-Infinity", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("NaN", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("sNaN", "Skriv et tall i «Beløp det søkes om», for eksempel 250\u00a0000."),
        ("1e308", "Beløpet i «Beløp det søkes om» er for stort."),
        ("9" * 46, "Beløpet i «Beløp det søkes om» er for stort."),
        ("1e-400", "Skriv beløpet i «Beløp det søkes om» med høyst to desimaler"),
        ("-5", "Beløpet i «Beløp det søkes om» kan ikke være negativt."),
        ("kr -250 000", "Beløpet i «Beløp det søkes om» kan ikke være negativt."),
    ],
)
def test_a_hostile_amount_is_a_form_error_and_nothing_is_stored(
    employee_client, open_call, amount, message
):
    response = employee_client.post(open_call.url, answers(belop_det_sokes_om=amount))

    assert response.status_code == 200
    assert message in text_of(response)
    assert 'href="#id_belop_det_sokes_om"' in html_of(response)
    assert FundingApplication.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [("1", "1", "²"), ("1", "²", "2030"), ("1", "1", "9999999999"), ("1", "1", "10000")],
    ids=["superscript-year", "superscript-month", "ten-digit-year", "year-10000"],
)
def test_a_hostile_date_is_a_form_error_and_nothing_is_stored(
    employee_client, open_call, day, month, year
):
    response = employee_client.post(
        open_call.url,
        answers(planlagt_oppstart_0=day, planlagt_oppstart_1=month, planlagt_oppstart_2=year),
    )

    assert response.status_code == 200
    assert "Skriv en dato som finnes i «Planlagt oppstart»" in text_of(response)
    assert FundingApplication.objects.count() == 0


def test_the_form_says_the_calls_range_and_keeps_to_it(employee_client, open_call):
    open_call.min_per_application = 100_000
    open_call.max_per_application = 800_000
    open_call.save_revision().publish()
    range_text = "Du kan søke om 100\u00a0000–800\u00a0000 kroner."
    error = f"{range_text} Endre beløpet i «Beløp det søkes om»."

    form = employee_client.get(open_call.url)
    too_little = employee_client.post(open_call.url, answers(belop_det_sokes_om="99 999"))
    too_much = employee_client.post(open_call.url, answers(belop_det_sokes_om="800 001"))

    # The hint under the field, wired to it.
    assert re.search(
        rf'<p class="field__hint" id="id_belop_det_sokes_om_hint">[^<]*{range_text}', html_of(form)
    )
    for response in (too_little, too_much):
        assert response.status_code == 200
        assert f'<a href="#id_belop_det_sokes_om">{error}</a>' in html_of(response)
    assert FundingApplication.objects.count() == 0
    for edge in ("100 000", "kr 800 000,-"):
        assert (
            employee_client.post(open_call.url, answers(belop_det_sokes_om=edge)).status_code == 302
        )
    assert FundingApplication.objects.count() == 2


@pytest.mark.parametrize(
    ("least", "most", "sentence"),
    [
        (None, 30_000, "Du kan søke om inntil 30\u00a0000 kroner."),
        (5_000, None, "Du kan søke om minst 5\u00a0000 kroner."),
    ],
)
def test_a_call_with_one_limit_says_it(employee_client, index_page, least, most, sentence):
    call = factories.make_funding_call(
        index_page, min_per_application=least, max_per_application=most
    )

    assert sentence in text_of(employee_client.get(call.url))
    outside = "40 000" if most else "4 999"
    response = employee_client.post(call.url, answers(belop_det_sokes_om=outside))
    assert f"{sentence} Endre beløpet i «Beløp det søkes om»." in text_of(response)
    assert FundingApplication.objects.count() == 0


def test_a_call_without_limits_takes_any_sensible_amount(employee_client, open_call):
    text = text_of(employee_client.get(open_call.url))

    assert "Du kan søke om" not in text
    response = employee_client.post(open_call.url, answers(belop_det_sokes_om="0"))
    assert response.status_code == 302
    assert FundingApplication.objects.get().form_data["belop_det_sokes_om"] == "0"


def test_a_planned_start_in_the_past_is_refused(employee_client, open_call):
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)

    response = employee_client.post(
        open_call.url,
        answers(
            planlagt_oppstart_0=str(yesterday.day),
            planlagt_oppstart_1=str(yesterday.month),
            planlagt_oppstart_2=str(yesterday.year),
        ),
    )

    assert response.status_code == 200
    expected_today = f"{today.day}. {MONTHS_NB[today.month - 1]} {today.year}"
    assert (
        f"«Planlagt oppstart» kan ikke være før i dag. Skriv {expected_today} eller en senere dato."
        in text_of(response)
    )
    assert FundingApplication.objects.count() == 0
    on_the_day = employee_client.post(
        open_call.url,
        answers(
            planlagt_oppstart_0=str(today.day),
            planlagt_oppstart_1=str(today.month),
            planlagt_oppstart_2=str(today.year),
        ),
    )
    assert on_the_day.status_code == 302


@pytest.mark.parametrize("moment", ["01.01.0001 00.00", "0001-01-01 00:00", "1.1.2020 09.00"])
def test_a_date_and_time_in_the_past_is_refused_even_at_year_one(client, index_page, moment):
    """Year 1 was stored, and then the receipt failed to show it in Norwegian time."""
    call = factories.make_funding_call(
        index_page, form_fields=[("Møtetidspunkt", "datetime", True, "", "")]
    )
    client.force_login(factories.make_user("kari"))

    response = client.post(
        call.url, {"motetidspunkt": moment, "submission_token": str(uuid.uuid4())}
    )

    assert response.status_code == 200
    assert "«Møtetidspunkt» kan ikke være før i dag." in text_of(response)
    assert FundingApplication.objects.count() == 0


def test_the_calls_amounts_can_not_be_negative(index_page):
    call = factories.make_funding_call(index_page, publish=False)
    call.min_per_application = -1
    call.max_per_application = -2
    call.total_budget = -3

    with pytest.raises(ValidationError) as refused:
        call.full_clean()

    errors = refused.value.message_dict
    for name in ("min_per_application", "max_per_application", "total_budget"):
        assert "Skriv et beløp på 0 kroner eller mer." in errors[name]


@pytest.mark.parametrize(
    ("opens_in", "deadline_in", "message"),
    [
        (
            timedelta(days=3),
            timedelta(days=30),
            "Utlysningen er ikke åpen ennå. Du kan søke fra",
        ),
        (
            timedelta(days=-30),
            timedelta(days=-1),
            "Søknadsfristen gikk ut",
        ),
    ],
    ids=["upcoming", "closed"],
)
def test_applying_outside_the_window_is_refused_and_stores_nothing(
    employee_client, index_page, opens_in, deadline_in, message
):
    now = timezone.now()
    call = factories.make_funding_call(
        index_page, opens_at=now + opens_in, deadline=now + deadline_in
    )

    page = employee_client.get(call.url)
    response = employee_client.post(call.url, answers())

    assert 'name="submission_token"' not in html_of(page)
    assert "Send søknad" not in text_of(page)
    assert response.status_code == 409
    text = text_of(response)
    assert "Søknaden ble ikke sendt" in text
    assert message in text
    # What they wrote is shown so they can keep it.
    assert "Digital innsjekk på legevakten" in text
    assert not FundingApplication.objects.exists()
    assert mail.outbox == []


def test_the_form_closes_exactly_at_the_deadline(employee_client, index_page):
    now = timezone.now().replace(microsecond=0)
    call = factories.make_funding_call(index_page, deadline=now + timedelta(hours=5))

    with mock.patch("django.utils.timezone.now", return_value=call.deadline):
        refused = employee_client.post(call.url, answers())
    with mock.patch("django.utils.timezone.now", return_value=call.deadline - timedelta(seconds=1)):
        accepted = employee_client.post(call.url, answers())

    assert refused.status_code == 409
    assert accepted.status_code == 302
    assert FundingApplication.objects.count() == 1


def test_the_form_opens_exactly_at_the_opening(employee_client, index_page):
    now = timezone.now().replace(microsecond=0)
    call = factories.make_funding_call(index_page, opens_at=now + timedelta(hours=5))

    with mock.patch(
        "django.utils.timezone.now", return_value=call.opens_at - timedelta(microseconds=1)
    ):
        refused = employee_client.post(call.url, answers())
    with mock.patch("django.utils.timezone.now", return_value=call.opens_at):
        accepted = employee_client.post(call.url, answers())

    assert refused.status_code == 409
    assert accepted.status_code == 302


def test_a_double_click_after_the_deadline_still_finds_the_receipt(employee_client, index_page):
    now = timezone.now().replace(microsecond=0)
    call = factories.make_funding_call(index_page, deadline=now + timedelta(hours=1))
    data = answers()
    with mock.patch("django.utils.timezone.now", return_value=call.deadline - timedelta(seconds=1)):
        first = employee_client.post(call.url, data)
    with mock.patch("django.utils.timezone.now", return_value=call.deadline + timedelta(seconds=1)):
        second = employee_client.post(call.url, data)

    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert FundingApplication.objects.count() == 1


def test_upcoming_and_closed_calls_say_when(employee_client, index_page):
    upcoming = factories.make_funding_call(
        index_page, slug="snart", opens_at=datetime(2099, 3, 2, 9, 0, tzinfo=OSLO), deadline=None
    )
    closed = factories.make_funding_call(
        index_page, slug="stengt", opens_at=OPENS, deadline=DEADLINE
    )

    upcoming_text = text_of(employee_client.get(upcoming.url))
    closed_text = text_of(employee_client.get(closed.url))

    assert "Kommende" in upcoming_text
    assert "Utlysningen åpner 2. mars 2099 kl.\u00a009.00. Da kan du søke her." in upcoming_text
    assert "Stengt" in closed_text
    assert "Søknadsfristen gikk ut 1. april 2026 kl.\u00a012.00." in closed_text


def test_the_page_refuses_other_methods(employee_client, open_call):
    assert employee_client.put(open_call.url).status_code == 405
    assert employee_client.post("/stotte/").status_code == 405


# --- «Mine søknader» ---------------------------------------------------------------


def test_my_applications_shows_only_my_own(client, index_page, open_call):
    closed = factories.make_funding_call(
        index_page,
        title="Medfinansiering",
        slug="medfinansiering",
        opens_at=OPENS,
        deadline=DEADLINE,
    )
    kari = factories.make_user("kari")
    ola = factories.make_user("ola")
    mine = FundingApplication.objects.create(
        page=closed, applicant=kari, applicant_name="Kari", token=uuid.uuid4(), form_data={}
    )
    FundingApplication.objects.create(
        page=open_call,
        applicant=ola,
        applicant_name="Ola",
        token=uuid.uuid4(),
        form_data={"prosjekttittel": "Olas hemmelige prosjekt"},
    )
    client.force_login(kari)

    response = client.get("/stotte/mine-soknader/")

    assert response.status_code == 200
    text = text_of(response)
    assert "Mine søknader" in text
    assert "Medfinansiering" in text and "Stengt" in text
    assert f'href="/stotte/mine-soknader/{mine.pk}/"' in html_of(response)
    assert "Innovasjonsmidler 2026" not in text
    assert "Olas" not in text


def test_my_applications_query_count_does_not_grow(
    client, index_page, django_assert_max_num_queries
):
    kari = factories.make_user("kari")
    calls = [
        factories.make_funding_call(index_page, title=f"Utlysning {n}", slug=f"u-{n}")
        for n in range(6)
    ]

    def apply_to(chosen):
        for call in chosen:
            FundingApplication.objects.create(
                page=call, applicant=kari, applicant_name="Kari", token=uuid.uuid4(), form_data={}
            )

    client.force_login(kari)
    apply_to(calls[:2])
    with CaptureQueriesContext(connection) as two:
        client.get("/stotte/mine-soknader/")
    apply_to(calls[2:])
    with django_assert_max_num_queries(len(two)):
        response = client.get("/stotte/mine-soknader/")
    assert html_of(response).count('class="application-list__item"') == 6


def test_my_applications_is_empty_at_first(employee_client, index_page):
    text = text_of(employee_client.get("/stotte/mine-soknader/"))

    assert "Du har ikke sendt noen søknader ennå." in text


def test_nobody_reads_another_employees_application_by_guessing_the_address(
    client, open_call, admin_user
):
    kari = factories.make_user("kari")
    ola = factories.make_user("ola")
    application = FundingApplication.objects.create(
        page=open_call,
        applicant=kari,
        applicant_name="Kari",
        token=uuid.uuid4(),
        form_data={"prosjekttittel": "Karis prosjekt"},
    )
    detail = f"/stotte/mine-soknader/{application.pk}/"
    receipt = f"{detail}sendt/"

    client.force_login(kari)
    assert "Karis prosjekt" in text_of(client.get(detail))
    assert "Karis prosjekt" in text_of(client.get(receipt))

    for other in (ola, admin_user):
        client.force_login(other)
        assert client.get(detail).status_code == 404
        assert client.get(receipt).status_code == 404
        assert client.get("/stotte/mine-soknader/999999/").status_code == 404

    client.logout()
    assert client.get(detail).status_code == 302


# --- Moderators: Wagtail's submissions listing and CSV export ----------------------------


@pytest.fixture
def applications(open_call):
    kari = factories.make_user(
        "kari", first_name="Kari", last_name="Nordmann", email="kari@eksempel.no"
    )
    ola = factories.make_user(
        "ola", first_name="Ola", last_name="Nordmann", email="ola@eksempel.no"
    )
    for user, title in ((kari, "Digital innsjekk"), (ola, "Sensorer mot fall")):
        FundingApplication.objects.create(
            page=open_call,
            applicant=user,
            applicant_name=user.get_full_name(),
            applicant_email=user.email,
            token=uuid.uuid4(),
            form_data={
                "prosjekttittel": title,
                "belop_det_sokes_om": "250000",
                "forankret_hos_leder": True,
            },
        )
    return open_call


def test_the_submissions_listing_shows_who_applied(admin_client, applications):
    response = admin_client.get(reverse("wagtailforms:list_submissions", args=(applications.pk,)))

    assert response.status_code == 200
    html = html_of(response)
    assert "Søknader: Innovasjonsmidler 2026" in html
    assert "Søker" in html and "Søkerens e-post" in html
    assert "Kari Nordmann" in html and "ola@eksempel.no" in html
    assert "Sensorer mot fall" in html


def test_moderators_export_the_applications_as_csv(admin_client, applications):
    response = admin_client.get(
        reverse("wagtailforms:list_submissions", args=(applications.pk,)) + "?export=csv"
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    header = rows[0]
    assert header[:4] == ["Innsendt dato", "Søker", "Brukernavn", "Søkerens e-post"]
    assert "Prosjekttittel" in header
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {"Kari Nordmann", "Ola Nordmann"}
    assert by_name["Kari Nordmann"]["Brukernavn"] == "kari"
    assert by_name["Kari Nordmann"]["Prosjekttittel"] == "Digital innsjekk"


def _group_with_page_permissions(name, codenames, page):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def test_only_those_who_may_publish_a_call_read_its_applications(client, home, applications):
    editors = _group_with_page_permissions("Testredaktører", ["add_page", "change_page"], home)
    moderators = _group_with_page_permissions(
        MODERATORS, ["add_page", "change_page", "publish_page"], home
    )
    editor = factories.make_user("redaktor-test")
    editor.groups.add(editors)
    moderator = factories.make_user("moderator-test")
    moderator.groups.add(moderators)
    url = reverse("wagtailforms:list_submissions", args=(applications.pk,))

    client.force_login(editor)
    for address in (url, url + "?export=csv"):
        refused = client.get(address)
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert "Kari Nordmann" not in text_of(client.get("/admin/forms/"))

    explorer = reverse("wagtailadmin_explore", args=(applications.get_parent().pk,))
    assert url not in html_of(client.get(explorer))

    client.force_login(moderator)
    assert client.get(url).status_code == 200
    assert "Kari Nordmann" in html_of(client.get(url))
    # The call's row in the page explorer leads to its applications.
    assert f'href="{url}"' in html_of(client.get(explorer))


def test_the_admin_edits_and_previews_a_call(admin_client, open_call):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(open_call.pk,)))
    assert edit.status_code == 200
    assert "Søknadsskjema" in html_of(edit)

    form_preview = open_call.make_preview_request(preview_mode="form")
    landing_preview = open_call.make_preview_request(preview_mode="landing")
    assert "Send søknad" in text_of(form_preview)
    assert "Søknaden er sendt" in text_of(landing_preview)


def test_a_preview_of_an_upcoming_call_shows_the_form_to_the_editor(index_page):
    call = factories.make_funding_call(index_page, opens_at=timezone.now() + timedelta(days=5))

    response = call.make_preview_request(preview_mode="form")

    assert "de ansatte ser dette skjemaet bare mens utlysningen er åpen" in text_of(response)


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
    assert "Søk støtte" not in text_of(employee_client.get("/"))


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
