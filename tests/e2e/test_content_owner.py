"""«Innholdseier» in the browser: the editor searches people by name in the chooser and
sees the chosen person's full name and unit."""

import re

import pytest
from playwright.sync_api import expect

from methods.models import MethodPage
from tests.e2e.pages import AdminPageEditor, assert_no_console_errors

pytestmark = pytest.mark.e2e


def test_an_editor_chooses_the_owner_by_name_and_sees_the_unit(site):
    method = MethodPage.objects.live().order_by("title").first()
    page = site.visit(f"/admin/pages/{method.pk}/edit/", user="redaktor")
    editor = AdminPageEditor(page)

    settings = editor.tab("Innstillinger")
    owner = settings.locator("#id_content_owner-chooser")
    expect(owner).to_contain_text("Redaktør Demo (Kommunikasjon (demo))")

    owner.get_by_role("button", name="Handlinger").click()
    page.get_by_role("button", name="Velg en annen innholdseier").click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("heading", name="Velg innholdseier")).to_be_visible()
    modal.get_by_role("textbox", name="Søkeord").fill("moderator demo")
    row = modal.get_by_role("row", name=re.compile("Moderator Demo"))
    expect(row).to_contain_text("Innovasjon og digitalisering (demo)")
    expect(modal.get_by_role("row")).to_have_count(2)  # the header and the one person
    row.get_by_role("link", name="Moderator Demo").click()

    expect(modal).to_be_hidden()
    expect(owner).to_contain_text("Moderator Demo (Innovasjon og digitalisering (demo))")
    assert_no_console_errors(page)
