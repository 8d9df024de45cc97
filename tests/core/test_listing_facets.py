"""The filter groups of every listing (core/listing.py): no dead ends, long groups
collapsed, a capped group with a search, and the panel that renders them.

Unit tests on a listing of nothing: `_group` gets its choices and counts as arguments,
so no database is needed. The case and method listings test the same through pages
(tests/cases/test_listing.py, tests/methods/test_listing.py), and the bulk sizes are in
tests/performance/test_page_weight.py.
"""

import re

from django.template.loader import render_to_string
from django.test import RequestFactory

from core.listing import (
    COLLAPSE_AFTER,
    FACET_CAP,
    FilteredListing,
    LenientFilterForm,
    LenientMultipleChoiceField,
    ListPages,
    requested_page,
)

LETTERS = [(f"v{number:02}", f"Verdi {number:02}") for number in range(1, 31)]


class Form(LenientFilterForm):
    farge = LenientMultipleChoiceField(required=False, choices=LETTERS)


class Listing(FilteredListing):
    def __init__(self, query=""):
        self.request = RequestFactory().get("/liste/?" + query)
        self.base_url = "/liste/"
        self.bind(Form(self.request.GET))

    def filter_labels(self):
        return {"farge": dict(LETTERS)}


def group(query="", count=8, counts=None, cap=False):
    counts = counts if counts is not None else {value: 1 for value, _ in LETTERS[:count]}
    return Listing(query)._group("farge", "Farge", LETTERS[:count], counts, True, cap=cap)


def values(options):
    return [option["value"] for option in options]


def test_zero_options_are_left_out_but_a_chosen_one_stays():
    counts = {"v01": 3, "v02": 0, "v04": 1}
    result = group("farge=v03", count=5, counts=counts)

    assert values(result["options"]) == ["v01", "v03", "v04"]
    chosen = result["options"][1]
    assert chosen["checked"] and chosen["count"] == 0


def test_ids_follow_the_choices_not_the_shown_options():
    """So the script can match options across responses while some come and go."""
    result = group(count=5, counts={"v01": 1, "v05": 1})

    assert [option["id"] for option in result["options"]] == ["farge-0", "farge-4"]


def test_a_short_group_shows_every_option():
    result = group(count=COLLAPSE_AFTER + 1)

    assert len(result["options"]) == COLLAPSE_AFTER + 1 and result["rest"] == []


def test_a_long_group_shows_the_first_ones_and_the_rest_behind_show_all():
    result = group(count=15)

    assert values(result["options"]) == [value for value, _ in LETTERS[:COLLAPSE_AFTER]]
    assert values(result["rest"]) == [value for value, _ in LETTERS[COLLAPSE_AFTER:15]]
    assert result["total"] == 15
    assert result["rest_open"] is False


def test_the_rest_is_open_when_a_chosen_option_is_in_it():
    assert group("farge=v12", count=15)["rest_open"] is True


def test_a_capped_group_shows_the_most_used_and_the_chosen_always():
    counts = {value: number for number, (value, _) in enumerate(LETTERS, start=1)}
    result = group("farge=v01", count=30, counts=counts, cap=True)

    # v01 is the least used but chosen: first, then the nine most used.
    assert values(result["options"]) == ["v01"] + [f"v{n}" for n in range(30, 21, -1)]
    assert len(result["options"]) == FACET_CAP
    assert result["rest"] == []
    assert result["search"]["name"] == "farge_sok"
    assert result["search"]["of"] == 30


def test_the_search_in_a_capped_group_finds_the_others_by_name():
    result = group("farge=v01&farge_sok=verdi 1", count=30, cap=True)

    # v10–v19 match «verdi 1»; v01 is chosen, so it stays too.
    assert values(result["options"]) == ["v01"] + [f"v{n}" for n in range(10, 19)]
    assert result["search"]["query"] == "verdi 1"
    assert result["search"]["matches"] == 10


def test_a_group_within_the_cap_has_no_search():
    assert group(count=FACET_CAP, cap=True)["search"] is None


def panel(listing_groups, query=""):
    listing = Listing(query)
    listing.groups = listing_groups
    return render_to_string(
        "core/includes/filter_panel.html", {"listing": listing, "title": "Filtrer"}
    )


def test_the_panel_collapses_a_long_group_in_a_details_element():
    html = panel([group(count=15)])

    assert re.search(r"<details class=\"filters__more\">\s*<summary><span[^>]*>Vis alle 15<", html)
    assert html.count('type="checkbox"') == 15  # all there: no JavaScript needed


def test_the_panel_shows_a_search_field_in_a_capped_group():
    html = panel([group(count=30, cap=True)])

    assert html.count('type="checkbox"') == FACET_CAP
    assert 'type="search" id="farge-sok" name="farge_sok"' in html
    assert "De 10 mest brukte av 30" in html


def test_an_empty_group_is_hidden_but_there_for_the_script_to_fill():
    html = panel([group(count=5, counts={})])

    assert re.search(r'<fieldset class="filters__group" data-filter-group="farge" hidden>', html)


def test_a_plain_list_in_pages_keeps_its_address():
    request = RequestFactory().get("/arkiv/?side=2")
    pages = ListPages(list(range(120)), request, "/arkiv/", per_page=50)

    assert pages.page_obj.object_list == list(range(50, 100))
    assert pages.previous_url == "/arkiv/"
    assert pages.next_url == "/arkiv/?side=3"


def test_the_page_asked_for_as_a_cache_key():
    factory = RequestFactory()

    assert [
        requested_page(factory.get("/", {"side": value}))
        for value in ["", "0", "-1", "tre", "3", "99999"]
    ] == [1, 1, 1, 1, 3, 9_999]
