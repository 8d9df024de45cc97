"""The section's forms agree (issue #20, item 9): optional fields say «(valgfritt)», required
ones carry no mark; «Tjenesteområde» and «Enhet» are named alike and prefilled from the profile."""

import datetime
import re

import pytest
from django.utils import translation

from core.models import StaffProfile
from core.models.profile import work_place
from demo import factories
from tests.helpers import html_of

OPTIONAL = '<span class="field__optional">(valgfritt)</span>'


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


@pytest.fixture
def fabrikken(home):
    return factories.make_fabrikken_page()


def label(html, field_id):
    """The text of the <label> (or <legend>) of a field, tags included."""
    match = re.search(rf'<label for="{field_id}">(.*?)</label>', html, re.S)
    return match.group(1) if match else ""


def with_profile(user, **fields):
    StaffProfile.objects.create(user=user, **fields)
    return user


# --- One marking -------------------------------------------------------------------


def test_the_guidance_form_marks_only_its_optional_field(employee_client, fabrikken):
    html = html_of(employee_client.get("/fabrikken/veiledning/"))
    assert label(html, "id_service_area") == f"Tjenesteområde {OPTIONAL}"
    assert label(html, "id_unit") == "Enhet"
    assert label(html, "id_challenge") == "Hva er utfordringen eller ideen?"
    assert "obligatorisk" not in html and "(required)" not in html and "*</" not in html


def test_the_booking_form_has_only_required_fields_and_says_so_once(employee_client, fabrikken):
    day = factories.next_monday() + datetime.timedelta(days=1)
    html = html_of(employee_client.get(f"/fabrikken/booking/bekreft/?rom=verkstedet&dag={day}"))
    assert "Alle felt må fylles ut." in html
    assert "valgfritt" not in html and "obligatorisk" not in html


def test_the_funding_form_marks_only_its_optional_fields(employee_client, home):
    call = factories.make_funding_call(factories.make_funding_index())
    html = html_of(employee_client.get(call.url))
    assert label(html, "id_samarbeidspartnere") == ""  # checkboxes: a legend
    assert f"<legend>Samarbeidspartnere {OPTIONAL}</legend>" in html
    assert label(html, "id_prosjekttittel") == "Prosjekttittel"
    assert label(html, "id_tjenesteomrade") == "Tjenesteområde"
    assert label(html, "id_enhet") == "Enhet"
    assert "obligatorisk" not in html


def test_the_feedback_comment_is_marked_optional_the_same_way(client, home):
    from django import forms

    from core.templatetags.form_tags import form_field

    class Example(forms.Form):
        wanted = forms.CharField(label="Navn")
        extra = forms.CharField(label="Kommentar", required=False)

    form = Example()
    assert form_field(form["wanted"])["label_suffix"] == ""
    assert form_field(form["extra"])["label_suffix"] == "(valgfritt)"


# --- Prefilled from the profile ------------------------------------------------------


def test_the_guidance_form_is_prefilled_from_the_profile(employee_client, employee, fabrikken):
    with_profile(employee, unit="Hundvåg sykehjem", service_area="Helse og velferd")
    html = html_of(employee_client.get("/fabrikken/veiledning/?hjelp=idea"))
    assert re.search(r'name="service_area" value="Helse og velferd"', html)
    assert re.search(r'name="unit" value="Hundvåg sykehjem"', html)
    assert re.search(r'value="idea"\s+checked', html)


def test_without_a_profile_nothing_is_prefilled(employee_client, employee, fabrikken):
    html = html_of(employee_client.get("/fabrikken/veiledning/"))
    assert 'name="unit" value=""' in html and 'name="service_area" value=""' in html
    assert work_place(employee) == {}


def test_the_funding_form_is_prefilled_from_the_profile(employee_client, employee, home):
    with_profile(employee, unit="Hundvåg sykehjem", service_area="Helse og velferd")
    call = factories.make_funding_call(factories.make_funding_index())
    html = html_of(employee_client.get(call.url))
    assert re.search(r'<option value="Helse og velferd" selected>', html)
    assert re.search(r'name="enhet" value="Hundvåg sykehjem"', html)


def test_a_service_area_the_dropdown_does_not_offer_is_left_for_the_applicant(
    employee_client, employee, home
):
    with_profile(employee, unit="Sølvberget", service_area="Kultur")
    call = factories.make_funding_call(factories.make_funding_index())
    html = html_of(employee_client.get(call.url))
    select = html.split('id="id_tjenesteomrade"')[1].split("</select>")[0]
    assert '<option value="" selected>' in select and select.count(" selected>") == 1
    assert re.search(r'name="enhet" value="Sølvberget"', html)


def test_a_stored_request_keeps_the_service_area(employee_client, employee, fabrikken):
    from fabrikken.models import GuidanceRequest

    response = employee_client.post(
        "/fabrikken/veiledning/",
        {
            "challenge": "Vi vil prøve digitalt tilsyn.",
            "service_area": "Helse og velferd",
            "unit": "Hundvåg sykehjem",
            "kind": "process",
            "urgency": "soon",
            "preferred_times": "Tirsdager",
            "submission_token": "7d8f6a44-08d4-4ad1-9a4b-1f5c3c1d2e3f",
        },
    )
    assert response.status_code == 302
    stored = GuidanceRequest.objects.get()
    assert (stored.service_area, stored.unit) == ("Helse og velferd", "Hundvåg sykehjem")
    receipt = html_of(employee_client.get(response["Location"]))
    assert "Tjenesteområde" in receipt and "Helse og velferd" in receipt
