"""E-mail that survives an outage (core/mail/): queued with what caused it, delivered once by the worker.

Against a real SMTP server on loopback (aiosmtpd): first nothing listens on the
port, then the server starts. The worker is django-tasks-db's `db_worker
--batch`, as cron runs it.
"""

import datetime
import email
import logging
import signal
import smtplib
import socket
from email.policy import default as default_policy
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.mail import message as mail_message
from core.mail import queue, tasks
from core.mail.panel import format_age
from demo import factories
from tests.core.conftest import submit_new_page
from tests.fabrikken.test_page import guidance_data
from tests.funding.conftest import answers
from tests.helpers import text_of

# The worker commits its claims and results, as in production: these tests commit too.
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port(settings):
    """Production's mail settings, with SMTP on a loopback port where nothing listens yet."""
    port = free_port()
    settings.EMAIL_BACKEND = "core.mail.backend.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return port


class Inbox:
    """aiosmtpd's handler: keeps every message the server accepts."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [
            email.message_from_bytes(envelope.original_content, policy=default_policy)
            for envelope in self.envelopes
        ]


def run_worker():
    """`manage.py db_worker --backend mail --batch`: every due row, then exit."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command(
            "db_worker", "--backend=mail", "--batch", "--no-startup-delay", "--no-reload", "-v0"
        )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def waiting_rows():
    return list(DBTaskResult.objects.filter(backend_name="mail", status=TaskResultStatus.READY))


def kwargs_of(row):
    return row.args_kwargs["kwargs"]


def cause_three_notifications(client, section, people):
    """A funding application, a guidance request to Fabrikken, a page sent for approval."""
    with translation.override("nb"):
        kari = factories.make_user("kari", email="kari@eksempel.no")
        call = factories.make_funding_call(factories.make_funding_index())
        client.force_login(kari)
        assert client.post(call.url, answers()).status_code == 302

        factories.make_fabrikken_page()
        client.force_login(people["ansatt"])
        assert client.post("/fabrikken/veiledning/", guidance_data()).status_code == 302

        client.force_login(people["redaktor"])
        submit_new_page(client, section)


@transactional
def test_an_smtp_outage_delays_the_notifications_and_loses_none(
    client, section, people, smtp_port, caplog
):
    cause_three_notifications(client, section, people)

    # Each request succeeded with SMTP down: its messages wait in the queue.
    queued = {row.pk: kwargs_of(row) for row in waiting_rows()}
    expected = sorted(
        (tuple(kw["message"]["to"]), kw["message"]["subject"]) for kw in queued.values()
    )
    recipients = {address for to, _subject in expected for address in to}
    assert {"kari@eksempel.no", "ansatt@eksempel.no", "moderator@eksempel.no"} <= recipients
    assert any(
        "Digital innsjekk" in subject or "søknad" in subject.lower() for _to, subject in expected
    )
    assert any("godkjenning" in subject for _to, subject in expected)
    assert mail.outbox == []
    assert all(kw["attempt"] == 1 for kw in queued.values())

    with caplog.at_level(logging.WARNING, logger="core.mail.tasks"):
        run_worker()

    # Nothing delivered; each message waits for a second attempt a minute on.
    retries = waiting_rows()
    assert len(retries) == len(queued)
    assert not set(queued) & {row.pk for row in retries}
    now = timezone.now()
    for row in retries:
        assert kwargs_of(row)["attempt"] == 2
        assert now + datetime.timedelta(seconds=30) < row.run_after
        assert row.run_after < now + datetime.timedelta(seconds=61)
    assert (
        sorted(
            (tuple(kwargs_of(row)["message"]["to"]), kwargs_of(row)["message"]["subject"])
            for row in retries
        )
        == expected
    )
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == len(queued)
    assert "attempt 1 of 30" in warnings[0].getMessage()
    assert queue.state().waiting == len(queued)

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        # The server is back, but the back-off has not passed: nothing yet.
        run_worker()
        assert inbox.envelopes == []

        # A minute later (the rows' time moved, no sleeping), each is delivered once.
        DBTaskResult.objects.filter(pk__in=[row.pk for row in retries]).update(
            run_after=timezone.now()
        )
        run_worker()
        run_worker()
    finally:
        server.stop()

    received = inbox.messages
    assert len(received) == len(queued)
    assert len({message["Message-ID"] for message in received}) == len(queued)
    assert (
        sorted(
            (
                tuple(address.strip() for address in message["To"].split(",")),
                str(message["Subject"]).strip(),
            )
            for message in received
        )
        == expected
    )
    assert sorted(r for envelope in inbox.envelopes for r in envelope.rcpt_tos) == sorted(
        address for to, _subject in expected for address in to
    )
    # Wagtail's notification keeps its own header.
    to_moderator = next(m for m in received if m["To"] == "moderator@eksempel.no")
    assert to_moderator["Auto-Submitted"] == "auto-generated"
    assert queue.state().waiting == 0
    assert queue.state().failed == 0


@transactional
def test_a_rolled_back_change_queues_nothing_and_a_committed_one_its_message(smtp_port):
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.make_user("kari", email="kari@eksempel.no")
        send_mail("Velkommen", "Hei Kari", None, ["kari@eksempel.no"])
        raise RuntimeError("the request failed")

    assert not DBTaskResult.objects.exists()

    with transaction.atomic():
        factories.make_user("kari", email="kari@eksempel.no")
        send_mail("Velkommen", "Hei Kari", None, ["kari@eksempel.no"])

    (row,) = waiting_rows()
    assert kwargs_of(row)["message"]["subject"] == "Velkommen"


@transactional
def test_after_the_last_attempt_it_gives_up_logs_an_error_and_the_panel_says_so(
    client, section, people, smtp_port, caplog
):
    message = mail_message.to_json(
        EmailMultiAlternatives("Søknaden er mottatt", "Takk", None, ["kari@eksempel.no"])
    )
    a_day_ago = timezone.now() - datetime.timedelta(hours=24)
    tasks.enqueue(message, attempt=tasks.MAX_ATTEMPTS, queued_at=tasks.queued_at_text(a_day_ago))

    with caplog.at_level(logging.WARNING, logger="core.mail.tasks"):
        run_worker()

    (error,) = [r for r in caplog.records if r.name == "core.mail.tasks"]
    assert error.levelno == logging.ERROR
    assert "«Søknaden er mottatt» to kari@eksempel.no not delivered: giving up after 30" in (
        error.getMessage()
    )
    assert not waiting_rows()
    (failed,) = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    assert failed.exception_class_path == "core.mail.tasks.MailNotDelivered"
    assert queue.state() == queue.QueueState(waiting=0, failed=1, oldest=None)

    client.force_login(people["moderator"])
    with translation.override("nb"):
        dashboard = text_of(client.get(reverse("wagtailadmin_home")))
    assert "E-postkø: 0 venter, 1 kunne ikke sendes" in dashboard
    assert b"mail queue: 0 waiting, 1 failed" in client.get("/healthz").content


@transactional
def test_healthz_and_the_dashboard_show_the_oldest_waiting_messages_age(
    client, section, people, smtp_port
):
    message = mail_message.to_json(EmailMultiAlternatives("Hei", "Hei", None, ["a@eksempel.no"]))
    twelve_minutes_ago = timezone.now() - datetime.timedelta(minutes=12, seconds=1)
    # A second attempt: the age counts from the first queuing, not from the retry.
    tasks.enqueue(message, attempt=2, queued_at=tasks.queued_at_text(twelve_minutes_ago))
    tasks.enqueue(message)

    response = client.get("/healthz")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0] == "ok"
    assert lines[1].startswith("mail queue: 2 waiting, oldest 72")  # 721 s, give or take one
    assert lines[1].endswith(", 0 failed")

    client.force_login(people["admin"])
    assert "E-postkø: 2 venter, eldste 12 min" in text_of(client.get(reverse("wagtailadmin_home")))
    # Editors have no use for it.
    client.force_login(people["redaktor"])
    assert "E-postkø" not in text_of(client.get(reverse("wagtailadmin_home")))


def test_every_part_of_a_message_survives_the_queue():
    original = EmailMultiAlternatives(
        "Emne",
        "Tekst",
        "fra@eksempel.no",
        ["til@eksempel.no"],
        bcc=["blind@eksempel.no"],
        cc=["kopi@eksempel.no"],
        reply_to=["svar@eksempel.no"],
        headers={"X-Tag": "søknad"},
    )
    original.attach_alternative("<p>Tekst</p>", "text/html")
    original.attach("notat.txt", "æøå", "text/plain")
    original.attach("bilde.png", b"\x89PNG\x00\xff", "image/png")

    data = mail_message.to_json(original)
    copy = mail_message.from_json(data)

    for field in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to"):
        assert getattr(copy, field) == getattr(original, field)
    assert copy.alternatives == [("<p>Tekst</p>", "text/html")]
    assert copy.attachments == [
        ("notat.txt", "æøå", "text/plain"),
        ("bilde.png", b"\x89PNG\x00\xff", "image/png"),
    ]
    assert copy.extra_headers["X-Tag"] == "søknad"
    # Fixed when queued: every attempt sends the same Date and Message-ID.
    assert (
        copy.extra_headers["Message-ID"] == mail_message.from_json(data).extra_headers["Message-ID"]
    )
    assert "Date" in copy.extra_headers


def test_the_back_off_doubles_to_an_hour_and_spans_about_a_day():
    delays = [tasks.delay_after(attempt) for attempt in range(1, tasks.MAX_ATTEMPTS)]
    assert [int(d.total_seconds() // 60) for d in delays[:8]] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert (
        datetime.timedelta(hours=23)
        < sum(delays, datetime.timedelta())
        < datetime.timedelta(hours=25)
    )
    assert format_age(datetime.timedelta(minutes=12)) == "12 min"


def test_wagtails_own_tasks_still_run_at_once_and_mail_has_its_own_queue():
    """Search and reference index updates stay in the request; only mail waits for a worker."""
    from django_tasks import task_backends
    from django_tasks.backends.immediate import ImmediateBackend
    from django_tasks_db import DatabaseBackend

    assert isinstance(task_backends["default"], ImmediateBackend)
    assert isinstance(task_backends["mail"], DatabaseBackend)
    assert tasks.deliver.backend == "mail"


@transactional
def test_a_failing_goodbye_after_delivery_does_not_send_it_again(smtp_port, caplog):
    """The server accepted the message, then QUIT failed: delivered, and no retry is queued."""
    send_mail("Velkommen", "Hei", None, ["kari@eksempel.no"])
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        with mock.patch(
            "smtplib.SMTP.quit", side_effect=smtplib.SMTPResponseException(421, b"bye")
        ):
            run_worker()
    finally:
        server.stop()

    assert len(inbox.envelopes) == 1
    assert not waiting_rows()
    assert not [r for r in caplog.records if r.name == "core.mail.tasks"]
