"""Approval is the obvious path: the editor's footer leads with «Send til godkjenning», the
moderator's with «Godkjenn og publiser», cancelling asks first, and an approval from the
dashboard ends with a confirmation that links to the page (core/publishing/action_menu.py)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState

from demo import factories
from tests.core.conftest import submit_new_page
from tests.helpers import collapse, page_html, soup

pytestmark = pytest.mark.django_db


def footer_actions(response):
    """The footer's primary action and the actions behind its chevron, as their texts."""
    footer = soup(page_html(response)).select_one("nav.footer__container")
    assert footer is not None
    group = footer.select_one(".w-dropdown-button")
    if group is None:
        buttons = footer.find_all(["button", "a"], recursive=False)
        return collapse(buttons[0].get_text(" ")), []
    primary = group.find(["button", "a"], recursive=False)
    content = group.select_one("[data-w-dropdown-target='content']")
    others = [collapse(item.get_text(" ")) for item in content.select("button, a")]
    return collapse(primary.get_text(" ")), others


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_editors_primary_action_is_submit_for_approval(client, people):
    client.force_login(people["redaktor"])
    page = factories.make_content_page(publish=False, title="Et utkast")

    primary, others = footer_actions(client.get(edit_url(page)))
    assert primary == "Send til godkjenning"
    assert "Lagre kladd" in others

    add = reverse("wagtailadmin_pages:add", args=("home", "contentpage", page.get_parent().pk))
    assert footer_actions(client.get(add))[0] == "Send til godkjenning"


def test_once_submitted_the_editors_primary_action_does_not_cancel(client, people, section):
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section)

    primary, others = footer_actions(client.get(edit_url(page)))
    assert primary != "Avbryt arbeidsflyt"
    assert "Avbryt" not in primary
    assert "Avbryt godkjenningen" in others


def test_cancelling_the_approval_asks_first(client, people, section):
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section)
    html = soup(page_html(client.get(edit_url(page))))
    confirm_url = reverse("core_confirm_cancel_workflow", args=[page.pk])
    link = html.select_one(f"nav.footer__container a[href='{confirm_url}']")
    assert link is not None
    assert not html.select("nav.footer__container [name='action-cancel-workflow']")

    # Following the link only asks.
    question = client.get(confirm_url)
    assert "Vil du avbryte godkjenningen" in collapse(soup(page_html(question)).get_text(" "))
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Confirming cancels.
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert response["Location"] == edit_url(page)
    page.refresh_from_db()
    assert page.current_workflow_state is None
    assert not page.live


def test_others_cannot_cancel_an_editors_approval(client, people, section):
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section)
    client.force_login(people["ansatt"])
    response = client.post(reverse("core_confirm_cancel_workflow", args=[page.pk]))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_moderators_primary_action_is_approve_and_publish(client, people, section):
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section)

    client.force_login(people["moderator"])
    primary, others = footer_actions(client.get(edit_url(page)))
    assert primary == "Godkjenn og publiser"
    assert "Lagre kladd" in others


def test_approving_from_the_dashboard_confirms_with_a_link_to_the_page(client, people, section):
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section, title="Ny side om kultur")

    client.force_login(people["moderator"])
    dashboard = reverse("wagtailadmin_home")
    task_state = page.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    assert approve_url in page_html(client.get(dashboard))

    # What the dashboard's script posts (workflow-action.js): the action and `next`.
    response = client.post(approve_url, {"next": dashboard}, follow=True)
    page.refresh_from_db()
    assert page.live
    assert response.redirect_chain[-1][0] == dashboard
    html = soup(page_html(response))
    messages = html.select(".messages li")
    text = " ".join(collapse(m.get_text(" ")) for m in messages)
    assert "Siden «Ny side om kultur» er godkjent og publisert" in text
    view_link = [
        a for m in messages for a in m.select("a") if collapse(a.get_text()) == "Vis siden"
    ]
    assert view_link and view_link[0]["href"].endswith(page.url)


def test_no_confirmation_for_a_page_the_user_did_not_approve(client, people, section):
    client.force_login(people["redaktor"])
    page = submit_new_page(client, section)
    client.force_login(people["moderator"])
    response = client.get(reverse("core_page_approved", args=[page.pk]))
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if "godkjent og publisert" in str(m)]
