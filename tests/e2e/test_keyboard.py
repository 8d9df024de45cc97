"""Keyboard only: the main menu, the search suggestions, the filters and a form with errors.

Every stop the Tab key reaches on the way is checked for a visible focus ring.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import (
    DEMO_PASSWORD,
    DESKTOP,
    PHONE,
    ApplicationForm,
    Header,
    SignInPage,
    assert_focus_visible,
    focus_ring,
)

pytestmark = pytest.mark.e2e


def tab_to(page, target, limit=60, backwards=False):
    """Press Tab until `target` has focus; every element on the way must show its focus."""
    key = "Shift+Tab" if backwards else "Tab"
    passed = []
    for _ in range(limit):
        page.keyboard.press(key)
        ring = focus_ring(page)
        if ring is not None:
            passed.append(ring)
            assert ring["visible"], f"no visible focus on {ring} (after {passed[:-1]})"
        if target.evaluate("el => el === document.activeElement"):
            return passed
    raise AssertionError(f"{key} never reached {target}; it went through {passed}")


def has_focus(locator):
    return locator.evaluate("el => el === document.activeElement")


def test_main_menu_on_a_phone(site):
    page = site.visit("/", user="ansatt", viewport=PHONE)
    menu = page.get_by_role("navigation", name="Hovedmeny")
    toggle = menu.get_by_role("button", name="Meny")
    links = menu.get_by_role("link")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(links.first).to_be_hidden()

    # The skip link is the first stop.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Hopp til hovedinnhold")).to_be_focused()
    assert_focus_visible(page)

    tab_to(page, toggle)
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text("Lukk meny")
    expect(links.first).to_be_visible()

    # Tab goes into the open menu; Esc closes it and hands focus back to the button.
    page.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()

    # Open again and follow a link with Enter.
    page.keyboard.press("Enter")
    target = menu.get_by_role("link", name="Metoder og verktøy")
    tab_to(page, target)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site.url("/metoder/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Metoder og verktøy")


def test_search_suggestions_with_arrow_keys_enter_and_escape(site):
    page = site.visit("/", user="ansatt", viewport=DESKTOP)
    header = Header(page)
    tab_to(page, header.search_box)
    page.keyboard.type("bruker", delay=40)
    expect(header.suggestions).to_be_visible()
    expect(header.search_box).to_have_attribute("aria-expanded", "true")
    options = header.suggestions.get_by_role("option")
    assert options.count() >= 2
    first, second = options.nth(0), options.nth(1)

    page.keyboard.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    expect(second).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    expect(header.search_box).to_have_attribute("aria-activedescendant", "sok-forslag-1")
    page.keyboard.press("ArrowUp")
    expect(first).to_have_attribute("aria-selected", "true")
    # Focus never left the box.
    expect(header.search_box).to_be_focused()
    assert_focus_visible(page)

    # Esc closes the list; a second Esc empties the box.
    page.keyboard.press("Escape")
    expect(header.suggestions).to_be_hidden()
    expect(header.search_box).to_have_attribute("aria-expanded", "false")
    expect(header.search_box).to_have_value("bruker")
    page.keyboard.press("Escape")
    expect(header.search_box).to_have_value("")

    # Enter without a chosen suggestion searches; with one, opens it.
    page.keyboard.type("brukerreise", delay=40)
    expect(header.option("^Brukerreise")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/sok/\?q=brukerreise"))
    expect(page.locator("[data-search-status]")).to_contain_text("treff for «brukerreise»")

    tab_to(page, header.search_box, backwards=True)
    page.keyboard.press("Control+A")
    page.keyboard.type("gevinst", delay=40)
    expect(header.option("^Gevinstkart")).to_be_visible()
    target = header.option("^Gevinstkart")
    for _ in range(8):
        page.keyboard.press("ArrowDown")
        if target.get_attribute("aria-selected") == "true":
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(site.url("/metoder/gevinstkart/"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_method_filters_with_the_keyboard(site, viewport):
    page = site.visit("/metoder/", user="ansatt", viewport=viewport)
    status = page.locator("[data-result-count]")
    expect(status).to_have_text(re.compile(r"^\d+ metoder$|^Viser"))
    before = status.inner_text()
    page.evaluate("window.__same_document = true")

    if viewport is PHONE:
        # On a phone the filters sit in a disclosure, closed until opened.
        disclosure = page.locator("summary.filter-panel__toggle")
        tab_to(page, disclosure)
        page.keyboard.press("Enter")
        expect(page.locator("details.filter-panel")).to_have_attribute("open", "")

    checkbox = page.get_by_role("group", name="Fase").get_by_role("checkbox").first
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    expect(page).to_have_url(re.compile(r"\?fase="))
    expect(status).not_to_have_text(before)
    # The results changed without a reload, and focus stayed on the checkbox.
    assert page.evaluate("window.__same_document === true")
    expect(checkbox).to_be_focused()
    assert_focus_visible(page)
    expect(page.get_by_role("link", name=re.compile("^Fjern filter: "))).to_be_visible()

    # Space again takes the filter away.
    page.keyboard.press("Space")
    expect(checkbox).not_to_be_checked()
    expect(status).to_have_text(before)


def test_case_filters_leave_no_dead_ends_and_open_a_long_group_with_the_keyboard(site):
    page = site.visit("/eksempler/", user="ansatt", viewport=DESKTOP)
    form = page.locator("[data-filter-form]")
    expect(form).not_to_contain_text("(0)")  # no option that would show nothing
    page.evaluate("window.__same_document = true")

    # A long group shows its first options and «Vis alle n», opened with the keyboard.
    more = form.locator("details.filters__more").first
    summary = more.locator("summary")
    expect(summary).to_have_text(re.compile(r"^Vis alle \d+"))
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("open", "")

    checkbox = page.get_by_role("group", name="Status").get_by_role("checkbox").first
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"\?status="))
    # The other groups follow without a reload: still no dead ends, focus stays.
    expect(page.get_by_role("link", name=re.compile("^Fjern filter: "))).to_be_visible()
    expect(form).not_to_contain_text("(0)")
    assert page.evaluate("window.__same_document === true")
    expect(checkbox).to_be_focused()


def test_a_form_with_errors_is_fixed_with_the_keyboard(site):
    page = site.visit("/stotte/innovasjonsmidler/", user="ansatt")
    # «Søk om støtte» jumps to the application section; from there Tab reaches «Start».
    jump = page.get_by_role("link", name="Søk om støtte")
    tab_to(page, jump)
    page.keyboard.press("Enter")
    start = page.get_by_role("button", name=re.compile("^Start en (ny )?søknad$"))
    tab_to(page, start)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    form = ApplicationForm(page)
    amount = form.field("Beløp det søkes om (kroner)")
    tab_to(page, amount)
    page.keyboard.type("mange penger")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the form's first button: «Lagre og sjekk svarene»

    # The summary takes focus and is read first; its links lead to the fields.
    expect(form.error_summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Feil: "))
    first_error = form.error_summary.get_by_role("link").first
    expect(first_error).to_contain_text("Beløp det søkes om")
    tab_to(page, first_error)
    page.keyboard.press("Enter")
    amount = form.field("Beløp det søkes om (kroner)")
    expect(amount).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Control+A")
    page.keyboard.type("250000")
    expect(amount).to_have_value("250000")


def test_sign_in_with_the_keyboard_after_a_mistake(site):
    page = site.visit(None)
    sign_in = SignInPage(page).open()
    username = page.get_by_label("Brukernavn")
    tab_to(page, username)
    page.keyboard.type("ansatt")
    page.keyboard.press("Enter")
    expect(sign_in.error_summary).to_be_focused()
    password_error = sign_in.error_summary.get_by_role("link").first
    tab_to(page, password_error)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Passord")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()
