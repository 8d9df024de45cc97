"""The layering of DESIGN.md → Architecture holds: import-linter's contracts in pyproject.toml.

Imports point down the stack (demo → home, search → events → cases → methods, funding,
fabrikken → core → caching; intranet on top, imported by nothing), so there is no
cycle between apps, and no production package imports `demo` or `tests`.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def importlinter_config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def test_imports_keep_to_the_layers():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(no_cache=True, no_logo=True))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_every_project_app_has_its_place_in_the_stack():
    """A new app must be placed in the layers, or its imports would go unchecked."""
    config = importlinter_config()
    project_apps = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT.resolve()
    }
    layered = {
        name.strip()
        for layer in config["contracts"][0]["layers"]
        for name in layer.replace(":", "|").split("|")
    }
    assert project_apps <= layered
    assert layered | {"tests"} == set(config["root_packages"])
