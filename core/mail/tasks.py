"""The worker's side: deliver one queued message through the real backend, or try again later.

`deliver` runs in `manage.py db_worker --backend mail`. It sends through
`EMAIL_DELIVERY_BACKEND` (SMTP in production). When the server does not answer
or refuses for now (any OSError: refused connection, time-out, an SMTP error),
it queues the next attempt as a new row to run after a back-off of 1, 2, 4, …
minutes, at most an hour, and logs a WARNING; the row of this attempt ends
SUCCESSFUL with the error and the next attempt's time as its return value
(django-tasks logs every FAILED row at ERROR, and an outage the queue rides out
is no error). After MAX_ATTEMPTS (about a day) it logs an ERROR and the row
ends FAILED: the admin panel counts it.

Exactly once: the worker claims a row (status RUNNING, under SELECT … FOR
UPDATE SKIP LOCKED) before calling this, so no second worker or node takes it;
a row is never run again once claimed. A retry is a new row, written only after
an attempt failed, so a delivered message is never sent again. A worker killed
mid-send leaves its row RUNNING (counted as waiting): at most once, never twice.
"""

import contextlib
import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from . import message as mail_message

logger = logging.getLogger(__name__)

BACKEND = "mail"
# 1, 2, 4, 8, 16, 32 minutes, then every hour: 30 attempts span 24 hours.
FIRST_DELAY_MINUTES = 1
MAX_DELAY_MINUTES = 60
MAX_ATTEMPTS = 30


class MailNotDelivered(Exception):
    """Given up: the message was not delivered after MAX_ATTEMPTS attempts."""


def delay_after(attempt):
    """How long to wait after failed attempt number `attempt` (1-based)."""
    return timedelta(minutes=min(FIRST_DELAY_MINUTES * 2 ** (attempt - 1), MAX_DELAY_MINUTES))


# When a message was first queued, as fixed-width UTC ISO text, which sorts as it reads:
# the queue's age is the oldest of these among waiting rows (core/mail/queue.py), one query.
def queued_at_text(moment):
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_queued_at(text):
    return datetime.fromisoformat(text)


def enqueue(message, *, attempt=1, queued_at=None, run_after=None):
    """Queue `message` (core.mail.message.to_json) for delivery; returns the TaskResult."""
    queued_at = queued_at or queued_at_text(timezone.now())
    queued = deliver.using(run_after=run_after) if run_after else deliver
    return queued.enqueue(message=message, attempt=attempt, queued_at=queued_at)


def send(email):
    """Hand `email` to the delivery backend; errors before it is accepted are raised.

    Once the server has accepted the message, a failing goodbye (QUIT) is
    ignored: raising then would queue a second copy of a delivered message.
    """
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    connection.open()
    try:
        connection.send_messages([email])
    except BaseException:
        with contextlib.suppress(OSError):
            connection.close()
        raise
    with contextlib.suppress(OSError):
        connection.close()


@task(backend=BACKEND)
def deliver(*, message, attempt, queued_at):
    """Send `message` once; on a mail server error queue the next attempt or give up."""
    try:
        send(mail_message.from_json(message))
    except OSError as error:
        what = mail_message.describe(message)
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "E-mail %s not delivered: giving up after %d attempts since %s (%s)",
                what,
                attempt,
                queued_at,
                error,
            )
            raise MailNotDelivered(f"{what}: {error}") from error
        next_at = timezone.now() + delay_after(attempt)
        enqueue(message, attempt=attempt + 1, queued_at=queued_at, run_after=next_at)
        logger.warning(
            "E-mail %s not delivered (attempt %d of %d: %s); trying again at %s",
            what,
            attempt,
            MAX_ATTEMPTS,
            error,
            next_at.isoformat(timespec="seconds"),
        )
        return {"delivered": False, "error": str(error), "next_attempt_at": next_at.isoformat()}
    return {"delivered": True}
