"""Journey 4: an employee books a room at Fabrikken; a colleague a moment behind is told it is gone."""

import re

import pytest
from playwright.sync_api import expect

from demo import factories
from tests.e2e.pages import PHONE, BookingGrid, assert_no_console_errors

pytestmark = pytest.mark.e2e


def test_the_second_of_two_employees_booking_the_same_slot_is_refused_clearly(site):
    factories.make_user("kollega", first_name="Kari", last_name="Kollega")

    # Both open the Verkstedet's grid for next week and choose the same free hour.
    first = site.visit("/fabrikken/", user="ansatt")
    first.get_by_role("link", name="Se ledige tider i Verkstedet").click()
    grid = BookingGrid(first)
    expect(grid.table).to_contain_text("Verkstedet, uke")
    grid.next_week()
    slot = grid.free_slots().first
    taken = re.search(r"book (.+)$", slot.inner_text()).group(
        1
    )  # «mandag 30. november kl. 08.00–09.00»
    slot.click()
    expect(first.get_by_role("heading", level=1)).to_have_text("Bekreft booking")
    confirm_url = first.url

    second = site.visit(None, user="kollega", password=factories.PASSWORD)
    second.goto(confirm_url)
    expect(second.get_by_role("heading", level=1)).to_have_text("Bekreft booking")

    # The first confirms and gets the receipt; the hour is theirs in the grid.
    BookingGrid(first).confirm(people=8, purpose="Workshop om brukerreiser for hjemmetjenesten")
    expect(first.get_by_role("heading", level=1)).to_have_text("Rommet er booket")
    day, hours = taken.split(" kl. ")
    receipt = first.locator(".receipt")
    expect(receipt).to_contain_text(f"Verkstedet er booket til deg {day}")
    expect(receipt).to_contain_text(f"kl. {hours}")
    assert_no_console_errors(first)

    # The colleague, still on the form, confirms a moment later and is told why not.
    BookingGrid(second).confirm(people=4, purpose="Prosjektmøte")
    summary = second.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(
        "Noen andre booket dette tidspunktet like før deg. Velg et annet tidspunkt."
    )
    expect(second).to_have_title(re.compile("^Feil: "))
    second.get_by_role("link", name="Se ledige tider i Verkstedet").click()
    # Back in the grid the hour is no longer offered to the colleague.
    grid = BookingGrid(second)
    expect(grid.free_slots().first).to_be_visible()
    expect(grid.table.get_by_role("link", name=re.compile(re.escape(taken)))).to_have_count(0)


def test_on_a_phone_an_employee_picks_a_day_then_a_free_time_and_books_it(site):
    page = site.visit("/fabrikken/booking/?rom=verkstedet", user="ansatt", viewport=PHONE)
    # The week table needs a wide screen; a phone gets «Neste ledige tid» and the days.
    expect(page.get_by_role("table")).to_be_hidden()
    next_free = page.get_by_role("link", name=re.compile(r"^Book denne tiden"))
    expect(next_free).to_be_in_viewport()

    # Choose a day: its free times are plain links, in the first screen after the jump.
    days = page.get_by_role("list").filter(has=page.locator(".day-list__link"))
    days.get_by_role("link").last.click()
    expect(page.locator(".day-list__link[aria-current='date']")).to_have_count(1)
    first_time = page.locator(".free-times__link").first
    expect(first_time).to_be_in_viewport()
    chosen = re.search(r"book (.+)$", first_time.inner_text()).group(1)
    first_time.click()

    # The confirmation shows the time read-only, with «Endre tidspunkt».
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekreft booking")
    expect(page.locator(".booking-chosen")).to_contain_text(chosen.split(" kl. ")[1])
    expect(page.get_by_role("link", name="Endre tidspunkt")).to_be_visible()
    BookingGrid(page).confirm(people=6, purpose="Workshop om brukerreiser")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rommet er booket")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_console_errors(page)
