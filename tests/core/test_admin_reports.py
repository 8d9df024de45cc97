"""Wagtail's reports and listings as editors read them: no «None», no raw model labels."""

import pytest
from django.urls import reverse

from demo import factories
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def test_aging_pages_says_unknown_for_a_page_published_without_a_user(admin_client):
    # make_content_page publishes the revision with no user, as the demo loader and
    # scheduled publishing do.
    factories.make_content_page(title="Publisert av ingen", slug="publisert-av-ingen")
    response = admin_client.get(reverse("wagtailadmin_reports:aging_pages"))
    assert response.status_code == 200
    row = next(
        row for row in soup(response).select("tbody tr") if "Publisert av ingen" in row.get_text()
    )
    cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    assert "Ukjent" in cells
    assert "None" not in row.get_text()


def test_aging_pages_names_the_user_who_published(admin_client):
    page = factories.make_content_page(title="Publisert av noen", slug="publisert-av-noen")
    page.save_revision(user=factories.make_user("redaktor")).publish(
        user=factories.make_user("sjefredaktor", is_superuser=True)
    )
    response = admin_client.get(reverse("wagtailadmin_reports:aging_pages"))
    row = next(
        row for row in soup(response).select("tbody tr") if "Publisert av noen" in row.get_text()
    )
    assert "sjefredaktor" in row.get_text()
    assert "Ukjent" not in row.get_text()


def test_the_forms_listing_shows_the_origin_without_the_model_label(admin_client):
    call = factories.make_funding_call()
    response = admin_client.get(reverse("wagtailforms:index"))
    assert response.status_code == 200
    row = next(row for row in soup(response).select("tbody tr") if call.title in row.get_text())
    text = row.get_text(" ", strip=True)
    assert "Utlysning" in text
    assert "funding.fundingcallpage" not in text
    assert "(" not in text.split(call.title, 1)[1]
