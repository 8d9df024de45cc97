"""The e-mails an application's status changes send (issue #21: «e-mailed on every change»).

`Application.move_to` calls `status_changed` in the change's transaction, so the messages are
queued with it (core/mail/): both are kept or neither. Each applicant (the creator and the
co-applicants with an address) gets a personal message in the site's language; a decision is
the decision letter (status, amount, justification, when the final report is due). When an
application is sent, the call's `to_address` also gets a notice with the way to the case.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core import emails
from core.formats import format_date, format_datetime, format_nok
from core.links import admin_url, full_url

from .models.pipeline import DECISIONS, Status


def application_url(application):
    call = application.call
    return full_url(call, call.url + call.reverse_subpage("application", args=(application.uuid,)))


def context_for(application, change, recipient=None):
    call = application.call
    decision = getattr(application, "decision", None) if change.to_status in DECISIONS else None
    return {
        "application": application,
        "call": call,
        "change": change,
        "status": Status(change.to_status).label,
        "first_name": recipient.first_name if recipient else "",
        "sent_at": format_datetime(application.submitted_at) if application.submitted_at else "",
        "answer_by": format_date(call.answer_expected_by) if call.answer_expected_by else "",
        "decision": decision,
        "granted": format_nok(decision.granted_amount) if decision else "",
        "report_due": format_date(decision.report_due) if decision and decision.report_due else "",
        "is_sent": change.to_status == Status.SUBMITTED,
        "is_in_review": change.to_status == Status.IN_REVIEW,
        "is_withdrawn": change.to_status == Status.WITHDRAWN,
        "is_decision": change.to_status in DECISIONS,
        "is_rejected": change.to_status == Status.REJECTED,
        "application_url": application_url(application),
        "contact": call.contact_person,
    }


def case_url(application):
    """The case in the admin, for the notice to the call's address."""
    return admin_url(reverse("funding_cases:case", args=(application.call_id, application.pk)))


def status_changed(application, change):
    """Queue the messages for one status change (in the caller's transaction)."""
    call = application.call
    contact = call.contact_person
    reply_to = [contact.email] if contact and contact.email else None
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for user in application.applicants():
            if not user.email:
                continue
            messages.append(
                emails.render_message(
                    "funding/email/status",
                    context_for(application, change, recipient=user),
                    sender=call.from_address,
                    to=[user.email],
                    reply_to=reply_to,
                )
            )
        owners = [a.strip() for a in (call.to_address or "").split(",") if a.strip()]
        if change.to_status == Status.SUBMITTED and owners:
            messages.append(
                emails.render_message(
                    "funding/email/new_application",
                    {**context_for(application, change), "case_url": case_url(application)},
                    sender=call.from_address,
                    to=owners,
                )
            )
    emails.send_all(messages)
    return messages
