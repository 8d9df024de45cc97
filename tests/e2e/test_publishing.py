"""Journey 2: an editor writes a method, a moderator approves it, employees find it.

The editor's day of issue #19 in one journey: two steps (one with an image and its
alternative text), the preview and its checks with the page's LIX, «Send til
godkjenning» as the primary button; the moderator reads the LIX where they approve
from the dashboard and is told the page is published; an employee answers «Nei» with a
comment, and the page's owner handles it from the dashboard panel.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import AccessibilityReport
from tests.e2e.pages import AdminPageEditor, MethodPage, SearchPage, assert_no_console_errors

pytestmark = pytest.mark.e2e

TITLE = "Omvendt idémyldring"
COMMENT = "Jeg savner et eksempel på hvordan svarene snus."
PREVIEW_TIMEOUT = 20_000  # ms


def test_an_editors_method_is_published_by_a_moderator_and_found_by_employees(site):
    # The editor (redaktør) adds a method page under «Metoder og verktøy».
    editor_page = site.visit("/admin/pages/", user="redaktor")
    editor_page.get_by_role("row", name=re.compile("Metoder og verktøy")).get_by_role(
        "link", name="Utforsk undersider"
    ).click()
    expect(editor_page.get_by_role("heading", level=1)).to_contain_text("Metoder og verktøy")
    editor_page.get_by_role("link", name="Legg til underside").first.click()
    expect(editor_page.get_by_role("heading", level=1)).to_have_text("Ny: Metode")

    editor = AdminPageEditor(editor_page)
    content = editor.tab("Innhold")
    editor.field("Tittel", content).fill(TITLE)
    editor.field("Sammendrag", content).fill(
        "Snu problemet på hodet: hvordan kan vi gjøre det verre? Svarene viser hva som må til for å gjøre det bedre."
    )

    method = editor.tab("Metode")
    method.get_by_role("checkbox", name="Fase 3 · Skape ideer og løsninger").check()
    method.get_by_label("Tidsbruk").select_option(label="Inntil 1 time")
    editor.write(
        editor.rich_text("Når bruker du metoden", method),
        "Når gruppa står fast og de vanlige ideene er brukt opp.",
    )
    editor.write(
        editor.rich_text("Hva dere får ut av det", method),
        "En liste over feil å unngå, snudd til tiltak dere kan prøve.",
    )

    steps = editor.tab("Steg")
    # A new method opens with one step to write in, and no error before anything is typed.
    first = steps.locator("section[id^='block-']")
    expect(first).to_have_count(1)
    expect(steps.locator(".error-message")).to_have_count(0)
    editor.field("Tittel", first).fill("Still det omvendte spørsmålet")
    editor.write(
        editor.step_description(first),
        "Spør: Hvordan kan vi sikre at dette går så dårlig som mulig?",
    )
    second = editor.add_step(steps)
    editor.field("Tittel", second).fill("Snu svarene")
    editor.write(
        editor.step_description(second),
        "Gjør hver dårlige idé om til det motsatte, og velg de beste.",
    )
    editor.choose_step_image(second, "Illustrasjon")
    editor.field("Alternativ tekst", second).fill("Lapper med ideer sortert på en vegg.")

    # Saved as a draft, the preview renders the method, and the checks panel measures
    # the plain language of what was saved.
    editor.save_draft()
    expect(editor_page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    editor_page.locator("button[data-side-panel-toggle='preview']").click()
    preview = editor_page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(TITLE, timeout=PREVIEW_TIMEOUT)
    expect(preview.get_by_role("img", name="Lapper med ideer sortert på en vegg.")).to_be_visible()
    editor_page.locator("button[data-side-panel-toggle='checks']").click()
    checks = editor_page.locator("[data-side-panel='checks']")
    expect(checks.locator("[data-readability-lix]")).to_contain_text(
        re.compile(r"LIX \d+"), timeout=PREVIEW_TIMEOUT
    )

    editor.submit_for_moderation()
    expect(editor_page.get_by_text(f"Siden «{TITLE}» er sendt til godkjenning.")).to_be_visible()
    # Not published yet: employees get a 404 until a moderator approves.
    employee = site.visit(None, user="ansatt")
    employee.goto("/metoder/")
    expect(employee.get_by_role("link", name=TITLE)).to_have_count(0)

    # A moderator (not the editor who submitted: four eyes) approves from the dashboard.
    moderator = site.visit("/admin/", user="moderator")
    awaiting = moderator.get_by_role("region", name="Venter på din godkjenning")
    row = awaiting.get_by_role("row", name=re.compile(TITLE))
    expect(row).to_contain_text("Redaktør Demo")
    row.get_by_role("button", name="Handlinger").click()
    # «Godkjenn med kommentar» opens the approval dialog, with the page's LIX above the comment.
    row.get_by_role("button", name="Godkjenn med kommentar").click()
    dialog = moderator.get_by_role("dialog")
    expect(dialog.locator("[data-readability-lix]")).to_contain_text(re.compile(r"LIX \d+"))
    dialog.get_by_label("Kommentar").fill("Fin og klar. Publiseres.")
    with moderator.expect_navigation():
        dialog.get_by_role("button", name="Godkjenn med kommentar").click()
    expect(moderator.get_by_text(f"Siden «{TITLE}» er godkjent og publisert.")).to_be_visible()
    expect(moderator.get_by_role("link", name="Vis siden")).to_be_visible()
    # The page leaves the moderator's queue (the other demo page still waits there).
    expect(awaiting.get_by_role("row", name=re.compile(TITLE))).to_have_count(0)
    expect(awaiting.get_by_role("row", name=re.compile("Gevinstrealisering"))).to_be_visible()

    # The employee finds it in the listing and in search, and reads the two steps.
    employee.goto("/metoder/")
    card = employee.get_by_role("link", name=TITLE)
    expect(card).to_be_visible()
    search = SearchPage(employee).open("omvendt idémyldring")
    expect(search.result_link(TITLE)).to_be_visible()
    search.result_link(TITLE).click()
    page = MethodPage(employee)
    expect(page.heading).to_have_text(TITLE)
    expect(page.steps).to_have_count(2)
    expect(page.steps.nth(1)).to_contain_text("Snu svarene")
    expect(
        page.steps.nth(1).get_by_role("img", name="Lapper med ideer sortert på en vegg.")
    ).to_be_visible()

    # The employee did not find all they looked for and says so. The method's owner is
    # the section's default owner, the editor, who reads it on the dashboard and handles it.
    feedback = employee.get_by_role("region", name="Fant du det du lette etter?")
    with employee.expect_navigation():
        feedback.get_by_role("button", name="Nei").click()
    employee.get_by_label("Vil du si mer? (valgfritt)").fill(COMMENT)
    with employee.expect_navigation():
        employee.get_by_role("button", name="Send kommentar").click()
    expect(employee.get_by_role("heading", level=1)).to_have_text("Takk for kommentaren")

    editor_page.goto("/admin/")
    panel = editor_page.locator("#page-feedback-section")
    expect(panel).to_contain_text("Tilbakemeldinger på dine sider")
    row = panel.locator("tr", has_text=COMMENT)
    expect(row).to_contain_text(TITLE)
    row.get_by_role("button", name="Merk som behandlet").click()
    expect(editor_page.get_by_text("er merket som behandlet")).to_be_visible()
    expect(panel.locator("tr", has_text=COMMENT)).to_have_count(0)


def test_editors_see_wagtails_accessibility_checker_with_every_axe_rule(site):
    page = site.visit("/metoder/brukerreise/", user="redaktor")
    userbar = page.locator("wagtail-userbar")
    expect(userbar).to_be_attached()
    configuration = json.loads(page.locator("#checker-axe-configuration").text_content())
    # No runOnly: axe runs all its rules, not only Wagtail's ten content checks.
    assert "runOnly" not in configuration["options"]
    assert configuration["context"]["exclude"]  # the userbar itself is left out

    # The checker has run on the page and found nothing.
    trigger = page.locator("#checker-trigger")
    expect(trigger).to_be_attached()
    expect(trigger.locator("[data-content-checker-count]")).to_have_text("0")
    # Wagtail logs what its checker finds as a console error; there is none.
    assert_no_console_errors(page)
    # And the CI's own axe run agrees with the userbar there beside it.
    AccessibilityReport().check(page, "a method page as an editor sees it").assert_clean()


def test_the_preview_panel_renders_the_page_and_its_checks_find_a_defect(site):
    """Wagtail renders a preview through the whole middleware chain as if it were the
    public page; the public page's `frame-ancestors 'none'` once left the panel blank
    and the checks panel reporting a false «0 issues»."""
    from wagtail.images import get_image_model

    from methods.models import MethodPage

    method = MethodPage.objects.get(slug="brukerreise")
    # A file name as alternative text: Wagtail's «alt-text-quality» check.
    method.hero_image = get_image_model().objects.first()
    method.hero_image_alt = "IMG_2041.jpg"
    method.save_revision()

    page = site.visit(f"/admin/pages/{method.pk}/edit/", user="redaktor")
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    # Wagtail swaps in a fresh iframe for each render: give it time under load.
    expect(preview.locator("h1")).to_have_text("Brukerreise", timeout=PREVIEW_TIMEOUT)

    page.locator("button[data-side-panel-toggle='checks']").click()
    checks = page.locator("[data-side-panel='checks']")
    expect(checks.locator("[data-content-word-count]")).not_to_have_text(
        "-", timeout=PREVIEW_TIMEOUT
    )
    expect(checks.locator("[data-content-checker-count]")).to_have_text(
        "1", timeout=PREVIEW_TIMEOUT
    )
    expect(checks.locator("[data-content-checker-name]")).to_have_text(
        "Alternativ tekst til bildet ser feil ut"
    )

    public = site.visit("/metoder/brukerreise/", user="ansatt")
    response = public.request.get(site.url("/metoder/brukerreise/"))
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
