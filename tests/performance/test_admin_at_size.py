"""Query budgets for the admin an editor uses, as the section grows.

Signed in as `redaktor` (Redaktører, not a superuser: Wagtail checks page permissions
per group for them, where a superuser skips every check), each admin URL is counted with
a small methods section (FEW methods) and again after it grew (MANY). The methods look
like the demo's as an editor leaves them: each has an owner and a revision, some were
sent for approval, some have a draft over the live version, some are due for review,
some are locked, some have feedback. Both counts stay within the URL's budget and are
equal: no admin page costs more as the section grows. MANY is above the explorer's and
the reports' 50 rows per page, so a per-row query shows as growth.

Measured warm, as in test_query_budgets.py: the second request after the first filled
the caches.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from core.feedback.models import PageFeedback
from core.publishing import roles
from demo import bulk, factories
from methods.models import MethodPage
from search import log as search_log

from .test_query_budgets import analyze

pytestmark = pytest.mark.django_db

FEW, MANY = 5, 60

# name: budget, a few queries above what each costs today (with SQLite: 36, 44, 37, 13, 27).
# Every row also holds its count equal with FEW and MANY methods.
BUDGETS = {
    "page explorer": 40,
    "method edit view": 50,
    "dashboard": 40,
    "popular searches": 15,
    "review report": 30,
}


@dataclass
class Count:
    few: int = 0
    many: int = 0
    few_queries: list = field(default_factory=list)
    queries: list = field(default_factory=list)  # the SQL of the larger count, for failures


class Section:
    """A methods section edited by `redaktor`, with FEW methods and what grows it to MANY."""

    def __init__(self):
        from django.core.management import call_command

        self.home = factories.home_page()
        call_command("setup_section", verbosity=0)  # groups, permissions, the workflow
        self.editor = factories.make_user("redaktor", groups=[roles.EDITORS])
        self.method_index = factories.make_method_index()
        self.searches = 0
        self.add(FEW)

    def add(self, count):
        """`count` more methods, worked on as an editor works on them, and as many searches."""
        methods = bulk.add_methods(self.method_index, count, search=False)
        today = timezone.localdate()
        year_ago = today - datetime.timedelta(days=400)
        archived_soon = today - datetime.timedelta(days=385)  # «Arkiveres snart»: in ten days
        for number, method in enumerate(methods):
            page = MethodPage.objects.get(pk=method.pk)
            page.content_owner = self.editor
            page.save_revision(user=self.editor).publish()
            page.refresh_from_db()
            # Publishing confirms a page: the older confirmations are set afterwards.
            if number % 3 == 0:  # due for review: confirmed more than a year ago
                MethodPage.objects.filter(pk=page.pk).update(last_confirmed_at=year_ago)
            elif number % 3 == 1:  # due, and archived within two weeks unless confirmed
                MethodPage.objects.filter(pk=page.pk).update(last_confirmed_at=archived_soon)
            if number % 4 == 1:  # sent for approval
                page.save_revision(user=self.editor)
                page.get_workflow().start(page, self.editor)
            elif number % 4 == 2:  # a draft over the live version
                page.save_revision(user=self.editor)
            if number % 5 == 3:  # open in someone's editor
                Page.objects.filter(pk=page.pk).update(
                    locked=True, locked_by=self.editor, locked_at=timezone.now()
                )
            if number % 2 == 0:
                PageFeedback.objects.create(page=page, answer="nei", comment="Fant ikke malen.")
        for number in range(self.searches, self.searches + count):
            search_log.record(f"søkeord {number}", found=number % 3 != 0)
        search_log.flush()
        self.searches += count

    def urls(self):
        method = MethodPage.objects.child_of(self.method_index).order_by("path").first()
        return {
            "page explorer": f"/admin/pages/{self.method_index.pk}/",
            "method edit view": f"/admin/pages/{method.pk}/edit/",
            "dashboard": "/admin/",
            "popular searches": "/admin/sok/populaere/",
            "review report": "/admin/innhold-til-gjennomgang/",
        }


def warm_count(client, url, warmups=2):
    """The SQL of one request after `warmups` requests filled the caches."""
    for _ in range(warmups):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """Every admin URL counted for redaktor with FEW methods and with MANY."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        search_log.discard()
        section = Section()
        client = Client()
        client.force_login(section.editor)
        urls = section.urls()
        assert set(urls) == set(BUDGETS)
        counted = {name: Count() for name in urls}
        for name, url in urls.items():
            counted[name].few_queries = warm_count(client, url)
            counted[name].few = len(counted[name].few_queries)
        section.add(MANY - FEW)
        analyze()
        for name, url in urls.items():
            counted[name].queries = warm_count(client, url)
            counted[name].many = len(counted[name].queries)
        yield counted
        transaction.set_rollback(True)
    cache.clear()


@pytest.mark.parametrize("name", list(BUDGETS))
def test_admin_query_budget(counts, name):
    budget = BUDGETS[name]
    count = counts[name]
    queries = "\n".join(count.queries)
    assert count.few <= budget, f"{name}: {count.few} queries with {FEW} methods"
    assert count.many <= budget, f"{name}: {count.many} queries with {MANY} methods:\n{queries}"
    assert count.many == count.few, f"{name}: {count.few} → {count.many}:\n{queries}"


@pytest.mark.parametrize("group", [roles.EDITORS, roles.MODERATORS])
@pytest.mark.parametrize("live", [True, False])
def test_leaf_pages_may_be_deleted_as_wagtail_says(section, group, live):
    """The explorer's shortcut for leaf pages (core/publishing/permissions.py) gives
    Wagtail's own answer, for a live page and a draft, with and without publish permission."""
    from wagtail.models import PagePermissionTester

    user = factories.make_user("bruker", groups=[group])
    method = factories.make_method(publish=live)
    parent = method.get_parent().specific

    for page in (method, parent):
        ours = page.permissions_for_user(user)
        assert type(ours).__name__ == "SectionPagePermissionTester"
        assert ours.can_delete() == PagePermissionTester(user, page).can_delete(), page
