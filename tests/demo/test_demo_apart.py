"""The demo stays apart: no production module imports `demo` or `tests`, and production
settings install the demo app only when DEMO_CONTENT asks for it."""

import ast

import pytest

from demo.loaders import LOADERS
from tests.helpers import ROOT
from tests.intranet.test_settings import SAMPLE_PRODUCTION_ENV, manage

# Every package the wheel ships: the checkout's top-level packages but demo and tests
# (pyproject.toml; tests/test_packaging.py builds the wheel and lists it).
PRODUCTION_PACKAGES = sorted(
    path.parent.name
    for path in ROOT.glob("*/__init__.py")
    if path.parent.name not in {"demo", "tests"}
)
FORBIDDEN = {"demo", "tests"}


def imported_modules(tree):
    """(line, module) for every absolute import in a module, nested ones included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in {"import_module", "import_string", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def test_no_production_module_imports_demo_or_tests():
    offenders = []
    checked = 0
    for package in PRODUCTION_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            checked += 1
            for line, module in imported_modules(tree):
                if module.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert checked > 100  # the walk found the packages
    assert offenders == []


def test_the_walk_would_catch_a_demo_import():
    tree = ast.parse(
        "from demo import factories\nimport tests.helpers\n"
        "def f():\n    from demo.loaders import methods\n"
        "import_module('demo.bulk')\nfrom . import demo\n"
    )
    modules = [module for _line, module in imported_modules(tree)]
    assert modules == ["demo", "tests.helpers", "demo.loaders", "demo.bulk"]


def test_demo_sections_load_in_an_explicit_order():
    names = [name for name, _loader in LOADERS]
    assert names == [
        "home",
        "methods",
        "cases",
        "funding",
        "events",
        "fabrikken",
        "front page",
        "search",
        "owners",
        "feedback",
    ]
    assert all(callable(loader.load) for _name, loader in LOADERS)


PRINT_APPS = [
    "shell",
    "-c",
    "from django.apps import apps; print(apps.is_installed('demo'))",
]


@pytest.mark.parametrize(("demo_content", "installed"), [(None, "False"), ("on", "True")])
def test_production_installs_the_demo_only_when_asked(demo_content, installed):
    env = dict(SAMPLE_PRODUCTION_ENV)
    if demo_content:
        env["DEMO_CONTENT"] = demo_content
    result = manage(*PRINT_APPS, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == installed


def test_production_without_the_demo_has_no_demo_commands():
    result = manage("help", "--commands", env=SAMPLE_PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    commands = set(result.stdout.split())
    assert {"setup_section", "publish_scheduled", "send_review_reminders"} <= commands
    assert not {"load_demo_content", "seed_bulk", "benchmark_search"} & commands
