"""The section's roles and its publishing workflow, declared in code.

`apply_roles()` makes the database match these declarations exactly: run it
twice and nothing changes; change a permission here and run it again, and
the group follows. `manage.py setup_section` runs it on every deploy.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Redaktører"
MODERATORS = "Moderatorer"
# Who handles a funding round's applications (assessment, decisions): personal data
# editors never see. Moderators hold the same through the apps' declarations.
CASE_HANDLERS = "Saksbehandlere"
WORKFLOW_NAME = "Godkjenning"
TASK_NAME = "Godkjenning av moderator"

# Wagtail's first migration creates "Editors" and "Moderators"; we take them
# over (keeping their members) rather than leave two pairs of groups.
LEGACY_NAMES = {EDITORS: "Editors", MODERATORS: "Moderators"}

# Model permissions, as "app_label.codename", on the models no section owns. Each app
# grants the roles what they may do with its own models in its AppConfig
# (`editor_permissions`, `moderator_permissions`: codenames), so core names no section
# and a new section declares its own in one place.
EDITOR_PERMISSIONS = {
    "wagtailadmin.access_admin",
    "core.add_person",
    "core.change_person",
    "core.view_person",
    # Promoted results («Anbefalt»); search's own models are declared by search.
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
}
MODERATOR_PERMISSIONS = EDITOR_PERMISSIONS | {
    "core.delete_person",
    "wagtailsearchpromotions.delete_searchpromotion",
}


def declared_permissions(attribute):
    """What the installed apps grant through their AppConfig's `attribute`."""
    return {
        f"{config.label}.{codename}"
        for config in apps.get_app_configs()
        for codename in getattr(config, attribute, ())
    }


def editor_permissions():
    return EDITOR_PERMISSIONS | declared_permissions("editor_permissions")


def moderator_permissions():
    """Moderators may do all editors may, and what the apps grant moderators besides."""
    return (
        MODERATOR_PERMISSIONS
        | editor_permissions()
        | declared_permissions("moderator_permissions")
        | declared_permissions("case_handler_permissions")
    )


def case_handler_permissions():
    """The admin, and what the apps grant case handlers (AppConfig `case_handler_permissions`)."""
    return {"wagtailadmin.access_admin"} | declared_permissions("case_handler_permissions")


# Images and documents are permitted per collection; these apply to the root
# collection and so to every collection below it.
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
}
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS | {
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
}

# Page permissions on the section's front page, and so on the whole tree.
# Moderators hold publish_page so they can unpublish, schedule and set
# privacy; the hooks in core/wagtail_hooks.py still route every publication
# by anyone but administrators through the workflow.
EDITOR_PAGE_PERMISSIONS = {"add_page", "change_page"}
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS | {
    "publish_page",
    "lock_page",
    "unlock_page",
}

ROLES = {
    EDITORS: (editor_permissions, EDITOR_COLLECTION_PERMISSIONS, EDITOR_PAGE_PERMISSIONS),
    MODERATORS: (
        moderator_permissions,
        MODERATOR_COLLECTION_PERMISSIONS,
        MODERATOR_PAGE_PERMISSIONS,
    ),
    # No pages, images or documents: case handlers work in the applications' views only.
    CASE_HANDLERS: (case_handler_permissions, set(), set()),
}


def apply_roles(home_page):
    """Create or update the groups, their permissions and the workflow."""
    groups = {name: _group(name) for name in ROLES}
    for name, (model_perms, collection_perms, page_perms) in ROLES.items():
        group = groups[name]
        group.permissions.set(_permissions(model_perms()))
        _set_collection_permissions(group, _permissions(collection_perms))
        _set_page_permissions(group, home_page, page_perms)
    _set_workflow(home_page, groups[MODERATORS])
    return groups


def _group(name):
    group = Group.objects.filter(name=name).first()
    if group is None and name in LEGACY_NAMES:
        group = Group.objects.filter(name=LEGACY_NAMES[name]).first()
    if group is not None and group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    elif group is None:
        group = Group.objects.create(name=name)
    return group


def _permissions(names):
    installed = {config.label for config in apps.get_app_configs()}
    wanted = []
    for name in sorted(names):
        app_label, codename = name.split(".")
        if app_label not in installed:  # an optional Wagtail app left out
            continue
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            raise LookupError(
                f"Unknown permission {name}: check core/publishing/roles.py and the app's AppConfig"
            )
        wanted.append(permission)
    return wanted


def _set_collection_permissions(group, permissions):
    root = Collection.get_first_root_node()
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def _set_page_permissions(group, home_page, codenames):
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )
    GroupPagePermission.objects.filter(group=group).exclude(
        page=home_page, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home_page, permission=permission
        )


def _set_workflow(home_page, moderators):
    from core.models import FourEyesApprovalTask

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = FourEyesApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([moderators])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home_page, defaults={"workflow": workflow})

    # Wagtail's default "Moderators approval" workflow on the root would still
    # apply to pages outside the section; nothing lives there, so retire it.
    root = Page.get_first_root_node()
    for stale in Workflow.objects.filter(active=True).exclude(pk=workflow.pk):
        if stale.workflow_pages.filter(page=root).exists():
            stale.deactivate()
