"""Journey 3: an employee applies for the open funding call; a moderator reads the application."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import FundingCallPage, assert_no_console_errors

pytestmark = pytest.mark.e2e

CALL = "Innovasjonsmidler 2026"
PROJECT = "Digital nattevakt i bofellesskap"
# The planned start may not be in the past: next year's March.
NEXT_YEAR = datetime.date.today().year + 1


def test_an_employee_applies_for_funding_and_a_moderator_finds_the_application(site):
    page = site.visit("/", user="ansatt")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Støtte").click()
    open_calls = page.get_by_role("region", name="Åpne utlysninger")
    open_calls.get_by_role("link", name=CALL).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CALL)

    # «Søk om støtte» jumps to the form.
    page.get_by_role("link", name="Søk om støtte").click()
    call = FundingCallPage(page)
    form = call.form
    call.field("Prosjekttittel").fill(PROJECT)
    call.field("Tjenesteområde").select_option("Helse og velferd")
    call.field("Beskrivelse av behovet").fill(
        "Nattevaktene går runder som vekker beboerne. Vi vil prøve sensorer som varsler bare ved behov."
    )
    call.field("Hvem er brukerne?").fill("Beboerne i to bofellesskap og nattevaktene der.")
    form.get_by_label("Universitetet i Stavanger").check()
    call.field("Beløp det søkes om").fill("250 000")
    call.date_part("Planlagt oppstart", "Dag").fill("15")
    call.date_part("Planlagt oppstart", "Måned").fill("mars")
    call.date_part("Planlagt oppstart", "År").fill(str(NEXT_YEAR))
    call.field("Søknaden er forankret hos lederen min").check()
    call.send()

    expect(page.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt")
    expect(page.get_by_text(f"Vi har mottatt søknaden din til «{CALL}».")).to_be_visible()
    answers = page.locator(".answers")
    expect(answers).to_contain_text(PROJECT)
    expect(answers).to_contain_text(f"15. mars {NEXT_YEAR}")
    assert_no_console_errors(page)

    page.get_by_role("link", name="Mine søknader").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine søknader")
    expect(page.get_by_role("link", name=CALL)).to_be_visible()

    # A moderator reads it in the admin: Skjemaer → the call → the applicant.
    moderator = site.visit("/admin/", user="moderator")
    moderator.get_by_role("link", name="Skjemaer").click()
    moderator.get_by_role("link", name=CALL, exact=True).click()
    expect(moderator.get_by_role("heading", level=1)).to_contain_text(CALL)
    application = moderator.get_by_role("row", name=re.compile("Ansatt Demo"))
    expect(application).to_have_count(1)
    expect(application).to_contain_text(PROJECT)
