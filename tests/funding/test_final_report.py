"""The final report (docs/funding-pipeline.md): a granted application's applicants send it
once, with the due date shown; then it is read-only. Before the decision it is a 404, and
a case handler reads it but cannot send it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from core.formats import format_date
from demo import factories
from funding.models import Application, CoApplicant, Decision, FinalReport
from funding.models.pipeline import Status

pytestmark = pytest.mark.django_db

REPORT = {
    "what_was_done": "Vi prøvde ut en innsjekkingsskjerm i tre måneder.",
    "results": "Køen ble halvert.",
    "benefits": "Sparte 20 timer i uka i skranken.",
    "lessons": "Ta med de ansatte fra første dag.",
}


def case_handler(username="saksbehandler"):
    user = factories.make_user(username)
    user.user_permissions.add(Permission.objects.get(codename="handle_application"))
    return user


def decided(call, applicant, status=Status.GRANTED, due_in_days=30):
    """A sent application with a decision, recorded as the case view does it."""
    application = Application.objects.create(
        call=call, created_by=applicant, project_title="Digital innsjekk", need="Lange køer."
    )
    application.move_to(Status.SUBMITTED, by=applicant)
    if status is None:
        return application
    handler = case_handler()
    Decision.objects.create(
        application=application,
        status=status,
        granted_amount=Decimal(200_000) if status != Status.REJECTED else None,
        justification="Godt begrunnet.",
        report_due=timezone.localdate() + timedelta(days=due_in_days),
        decided_by=handler,
    )
    application.move_to(status, by=handler)
    return application


def route(call, name, application):
    return call.url + call.reverse_subpage(name, args=(application.uuid,))


def test_the_applicant_sends_the_report_once_and_then_reads_it(
    employee_client, employee, open_call
):
    application = decided(open_call, employee)
    url = route(open_call, "application_report", application)

    page = employee_client.get(url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert format_date(application.decision.report_due) in html
    assert 'name="benefits"' in html

    sent = employee_client.post(url, REPORT)
    assert sent["Location"] == route(open_call, "application_report_sent", application)
    report = FinalReport.objects.get(application=application)
    assert (report.benefits, report.submitted_by) == (REPORT["benefits"], employee)
    assert "Sluttrapporten er sendt" in employee_client.get(sent["Location"]).content.decode()

    # A second POST (a double-click, the back button) changes nothing.
    again = employee_client.post(url, {**REPORT, "results": "Noe annet."})
    assert again["Location"] == sent["Location"]
    assert FinalReport.objects.get().results == REPORT["results"]

    read = employee_client.get(url).content.decode()
    assert "Køen ble halvert." in read
    assert 'name="results"' not in read  # read-only now


def test_a_co_applicant_may_send_it_and_a_missing_answer_is_explained(client, employee, open_call):
    application = decided(open_call, employee, status=Status.PARTLY_GRANTED)
    ola = factories.make_user("ola")
    CoApplicant.objects.create(application=application, user=ola, added_by=employee)
    client.force_login(ola)
    url = route(open_call, "application_report", application)

    refused = client.post(url, {**REPORT, "lessons": ""})
    assert refused.status_code == 200
    assert "Skriv hva du har lært." in refused.content.decode()
    assert not FinalReport.objects.exists()

    client.post(url, REPORT)
    assert FinalReport.objects.get().submitted_by == ola


@pytest.mark.parametrize("status", [None, Status.REJECTED])
def test_before_a_grant_there_is_no_report_page(employee_client, employee, open_call, status):
    application = decided(open_call, employee, status=status)
    assert (
        employee_client.get(route(open_call, "application_report", application)).status_code == 404
    )
    assert (
        employee_client.post(
            route(open_call, "application_report", application), REPORT
        ).status_code
        == 404
    )


def test_another_employee_gets_a_404(client, employee, open_call):
    application = decided(open_call, employee)
    client.force_login(factories.make_user("per"))
    assert client.get(route(open_call, "application_report", application)).status_code == 404
    assert (
        client.post(route(open_call, "application_report", application), REPORT).status_code == 404
    )


def test_a_case_handler_reads_the_report_but_cannot_send_it(client, employee, open_call):
    application = decided(open_call, employee)
    client.force_login(Application.objects.get().decision.decided_by)
    url = route(open_call, "application_report", application)
    waiting = client.get(url)
    assert waiting.status_code == 200
    assert 'name="results"' not in waiting.content.decode()
    assert client.post(url, REPORT).status_code == 403
    assert not FinalReport.objects.exists()

    FinalReport.objects.create(application=application, submitted_by=employee, **REPORT)
    assert "Køen ble halvert." in client.get(url).content.decode()


def test_the_decided_application_links_to_its_report(employee_client, employee, open_call):
    application = decided(open_call, employee, due_in_days=-3)
    page = employee_client.get(route(open_call, "application", application)).content.decode()
    assert route(open_call, "application_report", application) in page
    overdue = employee_client.get(route(open_call, "application_report", application))
    assert "Rapporten er forsinket" in overdue.content.decode()
