"""The demo sign-ins are safe with DEBUG off: the default password is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from core.models import SectionSettings
from demo.loaders import home as home_demo
from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def test_demo_users_are_refused_the_default_password_with_debug_off(settings):
    settings.DEBUG = False
    settings.DEMO_PASSWORD = ""

    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("load_demo_content", verbosity=0)

    assert not get_user_model().objects.exists()
    assert not ContentPage.objects.exists()


def test_demo_users_are_created_with_debug_off_when_a_password_is_given(settings):
    """The front page's loader makes the sign-ins (the other loaders add nothing to them)."""
    settings.DEBUG = False
    settings.DEMO_PASSWORD = "et-langt-demopassord"

    home_demo.load()

    assert get_user_model().objects.get(username="ansatt").check_password("et-langt-demopassord")


def test_setup_section_points_the_default_site_at_the_home_page_twice():
    call_command("setup_section", verbosity=0)
    call_command("setup_section", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert Site.objects.count() == 1
    assert site.root_page.specific_class is HomePage
    assert site.site_name == "Innovasjon"
    assert SectionSettings.objects.filter(site=site).count() == 1
