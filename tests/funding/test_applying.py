"""Funding: the call page and applying."""

import re
import uuid
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from core.forms import example_datetime_text
from demo import factories
from funding.models import FundingApplication, FundingCallPage
from tests.funding.conftest import NEXT_YEAR, answers
from tests.helpers import html_of, text_of

pytestmark = pytest.mark.django_db


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
    # Mixed required and optional fields: the optional ones say so, the others carry no mark.
    assert "Prosjekttittel (" not in text and "obligatorisk" not in text
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
        "tjenesteomrade": "Helse og velferd",
        "enhet": "Hundvåg sykehjem",
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
    # The Site's address (the migration's localhost here), not the request's host.
    assert "http://localhost/stotte/mine-soknader/" in confirmation.body

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
            tjenesteomrade="",
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
    assert '<a href="#id_tjenesteomrade">Velg et svar på «Tjenesteområde».</a>' in html
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


def test_the_e_mails_link_to_the_public_address(public_site, client, open_call):
    client.force_login(factories.make_user("kari", email="kari@eksempel.no"))

    client.post(open_call.url, answers())

    confirmation, notice = mail.outbox
    application = FundingApplication.objects.get()
    assert f"{public_site}/stotte/mine-soknader/" in confirmation.body
    assert f"{public_site}{open_call.receipt_url(application)}" in confirmation.body
    assert f"{public_site}/admin/forms/submissions/{open_call.pk}/" in notice.body
    for message in (confirmation, notice):
        assert "localhost" not in message.body and "testserver" not in message.body
