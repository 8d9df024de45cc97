"""Static files as production serves them: collectstatic with WhiteNoise's compressed
manifest storage gives hashed names, a far-future cache and gzip; pages load nothing
from another host, and the script never blocks rendering."""

import gzip
import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command

pytestmark = pytest.mark.django_db

FOREVER = "max-age=315360000, public, immutable"
OUR_FILES = ["css/main.css", "js/main.js", "methods/methods.js"]


@pytest.fixture
def production_static(settings, tmp_path):
    """`collectstatic` into a temporary STATIC_ROOT with production's storage and WhiteNoise."""
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # What development turns on (intranet/settings/dev.py); production leaves them off.
    del settings.WHITENOISE_AUTOREFRESH
    del settings.WHITENOISE_USE_FINDERS
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def body_of(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("name", OUR_FILES)
def test_a_hashed_file_is_cached_for_ever_and_sent_gzipped(client, production_static, name):
    url = staticfiles_storage.url(name)
    assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", url), url
    collected = (production_static / url.removeprefix("/static/")).read_bytes()

    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")

    assert response.status_code == 200  # served before the sign-in is asked for
    assert response["Cache-Control"] == FOREVER
    assert response["Content-Encoding"] == "gzip"
    assert response["Vary"] == "Accept-Encoding"
    compressed = body_of(response)
    assert gzip.decompress(compressed) == collected
    assert len(compressed) < len(collected) / 2


def test_without_accept_encoding_the_file_comes_plain(client, production_static):
    url = staticfiles_storage.url("css/main.css")

    response = client.get(url)

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert body_of(response) == (production_static / url.removeprefix("/static/")).read_bytes()


def test_an_unhashed_name_is_cached_only_briefly(client, production_static):
    response = client.get("/static/css/main.css", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"


def test_pages_ask_for_the_hashed_files_and_nothing_from_another_host(
    employee_client, home, production_static
):
    html = employee_client.get("/").content.decode()

    assert f'<link rel="stylesheet" href="{staticfiles_storage.url("css/main.css")}">' in html
    assert f'<script src="{staticfiles_storage.url("js/main.js")}" defer></script>' in html
    # Every stylesheet, script, image and frame comes from this host.
    sources = re.findall(r'<(?:link|script|img|iframe|source)\b[^>]*\b(?:href|src)="([^"]+)"', html)
    assert sources
    assert not [source for source in sources if re.match(r"(?:[a-z]+:)?//", source)]
    # No script that stops the page from rendering while it loads.
    for script in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html):
        assert re.search(r"\b(defer|async)\b", script) or 'type="module"' in script, script
