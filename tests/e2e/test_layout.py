"""Layout that holds at the widths employees use: the main menu on one row at 1024 px, the
front page's first screen on a phone offering a task, «Start her» without empty columns."""

import pytest
from playwright.sync_api import expect

from tests.e2e.pages import PHONE

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1024, "height": 768}


def test_the_main_menu_keeps_to_one_row_at_1024_px(site):
    page = site.visit("/", user="ansatt", viewport=LAPTOP)
    links = page.locator(".main-menu__link")
    assert links.count() == 7
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, f"the menu wraps onto {len(tops)} rows"


def test_a_phones_first_screen_offers_a_task(site):
    page = site.visit("/", user="ansatt", viewport=PHONE)
    first = page.locator(".hero__actions a").first
    expect(first).to_have_text("Finn en metode")
    box = first.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "the first button is below the first screen"


def test_start_here_leaves_no_empty_columns(site):
    page = site.visit("/", user="ansatt", viewport={"width": 1280, "height": 900})
    cards = page.locator("#utvalgt-tittel + .card-list > li")
    assert cards.count() == 2
    row = page.locator("#utvalgt-tittel + .card-list").bounding_box()
    last = cards.nth(1).bounding_box()
    # The two cards share the row: the second ends where the row ends.
    assert abs((last["x"] + last["width"]) - (row["x"] + row["width"])) < 2
