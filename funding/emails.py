"""The two e-mails an application sends: a confirmation to the applicant, a notice to the call.

Both go through Django's configured e-mail backend, as plain text rendered from
templates under funding/templates/funding/email/ (core.emails). The confirmation speaks the
applicant's language (the request's); the notice the site's (LANGUAGE_CODE).
They are queued with the application, in its transaction (core/mail/): a mail
server that is down delays them; it loses neither them nor the application.
"""

from django.urls import reverse

from core import emails
from core.emails import rich_text_to_plain
from core.formats import format_datetime
from core.links import admin_url, full_url


def application_context(call, application):
    contact = call.contact_person
    return {
        "call": call,
        "application": application,
        "first_name": (application.applicant.first_name if application.applicant else "")
        or application.applicant_name,
        "sent_at": format_datetime(application.submit_time),
        "answers": application.answers(call.get_form_fields()),
        "thank_you": rich_text_to_plain(call.thank_you_text),
        "process": rich_text_to_plain(call.process),
        "receipt_url": full_url(call, call.receipt_url(application)),
        "my_applications_url": full_url(call, call.my_applications_url()),
        "call_url": full_url(call, call.url),
        "admin_url": admin_url(reverse("wagtailforms:list_submissions", args=(call.pk,))),
        "contact": contact,
    }


def send_application_emails(call, application):
    """Confirmation to the applicant (if they have an address), notice to `to_address`."""
    contact = call.contact_person
    return emails.send_pair(
        "funding/email/",
        lambda: application_context(call, application),
        sender=call.from_address,
        sender_address=application.applicant_email,
        owners=[address.strip() for address in call.to_address.split(",") if address.strip()],
        owners_address=contact.email if contact else "",
        notice_subject=call.subject,
    )
