"""The publishing workflow «Godkjenning» with four eyes, scheduling, ownership and content review."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    Page,
    WorkflowState,
)

from demo import factories
from home.models import ContentPage
from tests.core.conftest import page_form, submit_new_page, workflow_action
from tests.helpers import page_html

pytestmark = pytest.mark.django_db


# --- The whole workflow --------------------------------------------------


def test_editor_submits_moderator_requests_changes_editor_resubmits_moderator_approves(
    client, section, people
):
    mail.outbox.clear()
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section)

    assert not page.live
    assert page.workflow_in_progress
    submitted = [m for m in mail.outbox if "moderator@eksempel.no" in m.to]
    assert submitted, [m.to for m in mail.outbox]
    assert "er sendt til godkjenning" in submitted[0].subject
    assert not [m for m in mail.outbox if "redaktor@eksempel.no" in m.to]

    mail.outbox.clear()
    client.force_login(people["moderator"])
    workflow_action(client, page, "reject", comment="Legg til en kilde for tallene.")
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_editor = [m for m in mail.outbox if m.to == ["redaktor@eksempel.no"]]
    assert len(to_editor) == 1
    assert "Legg til en kilde for tallene." in to_editor[0].body
    assert to_editor[0].subject.startswith("Siden")

    client.force_login(people["redaktor"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert "Legg til en kilde for tallene." in client.get(edit_url).content.decode()
    response = client.post(
        edit_url,
        page_form("Ny side om kultur", page.slug, **{"action-submit": "Send inn igjen"}),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    client.force_login(people["moderator"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    approved = [m for m in mail.outbox if m.to == ["redaktor@eksempel.no"]]
    assert len(approved) == 1
    assert "godkjent" in approved[0].subject

    client.force_login(people["ansatt"])
    assert client.get(page.url).status_code == 200
    menu_html = client.get("/").content.decode().split('aria-label="Hovedmeny"')[1]
    assert "Ny side om kultur" in menu_html.split("</nav>")[0]
    assert page.pk in [hit.pk for hit in Page.objects.live().search("kultur")]


def test_a_moderator_cannot_approve_their_own_submission(client, section, people):
    client.force_login(people["moderator"])
    page = submit_new_page(client, section, title="Egen side", slug="egen-side")

    response = workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert response.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect
    assert not page.live

    dashboard = page_html(client.get(reverse("wagtailadmin_home")))
    assert "Egen side" not in dashboard.split("Venter på min gjennomgang")[-1][:4000]

    client.force_login(people["moderator2"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live


def test_moderator_who_edits_a_submitted_page_cannot_approve_that_revision(client, section, people):
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section, title="Redigert side", slug="redigert-side")

    client.force_login(people["moderator"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(edit_url, page_form("Redigert av moderator", page.slug))
    page.refresh_from_db()

    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


# --- Scheduling ----------------------------------------------------------


def test_scheduled_publishing_and_expiry_through_the_command(section):
    page = factories.make_content_page(title="Kommer snart", publish=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live

    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live

    in_two_hours = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=in_two_hours):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live

    expiring = factories.make_content_page(title="Går ut", publish=True)
    Page.objects.filter(pk=expiring.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", verbosity=0)
    expiring.refresh_from_db()
    assert not expiring.live
    assert expiring.expired


# --- Ownership and freshness ---------------------------------------------


def test_publishing_confirms_the_page_and_sets_its_owner(section, people):
    page = factories.make_content_page(publish=False, owner=people["redaktor"])
    page.save_revision(user=people["redaktor"]).publish()

    page.refresh_from_db()
    assert page.last_confirmed_at == timezone.localdate()
    assert page.content_owner == people["redaktor"]


def test_employees_see_last_updated_and_the_owner(client, section, people):
    page = factories.make_content_page(content_owner=people["redaktor"])
    client.force_login(people["ansatt"])

    html = page_html(client.get(page.url))

    assert "Sist oppdatert" in html
    assert "Innholdseier: Redaktor Testesen" in html


def make_stale(page, days):
    ContentPage.objects.filter(pk=page.pk).update(
        last_confirmed_at=timezone.localdate() - datetime.timedelta(days=days)
    )


def test_stale_pages_are_in_the_review_report_and_the_owner_confirms_in_one_click(
    client, section, people
):
    stale = factories.make_content_page(title="Gammel side", content_owner=people["redaktor"])
    factories.make_content_page(title="Fersk side", content_owner=people["redaktor"])
    make_stale(stale, 400)
    report_url = reverse("core_review_report")

    client.force_login(people["moderator"])
    html = page_html(client.get(report_url))
    assert "Gammel side" in html
    assert "Fersk side" not in html
    assert "Redaktor Testesen" in html

    client.force_login(people["ansatt"])
    refused = client.post(reverse("core_confirm_page", args=(stale.pk,)))
    assert refused.status_code in (302, 403)
    stale.refresh_from_db()
    assert stale.last_confirmed_at < timezone.localdate()

    client.force_login(people["redaktor"])
    response = client.post(reverse("core_confirm_page", args=(stale.pk,)), {"next": report_url})
    assert response.status_code == 302
    stale.refresh_from_db()
    assert stale.last_confirmed_at == timezone.localdate()
    assert f'/admin/pages/{stale.pk}/edit/">Gammel side</a>' not in (
        client.get(report_url).content.decode()
    )


def test_confirmation_survives_publishing_an_older_draft(section, people):
    page = factories.make_content_page(title="Side med kladd")
    draft = page.save_revision(user=people["redaktor"])
    make_stale(page, 400)
    page.refresh_from_db()
    from core.publishing.reviews import confirm

    confirm(page)
    restored = page.get_latest_revision_as_object()

    assert restored.last_confirmed_at == timezone.localdate()
    assert draft.pk == page.get_latest_revision().pk


def test_review_reminders_go_to_owners_on_the_due_day_and_weekly(section, people):
    due_today = factories.make_content_page(
        title="Forfaller i dag", content_owner=people["redaktor"]
    )
    overdue_a_week = factories.make_content_page(
        title="En uke over", content_owner=people["redaktor"]
    )
    overdue_three_days = factories.make_content_page(
        title="Tre dager over", content_owner=people["redaktor"]
    )
    others = factories.make_content_page(title="Andres side", content_owner=people["moderator"])
    make_stale(due_today, 365)
    make_stale(overdue_a_week, 372)
    make_stale(overdue_three_days, 368)
    make_stale(others, 10)
    mail.outbox.clear()

    call_command("send_review_reminders", verbosity=0)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redaktor@eksempel.no"]
    assert message.subject == "2 sider i Innovasjon trenger gjennomgangen din"
    assert "Forfaller i dag" in message.body
    assert "En uke over" in message.body
    assert "Tre dager over" not in message.body
    assert "/admin/innhold-til-gjennomgang/?mine=1" in message.body


def test_the_approval_e_mail_links_to_the_public_address(client, section, people, public_site):
    mail.outbox.clear()
    client.force_login(people["redaktor"])

    page = submit_new_page(client, section)

    (submitted, *_) = [m for m in mail.outbox if "moderator@eksempel.no" in m.to]
    assert f"{public_site}/admin/pages/{page.pk}/" in submitted.body
    assert "127.0.0.1" not in submitted.body and "localhost" not in submitted.body
