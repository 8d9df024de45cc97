"""One of each (issue 17): the logic that was copied between apps stays in core/.

Norwegian dates (core/formats.py and the core_tags filters), the æøå transliteration,
the rich-text feature list (core/blocks), the submission token (core/submissions.py)
and the confirmation + notice e-mail pair (core/emails.py). Each test reads the code
of every package the wheel ships, so a copy in a new section fails as well.
"""

import ast
import re
from pathlib import Path

from django.template import engines

from tests.core.test_formats import THURSDAY

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(
    path.parent.name
    for path in ROOT.glob("*/__init__.py")
    if path.parent.name not in {"demo", "tests"}
)
# A weekday's or a month's name in a Django date format: Norwegian lower-cases them
# (core.formats does), English does not, so only core/ may spell them.
NAMED_DATE = re.compile(r"""\|date:["'][^"']*[DlFMbEN]""")


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text("utf-8"))


def templates():
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("**/templates/**/*")):
            if path.suffix in {".html", ".txt"}:
                yield path.relative_to(ROOT).as_posix(), path.read_text("utf-8")


def calls(tree, name):
    """Calls of `name(...)` or `anything.name(...)`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if getattr(func, "attr", None) == name or getattr(func, "id", None) == name:
                yield node


def test_the_walk_reads_every_shipped_package():
    found = {path.split("/")[0] for path, _tree in modules()}
    assert {"intranet", "core", "methods", "cases", "funding", "events", "fabrikken"} <= found


def test_no_template_names_a_weekday_or_month_itself():
    offenders = [
        f"{path}:{number}"
        for path, text in templates()
        for number, line in enumerate(text.splitlines(), start=1)
        if NAMED_DATE.search(line)
    ]
    assert offenders == [], "use core_tags' filters (oslo_date, day_and_month, long_date, …)"


def test_the_day_and_month_filter():
    template = engines["django"].from_string("{% load core_tags %}{{ day|day_and_month }}")
    assert template.render({"day": THURSDAY}) == "12. mars"


def test_dates_are_formatted_in_core_formats_only():
    offenders = [
        f"{path}:{node.lineno}"
        for path, tree in modules()
        if path != "core/formats.py"
        for node in [*calls(tree, "date_format"), *calls(tree, "strftime")]
        if not _numeric_strftime(node)
    ]
    assert offenders == []


def _numeric_strftime(node):
    """«%H.%M», «%Y-%m-%d»: digits for a URL or a form field, no names, no language."""
    if getattr(node.func, "attr", None) != "strftime" or not node.args:
        return False
    pattern = node.args[0]
    return isinstance(pattern, ast.Constant) and not re.search(r"%[aAbBcpx]", pattern.value)


def test_one_transliteration_table():
    owners = [
        path
        for path, tree in modules()
        for node in calls(tree, "maketrans")
        if "ø" in ast.unparse(node) or "\\xf8" in ast.unparse(node)
    ]
    assert owners == ["core/formats.py"]


def test_one_rich_text_feature_list():
    owners = [
        path
        for path, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if getattr(target, "id", None) == "RICH_TEXT_FEATURES"
    ]
    assert owners == ["core/blocks/common.py"]


def callers(*names):
    """The modules that call any of `names`."""
    return {path for path, tree in modules() for name in names if any(calls(tree, name))}


def test_one_submission_token():
    """The hidden UUID is made and read in core/submissions.py, nowhere else. (The funding
    round's models make UUIDs too, for an application's address and its attachments'
    stored names: identifiers, not form tokens.)"""
    assert callers("uuid4", "UUID") == {"core/submissions.py", "funding/models/pipeline.py"}


def test_one_email_pair():
    """Confirmation and notice messages are built by core/emails.py only."""
    assert callers("EmailMessage", "EmailMultiAlternatives") == {"core/emails.py"}
