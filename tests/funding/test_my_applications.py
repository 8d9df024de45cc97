"""«Mine søknader» and «Mine saker» on the structured applications (issue #21): each entry
titled by its project, the call beside it, its own status and reference, the next step; the
co-applicants see it too; the page's queries do not grow with the applications."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.formats import format_date
from demo import factories
from funding.models import Application, CallCriterion, CoApplicant, Decision, FundingCallPage
from funding.models.pipeline import Status

from ..helpers import text_of

pytestmark = pytest.mark.django_db

MINE = "/stotte/mine-soknader/"


@pytest.fixture
def call(open_call):
    FundingCallPage.objects.filter(pk=open_call.pk).update(
        answer_expected_by=timezone.localdate() + timedelta(days=40)
    )
    open_call.refresh_from_db()
    return open_call


def make(call, user, title, status=Status.DRAFT, handler=None):
    application = Application.objects.create(call=call, created_by=user, project_title=title)
    if status != Status.DRAFT:
        application.move_to(Status.SUBMITTED, by=user)
    if status in (Status.GRANTED, Status.REJECTED):
        Decision.objects.create(
            application=application,
            status=status,
            granted_amount=100_000 if status == Status.GRANTED else None,
            justification="Begrunnelse.",
            report_due=date(2027, 6, 1),
            decided_by=handler,
        )
        application.move_to(status, by=handler)
    return application


def test_each_application_has_its_project_status_reference_and_next_step(client, call, employee):
    handler = factories.make_user("saksbehandler")
    make(call, employee, "Digital innsjekk")
    sent = make(call, employee, "Sensorer på sykehjem", Status.SUBMITTED)
    make(call, employee, "Ungdom i bydelen", Status.GRANTED, handler=handler)
    make(call, factories.make_user("per"), "Pers prosjekt", Status.SUBMITTED)
    client.force_login(employee)

    text = text_of(client.get(MINE))

    assert "Digital innsjekk" in text and "Utkast" in text and "Send den innen" in text
    assert f"{call.title} · {sent.reference}" in text
    assert f"Svar ventes innen {format_date(call.answer_expected_by)}" in text
    assert "Innvilget" in text and f"Sluttrapport innen {format_date(date(2027, 6, 1))}" in text
    assert "Pers prosjekt" not in text
    granted = Application.objects.get(project_title="Ungdom i bydelen")
    report = call.url + call.reverse_subpage("application_report", args=(granted.uuid,))
    assert f'href="{report}"' in client.get(MINE).content.decode()  # the next step is a link


def test_a_co_applicant_sees_the_application_in_both_lists(client, call, employee):
    colleague = factories.make_user("kollega")
    application = make(call, employee, "Felles prosjekt", Status.SUBMITTED)
    CoApplicant.objects.create(application=application, user=colleague)
    client.force_login(colleague)
    assert "Felles prosjekt" in text_of(client.get(MINE))
    assert "Felles prosjekt" in text_of(client.get("/mine-saker/"))


def test_the_list_costs_the_same_queries_for_2_and_12_applications(client, call, employee):
    client.force_login(employee)
    for number in range(2):
        make(call, employee, f"Prosjekt {number}", Status.SUBMITTED)
    client.get(MINE)  # warm the per-process caches (site, settings)
    with CaptureQueriesContext(connection) as few:
        client.get(MINE)
    for number in range(2, 12):
        make(call, employee, f"Prosjekt {number}", Status.SUBMITTED)
    client.get(MINE)  # the header's count was forgotten by the changes: count it again
    with CaptureQueriesContext(connection) as many:
        text = text_of(client.get(MINE))
    assert "Prosjekt 11" in text
    assert len(many) == len(few)


def test_the_calls_page_lists_the_users_applications_within_a_detail_pages_budget(
    client, call, employee
):
    """The call's page shows the user's own applications to it (status, next step), at most
    12 queries warm, as every detail page, and no more for a granted one than for a draft."""
    CallCriterion.objects.create(call=call, title="Behovet er dokumentert", sort_order=0)
    client.force_login(employee)
    make(call, employee, "Prosjekt utkast")
    client.get(call.url)
    with CaptureQueriesContext(connection) as few:
        client.get(call.url)
    handler = factories.make_user("saksbehandler")
    make(call, employee, "Prosjekt innvilget", Status.GRANTED, handler=handler)
    make(call, employee, "Prosjekt avslått", Status.REJECTED, handler=handler)
    client.get(call.url)
    with CaptureQueriesContext(connection) as many:
        text = text_of(client.get(call.url))
    assert "Prosjekt innvilget" in text and "Prosjekt avslått" in text
    assert len(many) <= 12, [query["sql"][:120] for query in many.captured_queries]
    assert len(many) <= len(few) + 2, (len(few), len(many))  # decisions and final reports
