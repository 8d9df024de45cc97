"""Production settings, migrations and the Norwegian catalogue."""

import os
import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.helpers import ROOT

CATALOGUE = ROOT / "intranet" / "locale" / "nb" / "LC_MESSAGES" / "django.po"

SAMPLE_PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
    "SECRET_KEY": "k" * 24 + "-Xy9_unik-nok-for-produksjon-" + "q" * 24,
    "ALLOWED_HOSTS": "innovasjon.eksempel.no",
    "CSRF_TRUSTED_ORIGINS": "https://innovasjon.eksempel.no",
    "SITE_URL": "https://innovasjon.eksempel.no",
    "AXES_PROXY_COUNT": "1",
}


def manage(*args, env):
    clean = {key: value for key, value in os.environ.items() if key not in SAMPLE_PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "AXES_PROXY_COUNT", "SITE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {key: value for key, value in SAMPLE_PRODUCTION_ENV.items() if key != missing}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_refuses_a_site_url_the_site_cannot_hold():
    env = {**SAMPLE_PRODUCTION_ENV, "SITE_URL": "https://innovasjon.eksempel.no:8443/intranett/"}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SITE_URL must name only the scheme, host and port" in result.stderr


def test_check_deploy_is_clean_with_a_sample_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=SAMPLE_PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Raises SystemExit(1) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def catalogue_entries():
    """(msgid, msgstr, flags) for each singular entry without context in the .po file."""
    text = CATALOGUE.read_text(encoding="utf-8")
    entries = []
    for chunk in text.split("\n\n"):
        if "msgid_plural" in chunk or "msgctxt" in chunk:
            continue
        flags = " ".join(re.findall(r"^#, (.*)$", chunk, flags=re.M))
        parts = re.split(r"^msgstr ", chunk, flags=re.M)
        if len(parts) != 2 or "msgid " not in parts[0]:
            continue
        msgid = "".join(re.findall(r'"(.*)"', parts[0].split("msgid ", 1)[1]))
        msgstr = "".join(re.findall(r'"(.*)"', parts[1]))
        if msgid:
            entries.append((msgid, msgstr, flags))
    return entries


def test_norwegian_catalogue_is_complete_and_compiled():
    entries = catalogue_entries()
    assert len(entries) > 50

    untranslated = [msgid for msgid, msgstr, _flags in entries if not msgstr]
    fuzzy = [msgid for msgid, _msgstr, flags in entries if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []

    def unescape(text):
        return text.encode("latin-1", "backslashreplace").decode("unicode_escape")

    with translation.override("nb"):
        stale = [
            msgid
            for msgid, msgstr, _flags in entries
            if "%" not in msgid and translation.gettext(unescape(msgid)) != unescape(msgstr)
        ]
    assert stale == [], "run `make messages` to compile the catalogue"
