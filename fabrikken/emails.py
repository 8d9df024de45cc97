"""The e-mails a guidance request sends: a confirmation to the requester, a notice to Fabrikken.

Plain text from templates under fabrikken/templates/fabrikken/email/ (core.emails), through
Django's configured e-mail backend. The confirmation speaks the requester's
language (the request's); the notice the site's. They are queued with the
request, in its transaction (core/mail/): a mail server that is down delays
them; it loses neither them nor the request.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core import emails
from core.formats import format_datetime
from core.links import admin_url, full_url

from .forms import request_summary


def guidance_context(page, guidance_request):
    requester = guidance_request.requester
    return {
        "page": page,
        "guidance_request": guidance_request,
        "first_name": (requester.first_name if requester else "")
        or guidance_request.requester_name,
        "sent_at": format_datetime(guidance_request.created_at),
        "answers": request_summary(guidance_request),
        "receipt_url": full_url(page, page.route_url("request_detail", guidance_request.pk)),
        "my_requests_url": full_url(page, page.route_url("my_requests")),
        "admin_url": admin_url(reverse("fabrikken_guidance:edit", args=(guidance_request.pk,))),
        "contact_email": page.notify_address,
    }


def send_guidance_emails(page, guidance_request):
    """Confirmation to the requester (if they have an address), notice to `notify_address`."""
    return emails.send_pair(
        "fabrikken/email/guidance_",
        lambda: guidance_context(page, guidance_request),
        sender_address=guidance_request.requester_email,
        owners=[page.notify_address] if page.notify_address else [],
        owners_address=page.notify_address,
    )


def send_status_email(page, guidance_request):
    """Tell the requester that the staff changed their request's status (none without an address).

    Sent in the requester's language as far as the site knows it: the site's, like the notice.
    """
    if not guidance_request.requester_email:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        message = emails.render_message(
            "fabrikken/email/guidance_status",
            {
                **guidance_context(page, guidance_request),
                "status": guidance_request.get_status_display(),
                "is_closed": guidance_request.status == guidance_request.Status.CLOSED,
                "my_items_url": full_url(page, reverse("my_items")),
            },
            sender="",
            to=[guidance_request.requester_email],
            reply_to=[page.notify_address],
        )
    emails.send_all([message])
    return [message]
