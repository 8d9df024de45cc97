"""«Innholdseier»: chosen by name and unit in a searchable chooser, a default per section,
and the review report offering «Bekreft som oppdatert» only where the user may confirm."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from core.models import StaffProfile
from core.publishing import owners
from core.publishing.roles import EDITORS, MODERATORS
from demo import factories
from home.models import ContentPage, HomePage
from tests.core.conftest import page_form
from tests.helpers import page_html, soup

pytestmark = pytest.mark.django_db


def staff(username, first, last, unit, groups=(EDITORS,), **fields):
    user = factories.make_user(
        username,
        first_name=first,
        last_name=last,
        email=f"{username}@eksempel.no",
        groups=groups,
        **fields,
    )
    StaffProfile.objects.create(user=user, unit=unit)
    return user


@pytest.fixture
def kari(section):
    return staff("kanord", "Kari", "Nordmann", "Helse og velferd, Hundvåg")


def chooser_results(client, query):
    response = client.get(reverse("content_owner_chooser:choose_results"), {"q": query})
    assert response.status_code == 200
    return soup(response)


def rows(document):
    return [" ".join(row.get_text(" ", strip=True).split()) for row in document.select("tbody tr")]


def test_the_chooser_finds_people_by_full_name_and_shows_their_unit(redaktor_client, kari):
    staff("kaolsen", "Kari", "Olsen", "Oppvekst og utdanning")
    found = rows(chooser_results(redaktor_client, "kari nord"))
    assert found == ["Kari Nordmann Helse og velferd, Hundvåg kanord@eksempel.no"]

    # By the unit, by e-mail and by username alike.
    assert len(rows(chooser_results(redaktor_client, "hundvåg"))) == 1
    assert len(rows(chooser_results(redaktor_client, "kanord@eksempel"))) == 1
    assert len(rows(chooser_results(redaktor_client, "kanord"))) == 1
    assert len(rows(chooser_results(redaktor_client, "kari"))) == 2


def test_the_chooser_offers_only_active_people_who_can_edit(redaktor_client, kari):
    staff("ola", "Ola", "Ansatt", "Hundvåg skole", groups=())
    staff("gammel", "Kari", "Sluttet", "Helse og velferd", is_active=False)
    staff("mona", "Mona", "Moderator", "Innovasjon", groups=(MODERATORS,))
    staff("sjef", "Siri", "Admin", "Digitalisering", groups=(), is_superuser=True)

    names = [row.split(" ")[0:2] for row in rows(chooser_results(redaktor_client, ""))]

    assert ["Kari", "Nordmann"] in names
    assert ["Mona", "Moderator"] in names and ["Siri", "Admin"] in names
    assert ["Ola", "Ansatt"] not in names and ["Kari", "Sluttet"] not in names


def test_choosing_a_person_shows_the_full_name_and_the_unit(redaktor_client, kari):
    response = redaktor_client.get(reverse("content_owner_chooser:chosen", args=(kari.pk,)))
    assert response.json()["result"]["title"] == "Kari Nordmann (Helse og velferd, Hundvåg)"
    assert owners.owner_label(factories.make_user("utenprofil")) == "Utenprofil Testesen"


def owner_input(response):
    """The form's content owner field: a chooser's hidden input, never a <select>."""
    document = soup(page_html(response))
    assert document.select('select[name="content_owner"]') == []
    (field,) = document.select('input[name="content_owner"]')
    assert field["type"] == "hidden"
    return field


def test_the_page_form_shows_the_chooser_not_a_select(redaktor_client, kari):
    page = factories.make_content_page(content_owner=kari)
    response = redaktor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))

    assert owner_input(response)["value"] == str(kari.pk)
    html = response.content.decode()
    assert reverse("content_owner_chooser:choose") in html
    assert "Kari Nordmann (Helse og velferd, Hundvåg)" in html


def add_url(parent, model="contentpage", app="home"):
    return reverse("wagtailadmin_pages:add", args=(app, model, parent.pk))


def test_a_new_page_starts_with_its_sections_default_owner(redaktor_client, section, kari):
    HomePage.objects.filter(pk=section.pk).update(default_content_owner=kari)

    field = owner_input(redaktor_client.get(add_url(section)))
    assert field["value"] == str(kari.pk)

    # Sent as the form shows it, the page is saved with that owner.
    response = redaktor_client.post(
        add_url(section),
        page_form("Ny side", "ny-side", content_owner=field["value"], **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:3000]
    assert ContentPage.objects.get(slug="ny-side").content_owner == kari


def test_the_nearest_section_default_wins(redaktor_client, section, kari):
    mona = staff("mona", "Mona", "Moderator", "Innovasjon", groups=(MODERATORS,))
    HomePage.objects.filter(pk=section.pk).update(default_content_owner=kari)
    index = factories.make_method_index(parent=section)
    type(index).objects.filter(pk=index.pk).update(default_content_owner=mona)

    field = owner_input(redaktor_client.get(add_url(index, "methodpage", "methods")))

    assert field["value"] == str(mona.pk)


def test_someone_who_cannot_edit_is_refused_as_owner(redaktor_client, section):
    employee = staff("ola", "Ola", "Ansatt", "Hundvåg skole", groups=())
    response = redaktor_client.post(
        add_url(section),
        page_form("Ny side", "ny-side", content_owner=employee.pk, **{"action-submit": "1"}),
    )
    assert response.status_code == 200
    assert not ContentPage.objects.filter(slug="ny-side").exists()


# --- The review report offers only what the user may do ------------------------------------


def stale(page):
    type(page).objects.filter(pk=page.pk).update(
        last_confirmed_at=timezone.localdate() - datetime.timedelta(days=400)
    )
    return page


def report_rows(client):
    document = soup(page_html(client.get(reverse("core_review_report"))))
    table = document.select_one("table.listing")
    return {row.select_one("td").get_text(strip=True): row for row in table.select("tbody tr")}


def offers_confirm(row):
    return bool(row.select("form button"))


def test_the_report_offers_confirmation_only_where_the_user_may_confirm(
    client, redaktor, moderator
):
    mine = stale(factories.make_content_page(title="Min side", content_owner=redaktor))
    others = stale(factories.make_content_page(title="Andres side", content_owner=moderator))
    # Owned by the editor, but outside the section the editors may edit.
    root = Page.objects.get(depth=1)
    outside = ContentPage(title="Utenfor seksjonen", slug="utenfor", intro="x", live=True)
    root.add_child(instance=outside)
    ContentPage.objects.filter(pk=outside.pk).update(content_owner=redaktor)
    stale(outside)

    client.force_login(redaktor)
    rows_ = report_rows(client)
    assert offers_confirm(rows_["Min side"])
    assert not offers_confirm(rows_["Andres side"])
    assert not offers_confirm(rows_["Utenfor seksjonen"])
    # ... and no link into an editor it may not open.
    assert rows_["Utenfor seksjonen"].select("a") == []
    # The view refuses what the report does not offer.
    for page in (others, outside):
        refused = client.post(reverse("core_confirm_page", args=(page.pk,)))
        assert refused["Location"] == reverse("wagtailadmin_home")  # Wagtail's «ikke tilgang»
        page.refresh_from_db()
        assert page.last_confirmed_at < timezone.localdate()
    client.post(reverse("core_confirm_page", args=(mine.pk,)))
    mine.refresh_from_db()
    assert mine.last_confirmed_at == timezone.localdate()

    # A moderator may confirm every page in the section.
    client.force_login(moderator)
    rows_ = report_rows(client)
    assert offers_confirm(rows_["Andres side"])
    assert not offers_confirm(rows_["Utenfor seksjonen"])


def test_the_confirm_form_posts_to_the_confirm_view(client, redaktor):
    page = stale(factories.make_content_page(title="Min side", content_owner=redaktor))
    client.force_login(redaktor)
    (form,) = report_rows(client)["Min side"].select("form")
    assert form["action"] == reverse("core_confirm_page", args=(page.pk,))
    assert re.search(r"Bekreft som oppdatert", form.get_text())


def test_the_chooser_speaks_norwegian(redaktor_client, kari):
    response = redaktor_client.get(reverse("content_owner_chooser:choose"))
    html = response.json()["html"]
    text = " ".join(soup(html).get_text(" ").split())
    for norwegian in ("Velg innholdseier", "Navn", "Enhet", "E-post", "Kari Nordmann"):
        assert norwegian in text
    for english in ("Choose", "Search", "Name", "Unit", "Title"):
        assert english not in text
