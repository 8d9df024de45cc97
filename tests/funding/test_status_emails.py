"""Every status change e-mails the applicants (issue #21); a decision is the decision letter,
and the call's address hears of each new application. The e-mails are queued with the change."""

from datetime import date

import pytest
from django.core import mail

from core.formats import format_date
from demo import factories
from funding.models import Application, CoApplicant, Decision
from funding.models.pipeline import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(open_call, employee):
    employee.email = "kari@eksempel.no"
    employee.save(update_fields=["email"])
    colleague = factories.make_user("kollega", first_name="Ola", email="ola@eksempel.no")
    application = Application.objects.create(
        call=open_call,
        created_by=employee,
        project_title="Digital innsjekk",
        unit="Hundvåg sykehjem",
        amount=250_000,
    )
    CoApplicant.objects.create(application=application, user=colleague)
    factories.make_user("uten-adresse", email="")
    return application


def test_sending_mails_each_applicant_with_the_reference_and_tells_the_call(application, employee):
    application.move_to(Status.SUBMITTED, by=employee)
    to_applicants = [m for m in mail.outbox if "innovasjon@eksempel.no" not in m.to]
    assert sorted(m.to[0] for m in to_applicants) == sorted([employee.email, "ola@eksempel.no"])
    letter = next(m for m in to_applicants if m.to == ["ola@eksempel.no"])
    assert letter.subject == f"Søknaden er mottatt: {application.reference}"
    assert letter.body.startswith("Hei Ola,")
    assert "Vi har mottatt søknaden «Digital innsjekk»" in letter.body
    assert f"Referansenummer: {application.reference}" in letter.body
    assert f"/soknad/{application.uuid}/" in letter.body
    notice = next(m for m in mail.outbox if m.to == ["innovasjon@eksempel.no"])
    assert notice.subject == f"Ny søknad {application.reference}: Digital innsjekk"


def test_a_decision_is_the_decision_letter(application, employee):
    application.move_to(Status.SUBMITTED, by=employee)
    handler = factories.make_user("saksbehandler")
    mail.outbox.clear()
    Decision.objects.create(
        application=application,
        status=Status.PARTLY_GRANTED,
        granted_amount=150_000,
        justification="Godt begrunnet behov; utstyret dekkes av enheten.",
        report_due=date(2027, 12, 1),
        decided_by=handler,
    )
    application.move_to(Status.PARTLY_GRANTED, by=handler)
    assert len(mail.outbox) == 2  # two applicants; the call's address is told only of new ones
    letter = mail.outbox[0]
    assert letter.subject == f"Vedtak om søknaden din {application.reference}"
    assert "Vedtak: Delvis innvilget" in letter.body
    assert "Innvilget beløp: kr\xa0150\xa0000" in letter.body
    assert "Godt begrunnet behov; utstyret dekkes av enheten." in letter.body
    assert f"Send en sluttrapport innen {format_date(date(2027, 12, 1))}" in letter.body


def test_withdrawing_says_so_and_a_rejection_names_no_amount_or_report(application, employee):
    application.move_to(Status.WITHDRAWN, by=employee)
    assert "er trukket. Den blir ikke vurdert." in mail.outbox[0].body
    assert mail.outbox[0].subject == "Søknaden din Digital innsjekk: Trukket"

    other = Application.objects.create(
        call=application.call, created_by=employee, project_title="B"
    )
    other.move_to(Status.SUBMITTED, by=employee)
    handler = factories.make_user("saksbehandler")
    Decision.objects.create(
        application=other,
        status=Status.REJECTED,
        justification="Utenfor ordningen.",
        decided_by=handler,
    )
    mail.outbox.clear()
    other.move_to(Status.REJECTED, by=handler)
    body = mail.outbox[0].body
    assert "Vedtak: Avslått" in body
    assert "Innvilget beløp" not in body and "sluttrapport" not in body
