"""The e-mails a guidance request sends: a confirmation to the requester, a notice to Fabrikken.

Plain text from templates under fabrikken/templates/fabrikken/email/, through
Django's configured e-mail backend. The confirmation speaks the requester's
language (the request's); the notice the site's. A failing mail server is
logged and loses nothing: the request is stored, and the requester sees the receipt.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .formats import format_datetime
from .forms import request_summary

logger = logging.getLogger(__name__)


def _one_line(text):
    return " ".join(text.split())


def guidance_context(page, guidance_request, request):
    requester = guidance_request.requester
    return {
        "page": page,
        "guidance_request": guidance_request,
        "first_name": (requester.first_name if requester else "")
        or guidance_request.requester_name,
        "sent_at": format_datetime(guidance_request.created_at),
        "answers": request_summary(guidance_request),
        "receipt_url": request.build_absolute_uri(
            page.route_url("request_detail", guidance_request.pk)
        ),
        "my_requests_url": request.build_absolute_uri(page.route_url("my_requests")),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("fabrikken_guidance:edit", args=(guidance_request.pk,)),
        "contact_email": page.notify_address,
    }


def confirmation_message(page, guidance_request, request):
    context = guidance_context(page, guidance_request, request)
    subject = _one_line(
        render_to_string("fabrikken/email/guidance_confirmation_subject.txt", context)
    )
    body = render_to_string("fabrikken/email/guidance_confirmation_body.txt", context)
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [guidance_request.requester_email],
        reply_to=[page.notify_address] if page.notify_address else None,
    )


def notice_message(page, guidance_request, request):
    with translation.override(settings.LANGUAGE_CODE):
        context = guidance_context(page, guidance_request, request)
        subject = _one_line(
            render_to_string("fabrikken/email/guidance_notice_subject.txt", context)
        )
        body = render_to_string("fabrikken/email/guidance_notice_body.txt", context)
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [page.notify_address],
        reply_to=[guidance_request.requester_email] if guidance_request.requester_email else None,
    )


def send_guidance_emails(page, guidance_request, request):
    """Confirmation to the requester (if they have an address), notice to `notify_address`."""
    messages = []
    if guidance_request.requester_email:
        messages.append(confirmation_message(page, guidance_request, request))
    if page.notify_address:
        messages.append(notice_message(page, guidance_request, request))
    for message in messages:
        try:
            message.send()
        except Exception:
            logger.exception(
                "Could not send «%s» about guidance request %s to %s",
                message.subject,
                guidance_request.pk,
                ", ".join(message.to),
            )
