"""The site's public address (SITE_URL): applied to Wagtail's Site by setup_section."""

import subprocess

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from demo import factories
from tests.conftest import PUBLIC_ADDRESS
from tests.helpers import ROOT

pytestmark = pytest.mark.django_db


def site_fields():
    return list(Site.objects.values_list("hostname", "port", "is_default_site", "root_page_id"))


def test_setup_section_puts_the_site_at_site_url(public_site, home):
    assert site_fields() == [("innovasjon.stavanger.kommune.no", 443, True, home.pk)]
    assert Site.objects.get().root_url == PUBLIC_ADDRESS


def test_setup_section_applied_twice_changes_nothing(public_site):
    before = site_fields()

    call_command("setup_section", verbosity=0)

    assert site_fields() == before


def test_a_development_port_is_kept(home, settings):
    settings.SITE_URL = "http://127.0.0.1:8803"
    try:
        call_command("setup_section", verbosity=0)
        assert Site.objects.get().root_url == "http://127.0.0.1:8803"
    finally:
        Site.clear_site_root_paths_cache()


@pytest.mark.parametrize(
    "address",
    [
        "innovasjon.stavanger.kommune.no",
        "https://innovasjon.eksempel.no/intranett/",
        "https://innovasjon.eksempel.no:8443",
    ],
)
def test_an_address_the_site_cannot_hold_is_refused(home, settings, address):
    settings.SITE_URL = address
    with pytest.raises(CommandError, match="SITE_URL"):
        call_command("setup_section", verbosity=0)


def test_the_printed_footer_of_a_content_page_names_the_public_address(
    public_site, employee_client, home
):
    page = factories.make_content_page(parent=home, slug="hva-er-innovasjon")

    html = employee_client.get(page.url).content.decode()

    assert (
        "Skrevet ut fra Innovasjon, Stavanger kommune – "
        "https://innovasjon.stavanger.kommune.no/hva-er-innovasjon/" in html
    )


def test_make_run_and_serve_link_to_the_port_they_serve():
    """`PORT=8803 make run`: setup_section and the server get http://127.0.0.1:8803."""
    for target in ("run", "serve"):
        commands = subprocess.run(
            ["make", "-n", target, "PORT=8803"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        assert "SITE_URL=http://127.0.0.1:8803" in commands
        assert "8000" not in commands
