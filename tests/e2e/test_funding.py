"""Journey 3 (issue #21): a funding round from a draft to a case story.

An employee drafts an application to the open call, adds a co-applicant and an attachment,
checks the answers and sends; two case handlers assess it against the criteria; one of them
decides; the applicant sees «Innvilget» and sends the final report; the case handler turns
the project into a draft case story, which an editor finds in the admin.

Every step is photographed at 1280 and 390 px into $E2E_ARTIFACTS/funding-journey/
(`make screenshots` copies nothing from here; the closing note's pictures come from it).
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from funding.models import Application
from tests.e2e.accessibility import ADMIN_CONTEXT, AccessibilityReport
from tests.e2e.pages import DESKTOP, PHONE, ApplicationForm, assert_no_console_errors

pytestmark = pytest.mark.e2e

CALL = "/stotte/innovasjonsmidler/"
PROJECT = "Digital nattevakt i bofellesskap"
NEXT_YEAR = datetime.date.today().year + 1
SHOTS = Path(os.environ.get("E2E_ARTIFACTS", "/tmp/e2e-artifacts")) / "funding-journey"
# A small, real PDF: the upload checks the first bytes, not only the name.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def shoot(page, name):
    """The step as it looks on a desktop and on a phone, then back to the desktop."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / f"{name}-390.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def open_case(page, reference):
    """Søknader → the call → the application, by its reference number (the row's link)."""
    page.goto("/admin/soknader/")
    page.get_by_role("link", name=re.compile("^Innovasjonsmidler")).first.click()
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PROJECT)


def assess(page, scores, report=None):
    with page.expect_navigation():
        page.get_by_role("link", name="Vurder", exact=True).click()
    if report:
        with page.expect_navigation():
            page.get_by_role("button", name="Lagre vurderingen").click()  # nothing scored
        report.check(page, "admin: the assessment, nothing scored", ADMIN_CONTEXT)
    for panel, score in zip(page.locator("section[id^=criterion-]").all(), scores, strict=True):
        panel.get_by_label(str(score), exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre vurderingen").click()


def test_a_funding_round_from_draft_to_case_story(site, tmp_path):
    # --- The applicant drafts, adds a colleague and an attachment, checks and sends.
    applicant = site.visit(CALL, user="ansatt")
    expect(applicant.get_by_role("heading", level=1)).to_have_text(re.compile("^Innovasjonsmidler"))
    form = ApplicationForm.start(applicant)
    form.field("Prosjekttittel").fill(PROJECT)
    form.field("Behovet").fill("Nattevaktene går runder som vekker beboerne.")
    form.field("Hvem prosjektet er for").fill("Beboerne i to bofellesskap og nattevaktene der.")
    form.field("Planen").fill("Prøve sensorer som varsler bare ved behov, i ti rom i tre måneder.")
    form.field("Beløp det søkes om (kroner)").fill("250 000")
    form.fill_date("Planlagt oppstart", 1, 3, NEXT_YEAR)
    form.fill_date("Planlagt slutt", 1, 9, NEXT_YEAR)
    for answer in form.form.locator("textarea[name^=criterion_]").all():
        answer.fill("Ja: se planen og gevinstkartet.")
    shoot(applicant, "01-draft")

    attachment = tmp_path / "gevinstkart.pdf"
    attachment.write_bytes(PDF)
    applicant.get_by_label("Legg til et vedlegg").set_input_files(str(attachment))
    with applicant.expect_navigation():
        applicant.get_by_role("button", name="Last opp").click()
    expect(applicant.get_by_role("link", name="gevinstkart.pdf")).to_be_visible()
    expect(form.field("Prosjekttittel")).to_have_value(PROJECT)  # saved with the upload

    applicant.get_by_role("link", name="Legg til medsøker").click()
    applicant.get_by_label("Søk etter navn, e-post eller enhet").fill("Redaktør")
    with applicant.expect_navigation():
        applicant.get_by_role("button", name="Søk", exact=True).last.click()
    with applicant.expect_navigation():
        applicant.get_by_role("button", name=re.compile("^Legg til Redaktør")).click()
    # Back on the form, with the colleague listed.
    expect(applicant.locator("#medsokere")).to_contain_text("Redaktør Demo")
    expect(form.field("Beløp det søkes om (kroner)")).to_have_value("250\u00a0000")
    shoot(applicant, "02-co-applicant")

    form.check_answers()
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Sjekk svarene før du sender")
    expect(applicant.get_by_text("gevinstkart.pdf")).to_be_visible()
    shoot(applicant, "03-check")
    form.send()
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Søknaden er sendt")
    reference = Application.objects.get(project_title=PROJECT).reference
    expect(applicant.get_by_text(f"Referansenummeret ditt er {reference}.")).to_be_visible()
    shoot(applicant, "04-receipt")
    assert_no_console_errors(applicant)

    # The co-applicant sees it among their own.
    colleague = site.visit("/stotte/mine-soknader/", user="redaktor")
    expect(colleague.get_by_role("link", name=PROJECT)).to_be_visible()

    # --- Two case handlers assess; one decides. Axe checks each admin screen of ours.
    report = AccessibilityReport()
    handler = site.visit("/admin/soknader/", user="saksbehandler")
    report.check(handler, "admin: the calls", ADMIN_CONTEXT)
    open_case(handler, reference)
    report.check(handler, "admin: a case, sent", ADMIN_CONTEXT)
    with handler.expect_navigation():
        handler.get_by_role("button", name="Start vurdering").click()
    assess(handler, [5, 4, 4, 5], report)
    moderator = site.visit("/admin/", user="moderator")
    open_case(moderator, reference)
    assess(moderator, [4, 4, 3, 5])
    expect(moderator.get_by_role("table").first).to_contain_text("4,3")  # the overall average
    shoot(moderator, "05-assessed")

    open_case(handler, reference)
    with handler.expect_navigation():
        handler.get_by_role("link", name="Fatt vedtak").click()
    handler.get_by_label("Innvilget", exact=True).check()
    handler.get_by_label("Innvilget beløp (kroner)").fill("250 000")
    handler.get_by_label("Begrunnelse").fill("Godt dokumentert behov og en liten, målbar test.")
    report.check(handler, "admin: the decision form", ADMIN_CONTEXT)
    shoot(handler, "06-decision")
    with handler.expect_navigation():
        handler.get_by_role("button", name="Registrer vedtaket").click()
    expect(handler.locator("main")).to_contain_text("Innvilget")
    report.check(handler, "admin: a case, decided", ADMIN_CONTEXT)

    # --- The applicant sees «Innvilget» and sends the final report.
    applicant.goto("/stotte/mine-soknader/")
    entry = applicant.locator("li", has=applicant.get_by_role("link", name=PROJECT))
    expect(entry).to_contain_text("Innvilget")
    shoot(applicant, "07-granted")
    entry.get_by_role("link", name=PROJECT, exact=True).click()
    applicant.get_by_role("link", name="Sluttrapporten").click()
    applicant.get_by_label("Hva gjorde dere?").fill("Sensorer i ti rom i tre måneder.")
    applicant.get_by_label("Hva kom ut av det?").fill("Halvparten så mange unødvendige tilsyn.")
    applicant.get_by_label("Hvilke gevinster har det gitt?").fill("Bedre søvn for beboerne.")
    applicant.get_by_label("Hva har dere lært?").fill("Start med nattevaktenes egne ønsker.")
    with applicant.expect_navigation():
        applicant.get_by_role("button", name="Send sluttrapporten").click()
    shoot(applicant, "08-report-sent")
    assert_no_console_errors(applicant)

    # --- A moderator (who may add case stories) turns the project into a draft case story
    # from the case, with the report in it; an editor finds the draft.
    open_case(moderator, reference)
    expect(moderator.locator("main")).to_contain_text("Start med nattevaktenes egne ønsker.")
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Lag eksempel").click()
    expect(moderator.get_by_role("heading", level=1)).to_contain_text(PROJECT)
    shoot(moderator, "09-case-story-draft")

    editor = site.visit("/admin/pages/search/?q=nattevakt", user="redaktor")
    expect(editor.get_by_role("link", name=re.compile(PROJECT)).first).to_be_visible()
    report.assert_clean()
