"""No shared page or document passwords: «innloggede» and groups only (issue 16, item 4).

A shared password could be guessed without limit. The privacy dialogs do not
offer it, the migration home/0004 turned the old ones into restrictions for
administrators only, and one made since is refused rather than asked for.
"""

import importlib
import logging

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.publishing import roles
from demo import factories

pytestmark = pytest.mark.django_db

retire = importlib.import_module("home.migrations.0004_retire_shared_passwords")


@pytest.fixture
def section(home):
    call_command("setup_section", verbosity=0)
    return home


@pytest.fixture
def people(section):
    return {
        "ansatt": factories.make_user("ansatt"),
        "redaktor": factories.make_user("redaktor", groups=[roles.EDITORS]),
        "moderator": factories.make_user("moderator", groups=[roles.MODERATORS]),
        "admin": factories.make_user("admin", is_superuser=True),
    }


@pytest.fixture
def secret_page(section):
    return factories.make_content_page(
        title="Hemmelig side", slug="hemmelig-side", intro="Bare for de utvalgte."
    )


@pytest.fixture
def secret_document():
    collection = Collection.get_first_root_node().add_child(name="Hemmelige dokumenter")
    document = get_document_model()(title="Hemmelig arbeidsark", collection=collection)
    document.file.save("hemmelig.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return document


def password_restrictions(page, document, groups=()):
    """Restrictions as Wagtail made them before: a shared password, and groups left
    over from an earlier choice in the dialog."""
    on_page = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sommer2026"
    )
    on_collection = CollectionViewRestriction.objects.create(
        collection=document.collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="sommer2026",
    )
    for restriction in (on_page, on_collection):
        restriction.groups.set(Group.objects.filter(name__in=groups))
    return on_page, on_collection


def sees(client, user, url):
    client.force_login(user)
    response = client.get(url)
    return response.status_code == 200


def test_the_migration_restricts_password_pages_and_documents_to_administrators(
    client, people, secret_page, secret_document, caplog
):
    on_page, on_collection = password_restrictions(
        secret_page, secret_document, groups=[roles.MODERATORS]
    )

    with caplog.at_level(logging.WARNING, logger="home.privacy"):
        retire.restrict_to_administrators(django_apps, None)

    for restriction in (on_page, on_collection):
        restriction.refresh_from_db()
        assert restriction.restriction_type == "groups"
        assert restriction.password == ""
        assert not restriction.groups.exists()
    logged = [r.getMessage() for r in caplog.records if r.name == "home.privacy"]
    assert len(logged) == 2
    assert f"page {secret_page.pk} (/home/hemmelig-side/)" in logged[0]
    assert "collection" in logged[1] and "Hemmelige dokumenter" in logged[1]

    # Nobody gains access: not employees («innloggede» would have let them in),
    # not the moderators who were left in the groups; administrators keep it.
    for who in ("ansatt", "redaktor", "moderator"):
        assert not sees(client, people[who], secret_page.url), who
        assert not sees(client, people[who], secret_document.url), who
    assert sees(client, people["admin"], secret_page.url)
    assert sees(client, people["admin"], secret_document.url)


def test_the_migration_leaves_login_and_group_restrictions_alone(people, secret_page):
    restriction = factories.restrict_to_groups(secret_page, roles.EDITORS)

    retire.restrict_to_administrators(django_apps, None)

    restriction.refresh_from_db()
    assert restriction.restriction_type == "groups"
    assert list(restriction.groups.values_list("name", flat=True)) == [roles.EDITORS]


def test_a_password_restriction_made_since_is_no_way_in(
    client, people, secret_page, secret_document
):
    on_page, on_collection = password_restrictions(secret_page, secret_document)
    client.force_login(people["ansatt"])

    page = client.get(secret_page.url)
    assert page.status_code == 403
    assert 'name="password"' not in page.content.decode()

    # The right password, through Wagtail's own forms, still opens nothing.
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=(on_page.pk, secret_page.pk)),
        {"password": "sommer2026", "return_url": secret_page.url},
    )
    client.post(
        reverse("wagtaildocs_authenticate_with_password", args=(on_collection.pk,)),
        {"password": "sommer2026", "return_url": secret_document.url},
    )
    assert client.get(secret_page.url).status_code == 403
    document = client.get(secret_document.url)
    assert document.status_code == 403
    assert b"%PDF" not in document.content


@pytest.mark.parametrize("who", ["moderator", "admin"])
def test_the_page_privacy_dialog_offers_no_shared_password(client, people, secret_page, who):
    client.force_login(people[who])
    url = reverse("wagtailadmin_pages:set_privacy", args=(secret_page.pk,))

    html = client.get(url).json()["html"]
    assert 'value="login"' in html and 'value="groups"' in html
    assert 'value="password"' not in html

    refused = client.post(url, {"restriction_type": "password", "password": "sommer2026"})
    assert refused.json()["step"] == "set_privacy"  # the dialog again, with an error
    assert not PageViewRestriction.objects.exists()

    client.post(url, {"restriction_type": "login"})
    assert PageViewRestriction.objects.get().restriction_type == "login"


def test_the_collection_privacy_dialog_offers_no_shared_password(client, people, secret_document):
    collection = secret_document.collection
    url = reverse("wagtailadmin_collections:set_privacy", args=(collection.pk,))

    client.force_login(people["moderator"])
    assert client.get(url).status_code != 200  # moderators do not manage collections

    client.force_login(people["admin"])
    html = client.get(url).json()["html"]
    assert 'value="login"' in html and 'value="groups"' in html
    assert 'value="password"' not in html

    client.post(url, {"restriction_type": "password", "password": "sommer2026"})
    assert not CollectionViewRestriction.objects.exists()
