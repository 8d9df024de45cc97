"""`make screenshots`: every page type at 1280 and 390 px, and the admin (a method's editor,
its preview and checks panels, the moderator's and the editor's dashboards), into docs/screenshots/.

Not part of `make test-e2e` (marker `screenshots`): it rewrites committed files.
Each picture is the top of the page (at most MAX_HEIGHT px), reduced to a
palette of 128 colours, so the folder stays small enough for the repository.
"""

import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.pages import DESKTOP, PHONE, AdminPageEditor, BookingGrid

pytestmark = pytest.mark.screenshots

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MAX_HEIGHT = 2400

# name, address: one page of every type, and the views employees use most.
PAGES = [
    ("home", "/"),
    ("content-page", "/hva-er-innovasjon/"),
    ("methods", "/metoder/"),
    ("method", "/metoder/brukerreise/"),
    ("cases", "/eksempler/"),
    ("case", "/eksempler/trygg-hjemme/"),
    ("funding", "/stotte/"),
    ("funding-call", "/stotte/innovasjonsmidler/"),
    ("events", "/arrangementer/"),
    ("event", "/arrangementer/innovasjonsdagen-2027/"),
    ("fabrikken", "/fabrikken/"),
    ("booking", "/fabrikken/booking/?rom=verkstedet"),
    ("search", "/sok/?q=brukerreise"),
    ("my-items", "/mine-saker/"),
]


def shoot(page, name):
    """The top of the page as a small palette PNG."""
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
    width = page.viewport_size["width"]
    path = OUT / f"{name}-{width}.png"
    page.screenshot(
        path=str(path),
        full_page=True,
        clip={"x": 0, "y": 0, "width": width, "height": height},
        animations="disabled",
        caret="hide",
    )
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    return path


def test_screenshots_of_every_page_type(site):
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for viewport in (DESKTOP, PHONE):
        page = site.visit(None, user="ansatt", viewport=viewport)
        for name, path in PAGES:
            response = page.goto(path)
            assert response.status == 200, path
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            if name == "booking" and viewport is DESKTOP:
                # Next week: this week's past hours would fill the picture with «Passert».
                # (A phone shows a day's free times instead, without the past ones.)
                BookingGrid(page).next_week()
            written.append(shoot(page, name))
        sign_in = site.visit("/logg-inn/", viewport=viewport)
        written.append(shoot(sign_in, "sign-in"))

    # The admin: an editor at a method's steps, the StreamField with its blocks.
    editor_page = site.visit("/admin/pages/", user="redaktor", viewport=DESKTOP)
    editor_page.get_by_role("row", name=re.compile("Metoder og verktøy")).get_by_role(
        "link", name="Utforsk undersider"
    ).click()
    editor_page.get_by_role("link", name="Brukerreise", exact=True).click()
    steps = AdminPageEditor(editor_page).tab("Steg")
    expect(steps.get_by_role("region", name=re.compile("^Steg ")).first).to_be_visible()
    written.append(shoot(editor_page, "admin-method-editor"))

    # The same editor with the live preview beside it, then the checks with the page's LIX.
    editor_page.locator("button[data-side-panel-toggle='preview']").click()
    preview = editor_page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text("Brukerreise", timeout=20_000)
    written.append(shoot(editor_page, "admin-preview-panel"))
    editor_page.locator("button[data-side-panel-toggle='checks']").click()
    checks = editor_page.locator("[data-side-panel='checks']")
    expect(checks.locator("[data-readability-lix]")).to_be_visible(timeout=20_000)
    expect(checks.locator("[data-content-word-count]")).not_to_have_text("-", timeout=20_000)
    written.append(shoot(editor_page, "admin-checks-panel"))

    # The dashboards: what waits for the moderator, and what the editor owns.
    for user in ("moderator", "redaktor"):
        dashboard = site.visit("/admin/", user=user, viewport=DESKTOP)
        expect(dashboard.get_by_role("heading", level=1)).to_be_visible()
        written.append(shoot(dashboard, f"admin-dashboard-{user}"))

    total = sum(path.stat().st_size for path in written)
    print(f"{len(written)} screenshots, {total / 1e6:.1f} MB, in {OUT}")
    assert total < 5_000_000


def test_screenshots_of_a_filtered_case_listing(site):
    """The case filter of issue #20: no «(0)» options, a long group opened («Vis færre»)
    and the apply button in reach. What the viewport shows, not the whole page: the
    button sticks to the viewport's bottom while the panel scrolls past, which a
    whole-page picture cannot show."""
    OUT.mkdir(parents=True, exist_ok=True)
    for viewport in (DESKTOP, PHONE):
        page = site.visit("/eksempler/?status=pagaende", user="ansatt", viewport=viewport)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        more = page.locator("details.filters__more").first
        if more.count():
            more.locator("summary").click()
        page.get_by_role("group", name="Status").scroll_into_view_if_needed()
        page.get_by_role("group", name="Status").evaluate("group => group.scrollIntoView()")
        path = OUT / f"cases-filtered-{viewport['width']}.png"
        page.screenshot(path=str(path), animations="disabled", caret="hide")
        with Image.open(path) as image:
            small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)


def test_screenshots_of_booking_on_a_phone_and_a_desktop(site):
    """Issue #20: a day chosen on a phone, its free times; the whole week on a desktop."""
    OUT.mkdir(parents=True, exist_ok=True)
    phone = site.visit("/fabrikken/booking/?rom=verkstedet", user="ansatt", viewport=PHONE)
    phone.locator(".day-list__link").nth(1).click()
    expect(phone.locator(".free-times__link").first).to_be_visible()
    phone.evaluate("window.scrollTo(0, 0)")
    shoot(phone, "booking-phone")
    desktop = site.visit("/fabrikken/booking/?rom=verkstedet", user="ansatt", viewport=DESKTOP)
    BookingGrid(desktop).next_week()
    shoot(desktop, "booking-desktop")
