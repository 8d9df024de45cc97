"""The demo loader and the section setup: idempotent, and safe with DEBUG off."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from core.models import SectionSettings
from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def tree():
    return list(Page.objects.order_by("path").values_list("id", "path", "title", "live"))


def test_demo_content_twice_leaves_the_same_tree(settings):
    settings.DEMO_PASSWORD = "et-langt-demopassord"
    call_command("load_demo_content", verbosity=0)
    first = tree()
    users = list(get_user_model().objects.order_by("id").values_list("id", "username"))

    call_command("load_demo_content", verbosity=0)

    assert tree() == first
    assert list(get_user_model().objects.order_by("id").values_list("id", "username")) == users


def test_demo_content_builds_the_front_page_and_content_pages(settings, client):
    settings.DEMO_PASSWORD = "et-langt-demopassord"
    call_command("load_demo_content", verbosity=0)

    home = HomePage.objects.get()
    slugs = set(ContentPage.objects.live().values_list("slug", flat=True))
    assert {"hva-er-innovasjon", "innovasjonskultur"} <= slugs
    assert home.title == "Innovasjon i Stavanger kommune"
    assert home.highlights.count() >= 2
    section = SectionSettings.for_site(Site.objects.get(is_default_site=True))
    assert section.accessibility_page.slug == "tilgjengelighetserklaering"

    assert client.login(username="ansatt", password="et-langt-demopassord")
    html = client.get("/").content.decode()
    assert "Hva er innovasjon?" in html
    assert "Tilgjengelighetserklæring" in html
    assert client.get("/innovasjonskultur/").status_code == 200


def test_demo_users_have_their_roles(settings):
    settings.DEMO_PASSWORD = "et-langt-demopassord"
    call_command("load_demo_content", verbosity=0)
    users = {user.username: user for user in get_user_model().objects.all()}

    assert users["admin"].is_superuser
    assert users["redaktor"].groups.filter(name="Redaktører").exists()
    assert users["moderator"].groups.filter(name="Moderatorer").exists()
    assert not users["ansatt"].groups.exists()
    assert not users["ansatt"].is_staff


def test_demo_users_are_refused_the_default_password_with_debug_off(settings):
    settings.DEBUG = False
    settings.DEMO_PASSWORD = ""

    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("load_demo_content", verbosity=0)

    assert not get_user_model().objects.exists()
    assert not ContentPage.objects.exists()


def test_demo_users_are_created_with_debug_off_when_a_password_is_given(settings):
    settings.DEBUG = False
    settings.DEMO_PASSWORD = "et-langt-demopassord"

    call_command("load_demo_content", verbosity=0)

    assert get_user_model().objects.get(username="ansatt").check_password("et-langt-demopassord")


def test_setup_section_points_the_default_site_at_the_home_page_twice():
    call_command("setup_section", verbosity=0)
    call_command("setup_section", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert Site.objects.count() == 1
    assert site.root_page.specific_class is HomePage
    assert site.site_name == "Innovasjon"
    assert SectionSettings.objects.filter(site=site).count() == 1
