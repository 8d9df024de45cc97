"""The applicant's side of a structured application (docs/funding-pipeline.md): start a
draft, save it, check the answers, send once, withdraw; another person's application is a
404, and after the deadline everything is read-only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.formats import format_date
from core.models import StaffProfile
from demo import factories
from funding.models import Application, CallCriterion, FundingCallPage, StatusChange

from .conftest import NEXT_YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(open_call):
    for number, title in enumerate(["Behovet er dokumentert", "Gevinstene er beskrevet"]):
        CallCriterion.objects.create(call=open_call, title=title, sort_order=number)
    FundingCallPage.objects.filter(pk=open_call.pk).update(
        min_per_application=50_000,
        max_per_application=500_000,
        answer_expected_by=timezone.localdate() + timedelta(days=60),
    )
    open_call.refresh_from_db()
    return open_call


def route(call, name, application=None):
    args = (application.uuid,) if application else ()
    return call.url + call.reverse_subpage(name, args=args)


def start(client, call):
    response = client.post(route(call, "application_start"))
    assert response.status_code == 302
    application = Application.objects.latest("created_at")
    assert response["Location"] == route(call, "application", application)
    return application


def filled(call, **overrides):
    data = {
        "project_title": "Digital innsjekk",
        "service_area": "Helse og velferd",
        "unit": "Hundvåg sykehjem",
        "need": "Lange køer ved skranken.",
        "target_users": "Pasienter og pårørende.",
        "plan": "Prøve ut en innsjekkingsskjerm i tre måneder.",
        "amount": "kr 250 000,-",
        "planned_start_0": "1",
        "planned_start_1": "3",
        "planned_start_2": str(NEXT_YEAR),
        "planned_end_0": "1",
        "planned_end_1": "9",
        "planned_end_2": str(NEXT_YEAR),
        "action": "save",
    }
    for criterion in call.criteria_items.all():
        data[f"criterion_{criterion.pk}"] = f"Svar på «{criterion.title}»."
    data.update(overrides)
    return data


def send(client, call, application):
    page = client.get(route(call, "application_check", application))
    token = page.context["send_form"].token_value
    return client.post(route(call, "application_check", application), {"submission_token": token})


def test_start_save_check_and_send_gives_a_reference_and_a_logged_change(
    employee_client, employee, call
):
    StaffProfile.objects.create(user=employee, service_area="Helse og velferd", unit="Hundvåg")
    application = start(employee_client, call)
    assert (application.status, application.unit) == ("utkast", "Hundvåg")

    saved = employee_client.post(route(call, "application", application), filled(call))
    assert saved.status_code == 302
    application.refresh_from_db()
    assert application.amount == 250_000
    assert application.answers.count() == 2

    check = employee_client.get(route(call, "application_check", application))
    assert check.status_code == 200
    assert "Digital innsjekk" in check.content.decode()
    assert "no-store" in check["Cache-Control"]  # personal data: never cached

    sent = send(employee_client, call, application)
    assert sent["Location"] == route(call, "application_receipt", application)
    application.refresh_from_db()
    year = timezone.localdate().year
    assert (application.status, application.reference) == ("sendt", f"IM-{year}-001")
    change = StatusChange.objects.get(application=application)
    assert (change.from_status, change.to_status, change.by) == ("utkast", "sendt", employee)

    receipt = employee_client.get(sent["Location"]).content.decode()
    assert f"IM-{year}-001" in receipt
    assert f"Du kan vente svar innen {format_date(call.answer_expected_by)}." in receipt


def test_a_double_post_of_send_sends_once(employee_client, call):
    application = start(employee_client, call)
    employee_client.post(route(call, "application", application), filled(call))
    page = employee_client.get(route(call, "application_check", application))
    token = page.context["send_form"].token_value
    url = route(call, "application_check", application)
    first = employee_client.post(url, {"submission_token": token})
    second = employee_client.post(url, {"submission_token": token})
    assert (
        first["Location"] == second["Location"] == route(call, "application_receipt", application)
    )
    assert StatusChange.objects.filter(application=application).count() == 1
    assert Application.objects.get().reference.endswith("-001")


def test_send_refuses_until_every_answer_is_written(employee_client, call):
    application = start(employee_client, call)
    employee_client.post(route(call, "application", application), filled(call, plan=""))
    refused = send(employee_client, call, application)
    assert refused.status_code == 200
    assert "#id_plan" in refused.content.decode()
    assert Application.objects.get().status == "utkast"


def test_another_users_application_is_a_404(employee_client, call):
    application = start(employee_client, call)
    client = employee_client
    client.force_login(factories.make_user("per"))
    for name in ("application", "application_check", "application_receipt", "application_withdraw"):
        assert client.get(route(call, name, application)).status_code == 404
    assert client.post(route(call, "application", application), filled(call)).status_code == 404
    assert client.post(route(call, "application_withdraw", application)).status_code == 404
    assert Application.objects.get().project_title == ""


def test_withdraw_asks_first_then_withdraws(employee_client, call):
    application = start(employee_client, call)
    employee_client.post(route(call, "application", application), filled(call))
    send(employee_client, call, application)
    url = route(call, "application_withdraw", application)
    assert employee_client.get(url).status_code == 200
    assert Application.objects.get().status == "sendt"
    employee_client.post(url)
    application.refresh_from_db()
    assert application.status == "trukket" and application.withdrawn_at
    # Withdrawn is read-only: a later save changes nothing.
    employee_client.post(route(call, "application", application), filled(call, project_title="Ny"))
    assert Application.objects.get().project_title == "Digital innsjekk"


def test_after_the_deadline_drafts_and_sent_applications_are_read_only(employee_client, call):
    draft = start(employee_client, call)
    employee_client.post(route(call, "application", draft), filled(call))
    sent = start(employee_client, call)
    employee_client.post(route(call, "application", sent), filled(call))
    send(employee_client, call, sent)
    now = timezone.now()
    FundingCallPage.objects.filter(pk=call.pk).update(
        opens_at=now - timedelta(days=30), deadline=now - timedelta(hours=1)
    )
    for application in (draft, sent):
        page = employee_client.get(route(call, "application", application))
        assert page.status_code == 200
        assert page.context["read_only"] and "form" not in page.context
        employee_client.post(route(call, "application", application), filled(call, plan="Endret"))
        employee_client.post(route(call, "application_withdraw", application))
    assert set(Application.objects.values_list("status", flat=True)) == {"utkast", "sendt"}
    assert not Application.objects.filter(plan="Endret").exists()
    token = "c0ffee00-0000-4000-8000-000000000000"
    late = employee_client.post(
        route(call, "application_check", draft), {"submission_token": token}
    )
    assert late.status_code == 409
    assert Application.objects.get(pk=draft.pk).status == "utkast"


def test_validation_errors_keep_what_was_typed(employee_client, call):
    application = start(employee_client, call)
    data = filled(call, amount="9 000 000", planned_end_2=str(NEXT_YEAR - 2))
    response = employee_client.post(route(call, "application", application), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "Lagre utkast" in html and "(valgfritt)" not in html
    assert "Du kan søke om 50\xa0000–500\xa0000 kroner." in html
    assert 'value="9 000 000"' in html and "Lange køer ved skranken." in html
    assert set(response.context["form"].errors) == {"amount", "planned_end"}
    assert Application.objects.get().project_title == ""


def test_the_draft_page_queries_stay_flat_in_the_number_of_criteria(employee_client, call):
    application = start(employee_client, call)
    url = route(call, "application", application)
    employee_client.get(url)  # warm the caches the layout uses
    with CaptureQueriesContext(connection) as two:
        assert employee_client.get(url).status_code == 200
    for number in range(2, 12):
        CallCriterion.objects.create(call=call, title=f"Kriterium {number}", sort_order=number)
    employee_client.post(url, filled(call))
    employee_client.get(url)
    with CaptureQueriesContext(connection) as twelve:
        response = employee_client.get(url)
    assert len(response.context["form"].criteria) == 12
    assert len(twelve) == len(two), [q["sql"] for q in twelve.captured_queries]


def test_the_call_page_starts_an_application_and_lists_only_ones_own(employee_client, call):
    Application.objects.create(call=call, created_by=factories.make_user("per"))
    mine = start(employee_client, call)
    html = employee_client.get(call.url).content.decode()
    assert "Start en ny søknad" in html
    assert "Utkast" in html and "Send den innen" in html
    assert html.count("/soknad/") == 2  # the start form and my one draft
    assert route(call, "application", mine) in html
