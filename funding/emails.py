"""The two e-mails an application sends: a confirmation to the applicant, a notice to the call.

Both go through Django's configured e-mail backend, as plain text rendered from
templates under funding/templates/funding/email/. The confirmation speaks the
applicant's language (the request's); the notice the site's (LANGUAGE_CODE).
A failing mail server is logged and does not lose the application: it is
already stored, and the applicant sees the receipt.
"""

import html
import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from funding.status import format_datetime

logger = logging.getLogger(__name__)


def rich_text_to_plain(value):
    """Editors' rich text as readable plain text: paragraphs and list items on their own lines."""
    if not value:
        return ""
    text = expand_db_html(value)
    text = re.sub(r"<li[^>]*>", "– ", text)
    text = re.sub(r"</(p|li|h[1-6])>|<br\s*/?>", "\n", text)
    text = html.unescape(strip_tags(text))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _one_line(text):
    return " ".join(text.split())


def _absolute(url, request, call):
    if request is not None:
        return request.build_absolute_uri(url)
    site = call.get_site()
    return (site.root_url if site else "") + url


def application_context(call, application, request=None):
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
        "receipt_url": _absolute(call.receipt_url(application), request, call),
        "my_applications_url": _absolute(call.my_applications_url(), request, call),
        "call_url": _absolute(call.url, request, call),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailforms:list_submissions", args=(call.pk,)),
        "contact": contact,
    }


def confirmation_message(call, application, request=None):
    context = application_context(call, application, request)
    subject = _one_line(render_to_string("funding/email/confirmation_subject.txt", context))
    body = render_to_string("funding/email/confirmation_body.txt", context)
    reply_to = (
        [call.contact_person.email] if call.contact_person and call.contact_person.email else []
    )
    return EmailMessage(
        subject,
        body,
        call.from_address or settings.DEFAULT_FROM_EMAIL,
        [application.applicant_email],
        reply_to=reply_to or None,
    )


def notice_message(call, application, request=None):
    with translation.override(settings.LANGUAGE_CODE):
        context = application_context(call, application, request)
        subject = call.subject or _one_line(
            render_to_string("funding/email/notice_subject.txt", context)
        )
        body = render_to_string("funding/email/notice_body.txt", context)
    return EmailMessage(
        subject,
        body,
        call.from_address or settings.DEFAULT_FROM_EMAIL,
        [address.strip() for address in call.to_address.split(",") if address.strip()],
        reply_to=[application.applicant_email] if application.applicant_email else None,
    )


def send_application_emails(call, application, request=None):
    """Confirmation to the applicant (if they have an address), notice to `to_address`."""
    messages = []
    if application.applicant_email:
        messages.append(confirmation_message(call, application, request))
    if call.to_address:
        messages.append(notice_message(call, application, request))
    for message in messages:
        try:
            message.send()
        except Exception:
            logger.exception(
                "Could not send «%s» about application %s to %s",
                message.subject,
                application.pk,
                ", ".join(message.to),
            )
