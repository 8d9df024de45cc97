"""Page feedback in the browser: an employee answers «Nei» with a comment (every step valid
HTML without axe findings, the comment's error state too, and the flood refusal); the
page's owner sees it in the dashboard panel and marks it handled."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from core.feedback import throttle
from core.feedback.models import PageFeedback
from methods.models import MethodPage
from tests.e2e.accessibility import AccessibilityReport
from tests.e2e.html_checker import HtmlBatch
from tests.e2e.pages import assert_no_console_errors
from tests.e2e.test_html_validity import navigation_html, navigation_response

pytestmark = pytest.mark.e2e

COMMENT = "Jeg savner et eksempel fra en barnehage."


def test_an_employee_answers_no_with_a_comment_and_the_owner_handles_it(site, monkeypatch):
    method = MethodPage.objects.get(slug="brukerreise")
    MethodPage.objects.filter(pk=method.pk).update(
        content_owner=get_user_model().objects.get(username="redaktor")
    )
    page = site.visit(method.url, user="ansatt")
    report, batch = AccessibilityReport(), HtmlBatch()
    feedback = page.get_by_role("region", name="Fant du det du lette etter?")
    expect(feedback.get_by_text("vi lagrer ikke hvem du er")).to_be_visible()

    no = feedback.get_by_role("button", name="Nei")
    batch.add("feedback, thanks", navigation_html(page, no.click))
    expect(page.get_by_role("heading", level=1)).to_have_text("Takk for svaret")
    report.check(page, "feedback, thanks")

    send = page.get_by_role("button", name="Send kommentar")
    batch.add("feedback, an empty comment", navigation_html(page, send.click))
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile("^Feil: "))
    report.check(page, "feedback, an empty comment")

    page.get_by_label("Vil du si mer? (valgfritt)").fill(COMMENT)
    batch.add("feedback, comment sent", navigation_html(page, send.click))
    expect(page.get_by_role("heading", level=1)).to_have_text("Takk for kommentaren")
    report.check(page, "feedback, comment sent")
    stored = PageFeedback.objects.get(page=method, is_demo=False)
    assert (stored.answer, stored.comment) == ("nei", COMMENT)
    assert_no_console_errors(page)

    # A flood is refused with HTTP 429 (the browser logs the status) and the buttons to send again.
    monkeypatch.setattr(throttle, "PER_MINUTE", 0)
    page.goto("/metoder/")
    yes = page.get_by_role("region", name="Fant du det du lette etter?").get_by_role(
        "button", name="Ja"
    )
    response = navigation_response(page, yes.click)
    assert response.status == 429
    batch.add("feedback, too many", response.text())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "For mange tilbakemeldinger på en gang"
    )
    report.check(page, "feedback, too many")
    batch.assert_valid()
    report.assert_clean()

    # The owner: the dashboard panel, «Merk som behandlet».
    owner = site.visit("/admin/", user="redaktor")
    panel = owner.locator("#page-feedback-section")
    expect(panel).to_contain_text("Tilbakemeldinger på dine sider")
    expect(panel).to_contain_text(COMMENT)
    row = panel.locator("tr", has_text=COMMENT)
    row.get_by_role("button", name="Merk som behandlet").click()
    expect(owner.get_by_text("er merket som behandlet")).to_be_visible()
    stored.refresh_from_db()
    assert stored.handled_at is not None
