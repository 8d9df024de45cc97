"""EMAIL_BACKEND for production: queues every message instead of sending it (see core/mail/__init__.py)."""

from django.core.mail.backends.base import BaseEmailBackend

from . import message as mail_message
from . import tasks


class QueuedEmailBackend(BaseEmailBackend):
    """Writes one `deliver` task per message, in the caller's transaction.

    Nothing here talks to the mail server, so nothing here fails when it is
    down; a database error is raised (and rolls back the caller's change with
    it), never silenced, whatever `fail_silently` says: a message that cannot
    be queued must not look sent.
    """

    def send_messages(self, email_messages):
        queued = 0
        for email in email_messages:
            if not email.recipients():
                continue
            tasks.enqueue(mail_message.to_json(email))
            queued += 1
        return queued
