"""Page objects: what a user sees and does, by label and role, in one place.

The journeys read as a user's steps; the selectors live here, found the way
a user (or a screen reader) finds things: by label, role and visible text.
"""

import re
import time

from playwright.sync_api import Page, expect

# Tests run with DEBUG off, where load_demo_content refuses the default demo
# password (as in production); the demo sign-ins get this one instead.
DEMO_PASSWORD = "e2e-demo-passord"
# What the forms add to a label (UI guide §5.6).
OPTIONAL_MARK = r"( \(valgfritt\))?"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class Site:
    """The live site and the browser contexts (one per user) a test opens on it."""

    def __init__(self, browser, base_url, timeout):
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._contexts = []

    def url(self, path):
        return self.base_url + path

    def visit(self, path="/", user=None, password=DEMO_PASSWORD, viewport=DESKTOP):
        """A fresh browser (own cookies) at `path`, signed in as `user` through the sign-in form."""
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport,
            locale="nb-NO",
            timezone_id="Europe/Oslo",
            accept_downloads=True,
        )
        context.set_default_timeout(self.timeout)
        self._contexts.append(context)
        page = context.new_page()
        page.console_problems = []
        page.on("console", lambda message: _note_console(page, message))
        page.on("pageerror", lambda error: page.console_problems.append(f"error: {error}"))
        if user:
            SignInPage(page).open().sign_in(user, password)
            expect(page.get_by_role("button", name="Logg ut")).to_be_visible()
        page.response = page.goto(path) if path else None
        return page

    def open_pages(self):
        return [page for context in self._contexts for page in context.pages]

    def close(self):
        for context in self._contexts:
            context.close()
        self._contexts.clear()


def _note_console(page, message):
    # The browser's own request for /favicon.ico is the one expected 404.
    if message.type in ("error", "warning") and "favicon.ico" not in (message.location or {}).get(
        "url", ""
    ):
        page.console_problems.append(f"{message.type}: {message.text}")


def assert_no_console_errors(page):
    """No script error and no Content-Security-Policy violation on the page."""
    problems = [p for p in page.console_problems if p.startswith("error")]
    assert not problems, "\n".join(problems)


def focus_ring(page):
    """The outline or ring the focused element shows (UI guide §2: never removed).

    Cards move the ring from the link to its ::after box, so that counts too.
    """
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const own = getComputedStyle(el);
            const after = getComputedStyle(el, '::after');
            const shows = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                || (s.boxShadow && s.boxShadow !== 'none');
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                text: (el.innerText || el.value || '').trim().slice(0, 60),
                visible: shows(own) || (after.content !== 'none' && shows(after)),
                outline: own.outlineStyle + ' ' + own.outlineWidth + ' ' + own.outlineColor,
            };
        }"""
    )


def assert_focus_visible(page):
    ring = focus_ring(page)
    assert ring is not None, "nothing has focus"
    assert ring["visible"], f"no visible focus on {ring}"
    return ring


class SignInPage:
    def __init__(self, page: Page):
        self.page = page

    def open(self, next_path=None):
        self.page.goto("/logg-inn/" + (f"?next={next_path}" if next_path else ""))
        return self

    def sign_in(self, username, password=DEMO_PASSWORD):
        self.page.get_by_label("Brukernavn").fill(username)
        self.page.get_by_label("Passord").fill(password)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Logg inn").click()
        return self

    @property
    def error_summary(self):
        return self.page.locator(".error-summary")


class Header:
    """The site header's search box with its suggestions (UI guide §5.11)."""

    def __init__(self, page: Page):
        self.page = page
        self.search_box = page.get_by_role("combobox", name="Søk i Innovasjon")
        self.suggestions = page.get_by_role("listbox", name="Søkeforslag")

    def type_search(self, text):
        self.search_box.click()
        self.search_box.press_sequentially(text, delay=40)
        expect(self.suggestions).to_be_visible()
        return self

    def option(self, name):
        return self.suggestions.get_by_role("option", name=re.compile(name))

    def selected_option(self):
        return self.suggestions.locator('[role="option"][aria-selected="true"]')


class MethodPage:
    def __init__(self, page: Page):
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.steps = page.locator("ol.steps > li")

    def worksheet_link(self, name="Last ned arbeidsark"):
        return self.page.get_by_role("link", name=re.compile(name))


class SearchPage:
    def __init__(self, page: Page):
        self.page = page
        self.count = page.locator("[data-search-status]")
        self.results = page.locator(".search-results .search-result")

    def open(self, query):
        self.page.goto(f"/sok/?q={query}")
        return self

    def result_link(self, title):
        return self.page.locator(".search-result__title").get_by_role("link", name=title)


class AdminPageEditor:
    """Wagtail's page editor, found the way an editor finds things: tabs, labels, buttons."""

    def __init__(self, page: Page):
        self.page = page

    def tab(self, name):
        self.page.get_by_role("tab", name=name, exact=True).click()
        panel = self.page.get_by_role("tabpanel", name=name, exact=True)
        expect(panel).to_be_visible()
        return panel

    def field(self, label, scope=None):
        """A text field by its label; Wagtail marks required ones with a trailing «*»."""
        scope = scope or self.page
        return scope.get_by_role("textbox", name=re.compile(rf"^{re.escape(label)}\*?$"))

    def rich_text(self, section, scope=None):
        """A Draftail editor, by the heading of its section (Draftail's box has no label of its own)."""
        scope = scope or self.page
        region = scope.get_by_role("region", name=re.compile(rf"^{re.escape(section)}\*?$"))
        return region.locator('[contenteditable="true"]').first

    def write(self, editor, text):
        """Type into a Draftail editor, and wait until it has stored the text in its form field.

        Draftail copies its content to a hidden input a moment after the last
        keystroke; a form sent before that loses the end of the text.
        """
        editor.click()
        editor.press_sequentially(text, delay=5)
        stored = editor.locator(
            "xpath=ancestor::*[@data-field-input][1]//input[@type='hidden']"
        ).first
        expect(stored).to_have_value(re.compile(re.escape(text.split()[-1])))

    def step_description(self, block):
        return block.locator('[contenteditable="true"]').first

    def add_block(self, stream_panel, block_name):
        """The StreamField's «+» («Sett inn en blokk») after the last block, then the block chooser.

        Returns the new block, found as the one block that was not there
        before (its region is named after the block type only until a title
        is typed, so the name cannot tell it from the others).
        """
        blocks = stream_panel.locator("section[id^='block-']")
        before = set(blocks.evaluate_all("sections => sections.map(s => s.id)"))
        stream_panel.get_by_role("button", name="Sett inn en blokk").last.click()
        self.page.get_by_role("option", name=block_name, exact=True).click()
        expect(blocks).to_have_count(len(before) + 1)
        (new_id,) = set(blocks.evaluate_all("sections => sections.map(s => s.id)")) - before
        block = self.page.locator(f"[id='{new_id}']")
        expect(block).to_be_visible()
        return block

    def add_step(self, stream_panel):
        """«Legg til steg» below the steps (methods/static/methods/admin/steps-block.js)."""
        blocks = stream_panel.locator("section[id^='block-']")
        before = set(blocks.evaluate_all("sections => sections.map(s => s.id)"))
        stream_panel.get_by_role("button", name="Legg til steg", exact=True).click()
        expect(blocks).to_have_count(len(before) + 1)
        (new_id,) = set(blocks.evaluate_all("sections => sections.map(s => s.id)")) - before
        block = self.page.locator(f"[id='{new_id}']")
        expect(block).to_be_visible()
        return block

    def choose_step_image(self, block, title):
        """The step's «Velg et bilde», then the image with `title` in Wagtail's chooser."""
        block.get_by_role("button", name="Velg et bilde").click()
        chooser = self.page.get_by_role("dialog")
        chooser.get_by_role("link", name=re.compile(title)).first.click()
        expect(chooser).to_be_hidden()
        expect(block.locator("[data-chooser-title]")).to_contain_text(title)

    def pause(self, quiet_ms=1500, limit_ms=30000):
        """Pause as an editor does before saving: until autosave has nothing on its way.

        Wagtail autosaves half a second after each change. An autosave still
        on its way when the editor submits lands after the submission, as a
        new revision, which the workflow then wants approved instead
        (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT): the moderator's
        approval of the submitted one is refused. On two busy cores that
        happened; so wait until no save has been sent or answered for `quiet_ms`.
        """
        state = {"open": 0, "last": time.monotonic()}

        def sent(request):
            if request.method == "POST" and "/admin/pages/" in request.url:
                state["open"] += 1
                state["last"] = time.monotonic()

        def done(request):
            if request.method == "POST" and "/admin/pages/" in request.url:
                state["open"] -= 1
                state["last"] = time.monotonic()

        self.page.on("request", sent)
        self.page.on("requestfinished", done)
        self.page.on("requestfailed", done)
        try:
            waited = 0
            while state["open"] > 0 or time.monotonic() - state["last"] < quiet_ms / 1000:
                assert waited < limit_ms, "autosave never went quiet"
                self.page.wait_for_timeout(100)
                waited += 100
        finally:
            self.page.remove_listener("request", sent)
            self.page.remove_listener("requestfinished", done)
            self.page.remove_listener("requestfailed", done)

    def save_draft(self):
        """«Lagre kladd», behind the chevron beside the editor's primary button."""
        self.pause()
        self.page.get_by_role("button", name=re.compile("Flere handlinger")).first.click()
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Lagre kladd", exact=True).click()

    def submit_for_moderation(self):
        self.pause()
        # «Send til godkjenning» is the editor's primary action (core/publishing/action_menu.py).
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Send til godkjenning", exact=True).click()


class ApplicationForm:
    """A structured funding application (issue #21): the draft form in sections, then
    «Sjekk svarene» and «Send søknaden» (UI guide §5.5, §5.6)."""

    def __init__(self, page: Page):
        self.page = page
        self.form = page.locator("form.application-form")
        self.error_summary = page.locator(".error-summary")

    @classmethod
    def start(cls, page: Page, call_path="/stotte/innovasjonsmidler/"):
        """From the call's page: «Start en (ny) søknad» opens a new draft."""
        page.goto(call_path)
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Start en (ny )?søknad$")).click()
        return cls(page)

    def field(self, label):
        """A field by its label, which may end in «(valgfritt)»."""
        return self.form.get_by_label(re.compile(rf"^{re.escape(label)}{OPTIONAL_MARK}$"))

    def date_part(self, legend, part):
        group = self.form.get_by_role("group", name=re.compile(legend))
        return group.get_by_label(part, exact=True)

    def fill_date(self, legend, day, month, year):
        self.date_part(legend, "Dag").fill(str(day))
        self.date_part(legend, "Måned").fill(str(month))
        self.date_part(legend, "År").fill(str(year))

    def save(self):
        with self.page.expect_navigation():
            self.form.get_by_role("button", name="Lagre utkast").click()

    def check_answers(self):
        with self.page.expect_navigation():
            self.form.get_by_role("button", name="Lagre og sjekk svarene").click()

    def send(self):
        """On the check page: «Send søknaden»."""
        with self.page.expect_navigation():
            self.page.locator("form#send").get_by_role("button", name="Send søknaden").click()


class BookingGrid:
    """Fabrikken's week grid of a room (UI guide §5.7) and the confirmation form."""

    def __init__(self, page: Page):
        self.page = page
        self.table = page.get_by_role("table")

    def next_week(self):
        # The table is hidden on phones (a day list instead): read its text, not what shows.
        caption = self.table.locator("caption")
        shown = caption.text_content()
        self.page.get_by_role("navigation", name="Velg uke").get_by_role(
            "link", name="Neste uke"
        ).click()
        expect(caption).not_to_have_text(shown)

    def free_slots(self):
        return self.table.get_by_role("link", name=re.compile(r"^Ledig\s*: book "))

    def confirm(self, people, purpose):
        form = self.page.locator("form.booking-form")
        form.get_by_label("Antall personer").fill(str(people))
        form.get_by_label("Hva skal dere bruke rommet til?").fill(purpose)
        with self.page.expect_navigation():
            form.get_by_role("button", name="Bekreft booking").click()
