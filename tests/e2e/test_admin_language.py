"""The admin speaks bokmål on the editor's path: create → preview → submit → approve.

An editor (`redaktor`) and then a moderator walk the admin views of that path
in chromium, every tab and side panel opened, and the test fails on any visible
text (placeholders, aria-labels and titles included) from the list below: the
English the admin showed before the project catalogue covered it, and the
typos of Wagtail's own Norwegian. The words come from Wagtail's templates and
JavaScript; the Norwegian lives in intranet/locale/nb (django.po and
djangojs.po), the msgids in core/publishing/admin_translations.{py,js}.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail import hooks
from wagtail.images import get_image_model

from methods.models import MethodIndexPage, MethodPage
from tests.e2e.admin_walk import AdminWalk
from tests.e2e.pages import AdminPageEditor

pytestmark = pytest.mark.e2e

# English the Norwegian admin showed on this path (collected from it before the fix).
ENGLISH = [
    # The editor and its side panels
    "This side is currently awaiting moderation",
    "awaiting moderation",
    "Only reviewers",
    "Autosave",
    "Collapse all",
    "Expand all",
    "Search options…",
    "Write something",
    "Insert a block",
    "Add comment",
    "Add Comment",
    "Actions (footer)",
    "Title tag",
    "Meta description",
    "search engine",
    "Multi-word tags",
    "Preview in",
    "Side panel",
    "Minimap",
    "Toggle",
    "Content metrics",
    "Words",
    "Reading time",
    "Readability",
    "This data explained",
    "Issues found",
    "Show issue",
    "Image alt text",
    "inappropriate pattern",
    "Visible to all",
    # Dashboard, explorer and listings
    "Search…",
    "Show filters",
    "Exploring",
    "Privacy and access",
    "Language",
    "Edit account avatar",
    "editor guide",
    "selected pages",
    "Sort by",
    "log entries",
    "queries",
    # Workflow history and reports
    "Requested by",
    "Started at",
    "Completed at",
    "Incomplete task",
    "Page/Snippet",
    "By task",
    "Date / Time",
    "Search terms",
    "Views",
    "Last published",
    "Last edit",
    "Next step",
    "Approved at",
    "Workflow:",
]
# «1-15 of 15 sider»: Wagtail's count above a listing.
ENGLISH_PATTERNS = [r"\b\d+-\d+ of \d+\b"]
# Wagtail's own Norwegian, wrong.
TYPOS = [
    "Tiittel",
    "minst 1 elementer",
    "Venter på din anmeldelse",
    "feks.",
    "URLer",
    "Send inn til Godkjenning",
]


def foreign_words(text):
    """Every listed English string or typo in `text` (whole words, case as written)."""
    found = [
        needle
        for needle in ENGLISH + TYPOS
        if re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text)
    ]
    return found + [m.group(0) for rx in ENGLISH_PATTERNS for m in re.finditer(rx, text)]


def assert_norwegian(walk):
    problems = {view: foreign_words(text) for view, text in walk.texts.items()}
    problems = {view: words for view, words in problems.items() if words}
    assert not problems, "English or broken bokmål in the admin:\n" + "\n".join(
        f"  {view}: {', '.join(sorted(set(words)))}" for view, words in problems.items()
    )


def report_paths(moderator):
    """The reports of the admin's Reports menu that the moderator may open."""
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = moderator
    items = [hook() for hook in hooks.get_hooks("register_reports_menu_item")]
    return [(str(item.label), item.url) for item in items if item.is_shown(request)]


def test_the_admin_speaks_bokmal_on_the_path_from_draft_to_approval(site):
    from django.contrib.auth import get_user_model

    index = MethodIndexPage.objects.get()
    method = MethodPage.objects.get(slug="brukerreise")
    # A file name as alternative text, so the checks panel names one of Wagtail's checks.
    method.hero_image = get_image_model().objects.first()
    method.hero_image_alt = "IMG_2041.jpg"
    method.save_revision()
    moderator_user = get_user_model().objects.get(username="moderator")
    reports = report_paths(moderator_user)

    # The editor: dashboard, explorer, a new method (every tab), an existing one.
    walk = AdminWalk(site.visit(None, user="redaktor"))
    editor = AdminPageEditor(walk.page)
    walk.open("dashboard", "/admin/")
    walk.open("explorer", "/admin/pages/")
    walk.open("explorer, «Metoder og verktøy»", f"/admin/pages/{index.pk}/")
    walk.open("new method", f"/admin/pages/add/methods/methodpage/{index.pk}/")
    walk.tabs("new method")
    editor.tab("Metode")
    walk.empty_rich_text("new method, an empty rich text")
    assert "Skriv noe, eller skriv «/»" in walk.texts["new method, an empty rich text"]
    editor.tab("Steg")
    walk.block_chooser("new method, «Steg»")
    walk.action_menu("new method")

    walk.open("edit method", f"/admin/pages/{method.pk}/edit/")
    walk.tabs("edit method")
    editor.tab("Steg")
    walk.block_chooser("edit method, «Steg»")
    walk.side_panels("edit method")
    checks = walk.page.locator("[data-side-panel='checks']")
    expect(checks.locator("[data-content-checker-name]")).to_have_text(
        "Alternativ tekst til bildet ser feil ut", timeout=20_000
    )
    walk.record("edit method, checks found")
    walk.action_menu("edit method")

    # Submitted for approval: the editor's view of it and its workflow history.
    editor.submit_for_moderation()
    walk.record("submitted")
    walk.open("edit method, awaiting approval", f"/admin/pages/{method.pk}/edit/")
    walk.open("workflow history", f"/admin/pages/{method.pk}/workflow_history/")
    walk.open("page history", f"/admin/pages/{method.pk}/history/")
    assert_norwegian(walk)

    # The moderator: dashboard, the page to approve, the reports.
    walk = AdminWalk(site.visit(None, user="moderator"))
    walk.open("moderator's dashboard", "/admin/")
    expect(walk.page.get_by_role("region", name="Venter på din godkjenning")).to_contain_text(
        "Brukerreise"
    )
    walk.open("moderator edits", f"/admin/pages/{method.pk}/edit/")
    walk.action_menu("moderator edits")
    walk.open("workflow history (moderator)", f"/admin/pages/{method.pk}/workflow_history/")
    assert len(reports) >= 5, reports
    for label, url in reports:
        walk.open(f"report «{label}»", url)
    # Wagtail's own report of search terms, linked from «Promoted search results».
    walk.open("Wagtail's search terms", reverse("wagtailsearchpromotions:search_terms"))
    walk.open("promoted search results", reverse("wagtailsearchpromotions:index"))
    assert_norwegian(walk)
