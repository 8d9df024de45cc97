"""Journey 1: an employee finds a method through the header's search suggestions and takes its worksheet."""

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import Header, MethodPage, SignInPage, assert_no_console_errors

pytestmark = pytest.mark.e2e


def test_employee_finds_a_method_through_the_suggestions_and_downloads_its_worksheet(site):
    page = site.visit(path=None)

    # Every URL needs a sign-in: the front page sends the employee to the form, and back.
    page.goto("/metoder/")
    expect(page).to_have_url(site.url("/logg-inn/?next=/metoder/"))
    SignInPage(page).sign_in("ansatt")
    expect(page).to_have_url(site.url("/metoder/"))
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()

    # Typing two or more letters shows suggestions; ↓ chooses the first, Enter opens it.
    header = Header(page)
    header.type_search("interessent")
    option = header.option("Interessentanalyse")
    expect(option).to_be_visible()
    expect(option).to_contain_text("Metode")
    expect(page.locator("#sok-status")).to_have_text("1 forslag")
    header.search_box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(header.search_box).to_have_attribute("aria-activedescendant", "sok-forslag-0")
    header.search_box.press("Enter")

    expect(page).to_have_url(site.url("/metoder/interessentanalyse/"))
    method = MethodPage(page)
    expect(method.heading).to_have_text("Interessentanalyse")
    expect(method.steps.first).to_be_visible()

    link = method.worksheet_link()
    expect(link).to_contain_text("PDF")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "arbeidsark-interessentanalyse.pdf"
    with open(download.path(), "rb") as worksheet:
        assert worksheet.read(5) == b"%PDF-"
    assert_no_console_errors(page)
