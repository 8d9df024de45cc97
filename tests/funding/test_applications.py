"""Funding: «Mine søknader», and the moderators' submissions listing and CSV export."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from core.publishing.roles import MODERATORS
from demo import factories
from funding.models import FundingApplication
from tests.funding.conftest import DEADLINE, OPENS
from tests.helpers import html_of, page_text, text_of

pytestmark = pytest.mark.django_db


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
    # The application's own status, not the call's: «Stengt» read as a rejection (#21).
    assert "Medfinansiering" in text and "Stengt" not in text
    assert "Sendt" in text and "Venter på svar" in text
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
    assert html_of(response).count('class="fabrikken-list__item"') == 6


def test_my_applications_is_empty_at_first(employee_client, index_page):
    text = text_of(employee_client.get("/stotte/mine-soknader/"))

    assert "Du har ingen søknader ennå." in text


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
    assert "Kari Nordmann" not in page_text(client.get("/admin/forms/"))

    explorer = reverse("wagtailadmin_explore", args=(applications.get_parent().pk,))
    assert url not in html_of(client.get(explorer))

    client.force_login(moderator)
    assert client.get(url).status_code == 200
    assert "Kari Nordmann" in html_of(client.get(url))
    # For a case handler, the call's row in the page explorer leads to its applications
    # in case handling (funding/case_handling).
    assert "/admin/soknader/" not in html_of(client.get(explorer))
    moderator.user_permissions.add(Permission.objects.get(codename="handle_application"))
    cases = reverse("funding_cases:list", args=(applications.pk,))
    assert f'href="{cases}"' in html_of(client.get(explorer))


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
