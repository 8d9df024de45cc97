"""The page life cycle: due for review, reminded with the archive date, archived thirty days
later (unpublished, nothing deleted, in the audit log), restored from «Arkiv»."""

import datetime
import io
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from core.jobs import run_once
from core.models import ArchivedPage
from core.publishing import archive
from demo import factories
from home.models import ContentPage
from methods.models import MethodPage
from tests.core.conftest import workflow_action
from tests.helpers import card_titles, page_html, soup, text_of

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)
DUE = datetime.timedelta(days=365)
GRACE = datetime.timedelta(days=30)


def confirmed(page, on):
    type(page).objects.filter(pk=page.pk).update(last_confirmed_at=on)
    page.refresh_from_db()
    return page


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


# --- Which pages, and when -------------------------------------------------------------------


def test_a_page_goes_to_the_archive_thirty_days_after_its_review_fell_due(section, people):
    page = confirmed(factories.make_content_page(title="Gammel"), TODAY - DUE - GRACE)
    younger = confirmed(
        factories.make_content_page(title="Nesten"),
        TODAY - DUE - GRACE + datetime.timedelta(days=1),
    )

    assert archive.archive_date(page) == TODAY
    assert archive.pages_to_archive(TODAY) == [page]
    assert archive.pages_to_archive(TODAY - datetime.timedelta(days=1)) == []
    assert younger not in archive.pages_to_archive(TODAY)


def test_front_pages_sections_with_live_pages_and_pages_in_approval_stay(section, people):
    long_ago = TODAY - DUE - GRACE - datetime.timedelta(days=100)
    confirmed(section, long_ago)
    index = confirmed(factories.make_method_index(parent=section), long_ago)
    confirmed(factories.make_method(index=index), TODAY)
    in_approval = confirmed(factories.make_content_page(title="Til godkjenning"), long_ago)
    in_approval.get_workflow().start(in_approval, people["redaktor"])

    assert archive.pages_to_archive(TODAY) == []


def test_archived_soon_leaves_out_what_the_job_leaves_out(section, people):
    """The database's choice (core/publishing/archive.py: _archivable_q) is archivable()'s."""
    in_five = TODAY - DUE - GRACE + datetime.timedelta(days=5)
    confirmed(section, in_five)
    index = confirmed(factories.make_method_index(parent=section), in_five)
    confirmed(factories.make_method(index=index), TODAY)
    in_approval = confirmed(factories.make_content_page(title="Til godkjenning"), in_five)
    in_approval.get_workflow().start(in_approval, people["redaktor"])
    empty_index = confirmed(factories.make_method_index(parent=section, slug="tom"), in_five)
    confirmed(factories.make_method(index=empty_index, publish=False), in_five)
    plain = confirmed(factories.make_content_page(title="Vanlig"), in_five)

    assert archive.archived_soon(TODAY) == ([empty_index, plain], 2)


def test_about_to_be_archived_lists_the_next_two_weeks_soonest_first(section, people):
    in_ten = confirmed(
        factories.make_content_page(title="Om ti dager"),
        TODAY - DUE - GRACE + datetime.timedelta(days=10),
    )
    in_three = confirmed(
        factories.make_content_page(title="Om tre dager"),
        TODAY - DUE - GRACE + datetime.timedelta(days=3),
    )
    confirmed(
        factories.make_content_page(title="Om tjue dager"),
        TODAY - DUE - GRACE + datetime.timedelta(days=20),
    )
    confirmed(factories.make_content_page(title="I dag"), TODAY - DUE - GRACE)

    soon = archive.pages_archived_soon(TODAY)

    assert soon == [in_three, in_ten]
    assert soon[0].archive_date == TODAY + datetime.timedelta(days=3)
    # The dashboard and the report show the soonest and say how many there are in all.
    assert archive.archived_soon(TODAY, limit=1) == ([in_three], 2)


# --- The job --------------------------------------------------------------------------------


def archived_by_the_command():
    call_command("archive_unconfirmed_pages", stdout=io.StringIO())


def test_the_command_archives_the_overdue_page_out_of_its_listing_and_search(
    client, section, people
):
    index = factories.make_method_index(parent=section)
    old = confirmed(
        factories.make_method(index=index, title="Gammel metode", slug="gammel"), days_ago(396)
    )
    recent = confirmed(
        factories.make_method(index=index, title="Nyere metode", slug="nyere"), days_ago(380)
    )
    client.force_login(people["ansatt"])
    assert "Gammel metode" in card_titles(client.get(index.url))

    archived_by_the_command()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.live and recent.live
    assert MethodPage.objects.filter(pk=old.pk).exists()  # nothing deleted
    entry = ArchivedPage.objects.get(page=old)
    assert entry.last_confirmed_at == days_ago(396)
    assert entry.revision_id is not None
    assert "Gammel metode" not in card_titles(client.get(index.url))
    assert "Nyere metode" in card_titles(client.get(index.url))
    found = text_of(client.get(reverse("search"), {"q": "metode"}))
    assert "Nyere metode" in found and "Gammel metode" not in found
    assert client.get(old.url).status_code == 404


def test_the_archiving_is_in_the_audit_log_in_norwegian(client, section, people):
    page = confirmed(factories.make_content_page(title="Glemt side"), days_ago(400))

    archived_by_the_command()

    entry = PageLogEntry.objects.get(page=page, action=archive.ARCHIVE_ACTION)
    assert entry.data["last_confirmed_at"] == days_ago(400).isoformat()
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()
    client.force_login(people["admin"])
    history = text_of(client.get(reverse("wagtailadmin_pages:history", args=(page.pk,))))
    assert "Arkivert: ikke bekreftet av innholdseieren" in history


def test_two_runs_archive_a_page_once(section, people):
    page = confirmed(factories.make_content_page(title="Glemt side"), days_ago(400))

    archived_by_the_command()
    archived_by_the_command()

    assert PageLogEntry.objects.filter(page=page, action=archive.ARCHIVE_ACTION).count() == 1


@pytest.mark.skipif(
    not settings.DATABASE_IS_POSTGRES, reason="advisory locks are PostgreSQL behaviour"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_node_skips_while_the_first_runs():
    """The command guards itself (RunOnceCommand): while another session holds the job's
    lock, a second caller does nothing."""
    call_command("setup_section", verbosity=0)
    page = confirmed(factories.make_content_page(title="Glemt side"), days_ago(400))
    outcome = {}

    def second_node():
        try:
            call_command("archive_unconfirmed_pages", stdout=io.StringIO())
        except BaseException as error:
            outcome["error"] = error
        finally:
            connection.close()

    with run_once("archive_unconfirmed_pages") as got_lock:
        assert got_lock
        thread = threading.Thread(target=second_node)
        thread.start()
        thread.join(timeout=60)
    assert outcome == {}
    page.refresh_from_db()
    assert page.live  # the second caller skipped; the first (this test) did nothing

    archived_by_the_command()
    page.refresh_from_db()
    assert not page.live


def test_the_reminder_says_when_the_page_goes_to_the_archive(section, people):
    page = confirmed(
        factories.make_content_page(title="Forfaller i dag", content_owner=people["redaktor"]),
        days_ago(365),
    )
    mail.outbox.clear()

    call_command("send_review_reminders", verbosity=0)

    (message,) = mail.outbox
    day = archive.archive_date(page)
    assert day == timezone.localdate() + GRACE
    assert f"Arkiveres {day.day}." in message.body
    assert "med mindre den bekreftes før" in message.body


# --- «Arkiv» and «Gjenopprett» --------------------------------------------------------------


def archived(title="Arkivert side", **fields):
    page = confirmed(factories.make_content_page(title=title, **fields), days_ago(400))
    archive.archive(page)
    page.refresh_from_db()
    return page


def archive_rows(client):
    document = soup(page_html(client.get(reverse("core_archive_report"))))
    return {row.select_one("td").get_text(strip=True): row for row in document.select("tbody tr")}


def test_a_moderator_restores_the_page_live_and_confirmed(client, section, people):
    page = archived(content_owner=people["redaktor"])
    client.force_login(people["moderator"])

    (button,) = archive_rows(client)["Arkivert side"].select("form button")
    assert button.get_text(strip=True) == "Gjenopprett"
    response = client.post(reverse("core_restore_page", args=(page.pk,)))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.last_confirmed_at == timezone.localdate()
    assert not ArchivedPage.objects.filter(page=page).exists()
    assert PageLogEntry.objects.filter(page=page, action=archive.RESTORE_ACTION).exists()
    assert "Arkivert side" not in archive_rows(client)


def test_an_editor_restores_through_approval(client, section, people):
    page = archived(content_owner=people["redaktor"])
    client.force_login(people["redaktor"])

    (button,) = archive_rows(client)["Arkivert side"].select("form button")
    assert button.get_text(strip=True) == "Gjenopprett: send til godkjenning"
    client.post(reverse("core_restore_page", args=(page.pk,)))

    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress
    row = archive_rows(client)["Arkivert side"]
    assert row.select("form") == [] and "Venter på godkjenning" in row.get_text()

    client.force_login(people["moderator"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert not ArchivedPage.objects.filter(page=page).exists()


def test_a_changed_page_goes_through_approval_even_for_a_moderator(client, section, people):
    page = archived()
    page.title = "Arkivert side"
    page.save_revision(user=people["redaktor"])  # a draft since the archiving
    client.force_login(people["moderator"])

    (button,) = archive_rows(client)["Arkivert side"].select("form button")
    assert button.get_text(strip=True) == "Gjenopprett: send til godkjenning"


def test_restoring_is_offered_only_to_those_who_may(client, section, people):
    page = archived()
    assert archive.restore_action(people["ansatt"], page) is None
    assert archive.restore_action(people["redaktor"], page) == archive.SUBMIT
    assert archive.restore_action(people["moderator"], page) == archive.PUBLISH
    assert archive.restore_action(people["admin"], page) == archive.PUBLISH

    client.force_login(people["ansatt"])
    client.post(reverse("core_restore_page", args=(page.pk,)))
    page.refresh_from_db()
    assert not page.live and not page.workflow_in_progress

    # A draft that was never archived is not «restored» through the archive.
    draft = factories.make_content_page(title="Kladd", publish=False)
    client.force_login(people["moderator"])
    assert client.post(reverse("core_restore_page", args=(draft.pk,))).status_code == 404


def test_moderators_see_what_is_archived_soon_on_the_dashboard_and_in_the_report(
    client, section, people
):
    confirmed(factories.make_content_page(title="Snart borte"), days_ago(390))

    client.force_login(people["moderator"])
    response = client.get(reverse("wagtailadmin_home"))
    dashboard = text_of(response)
    assert "Arkiveres snart" in dashboard and "Snart borte" in dashboard
    assert "Snart borte" in [link.get_text(strip=True) for link in soup(response).select("a")]
    report = text_of(client.get(reverse("core_review_report")))
    assert "Arkiveres snart" in report

    client.force_login(people["redaktor"])
    assert "Arkiveres snart" not in text_of(client.get(reverse("wagtailadmin_home")))


def test_the_archive_is_in_the_reports_menu(client, section, people):
    client.force_login(people["redaktor"])
    html = page_html(client.get(reverse("wagtailadmin_home")))
    assert reverse("core_archive_report") in html
    assert ContentPage  # the page type the archive lists most
