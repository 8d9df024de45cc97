"""Final-report reminders (docs/funding-pipeline.md → Jobs): the applicants of a granted
application are e-mailed 14 days and 1 day before the report is due, each reminder once,
and not at all once the report is sent."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command, get_commands
from django.utils import timezone

from core.jobs import RunOnceCommand
from demo import factories
from funding.management.commands.remind_final_reports import Command
from funding.models import Application, CoApplicant, Decision, FinalReport, ReportReminder
from funding.models.pipeline import Status
from funding.reminders import reminder_point, send_due_reminders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def applicant(db):
    return factories.make_user("kari", first_name="Kari", email="kari@eksempel.no")


def granted(call, applicant, due_in_days, status=Status.GRANTED, title="Digital innsjekk"):
    application = Application.objects.create(call=call, created_by=applicant, project_title=title)
    application.move_to(Status.SUBMITTED, by=applicant)
    handler = factories.make_user(f"saksbehandler-{application.pk}")
    handler.user_permissions.add(Permission.objects.get(codename="handle_application"))
    Decision.objects.create(
        application=application,
        status=status,
        granted_amount=None if status == Status.REJECTED else Decimal(100_000),
        justification="Godt begrunnet.",
        report_due=TODAY + timedelta(days=due_in_days),
        decided_by=handler,
    )
    application.move_to(status, by=handler)
    return application


@pytest.mark.parametrize(
    ("days_left", "point"),
    [(15, None), (14, 14), (13, 14), (2, 14), (1, 1), (0, 1), (-1, None)],
)
def test_the_reminder_an_application_has_reached(days_left, point):
    assert reminder_point(days_left) == point


def test_14_days_before_the_applicants_with_an_address_get_one_e_mail_each(open_call, applicant):
    application = granted(open_call, applicant, due_in_days=14)
    CoApplicant.objects.create(
        application=application,
        user=factories.make_user("ola", email="ola@eksempel.no"),
        added_by=applicant,
    )
    CoApplicant.objects.create(
        application=application, user=factories.make_user("per", email=""), added_by=applicant
    )
    mail.outbox.clear()  # the status e-mails, if any

    assert send_due_reminders() == 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "kari@eksempel.no",
        "ola@eksempel.no",
    ]
    kari = next(message for message in mail.outbox if message.to == ["kari@eksempel.no"])
    assert "Sluttrapporten for «Digital innsjekk» skal sendes innen" in kari.subject
    assert kari.body.startswith("Hei Kari,")
    assert "skal sendes om 14 dager" in kari.body
    report_url = open_call.reverse_subpage("application_report", args=(application.uuid,))
    assert report_url in kari.body
    assert ReportReminder.objects.get().days_before == 14


def test_each_reminder_goes_out_once_and_the_last_one_the_day_before(open_call, applicant):
    application = granted(open_call, applicant, due_in_days=14)
    mail.outbox.clear()
    send_due_reminders()
    send_due_reminders()  # a second run the same day
    send_due_reminders(TODAY + timedelta(days=5))  # the days between: nothing new
    assert len(mail.outbox) == 1

    send_due_reminders(TODAY + timedelta(days=13))  # the day before
    assert len(mail.outbox) == 2
    assert "i morgen" in mail.outbox[-1].body
    send_due_reminders(TODAY + timedelta(days=14))  # the due day: both are sent already
    assert len(mail.outbox) == 2
    assert sorted(application.report_reminders.values_list("days_before", flat=True)) == [1, 14]


def test_a_sent_report_a_rejection_and_a_far_due_date_get_no_reminder(open_call, applicant):
    reported = granted(open_call, applicant, due_in_days=1, title="Rapportert")
    FinalReport.objects.create(
        application=reported,
        what_was_done="Alt.",
        results="Mye.",
        benefits="Tid.",
        lessons="Mange.",
        submitted_by=applicant,
    )
    granted(open_call, applicant, due_in_days=1, status=Status.REJECTED, title="Avslått")
    granted(open_call, applicant, due_in_days=15, title="Senere")
    granted(open_call, applicant, due_in_days=-1, title="Forsinket")
    mail.outbox.clear()
    assert send_due_reminders() == 0
    assert mail.outbox == []
    assert not ReportReminder.objects.exists()


def test_a_missed_day_is_caught_up_with_the_nearest_reminder_only(open_call, applicant):
    granted(open_call, applicant, due_in_days=0, status=Status.PARTLY_GRANTED)
    mail.outbox.clear()
    send_due_reminders()
    (message,) = mail.outbox
    assert "skal sendes i dag" in message.body
    assert list(ReportReminder.objects.values_list("days_before", flat=True)) == [1]


def test_the_command_is_a_locked_job_and_says_what_it_did(open_call, applicant):
    assert get_commands()["remind_final_reports"] == "funding"
    assert issubclass(Command, RunOnceCommand)  # cron on every node reminds once
    granted(open_call, applicant, due_in_days=1)
    out = io.StringIO()
    call_command("remind_final_reports", stdout=out)
    assert "1 application" in out.getvalue()
    assert ReportReminder.objects.get().days_before == 1
