"""Roles: the section's setup and the permission matrix through the real admin views."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
)

from core.models import FourEyesApprovalTask
from core.publishing import roles
from demo import factories
from funding.models import Application, FundingApplication
from funding.models.pipeline import Status
from tests.core.conftest import client_for, page_form, workflow_action
from tests.helpers import page_html

pytestmark = pytest.mark.django_db


# --- Setup --------------------------------------------------------------


def snapshot():
    return {
        group.name: (
            group.pk,
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission__codename"
                )
            ),
        )
        for group in Group.objects.filter(name__in=roles.ROLES).order_by("name")
    }


def test_setup_creates_groups_and_workflow_and_is_idempotent(section):
    first = snapshot()
    call_command("setup_section", verbosity=0)

    assert snapshot() == first
    assert set(first) == {roles.EDITORS, roles.MODERATORS, roles.CASE_HANDLERS}
    # Case handlers read applications in the admin and hold nothing else: no pages.
    assert first[roles.CASE_HANDLERS][1] == ["access_admin", "handle_application"]
    assert first[roles.CASE_HANDLERS][2] == []
    assert "handle_application" in first[roles.MODERATORS][1]
    assert "handle_application" not in first[roles.EDITORS][1]
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    editor_pages = {codename for _page, codename in first[roles.EDITORS][2]}
    moderator_pages = {codename for _page, codename in first[roles.MODERATORS][2]}
    assert editor_pages == {"add_page", "change_page"}
    assert moderator_pages == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert {page for page, _codename in first[roles.MODERATORS][2]} == {section.pk}

    workflow = Workflow.objects.get(name="Godkjenning")
    assert WorkflowPage.objects.get(page=section).workflow == workflow
    task = workflow.tasks.get().specific
    assert isinstance(task, FourEyesApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [roles.MODERATORS]
    assert section.get_workflow() == workflow
    assert Workflow.objects.filter(active=True).count() == 1


def test_changing_a_permission_in_code_updates_the_group(section, monkeypatch):
    monkeypatch.setattr(
        roles,
        "ROLES",
        {
            **roles.ROLES,
            roles.EDITORS: (
                lambda: roles.editor_permissions() - {"core.change_person"},
                roles.EDITOR_COLLECTION_PERMISSIONS,
                {"change_page"},
            ),
        },
    )

    call_command("setup_section", verbosity=0)

    editors = Group.objects.get(name=roles.EDITORS)
    assert not editors.permissions.filter(codename="change_person").exists()
    assert editors.permissions.filter(codename="add_person").exists()
    assert set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    ) == {"change_page"}


# --- Permission matrix through the real admin views ---------------------


MATRIX = {
    # who:        (open admin, create page, edit page, publish directly, approve task,
    #              read form submissions, create an alias, publish a copy, set privacy)
    None: (False, False, False, False, False, False, False, False, False),
    "ansatt": (False, False, False, False, False, False, False, False, False),
    "redaktor": (True, True, True, False, False, False, False, False, False),
    "moderator": (True, True, True, False, True, True, False, False, True),
    "admin": (True, True, True, True, True, True, True, True, True),
}


@pytest.mark.parametrize("who", list(MATRIX))
def test_permission_matrix(client, section, people, who):
    can_open, can_create, can_edit, can_publish, can_approve, can_read = MATRIX[who][:6]
    user = people.get(who)
    submitter = people["moderator2"]
    page = factories.make_content_page(title="Eksisterende side", publish=True)
    call = factories.make_funding_call()
    FundingApplication.objects.create(
        page=call,
        applicant=people["ansatt"],
        applicant_name="Ansatt Testesen",
        form_data={"prosjekttittel": "Hemmelig søknad"},
        token=uuid.uuid4(),
    )
    client_for(client, user)

    submissions = client.get(reverse("wagtailforms:list_submissions", args=(call.pk,)))
    assert ("Hemmelig søknad" in submissions.content.decode()) is can_read

    dashboard = client.get(reverse("wagtailadmin_home"))
    assert (dashboard.status_code == 200) is can_open

    add_url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", section.pk))
    assert (client.get(add_url).status_code == 200) is can_create

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert (client.get(edit_url).status_code == 200) is can_edit

    client.post(
        edit_url, page_form("Publisert direkte", page.slug, **{"action-publish": "Publiser"})
    )
    page.refresh_from_db()
    assert (page.title == "Publisert direkte") is can_publish

    draft = factories.make_content_page(title="Venter på godkjenning", publish=False)
    draft.save_revision(user=submitter)
    draft.get_workflow().start(draft, submitter)
    client_for(client, user)
    workflow_action(client, draft, "approve")
    draft.refresh_from_db()
    assert draft.live is can_approve


def copy_form(target, slug, **extra):
    return {
        "new_title": "Kopi av eksisterende side",
        "new_slug": slug,
        "new_parent_page": target.pk,
        **extra,
    }


@pytest.mark.parametrize("who", list(MATRIX))
def test_permission_matrix_aliases_copies_and_privacy(client, section, people, who):
    """An alias is live with its original, a published copy is live at once: both
    bypass «Godkjenning», so only administrators make them. Privacy offers no
    shared password to anyone."""
    can_alias, can_publish_copy, can_set_privacy = MATRIX[who][6:]
    page = factories.make_content_page(title="Eksisterende side", publish=True)
    copy_url = reverse("wagtailadmin_pages:copy", args=(page.pk,))
    client_for(client, people.get(who))

    form_html = client.get(copy_url).content.decode()
    assert ('name="alias"' in form_html) is can_alias
    assert ('name="publish_copies"' in form_html) is can_publish_copy

    in_admin = MATRIX[who][0]  # others are sent away before the copy view
    response = client.post(
        copy_url, copy_form(section, "alias-av-siden", alias="on"), follow=in_admin
    )
    alias = Page.objects.filter(slug="alias-av-siden").first()
    assert (alias is not None) is can_alias
    if can_alias:
        assert alias.alias_of_id == page.pk and alias.live
    elif who in ("redaktor", "moderator"):
        assert "bare administratorer kan lage det" in response.content.decode()

    response = client.post(
        copy_url, copy_form(section, "publisert-kopi", publish_copies="on"), follow=in_admin
    )
    published = Page.objects.filter(slug="publisert-kopi").first()
    assert (published is not None and published.live) is can_publish_copy
    if who in ("redaktor", "moderator"):
        assert published is None
        assert "Kopier lagres som utkast" in response.content.decode()

    privacy_url = reverse("wagtailadmin_pages:set_privacy", args=(page.pk,))
    dialog = client.get(privacy_url)
    assert (dialog.status_code == 200) is can_set_privacy
    if can_set_privacy:
        html = dialog.json()["html"]
        assert 'value="login"' in html and 'value="groups"' in html
        assert 'value="password"' not in html
        assert 'name="password"' not in html
    client.post(privacy_url, {"restriction_type": "password", "password": "hemmelig"})
    assert not PageViewRestriction.objects.exists()


# Case handling (/admin/soknader/): who reaches each view. Signed out, the login answers
# (302); signed in without the role, 403 (editors too); a case handler may read.
CASE_HANDLING = {
    None: 302,
    "ansatt": 403,
    "redaktor": 403,
    "saksbehandler": 200,
    "moderator": 200,
    "admin": 200,
}


@pytest.mark.parametrize("who", list(CASE_HANDLING))
def test_permission_matrix_case_handling(client, section, people, who):
    expected = CASE_HANDLING[who]
    people["saksbehandler"] = factories.make_user("saksbehandler", groups=[roles.CASE_HANDLERS])
    applicant = people["ansatt"]
    call = factories.make_funding_call()
    application = Application.objects.create(
        call=call, created_by=applicant, project_title="Hemmelig søknad", amount=100_000
    )
    application.move_to(Status.SUBMITTED, by=applicant)
    client_for(client, people.get(who))
    case_args = (call.pk, application.pk)
    addresses = [
        reverse("funding_cases:calls"),
        reverse("funding_cases:list", args=(call.pk,)),
        reverse("funding_cases:list", args=(call.pk,)) + "?export=csv",
        reverse("funding_cases:case", args=case_args),
        reverse("funding_cases:assess", args=case_args),
        reverse("funding_cases:decide", args=case_args),
    ]

    for address in addresses:
        assert client.get(address).status_code == expected, address
    response = client.post(reverse("funding_cases:start_review", args=case_args))
    application.refresh_from_db()
    assert (application.status == Status.IN_REVIEW) is (expected == 200)
    if expected != 200:
        assert response.status_code == expected
        assert "Hemmelig søknad" not in response.content.decode()


@pytest.mark.parametrize("who", ["redaktor", "moderator"])
def test_a_copy_by_editors_and_moderators_is_a_draft_that_goes_through_approval(
    client, section, people, who
):
    parent = factories.make_content_page(title="Forelder", slug="forelder", publish=True)
    factories.make_content_page(parent=parent, title="Barn", slug="barn", publish=True)
    client.force_login(people[who])

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(parent.pk,)),
        copy_form(section, "kopi-av-forelder", copy_subpages="on"),
    )

    assert response.status_code == 302
    copy = Page.objects.get(slug="kopi-av-forelder")
    copies = [copy, *copy.get_descendants()]
    assert len(copies) == 2
    assert not any(p.live or p.alias_of_id for p in copies)
    client.force_login(people["ansatt"])
    assert client.get("/kopi-av-forelder/").status_code == 404


@pytest.mark.parametrize("who", ["redaktor", "moderator"])
def test_the_admin_api_does_not_publish_past_the_workflow(client, section, people, who):
    """Wagtail's admin API publishes, copies live and creates aliases for anyone with
    `publish_page`; the admin's screens do not use it, and here it keeps four eyes."""
    page = factories.make_content_page(title="Eksisterende side", publish=True)
    draft = factories.make_content_page(title="Utkast", slug="utkast", publish=False)
    client.force_login(people[who])

    def action(target, name, **data):
        url = reverse("wagtailadmin_api:pages:action", args=(target.pk, name))
        return client.post(url, data, content_type="application/json")

    assert action(draft, "publish").status_code == 403
    draft.refresh_from_db()
    assert not draft.live

    assert action(page, "create_alias", update_slug="api-alias").status_code == 403
    assert not Page.objects.filter(slug="api-alias").exists()

    action(page, "copy", slug="api-kopi", keep_live=True)
    copy = Page.objects.filter(slug="api-kopi").first()
    assert copy is None or not copy.live


def test_administrators_still_publish_aliases_and_copies_through_the_admin_api(
    client, section, people
):
    page = factories.make_content_page(title="Eksisterende side", publish=True)
    client.force_login(people["admin"])

    def action(name, **data):
        url = reverse("wagtailadmin_api:pages:action", args=(page.pk, name))
        return client.post(url, data, content_type="application/json")

    assert action("create_alias", update_slug="api-alias").status_code == 201
    assert action("copy", slug="api-kopi").status_code == 201
    assert Page.objects.get(slug="api-alias").live
    assert Page.objects.get(slug="api-kopi").live


def test_moderators_see_no_publish_button_but_administrators_do(client, section, people):
    page = factories.make_content_page()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

    client.force_login(people["moderator"])
    moderator_html = page_html(client.get(edit_url))
    client.force_login(people["admin"])
    admin_html = client.get(edit_url).content.decode()

    assert 'name="action-publish"' not in moderator_html
    assert 'name="action-submit"' in moderator_html
    assert 'name="action-publish"' in admin_html


def test_bulk_publish_is_refused_for_moderators(client, section, people):
    page = factories.make_content_page(publish=False)
    client.force_login(people["moderator"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))

    client.post(f"{url}?id={page.pk}", {})

    page.refresh_from_db()
    assert not page.live
