"""«Uferdige kladder»: pages begun in the admin (autosave makes them) and left."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publishing.drafts import abandoned_drafts
from home.models import ContentPage
from tests.core.conftest import submit_new_page
from tests.helpers import soup

pytestmark = pytest.mark.django_db

REPORT = "/admin/uferdige-kladder/"


def draft(parent, title, owner, days_ago, live=False):
    page = parent.add_child(
        instance=ContentPage(title=title, intro="Påbegynt.", live=False, owner=owner)
    )
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    ContentPage.objects.filter(pk=page.pk).update(
        latest_revision_created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return page


def rows(client):
    response = client.get(REPORT)
    assert response.status_code == 200
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup(response.content.decode()).select("tbody tr")
    ]


def test_a_draft_left_for_weeks_is_listed_with_who_began_it(client, section, people):
    redaktor = people["redaktor"]
    redaktor.first_name, redaktor.last_name = "Rita", "Redaktør"
    redaktor.save()
    draft(section, "Halvskrevet idé", redaktor, days_ago=20)
    draft(section, "Skrives i dag", redaktor, days_ago=1)
    draft(section, "Publisert for lengst", redaktor, days_ago=40, live=True)

    client.force_login(redaktor)
    listed = rows(client)

    assert [row[0] for row in listed] == ["Halvskrevet idé"]
    assert listed[0][2] == "Rita Redaktør"


def test_a_draft_waiting_for_approval_is_not_abandoned(client, section, people):
    client.force_login(people["redaktor"])
    submitted = submit_new_page(client, section)
    ContentPage.objects.filter(pk=submitted.pk).update(
        latest_revision_created_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert not abandoned_drafts(people["redaktor"]).filter(pk=submitted.pk).exists()
    assert "Ingen uferdige kladder" in client.get(REPORT).content.decode()


def test_the_delete_link_is_offered_only_where_the_user_may_delete(client, section, people):
    page = draft(section, "Halvskrevet idé", people["redaktor"], days_ago=20)
    delete_url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    for username in ("redaktor", "moderator"):
        user = people[username]
        client.force_login(user)
        html = client.get(REPORT).content.decode()
        may_delete = page.permissions_for_user(user).can_delete()
        assert (delete_url in html) is may_delete, username


def test_employees_neither_see_nor_open_the_report(client, section, people):
    draft(section, "Halvskrevet idé", people["redaktor"], days_ago=20)
    client.force_login(people["ansatt"])
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Halvskrevet idé" not in response.content.decode()


def test_editors_find_the_report_in_the_reports_menu(client, section, people):
    client.force_login(people["redaktor"])
    assert REPORT in client.get("/admin/").content.decode()


def test_the_report_costs_the_same_for_one_draft_and_for_twelve(client, section, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people["redaktor"])
    client.get(REPORT)  # the first request fills per-process caches (content types, locales)
    counts = []
    for drafts in (1, 12):
        while ContentPage.objects.filter(live=False).count() < drafts:
            draft(section, f"Kladd {drafts}-{timezone.now():%f}", people["redaktor"], days_ago=20)
        with CaptureQueriesContext(connection) as queries:
            assert len(rows(client)) == drafts
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 15, counts
