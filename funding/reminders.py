"""Final-report reminders: 14 days and 1 day before `Decision.report_due`.

`remind_final_reports` (a daily cron job) calls `send_due_reminders()`. Each reminder goes
out once per application (a `ReportReminder` row, unique per application and point), and
only while no report exists. A day the job did not run is caught up the next day: the
application gets the nearest point it has reached, never both at once, so an application
decided ten days before its due date gets one reminder at 14 and one at 1.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from core import emails
from core.formats import format_date
from core.links import full_url

from .final_report import REPORTABLE
from .models import Application, ReportReminder

#: Days before the due date, nearest last.
REMIND_DAYS_BEFORE = (14, 1)


def reminder_point(days_left):
    """The reminder an application `days_left` days from its due date has reached, or None."""
    if days_left < 0:
        return None
    reached = [days for days in REMIND_DAYS_BEFORE if days_left <= days]
    return min(reached) if reached else None


def due_applications(today):
    """Granted applications without a report, due within the earliest reminder's reach."""
    horizon = today + timedelta(days=max(REMIND_DAYS_BEFORE))
    return (
        Application.objects.filter(
            status__in=REPORTABLE,
            decision__report_due__gte=today,
            decision__report_due__lte=horizon,
            final_report__isnull=True,
        )
        .select_related("decision", "call", "created_by")
        .prefetch_related("co_applicants__user", "report_reminders")
        .order_by("decision__report_due", "pk")
    )


def recipients(application):
    """The applicants (creator and co-applicants) who are active and have an address."""
    return [user for user in application.applicants() if user.is_active and user.email]


def send_due_reminders(today=None):
    """Send the reminders that are due today; returns how many applications were reminded."""
    today = today or timezone.localdate()
    reminded = 0
    for application in due_applications(today):
        point = reminder_point((application.decision.report_due - today).days)
        if point is None:
            continue
        if any(r.days_before == point for r in application.report_reminders.all()):
            continue
        if remind(application, point, today):
            reminded += 1
    return reminded


def remind(application, days_before, today):
    """Record the reminder and queue the e-mails in one transaction: both or neither."""
    try:
        with transaction.atomic():
            ReportReminder.objects.create(application=application, days_before=days_before)
            emails.send_all(messages(application, today))
    except IntegrityError:  # another run recorded it first
        return False
    return True


def messages(application, today):
    """One e-mail per applicant, in the site's language."""
    call = application.call.specific
    contact = call.contact_person
    due = application.decision.report_due
    url = full_url(
        call, call.url + call.reverse_subpage("application_report", args=(application.uuid,))
    )
    result = []
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients(application):
            context = {
                "first_name": user.first_name or user.get_username(),
                "application": application,
                "call": call,
                "due": format_date(due),
                "days_left": (due - today).days,
                "report_url": url,
                "contact": contact,
            }
            result.append(
                emails.render_message(
                    "funding/email/report_reminder",
                    context,
                    sender=call.from_address,
                    to=[user.email],
                    reply_to=[contact.email] if contact else None,
                )
            )
    return result
