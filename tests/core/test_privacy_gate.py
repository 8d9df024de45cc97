"""The privacy gate in the code: every `.live()` page query in a view, listing, model
method or template tag passes through caching.privacy.visible(), or is on the allow-list
below with the reason it needs no gate; no template lists pages by itself."""

import ast
import re
from pathlib import Path

from django.conf import settings

from tests.helpers import PROJECT_APPS

# --- Structure: no listing can bypass the gate ---------------------------------------------

ROOT = Path(settings.BASE_DIR)
# Code that may query live pages without the gate, and why.
ALLOWED = {
    "core/publishing/reviews.py": "the admin's review report, for editors",
    "core/publishing/archive.py": "the life cycle's job and the admin's archive lists, for editors",
    "core/schedule.py": "publishing times only, to know when cached parts expire",
    "search/visibility.py": "builds the search's base queryset and gates it on the next line",
    "fabrikken/templatetags/fabrikken_tags.py": "one page, cached for all, gated by is_visible",
}
SKIPPED_PARTS = {"migrations", "management", "tests", "e2e", "__pycache__"}


def app_modules():
    for app in sorted(PROJECT_APPS | {"search", "caching", "intranet"}):
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if SKIPPED_PARTS & set(relative.parts) or path.name == "wagtail_hooks.py":
                continue
            yield relative, path


def ungated_live_calls(tree):
    """Line numbers of `.live()` calls not inside the arguments of a visible(…) call."""
    gated = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "visible":
            for argument in node.args:
                gated |= {id(inner) for inner in ast.walk(argument)}
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "live"
        and not node.args
        and id(node) not in gated
    ]


def test_every_live_page_query_in_the_apps_goes_through_the_gate():
    offenders = []
    for relative, path in app_modules():
        if str(relative) in ALLOWED:
            continue
        for line in ungated_live_calls(ast.parse(path.read_text())):
            offenders.append(f"{relative}:{line}")
    assert offenders == [], (
        "These list live pages without caching.privacy.visible(pages, request): "
        "restricted pages would leak. Gate them, or add the file to ALLOWED with a reason."
    )


def test_no_template_lists_pages_by_itself():
    """Templates cannot pass a request to a queryset: page lists come from tags and models."""
    tree_walks = re.compile(r"\b(get_children|get_descendants|get_siblings)\b|\.live\b")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in sorted(PROJECT_APPS | {"search", "intranet"})
        for path in (ROOT / app).rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if tree_walks.search(line)
    ]
    assert offenders == []


def test_the_gate_check_catches_an_ungated_listing():
    gated = ast.parse("visible(EventPage.objects.live().child_of(index), request)")
    ungated = ast.parse("EventPage.objects.live().child_of(index)")
    assert ungated_live_calls(gated) == []
    assert ungated_live_calls(ungated) == [1]
