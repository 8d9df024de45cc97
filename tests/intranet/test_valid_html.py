"""Valid HTML without Java: the error kinds the W3C Nu HTML Checker found, guarded in `make test`.

The checker itself runs in the browser suite (tests/e2e/test_html_validity.py,
`make test-e2e`). These cheap checks over the rendered pages catch the same
mistakes coming back: a `<time datetime>` with microseconds, a live region
inside a heading or on a list, `aria-labelledby` on an element that has no role to name, a
required `<select>` without an empty first option, and ARIA combobox
attributes on `type="search"`.
"""

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone, translation

from core.templatetags.core_tags import html_datetime
from demo import factories

pytestmark = pytest.mark.django_db

# HTML's global date and time string, to the second, with an offset; or a date; or a time.
VALID_DATETIME = re.compile(
    r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?)?$|^\d\d:\d\d(:\d\d)?$"
)
# Elements that may carry aria-labelledby without a role: their own role takes a name.
NAMED_BY_DEFAULT = {
    "section", "nav", "form", "aside", "main", "ul", "ol", "table", "fieldset", "dialog",
    "input", "select", "textarea", "button", "a", "img", "svg", "iframe", "details", "dl",
}  # fmt: skip


def invalid_markup(html):
    """What the checker would call an error, for the five kinds it found."""
    problems = []
    for value in re.findall(r'<time\b[^>]*\bdatetime="([^"]*)"', html):
        if not VALID_DATETIME.match(value):
            problems.append(f"time datetime={value!r}")
    for heading in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", html, flags=re.S):
        if 'role="status"' in heading[1]:
            problems.append(f"role=status inside h{heading[0]}")
    for tag, attrs in re.findall(r"<([a-z0-9]+)\b([^>]*\baria-labelledby=[^>]*)>", html):
        if tag not in NAMED_BY_DEFAULT and "role=" not in attrs:
            problems.append(f"aria-labelledby on <{tag}> without a role")
    for attrs, options in re.findall(r"<select\b([^>]*)>(.*?)</select>", html, flags=re.S):
        first = re.search(r'<option\b[^>]*value="([^"]*)"', options)
        if re.search(r"\brequired\b", attrs) and "multiple" not in attrs and first and first[1]:
            problems.append(f"required select starting with a real value: {attrs.strip()}")
    for tag in re.findall(r'<(ul|ol)\b[^>]*\brole="status"', html):
        problems.append(f"role=status on <{tag}>")
    for attrs in re.findall(r'<input\b([^>]*\btype="search"[^>]*)>', html):
        if "role=" in attrs or "aria-expanded" in attrs:
            problems.append(f"ARIA combobox attributes on type=search: {attrs.strip()}")
    return problems


@pytest.fixture(autouse=True)
def _norwegian():
    with translation.override("nb"):
        yield


def test_html_datetime_is_whole_seconds_in_oslo_time_with_offset(settings):
    settings.TIME_ZONE = "Europe/Oslo"
    moment = datetime.datetime(2026, 3, 12, 9, 0, 5, 123456, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("Europe/Oslo")):
        assert html_datetime(moment) == "2026-03-12T10:00:05+01:00"
    assert html_datetime(datetime.date(2026, 3, 12)) == "2026-03-12"
    assert html_datetime(None) == ""


def test_last_updated_is_a_valid_time_and_the_header_search_a_text_combobox(employee_client, home):
    page = factories.make_content_page(title="Om innovasjon")
    page.refresh_from_db()
    assert page.last_published_at.microsecond  # what made `date:"c"` invalid
    html = employee_client.get(page.url).content.decode()
    assert re.search(r'Sist oppdatert <time datetime="[^"]+">', html)
    assert re.search(
        r'<input id="sok-q" name="q" type="text"[^>]*role="combobox"[^>]*aria-expanded="false"',
        html,
    )
    assert invalid_markup(html) == []


def test_the_sign_in_error_summary_is_a_named_region(client, home):
    html = client.post("/logg-inn/", {"username": "", "password": ""}).content.decode()
    assert re.search(
        r'<div class="error-summary" id="feiloppsummering" role="region" tabindex="-1" '
        r'aria-labelledby="feiloppsummering-tittel"',
        html,
    )
    assert invalid_markup(html) == []


def test_the_funding_form_with_errors_has_a_placeholder_for_its_required_select(
    employee_client, home
):
    call = factories.make_funding_call(factories.make_funding_index())
    html = employee_client.post(call.url, {}).content.decode()
    assert 'class="error-summary"' in html
    select = re.search(r'<select id="id_tjenesteomrade"[^>]*><option value=""( selected)?>', html)
    assert select and "required" in select[0]
    assert invalid_markup(html) == []


def test_the_booking_rooms_select_starts_with_a_room_so_it_is_not_required(employee_client, home):
    fabrikken = factories.make_fabrikken_page()
    url = fabrikken.url + fabrikken.reverse_subpage("confirm_booking")
    for response in (employee_client.get(url), employee_client.post(url, {})):
        html = response.content.decode()
        assert re.search(r'<select id="id_room" name="room"[^>]*>\s*<option value="\w', html)
        assert invalid_markup(html) == []


def test_the_search_count_is_a_heading_inside_a_live_region(employee_client, home):
    factories.make_phases()
    factories.make_method(factories.make_method_index(), title="Brukerreise", slug="brukerreise")
    html = employee_client.get("/sok/", {"q": "brukerreise"}).content.decode()
    assert re.search(
        r'<div role="status" aria-atomic="true"><h2 id="treff-tittel"[^>]*>[^<]*treff for', html
    )
    assert invalid_markup(html) == []


def test_the_checks_catch_each_kind_of_error():
    assert len(invalid_markup('<time datetime="2026-03-12T10:00:05.123456+01:00">')) == 1
    assert len(invalid_markup('<h2><span role="status">3 treff</span></h2>')) == 1
    assert len(invalid_markup('<div aria-labelledby="x">')) == 1
    assert len(invalid_markup('<select required><option value="a">A</option></select>')) == 1
    assert len(invalid_markup('<input type="search" role="combobox" aria-expanded="false">')) == 1
    assert len(invalid_markup('<ul class="messages" role="status"><li>Lagret</li></ul>')) == 1


def test_messages_are_a_list_inside_a_live_region(employee_client, home):
    # A refused employee gets the 403 page with Wagtail's message about it.
    response = employee_client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 403
    assert '<div role="status"><ul class="messages">' in html
    assert invalid_markup(html) == []
