"""The site starts whatever the order of the imports in fabrikken/models/__init__.py.

fabrikken.models.page imports the views, which import the forms, which need the booking
and guidance models: through the package, that made the order of its three imports
matter (page first: ImportError at start-up). They import the model modules instead;
this test starts Django once per order of those imports, each in a fresh interpreter.
"""

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

INIT = Path(settings.BASE_DIR) / "fabrikken" / "models" / "__init__.py"

START_WITH_ORDER = """
import importlib.abc, importlib.util, os, sys
import django

INIT = {init!r}
ORDER = {order!r}


class Reordered(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        lines = open(INIT, encoding="utf-8").read().splitlines()
        imports = [line for line in lines if line.startswith("from .")]
        rest = [line for line in lines if not line.startswith("from .")]
        source = "\\n".join([imports[i] for i in ORDER] + rest)
        exec(compile(source, INIT, "exec"), module.__dict__)


class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "fabrikken.models":
            return None
        return importlib.util.spec_from_file_location(
            name, INIT, loader=Reordered(), submodule_search_locations=[os.path.dirname(INIT)]
        )


sys.meta_path.insert(0, Finder())
os.environ["DJANGO_SETTINGS_MODULE"] = "intranet.settings.test"
django.setup()
from fabrikken.models import FabrikkenPage, GuidanceRequest, RoomBooking  # noqa: E402,F401
print("ok")
"""


def test_the_model_package_has_three_imports():
    imports = [line for line in INIT.read_text().splitlines() if line.startswith("from .")]
    assert len(imports) == 3


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_any_import_order_starts(order):
    result = subprocess.run(
        [sys.executable, "-c", START_WITH_ORDER.format(init=str(INIT), order=order)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
