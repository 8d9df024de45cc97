"""An e-mail as JSON, so it can wait in the task table, and back again.

Everything Django's EmailMessage and EmailMultiAlternatives carry travels:
sender, recipients (to, cc, bcc, reply-to), subject, body and its subtype,
HTML and other alternatives, extra headers and attachments (binary ones in
base64). The Date and Message-ID headers are fixed when the message is queued:
the date says when it was written, not when the SMTP server came back, and a
retry carries the same Message-ID (a receiving server could tell a repeat).
"""

import base64
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.message import DNS_NAME


def _header_names(message):
    return {name.lower() for name in message.extra_headers}


def to_json(message):
    """The message as a dict of JSON values (headers Date and Message-ID fixed now)."""
    headers = dict(message.extra_headers)
    names = _header_names(message)
    if "date" not in names:
        headers["Date"] = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    if "message-id" not in names:
        headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(name): str(value) for name, value in headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment_to_json(attachment) for attachment in message.attachments],
        "encoding": message.encoding,
    }


def _attachment_to_json(attachment):
    if not isinstance(attachment, tuple):
        # A ready-made MIME part (EmailMessage.attach(MIMEBase)): nothing in the
        # project makes one; refusing it here says so in the request, not in the worker.
        raise TypeError("Queued e-mail takes attachments as (filename, content, mimetype).")
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return {
            "filename": filename,
            "base64": base64.b64encode(content).decode("ascii"),
            "mimetype": mimetype,
        }
    return {"filename": filename, "content": content, "mimetype": mimetype}


def from_json(data):
    """The EmailMessage (EmailMultiAlternatives when it has alternatives) `to_json` described."""
    message_class = EmailMultiAlternatives if data["alternatives"] else EmailMessage
    message = message_class(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    message.encoding = data["encoding"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for attachment in data["attachments"]:
        content = (
            base64.b64decode(attachment["base64"])
            if "base64" in attachment
            else attachment["content"]
        )
        message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


def describe(data):
    """«subject» to recipients, for the log."""
    recipients = ", ".join(data["to"] + data["cc"] + data["bcc"])
    return f"«{data['subject']}» to {recipients}"
