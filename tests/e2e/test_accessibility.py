"""axe-core on every page type at 1280 and 390 px, on the search page and on every form's error state.

A serious or critical violation fails the test; moderate and minor ones are
printed. Every page is also checked for script errors and Content-Security-
Policy violations in the browser console (the CSP allows no inline script).
"""

import datetime
import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page, Site

from tests.e2e.accessibility import AccessibilityReport
from tests.e2e.pages import (
    DESKTOP,
    PHONE,
    ApplicationForm,
    BookingGrid,
    SignInPage,
    assert_no_console_errors,
)

pytestmark = pytest.mark.e2e

# Pages that are views, not page types: routes of the page types and the search.
VIEWS = [
    "/sok/",
    "/sok/?q=brukerreise",
    "/sok/?q=brukerreise&type=metode",
    "/sok/?q=xyzzyq",
    "/metoder/?fase=forsta",
    "/eksempler/?status=pagaende",
    "/arrangementer/innovasjonsdagen-2027/",  # an event to come (the type's first is a past one)
    "/stotte/mine-soknader/",
    "/fabrikken/veiledning/",
    "/fabrikken/veiledning/mine/",
    "/fabrikken/booking/",
    "/fabrikken/booking/mine/",
    "/mine-saker/",
    "/min-kalender/",
]


def one_live_page_of_each_type():
    root = Site.objects.get(is_default_site=True).root_page
    pages = {}
    for page in Page.objects.live().descendant_of(root, inclusive=True).order_by("path"):
        pages.setdefault(page.content_type_id, page)
    return sorted(page.url for page in pages.values())


def check_both_widths(page, path, report):
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        response = page.goto(path)
        assert response.status == 200, f"{path}: HTTP {response.status}"
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        report.check(page, f"{path} at {viewport['width']} px")
        assert_no_console_errors(page)


def test_one_page_of_every_type_at_both_widths(site):
    paths = one_live_page_of_each_type()
    # Every content app's page types are there (the demo site has them all).
    assert len(paths) >= 11, paths
    page = site.visit(None, user="ansatt")
    report = AccessibilityReport()
    for path in paths:
        check_both_widths(page, path, report)
    report.assert_clean()


def test_search_listings_and_the_employees_own_pages_at_both_widths(site):
    page = site.visit(None, user="ansatt")
    report = AccessibilityReport()
    for path in VIEWS:
        check_both_widths(page, path, report)
    # The search page with results really has them.
    page.goto("/sok/?q=brukerreise")
    expect(page.locator(".search-result").first).to_be_visible()
    report.assert_clean()


def test_sign_in_page_empty_and_with_errors(site):
    page = site.visit(None)
    report = AccessibilityReport()
    sign_in = SignInPage(page).open()
    report.check(page, "sign-in")

    page.get_by_role("button", name="Logg inn").click()
    expect(sign_in.error_summary).to_be_visible()
    expect(page).to_have_title(re.compile("^Feil: "))
    report.check(page, "sign-in, nothing filled in")

    sign_in.sign_in("ansatt", "feil-passord")
    expect(sign_in.error_summary).to_contain_text("Brukernavnet eller passordet er feil")
    report.check(page, "sign-in, wrong password")
    page.set_viewport_size(PHONE)
    report.check(page, "sign-in, wrong password, 390 px")
    assert_no_console_errors(page)
    report.assert_clean()


def test_funding_application_with_errors_and_its_receipt(site):
    page = site.visit("/stotte/innovasjonsmidler/", user="ansatt")
    report = AccessibilityReport()
    report.check(page, "funding call with one's own applications")
    form = ApplicationForm.start(page)
    report.check(page, "funding application, a new draft")

    # What was written wrong gets its own message at the field; the rest is kept.
    form.field("Prosjekttittel").fill("Sensorer i bofellesskap")
    form.field("Beløp det søkes om (kroner)").fill("mange penger")
    # Next year: a planned start may not be in the past.
    form.fill_date("Planlagt oppstart", 31, 2, datetime.date.today().year + 1)
    form.save()
    expect(form.error_summary).to_be_focused()
    expect(page).to_have_title(re.compile("^Feil: "))
    report.check(page, "funding application, some errors")

    form.field("Beløp det søkes om (kroner)").fill("180000")  # the call takes 100 000–800 000
    form.date_part("Planlagt oppstart", "Dag").fill("1")
    form.check_answers()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk svarene før du sender")
    form.send()
    expect(form.error_summary).to_be_focused()
    report.check(page, "check your answers, answers missing")

    fill_the_rest(form, page)
    form.send()
    expect(page.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt")
    report.check(page, "funding receipt")
    page.goto("/stotte/mine-soknader/")
    report.check(page, "my applications")
    page.get_by_role("link", name="Sensorer i bofellesskap").click()
    report.check(page, "an application of one's own")
    assert_no_console_errors(page)
    report.assert_clean()


def walk_the_rest_of_the_round(page, check):
    """The funding round's other pages for the applicant, each with its error state:
    `check(name)` looks at the page as it is now. Used by the axe and the HTML checks.

    From the draft form of a new application: a refused file, the co-applicant search (a
    match and none), the withdraw question; then the demo's granted application: its
    read-only page, the final report refused empty, and sent."""
    form = ApplicationForm.start(page)
    form.form.page.get_by_label("Legg til et vedlegg").set_input_files(
        files=[{"name": "faktura.pdf", "mimeType": "application/pdf", "buffer": b"MZ-program"}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Last opp").click()
    expect(form.error_summary).to_be_visible()
    check("funding application, a refused attachment")
    page.get_by_role("link", name="Legg til medsøker").click()
    page.get_by_label("Søk etter navn, e-post eller enhet").fill("Redaktør")
    with page.expect_navigation():
        page.get_by_label("Søk etter navn, e-post eller enhet").press("Enter")
    check("co-applicant search, a match")
    page.get_by_label("Søk etter navn, e-post eller enhet").fill("Ingen slik person")
    with page.expect_navigation():
        page.get_by_label("Søk etter navn, e-post eller enhet").press("Enter")
    check("co-applicant search, no match")
    page.get_by_role("link", name="Tilbake til søknaden").click()
    page.get_by_role("link", name="Trekk utkastet").click()
    check("withdraw the draft?")

    page.goto("/stotte/mine-soknader/")
    page.get_by_role("link", name="Digital innsjekk på helsestasjonen", exact=True).click()
    check("a granted application, read-only")
    page.get_by_role("link", name="Sluttrapporten").click()
    check("final report, empty")
    with page.expect_navigation():
        page.get_by_role("button", name="Send sluttrapporten").click()
    check("final report, nothing filled in")
    for label in ("Hva gjorde dere?", "Hva kom ut av det?", "Hvilke gevinster har det gitt?"):
        page.get_by_label(label).fill("Det står i søknaden.")
    page.get_by_label("Hva har dere lært?").fill("Mer enn vi trodde.")
    with page.expect_navigation():
        page.get_by_role("button", name="Send sluttrapporten").click()
    check("final report sent")


def test_the_rest_of_the_funding_round(site):
    page = site.visit("/stotte/innovasjonsmidler/", user="ansatt")
    report = AccessibilityReport()
    walk_the_rest_of_the_round(page, lambda name: report.check(page, name))
    assert_no_console_errors(page)
    report.assert_clean()


def fill_the_rest(form, page):
    """From the check page's first «Endre»: every answer the send still needs."""
    page.get_by_role("link", name=re.compile("^Endre")).first.click()
    form.field("Behovet").fill("Nattevaktene vekker beboerne på rundene sine.")
    form.field("Hvem prosjektet er for").fill("Beboere og nattevakter i to bofellesskap.")
    form.field("Planen").fill("Prøve sensorer i ti rom i tre måneder.")
    form.fill_date("Planlagt slutt", 1, 12, datetime.date.today().year + 1)
    for answer in form.form.locator("textarea[name^=criterion_]").all():
        answer.fill("Ja, beskrevet i planen.")
    form.check_answers()


def test_guidance_request_with_errors_and_its_receipt(site):
    page = site.visit("/fabrikken/veiledning/", user="ansatt")
    report = AccessibilityReport()
    form = page.locator("form.fabrikken-form")
    send = form.get_by_role("button", name="Send henvendelsen")
    send.click()
    expect(page.locator(".error-summary")).to_be_focused()
    report.check(page, "guidance request, nothing filled in")
    page.set_viewport_size(PHONE)
    report.check(page, "guidance request, nothing filled in, 390 px")

    page.set_viewport_size(DESKTOP)
    form.get_by_label(re.compile("^Hva er utfordringen eller ideen")).fill(
        "Vi vil teste digitale innsjekk på biblioteket og trenger hjelp til å planlegge."
    )
    form.get_by_label(re.compile("^Enhet")).fill("Sølvberget")
    form.get_by_label("Prosessveiledning: velge metoder og lage en plan").check()
    form.get_by_label("Innen en måned").check()
    form.get_by_label(re.compile("^Når passer det for deg")).fill("Tirsdager og torsdager")
    send.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Henvendelsen er sendt")
    report.check(page, "guidance receipt")
    assert_no_console_errors(page)
    report.assert_clean()


def test_booking_form_with_errors_its_receipt_and_my_bookings(site):
    page = site.visit("/fabrikken/booking/?rom=prosjektrommet", user="ansatt")
    grid = BookingGrid(page)
    grid.next_week()
    grid.free_slots().first.click()
    confirm_url = page.url
    report = AccessibilityReport()
    form = page.locator("form.booking-form")
    form.get_by_role("button", name="Bekreft booking").click()
    expect(page.locator(".error-summary")).to_be_focused()
    report.check(page, "booking, nothing filled in")

    grid.confirm(people=99, purpose="For mange")
    expect(page.locator(".error-summary")).to_contain_text("personer")
    report.check(page, "booking, too many people")

    grid.confirm(people=5, purpose="Planlegging av workshop")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rommet er booket")
    report.check(page, "booking receipt")
    page.get_by_role("link", name="Mine bookinger").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine bookinger")
    report.check(page, "my bookings")
    # The same time in another room: a warning about the booking just made, not an error.
    page.goto(confirm_url.replace("rom=prosjektrommet", "rom=verkstedet"))
    expect(page.locator(".booking-elsewhere")).to_be_visible()
    report.check(page, "booking, own booking elsewhere")
    page.set_viewport_size(PHONE)
    report.check(page, "booking, own booking elsewhere, 390 px")
    page.goto("/fabrikken/booking/?rom=verkstedet&varighet=240")
    page.locator(".day-list__link").last.click()
    report.check(page, "booking, a chosen day, 390 px")
    page.set_viewport_size(DESKTOP)
    assert_no_console_errors(page)
    report.assert_clean()


def test_search_error_and_not_found_pages(site):
    page = site.visit("/sok/?q=%00", user="ansatt")
    report = AccessibilityReport()
    expect(page).to_have_title(re.compile("^Feil: "))
    report.check(page, "search with an error")
    response = page.goto("/finnes-ikke/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    report.check(page, "404")
    report.assert_clean()
