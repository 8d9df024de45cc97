"""The wheel is the site, and a new app is registered in INSTALLED_APPS only.

The wheel is built from a copy of the checkout (so no build/ folder left by an earlier
build can put a deleted file back) and read as a zip: the project package and every app
in INSTALLED_APPS, with their templates, static files, migrations and the Norwegian
catalogue; never the demo tooling or the tests. Its code is then run from the unpacked
wheel, away from the checkout, with the production settings, as docs/deploy.md §3 does.
"""

import fnmatch
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from tests.intranet.test_settings import SAMPLE_PRODUCTION_ENV

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The tooling that only runs from the checkout (make run, make test): never shipped.
DEVELOPMENT_ONLY = {"demo", "tests"}
# The project package: settings, urls, wsgi, the site chrome. Not an app.
PROJECT_PACKAGE = "intranet"
# What the copy of the checkout leaves behind besides hidden folders (.git, .venv, .bench):
# local data and build output, npm's tools, and the documentation's screenshots (large,
# and not packaged anyway).
NOT_COPIED = {"node_modules", "docs", "media", "static", "build", "dist", "htmlcov"}


def local_apps():
    """The labels of the installed apps that live in this checkout (the test settings
    install demo too)."""
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == Path(settings.BASE_DIR)
    }


def production_packages():
    return (local_apps() - DEVELOPMENT_ONLY) | {PROJECT_PACKAGE}


def _ignore(directory, names):
    ignored = {name for name in names if name == "__pycache__" or name.endswith(".egg-info")}
    ignored |= {name for name in names if name.endswith((".pyc", ".sqlite3"))}
    if Path(directory) == ROOT:
        ignored |= {name for name in names if name in NOT_COPIED or name.startswith((".", "db."))}
    return ignored


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = tmp_path_factory.mktemp("checkout") / "innovasjon"
    shutil.copytree(ROOT, source, ignore=_ignore)
    out = tmp_path_factory.mktemp("dist")
    # No build isolation: setuptools comes from the dev dependencies, nothing is downloaded.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["--disable-pip-version-check", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("innovasjon-*.whl")
    return path


@pytest.fixture(scope="module")
def names(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def files_under(package, folder):
    """The files of one package's templates/, static/ or locale/ in the checkout."""
    base = ROOT / package / folder
    return {
        path.relative_to(ROOT).as_posix()
        for path in base.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_wheel_holds_the_project_package_and_every_installed_app(names):
    top_level = {name.split("/")[0] for name in names if ".dist-info/" not in name}

    assert top_level == production_packages()
    assert {"core", "home", "methods", "cases", "funding", "events", "fabrikken"} <= top_level


def test_demo_and_tests_stay_out_of_the_wheel(names):
    assert not [name for name in names if name.split("/")[0] in DEVELOPMENT_ONLY]


def test_templates_static_files_and_the_catalogue_are_in_the_wheel(names):
    expected = set()
    for package in production_packages():
        for folder in ("templates", "static", "locale"):
            expected |= files_under(package, folder)

    assert expected - names == set()
    # The pieces the site cannot start or speak Norwegian without, by name.
    assert {
        "intranet/templates/base.html",
        "methods/templates/methods/method_page.html",
        "funding/templates/funding/funding_call_page.html",
        "intranet/static/css/main.css",
        "intranet/static/js/main.js",
        "intranet/locale/nb/LC_MESSAGES/django.po",
        "intranet/locale/nb/LC_MESSAGES/django.mo",
    } <= names
    assert sum("/templates/" in name for name in names) >= 100  # .html and e-mail .txt


def test_every_migration_is_in_the_wheel(names):
    migrations = {
        path.relative_to(ROOT).as_posix()
        for package in production_packages()
        for path in (ROOT / package).glob("migrations/*.py")
    }

    assert len(migrations) >= 20
    assert migrations - names == set()


def test_the_unpacked_wheel_runs_with_the_production_settings(wheel, tmp_path):
    """The deploy steps, away from the checkout: check --deploy, the static files found in
    the installed packages, and the catalogue read from there."""
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    env = {
        **{key: value for key, value in os.environ.items() if key not in SAMPLE_PRODUCTION_ENV},
        **SAMPLE_PRODUCTION_ENV,
        # Ahead of the editable install's finder: the code comes from the wheel.
        "PYTHONPATH": str(site),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    script = (
        "import django, intranet\n"
        "from django.core.management import call_command\n"
        "from django.contrib.staticfiles import finders\n"
        "from django.utils import translation\n"
        "django.setup()\n"
        "print(intranet.__file__)\n"
        "call_command('check', '--deploy', '--fail-level', 'WARNING')\n"
        "for name in ('css/main.css', 'js/main.js', 'methods/methods.js'):\n"
        "    print(finders.find(name))\n"
        "translation.activate('nb')\n"
        "print(translation.gettext('Sign in'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(str(site))
    found = lines[-4:-1]
    assert all(line.startswith(str(site)) for line in found), found
    assert lines[-1] == "Logg inn"


# A new section is an app in INSTALLED_APPS; everything else finds it from there.


def top_level_packages():
    return {path.parent.name for path in ROOT.glob("*/__init__.py")}


def test_every_package_in_the_checkout_is_an_installed_app_or_the_project():
    """A folder that is a package but not in INSTALLED_APPS would be shipped and never
    loaded; an app outside the checkout's packages would not be shipped."""
    assert top_level_packages() == local_apps() | {PROJECT_PACKAGE, "tests"}


def test_setuptools_finds_the_packages_instead_of_listing_them():
    find = PYPROJECT["tool"]["setuptools"]["packages"]["find"]

    assert "include" not in find  # no list of apps to forget one in
    assert set(find["exclude"]) == {
        f"{name}{tail}" for name in DEVELOPMENT_ONLY for tail in ("", ".*")
    }
    assert find["namespaces"] is False  # templates/ and docs/ are no packages


def test_coverage_measures_every_app_without_a_list():
    run = PYPROJECT["tool"]["coverage"]["run"]

    assert run["source"] == ["."]
    for app in sorted(local_apps() | {PROJECT_PACKAGE}):
        for module in (f"{app}/__init__.py", f"{app}/apps.py"):
            assert not any(fnmatch.fnmatch(module, pattern) for pattern in run["omit"]), module


def test_every_section_with_pages_has_a_demo_loader():
    from demo.loaders import LOADERS

    with_pages = {
        model._meta.app_config.name
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page
    } & local_apps()

    assert with_pages
    assert with_pages <= {name for name, _loader in LOADERS}


def test_demo_loading_keeps_its_order_whatever_the_order_of_the_apps(monkeypatch):
    """load_demo_content runs demo/loaders' explicit list, not INSTALLED_APPS: with the
    registry read backwards the loaders still run in their own order."""
    from django.core.management import call_command

    from demo.loaders import LOADERS

    ran = []
    for name, loader in LOADERS:
        monkeypatch.setattr(loader, "load", lambda name=name: ran.append(name))
    monkeypatch.setattr(apps, "app_configs", dict(reversed(list(apps.app_configs.items()))))
    monkeypatch.setattr("django.db.transaction.atomic", _no_transaction)

    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert ran == [name for name, _loader in LOADERS]
    assert ran[0] == "home" and ran[-3:] == ["search", "owners", "feedback"]


class _no_transaction:  # noqa: N801
    """Stands in for transaction.atomic: the recorders touch no database."""

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_the_readme_layout_names_every_top_level_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```", 2)[1]
    named = {line.split()[0].rstrip("/") for line in layout.splitlines() if line[:1].strip()}
    untracked = {"node_modules", "media", "private-media", "static", "build"}  # make run, npm, pip
    folders = {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir()
        and not path.name.startswith(".")
        and not path.name.endswith(".egg-info")
        and path.name not in untracked
    }

    assert folders - named == set()
    assert {".ci", "manage.py", "pyproject.toml", "Makefile"} <= {
        name.split("/")[0] for name in named
    }
