"""The pair of e-mails a submission sends: a confirmation to the sender, a notice to the owners.

Both go through Django's configured e-mail backend as plain text rendered from
`<prefix>confirmation_subject.txt`, `…_body.txt`, `<prefix>notice_subject.txt`
and `…_body.txt`. The confirmation speaks the sender's language (the
request's); the notice the site's (LANGUAGE_CODE). Sending only queues (in
production, core/mail/): call it in the transaction that stores the submission,
so both are kept or neither; a mail server that is down delays the messages, it
does not lose them or the submission.
"""

import html
import re

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html


def one_line(text):
    """A subject rendered from a template, on one line."""
    return " ".join(text.split())


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


def render_message(template, context, *, sender, to, reply_to=None, subject=""):
    """One e-mail from `<template>_subject.txt` (unless `subject` is given) and `<template>_body.txt`."""
    subject = subject or one_line(render_to_string(f"{template}_subject.txt", context))
    body = render_to_string(f"{template}_body.txt", context)
    return EmailMessage(
        subject,
        body,
        sender or settings.DEFAULT_FROM_EMAIL,
        to,
        reply_to=[address for address in reply_to or [] if address] or None,
    )


def confirmation_message(prefix, context, *, sender, to, reply_to=None):
    """The confirmation to the sender, in the current (the request's) language."""
    return render_message(
        f"{prefix}confirmation", context(), sender=sender, to=to, reply_to=reply_to
    )


def notice_message(prefix, context, *, sender, to, reply_to=None, subject=""):
    """The notice to the owners, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_message(
            f"{prefix}notice", context(), sender=sender, to=to, reply_to=reply_to, subject=subject
        )


def send_all(messages):
    """Send the messages over one connection (in production: queue them, core/mail/)."""
    if messages:
        get_connection().send_messages(messages)


def send_pair(
    prefix,
    context,
    *,
    sender="",
    sender_address="",
    owners=(),
    owners_address="",
    notice_subject="",
):
    """The confirmation to `sender_address` (if any) and the notice to `owners` (if any).

    `context` is a function giving the templates' context; it is called once per
    message, so dates and labels come out in each message's language. Each
    message's reply goes to the other side: `owners_address` for the
    confirmation, `sender_address` for the notice.
    """
    messages = []
    if sender_address:
        messages.append(
            confirmation_message(
                prefix, context, sender=sender, to=[sender_address], reply_to=[owners_address]
            )
        )
    if owners:
        messages.append(
            notice_message(
                prefix,
                context,
                sender=sender,
                to=list(owners),
                reply_to=[sender_address],
                subject=notice_subject,
            )
        )
    send_all(messages)
    return messages
