"""Caching that is correct: what is cached for everyone changes the moment content does,
and nothing that belongs to one user is ever shown to another."""

import datetime
import os
import re
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from caching import generation
from caching.models import CacheCounter
from core.models import SectionSettings
from core.publishing.roles import EDITORS, MODERATORS, apply_roles
from demo import factories


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def menu(client):
    page = html(client, "/")
    found = re.search(r'<ul class="main-menu__list".*?</ul>', page, re.S)
    return found.group(0) if found else ""


# --- A publish is seen at once -------------------------------------------------------------


def test_a_published_page_is_in_the_menu_at_once_and_leaves_it_when_unpublished(
    employee_client, home
):
    factories.make_content_page(title="Hva er innovasjon?", show_in_menus=True)
    assert "Hva er innovasjon?" in menu(employee_client)  # cached now

    new = factories.make_content_page(title="Innovasjonskultur", show_in_menus=True)
    assert "Innovasjonskultur" in menu(employee_client)

    new.unpublish()
    assert "Innovasjonskultur" not in menu(employee_client)
    assert employee_client.get("/innovasjonskultur/").status_code == 404


def test_a_new_title_replaces_the_cached_page_menu_and_breadcrumbs(employee_client, home):
    section = factories.make_content_page(title="Om innovasjon", show_in_menus=True)
    page = factories.make_content_page(parent=section, title="Gevinstrealisering")
    assert "Om innovasjon" in html(employee_client, page.url)

    section.title = "Innovasjon i kommunen"
    section.save_revision().publish()

    shown = html(employee_client, page.url)
    assert "Innovasjon i kommunen" in shown
    assert "Om innovasjon" not in shown


def test_a_moved_page_answers_at_its_new_address_only(employee_client, home):
    old_parent = factories.make_content_page(title="Gammel seksjon", slug="gammel")
    new_parent = factories.make_content_page(title="Ny seksjon", slug="ny")
    page = factories.make_content_page(parent=old_parent, title="Flyttet side", slug="flyttet")
    assert employee_client.get("/gammel/flyttet/").status_code == 200  # route cached

    page.move(new_parent, pos="last-child")

    # Wagtail leaves a redirect at the old address; the page itself lives at the new one.
    old = employee_client.get("/gammel/flyttet/")
    assert (old.status_code, old["Location"]) == (301, "/ny/flyttet/")
    assert "Ny seksjon" in html(employee_client, "/ny/flyttet/")


def test_a_deleted_page_is_gone_from_its_address_and_the_menu(employee_client, home):
    page = factories.make_content_page(title="Kortvarig", slug="kortvarig", show_in_menus=True)
    assert "Kortvarig" in menu(employee_client)
    assert employee_client.get("/kortvarig/").status_code == 200

    Page.objects.get(pk=page.pk).delete()

    assert "Kortvarig" not in menu(employee_client)
    assert employee_client.get("/kortvarig/").status_code == 404


def test_a_published_method_replaces_its_cached_page(employee_client, home):
    factories.make_phases()
    method = factories.make_method(title="Brukerreise", summary="Kartlegg reisen.")
    assert "Kartlegg reisen." in html(employee_client, method.url)

    method.summary = "Tegn reisen sammen med brukerne."
    method.save_revision().publish()

    assert "Tegn reisen sammen med brukerne." in html(employee_client, method.url)


def test_a_renamed_contact_person_shows_on_cached_pages(employee_client, home):
    person = factories.make_person(name="Kari Rådgiver")
    page = factories.make_content_page(title="Kontakt", contact_person=person)
    assert "Kari Rådgiver" in html(employee_client, page.url)

    person.name = "Kari Nordmann"
    person.save()

    assert "Kari Nordmann" in html(employee_client, page.url)


def test_new_footer_settings_show_at_once(employee_client, home):
    assert "Innovasjon i hverdagen" not in html(employee_client, "/")
    section = SectionSettings.objects.get()
    section.footer_text = "Innovasjon i hverdagen"
    section.save()

    assert "Innovasjon i hverdagen" in html(employee_client, "/")


def test_a_draft_never_shows_on_the_live_page_and_its_preview_never_shows_the_cache(
    employee_client, home
):
    page = factories.make_content_page(title="Publisert tittel", slug="side")
    assert "Publisert tittel" in html(employee_client, "/side/")

    page.title = "Utkast til tittel"
    page.save_revision()  # a draft: not published

    assert "Publisert tittel" in html(employee_client, "/side/")
    preview = page.get_latest_revision_as_object().make_preview_request()
    assert "Utkast til tittel" in preview.content.decode()
    assert "Publisert tittel" in html(employee_client, "/side/")


def test_a_new_view_restriction_applies_at_once(employee_client, home):
    page = factories.make_content_page(title="Ledersider", slug="ledere", show_in_menus=True)
    assert "Ledersider" in menu(employee_client)
    assert employee_client.get("/ledere/").status_code == 200

    apply_roles(home)
    factories.restrict_to_groups(page, MODERATORS)

    assert employee_client.get("/ledere/").status_code != 200
    assert "Ledersider" not in menu(employee_client)
    assert 'href="/ledere/"' not in html(employee_client, "/sok/?q=Ledersider")


def test_cached_parts_change_with_the_clock_when_an_event_begins(employee_client, home):
    start = timezone.now() + datetime.timedelta(hours=1)
    factories.make_event(
        title="Innovasjonsdagen 2027", start=start, end=start + datetime.timedelta(hours=6)
    )
    assert "Neste arrangement" in html(employee_client, "/")  # cached

    later = start + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        shown = html(employee_client, "/")

    assert "Akkurat nå" in shown


def test_the_cached_funding_listing_moves_a_call_to_the_archive_when_its_deadline_passes(
    employee_client, home
):
    deadline = timezone.now() + datetime.timedelta(hours=2)
    factories.make_funding_call(title="Innovasjonsmidler 2027", deadline=deadline)
    listing = html(employee_client, "/stotte/")  # cached
    assert "Tidligere utlysninger" not in listing

    with mock.patch(
        "django.utils.timezone.now", return_value=deadline + datetime.timedelta(hours=1)
    ):
        listing = html(employee_client, "/stotte/")

    archive = listing.split("Tidligere utlysninger", 1)[1]
    assert "Innovasjonsmidler 2027" in archive


def test_another_process_publishing_is_seen_here(employee_client, home):
    """The counters live in the database: a change made and announced by another
    process (a gunicorn worker, the scheduled-publishing cron job) is seen here
    although this process's own cache still holds the old menu."""
    page = factories.make_content_page(title="Før", slug="side", show_in_menus=True)
    assert "Før" in menu(employee_client)

    # What another process does: change the row, bump the counter, with no signal here.
    Page.objects.filter(pk=page.pk).update(title="Etter")
    CacheCounter.objects.filter(name=generation.NAVIGATION).update(value=F("value") + 1)

    assert "Etter" in menu(employee_client)


# --- Nothing of one user's is shown to another ---------------------------------------------


def test_each_user_sees_their_own_name_and_csrf_token_on_cached_pages(client, home):
    factories.make_phases()
    method = factories.make_method(title="Brukerreise")
    kari = factories.make_user("kari", first_name="Kari", last_name="Ansatt")
    ola = factories.make_user("ola", first_name="Ola", last_name="Moderator")

    client.force_login(kari)
    as_kari = html(client, method.url)
    client.force_login(ola)
    as_ola = html(client, method.url)

    assert "Kari Ansatt" in as_kari and "Kari Ansatt" not in as_ola
    assert "Ola Moderator" in as_ola
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.findall(as_kari) and token.findall(as_ola)
    assert not set(token.findall(as_kari)) & set(token.findall(as_ola))


def test_the_front_page_shows_each_user_only_their_own_booking(client, home):
    fabrikken = factories.make_fabrikken_page()
    room = fabrikken.rooms.filter(bookable=True).first()
    kari = factories.make_user("kari")
    ola = factories.make_user("ola")
    factories.make_room_booking(room, kari, purpose="Karis workshop")

    client.force_login(kari)
    assert "Your next booking" not in html(client, "/")  # the page is Norwegian
    as_kari = html(client, "/")
    client.force_login(ola)
    as_ola = html(client, "/")

    assert "Din neste booking" in as_kari or room.name in as_kari
    assert room.name not in re.sub(r'<section class="section fabrikken-home".*', "", as_ola)
    assert "fabrikken-home__next" in as_kari
    assert "fabrikken-home__next" not in as_ola


def test_joining_a_group_shows_the_userbar_at_once_and_leaving_hides_it(client, home):
    editors = apply_roles(home)[EDITORS]
    kari = factories.make_user("kari")
    client.force_login(kari)
    assert "wagtail-userbar" not in html(client, "/")  # permissions cached for Kari

    kari.groups.add(editors)
    assert "wagtail-userbar" in html(client, "/")

    kari.groups.remove(editors)
    assert "wagtail-userbar" not in html(client, "/")


def test_a_superuser_who_is_demoted_loses_the_cached_permissions(client, home):
    boss = factories.make_user("sjef", is_superuser=True)
    client.force_login(boss)
    assert "wagtail-userbar" in html(client, "/")

    boss.is_superuser = False
    boss.save()

    assert "wagtail-userbar" not in html(client, "/")
    assert client.get("/admin/").status_code == 403  # refused, not sent to sign in again


# --- The cache itself ---------------------------------------------------------------------------


def test_keys_of_a_new_generation_never_meet_the_old_ones(home):
    before = generation.current()
    factories.make_content_page(title="Ny side")
    after = generation.current()

    assert after.content > before.content
    assert after.access == before.access


def test_after_a_restore_no_key_from_the_newer_database_is_met(home):
    """A restored backup brings older counters; `migrate` (run after every restore) moves
    them past every value used before, so nothing cached from the newer content shows."""
    from caching.keys import scoped_key

    seen = set()
    for _ in range(3):
        generation.bump(generation.SITE, generation.NAVIGATION)
        seen.add(scoped_key([generation.NAVIGATION], "menu"))
        seen.add(generation.current().content)
    CacheCounter.objects.update(value=1)  # the restore

    generation.restart()  # what migrate's post_migrate does

    assert scoped_key([generation.NAVIGATION], "menu") not in seen
    assert generation.current().content not in seen


def test_bulk_loads_start_one_generation(home):
    before = generation.current().content
    with generation.bump_once():
        for number in range(5):
            factories.make_content_page(title=f"Side {number}", slug=f"side-{number}")
        assert generation.current().content == before
    assert generation.current().content == before + 1


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_with_redis_url_the_cache_and_sessions_live_in_redis(employee_client, home):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    cache.set("innovasjon-test", {"svar": 42})
    assert cache.get("innovasjon-test") == {"svar": 42}
    html(employee_client, "/")
    assert caches["default"]._cache.get_client().dbsize() > 0  # the menu and routes went to Redis
