"""A walk through the admin views of the create → preview → submit → approve path.

Each step opens a view (and its tabs and side panels) and records the text a
user meets there: what is rendered, and the placeholders, aria-labels and
titles of the visible controls (which a screen reader reads out). Used by
tests/e2e/test_admin_language.py; kept apart so the steps read as a list.
"""

import re

from playwright.sync_api import Page, expect

# The text of the page a user sees and hears: inner text, plus the labels of
# visible controls that are not part of it (placeholders, aria-label, title)
# and the rich-text editor's placeholder.
VISIBLE_TEXT = """() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
        if (!el.checkVisibility || !el.checkVisibility()) continue;
        for (const name of ['placeholder', 'aria-label', 'title']) {
            const value = el.getAttribute(name);
            if (value) parts.push(value);
        }
    }
    // Draftail writes its placeholder as CSS: «Write something or type '/' …».
    for (const el of document.querySelectorAll('.Draftail-block--empty')) {
        const content = getComputedStyle(el, '::before').content;
        if (content && content !== 'none') parts.push(content.replace(/^"|"$/g, ''));
    }
    return parts.join('\\n');
}"""


class AdminWalk:
    """Collects the visible text of each view visited, by view name."""

    def __init__(self, page: Page):
        self.page = page
        self.texts = {}

    def record(self, view):
        # Wagtail's admin swaps content in after load (side panels, listings).
        self.page.wait_for_load_state("networkidle")
        self.texts[view] = self.texts.get(view, "") + "\n" + self.page.evaluate(VISIBLE_TEXT)

    def open(self, view, path):
        self.page.goto(path)
        self.record(view)

    def tabs(self, view):
        """Every tab of the editor, one after the other."""
        tabs = self.page.get_by_role("tab")
        for index in range(tabs.count()):
            tab = tabs.nth(index)
            if not tab.is_visible():
                continue
            tab.click()
            self.record(f"{view}, tab «{tab.inner_text().strip()}»")

    def block_chooser(self, view):
        """The StreamField's insert button and its chooser of block types, then closed again."""
        inserts = self.page.get_by_role("tabpanel").get_by_role("button", name="Sett inn en blokk")
        visible = [inserts.nth(i) for i in range(inserts.count()) if inserts.nth(i).is_visible()]
        if not visible:
            return
        visible[-1].click()
        expect(self.page.get_by_role("option").first).to_be_visible()
        self.record(f"{view}, block chooser")
        self.page.keyboard.press("Escape")

    def empty_rich_text(self, view):
        """Into the first empty rich-text editor of the open tab, where Draftail shows its placeholder."""
        editor = self.page.get_by_role("tabpanel").locator('[contenteditable="true"]')
        editor.first.click()
        expect(self.page.locator(".Draftail-block--empty").first).to_be_visible()
        self.record(view)

    def side_panels(self, view):
        """The editor's side panels: preview (which renders the page) and checks."""
        for name in ("preview", "checks"):
            toggle = self.page.locator(f"button[data-side-panel-toggle='{name}']")
            if not toggle.count():
                continue
            toggle.click()
            panel = self.page.locator(f"[data-side-panel='{name}']")
            expect(panel).to_be_visible()
            if name == "checks":
                # The checks come from the preview; wait until the word count has arrived.
                expect(panel.locator("[data-content-word-count]")).not_to_have_text(
                    "-", timeout=20_000
                )
            else:
                expect(self.page.frame_locator("#w-preview-iframe").locator("h1")).to_be_visible(
                    timeout=20_000
                )
            self.record(f"{view}, side panel «{name}»")

    def action_menu(self, view):
        """The chevron beside the primary button, with the other actions."""
        more = self.page.get_by_role("button", name=re.compile("Flere handlinger|More actions"))
        if more.count() and more.first.is_visible():
            more.first.click()
            self.record(f"{view}, more actions")
            self.page.keyboard.press("Escape")
