"""Scheduled jobs and `migrate` run once when several nodes start them at the same minute (core.jobs)."""

import datetime
import io
import logging
import threading

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands
from django.db import connection
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from core.jobs import lock_key, run_once
from demo import factories

postgres_only = pytest.mark.skipif(
    not settings.DATABASE_IS_POSTGRES, reason="advisory locks are PostgreSQL behaviour"
)


def in_thread(target):
    """Run `target` in a thread of its own, so with a database connection (session) of its own."""
    outcome = {}

    def run():
        try:
            outcome["value"] = target()
        except BaseException as error:  # handed back to the test
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def gets_the_lock(name):
    with run_once(name) as got_lock:
        return got_lock


def job_lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "core.jobs"]


def page_waiting_to_go_live(home):
    """A draft approved for publishing with a go-live time that has just passed."""
    page = factories.make_content_page(parent=home, publish=False, title="Planlagt side")
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # in the future: approved, not yet live
    # ... and then the time passes.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=past, content=revision.content
    )
    page.refresh_from_db()
    assert not page.live
    return page


def test_the_scheduled_commands_and_migrate_are_the_locked_ones():
    """core comes before wagtail in INSTALLED_APPS, so cron's names resolve to the locked commands."""
    commands = get_commands()
    assert commands["publish_scheduled"] == "core"
    assert commands["migrate"] == "core"
    assert commands["send_review_reminders"] == "core"
    assert commands["search_garbage_collect"] == "search"


def test_the_key_is_the_same_in_every_process():
    # Python's hash() of a str differs between processes; the digest does not.
    assert lock_key("publish_scheduled") == 7804824254591154031
    assert lock_key("publish_scheduled") != lock_key("migrate")
    assert -(2**63) <= lock_key("migrate") < 2**63


@pytest.mark.skipif(settings.DATABASE_IS_POSTGRES, reason="SQLite behaviour")
def test_on_sqlite_the_job_simply_runs(home, caplog):
    caplog.set_level(logging.INFO, logger="core.jobs")
    page = page_waiting_to_go_live(home)
    with run_once("publish_scheduled") as got_lock, run_once("publish_scheduled") as again:
        assert got_lock and again  # no lock at all: one node by definition
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live
    assert job_lines(caplog)[-1] == "publish_scheduled: running"


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_nodes_publishing_at_once_publish_the_page_once(monkeypatch, caplog):
    """Node A is inside Wagtail's command when node B starts: B skips, A publishes."""
    caplog.set_level(logging.INFO, logger="core.jobs")
    page = page_waiting_to_go_live(factories.home_page())
    from wagtail.management.commands.publish_scheduled import Command as Wagtails

    a_is_inside, b_is_done = threading.Event(), threading.Event()
    original = Wagtails.handle

    def hold_until_b_is_done(self, *args, **options):
        a_is_inside.set()
        assert b_is_done.wait(timeout=60)
        return original(self, *args, **options)

    monkeypatch.setattr(Wagtails, "handle", hold_until_b_is_done)
    node_a, a = in_thread(lambda: call_command("publish_scheduled", stdout=io.StringIO()))
    assert a_is_inside.wait(timeout=60)
    node_b, b = in_thread(lambda: call_command("publish_scheduled", stdout=io.StringIO()))
    node_b.join(timeout=60)
    b_is_done.set()
    node_a.join(timeout=60)

    assert "error" not in a and "error" not in b  # skipping is not a failure: exit 0
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1
    assert not Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()  # nothing left waiting
    assert job_lines(caplog) == [
        "publish_scheduled: running",
        "publish_scheduled: already running elsewhere, skipped",
    ]


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_lock_is_released_when_the_job_fails():
    with pytest.raises(RuntimeError), run_once("search_garbage_collect") as got_lock:
        assert got_lock
        # Another node (its own session) meanwhile finds the job taken.
        thread, other = in_thread(lambda: gets_the_lock("search_garbage_collect"))
        thread.join(timeout=30)
        assert other == {"value": False}
        raise RuntimeError("the job fails")

    thread, outcome = in_thread(lambda: gets_the_lock("search_garbage_collect"))
    thread.join(timeout=30)
    assert outcome == {"value": True}


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_migrate_waits_for_the_first(caplog):
    """`wait=True`: the second node blocks until the first is done, then runs."""
    caplog.set_level(logging.INFO, logger="core.jobs")
    order = []

    def second_node():
        with run_once("migrate", wait=True) as got_lock:
            order.append("second")
            return got_lock

    with run_once("migrate", wait=True):
        thread, outcome = in_thread(second_node)
        thread.join(timeout=2)
        assert thread.is_alive()  # waiting on the lock
        order.append("first")
    thread.join(timeout=30)
    assert outcome == {"value": True}
    assert order == ["first", "second"]
    assert "migrate: already running elsewhere, waiting" in job_lines(caplog)
