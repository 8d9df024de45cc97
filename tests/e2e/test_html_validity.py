"""Valid HTML: the W3C Nu HTML Checker finds no error on any page the section serves.

What is checked is the HTML as the server sends it (the response body, not
the browser's DOM after scripts ran): every live page of the demo site, the
listings with filters, the search in all its states, the sign-in page empty
and with errors, the error pages, and every form's error state and receipt.
Warnings are left out; one error fails.
"""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error
from playwright.sync_api import expect

from tests.e2e.html_checker import ROOT, HtmlBatch
from tests.e2e.pages import ApplicationForm, BookingGrid, SignInPage
from tests.e2e.test_accessibility import VIEWS, fill_the_rest, walk_the_rest_of_the_round
from tests.e2e.test_crawl import live_page_urls

pytestmark = pytest.mark.e2e

# Views beyond test_accessibility's: the search's error state, more filters, a second page.
MORE_VIEWS = [
    "/sok/?q=%00",
    "/sok/?q=metode&fase=forsta",
    "/metoder/?side=2",
    "/sok/?q=og&side=2",
    "/eksempler/?status=avsluttet&sektor=helse-og-velferd",
]


def navigation_response(page, action):
    """The server's answer to a navigation (a form sent, a link followed), after redirects."""
    with page.expect_response(
        lambda response: (
            response.request.is_navigation_request()
            and response.request.frame == page.main_frame
            and not 300 <= response.status < 400
        )
    ) as answer:
        action()
    page.wait_for_load_state()
    return answer.value


def navigation_html(page, action):
    """The HTML of a navigation's page, which must be a success (HTTP 200)."""
    response = navigation_response(page, action)
    assert response.status == 200, f"{response.url}: HTTP {response.status}"
    return response.text()


def test_every_page_and_view_is_valid_html(site):
    urls = live_page_urls()
    assert len(urls) >= 40, f"the demo site has shrunk: {urls}"
    page = site.visit(None, user="ansatt")
    batch = HtmlBatch()
    for url in dict.fromkeys(urls + VIEWS + MORE_VIEWS):
        batch.add_response(url, page.request.get(url))
    batch.add_response("404", page.request.get("/finnes-ikke/"), status=404)
    if (ROOT / "intranet" / "templates" / "403.html").exists():
        # A signed-in employee refused the admin gets the 403 page.
        batch.add_response("403", page.request.get("/admin/", max_redirects=0), status=403)
    # The 500 page is rendered without a request context (nothing may touch the database).
    batch.add("500", server_error(RequestFactory().get("/")).content.decode())

    # An editor's pages carry Wagtail's user bar.
    editor = site.visit(None, user="redaktor")
    for url in ("/", urls[-1]):
        batch.add_response(f"{url} as an editor", editor.request.get(url))

    anonymous = site.visit(None)
    batch.add_response("sign-in", anonymous.request.get("/logg-inn/?next=/metoder/"))
    batch.assert_valid()


def test_every_forms_error_state_and_receipt_is_valid_html(site, settings):
    settings.AXES_ENABLED = True  # off in the test settings; on here for the locked-out page
    batch = HtmlBatch()

    # Sign-in: nothing filled in, then a wrong password.
    page = site.visit(None)
    sign_in = SignInPage(page).open()
    batch.add(
        "sign-in, nothing filled in",
        navigation_html(page, lambda: page.get_by_role("button", name="Logg inn").click()),
    )
    expect(sign_in.error_summary).to_be_visible()
    batch.add(
        "sign-in, wrong password",
        navigation_html(page, lambda: sign_in.sign_in("ansatt", "feil-passord")),
    )
    expect(sign_in.error_summary).to_contain_text("Brukernavnet eller passordet er feil")
    # Wrong passwords until the sign-in locks (HTTP 429, the locked-out page).
    for _attempt in range(10):
        response = navigation_response(page, lambda: sign_in.sign_in("ukjent", "feil-passord"))
        if response.status == 429:
            batch.add("sign-in, locked out", response.text())
            break
    else:
        raise AssertionError("the sign-in never locked")

    # The funding application: a draft with errors, the check page missing answers, then sent.
    page = site.visit("/stotte/innovasjonsmidler/", user="ansatt")
    batch.add("funding call with one's own applications", page.content())
    form = ApplicationForm.start(page)
    batch.add("funding application, a new draft", page.content())
    form.field("Prosjekttittel").fill("Sensorer i bofellesskap")
    form.field("Beløp det søkes om (kroner)").fill("mange penger")
    form.fill_date("Planlagt oppstart", 31, 2, datetime.date.today().year + 1)
    save = form.form.get_by_role("button", name="Lagre utkast")
    batch.add("funding application, some errors", navigation_html(page, save.click))
    expect(form.error_summary).to_be_visible()
    form.field("Beløp det søkes om (kroner)").fill("250000")
    form.date_part("Planlagt oppstart", "Dag").fill("1")
    form.check_answers()
    send = page.locator("form#send").get_by_role("button", name="Send søknaden")
    batch.add("check your answers, answers missing", navigation_html(page, send.click))
    fill_the_rest(form, page)
    batch.add("check your answers", page.content())
    batch.add("funding receipt", navigation_html(page, send.click))
    expect(page.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt")
    page.goto("/stotte/mine-soknader/")
    batch.add("my applications", page.content())
    link = page.get_by_role("link", name="Sensorer i bofellesskap")
    batch.add("an application of one's own", navigation_html(page, link.click))
    walk_the_rest_of_the_round(page, lambda name: batch.add(name, page.content()))

    # Fabrikken's guidance request: empty, then sent.
    page.goto("/fabrikken/veiledning/")
    form = page.locator("form.fabrikken-form")
    send = form.get_by_role("button", name="Send henvendelsen")
    batch.add("guidance request, nothing filled in", navigation_html(page, send.click))
    expect(page.locator(".error-summary")).to_be_visible()
    form.get_by_label(re.compile("^Hva er utfordringen eller ideen")).fill(
        "Vi vil teste digitale innsjekk på biblioteket og trenger hjelp til å planlegge."
    )
    form.get_by_label(re.compile("^Enhet")).fill("Sølvberget")
    form.get_by_label("Prosessveiledning: velge metoder og lage en plan").check()
    form.get_by_label("Innen en måned").check()
    form.get_by_label(re.compile("^Når passer det for deg")).fill("Tirsdager og torsdager")
    batch.add("guidance receipt", navigation_html(page, send.click))
    expect(page.get_by_role("heading", level=1)).to_have_text("Henvendelsen er sendt")
    batch.add_response("my guidance requests", page.request.get("/fabrikken/veiledning/mine/"))

    # Fabrikken's booking: the confirmation form empty, with too many people, then booked.
    page.goto("/fabrikken/booking/?rom=prosjektrommet")
    grid = BookingGrid(page)
    grid.next_week()
    batch.add_response("booking, next week", page.request.get(page.url))
    batch.add("booking confirmation", navigation_html(page, grid.free_slots().first.click))
    confirm_url = page.url
    form = page.locator("form.booking-form")
    confirm = form.get_by_role("button", name="Bekreft booking")
    batch.add("booking, nothing filled in", navigation_html(page, confirm.click))
    expect(page.locator(".error-summary")).to_be_visible()
    form.get_by_label("Antall personer").fill("99")
    form.get_by_label("Hva skal dere bruke rommet til?").fill("For mange")
    batch.add("booking, too many people", navigation_html(page, confirm.click))
    expect(page.locator(".error-summary")).to_contain_text("personer")
    form.get_by_label("Antall personer").fill("5")
    form.get_by_label("Hva skal dere bruke rommet til?").fill("Planlegging av workshop")
    batch.add("booking receipt", navigation_html(page, confirm.click))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rommet er booket")
    booking = page.url.removesuffix("bekreftet/")  # /fabrikken/booking/mine/<id>/
    batch.add_response("a booking of one's own", page.request.get(booking))
    batch.add_response("cancel a booking", page.request.get(booking + "avbestill/"))
    batch.add_response("my bookings", page.request.get("/fabrikken/booking/mine/"))
    # The same time in another room: the warning about the booking just made.
    elsewhere = confirm_url.replace("rom=prosjektrommet", "rom=verkstedet")
    batch.add_response("booking, own booking elsewhere", page.request.get(elsewhere))
    batch.add_response(
        "booking, a chosen day and length",
        page.request.get("/fabrikken/booking/?rom=verkstedet&varighet=240&dag=2000-01-01"),
    )
    # «Mine saker» with an application, a guidance request and a booking of each kind.
    batch.add_response("my items", page.request.get("/mine-saker/"))
    batch.add_response("my calendar address", page.request.get("/min-kalender/"))

    batch.assert_valid()


def test_the_checker_reports_each_error_with_where_line_and_message():
    """A checker that found nothing because it checked nothing would pass every page."""
    batch = HtmlBatch()
    batch.add("a valid page", '<!DOCTYPE html><html lang="nb"><title>T</title><p>Hei</p></html>')
    batch.add(
        "an invalid page",
        '<!DOCTYPE html>\n<html lang="nb"><title>T</title>\n'
        '<p><time datetime="2026-03-12T10:00:05.123456+01:00">12. mars</time></p></html>',
    )
    errors = batch.errors()
    assert len(errors) == 1, errors
    assert errors[0].startswith("an invalid page (002-an-invalid-page.html), line 3: Bad value")
    assert "fraction of a second" in errors[0]
