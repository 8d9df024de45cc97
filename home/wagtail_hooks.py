from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import admin_views
from home.models import Person
from home.roles import MODERATORS


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = gettext_lazy("People")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "unit", "email"]
    list_filter = ["unit"]
    search_fields = ["name", "role", "unit"]
    list_per_page = 50


register_snippet(PersonViewSet)


# Publishing goes through the workflow "Godkjenning" for everyone but
# administrators. Moderators keep publish_page (to unpublish, schedule and
# set privacy), so direct publication is taken away here: from the menu,
# and from every view that could publish on a POST.


def _may_publish_directly(user):
    return user.is_superuser


def _asks_to_publish(request, field):
    return (
        request.method == "POST"
        and bool(request.POST.get(field))
        and not _may_publish_directly(request.user)
    )


def _refuse_direct_publish(request, redirect_to):
    messages.error(
        request,
        _("Pages are published through approval: choose «Submit for moderation» instead."),
    )
    return redirect(redirect_to)


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    if not _may_publish_directly(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    if _asks_to_publish(request, "action-publish"):
        return _refuse_direct_publish(request, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    if _asks_to_publish(request, "action-publish"):
        return _refuse_direct_publish(
            request, reverse("wagtailadmin_explore", args=[parent_page.pk])
        )
    return None


@hooks.register("before_copy_page")
def refuse_publish_on_copy(request, page):
    if _asks_to_publish(request, "publish_copies"):
        return _refuse_direct_publish(request, reverse("wagtailadmin_explore", args=[page.pk]))
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type == "publish" and not _may_publish_directly(request.user):
        return _refuse_direct_publish(request, reverse("wagtailadmin_explore_root"))
    return None


@hooks.register("construct_main_menu")
def hide_wagtail_help_menu(request, menu_items):
    """Wagtail's help menu links to its English guide on the internet, out of reach here."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]


@hooks.register("filter_form_submissions_for_user")
def only_moderators_read_submissions(user, editable_forms):
    """Applications hold employees' personal data: moderators read them, editors do not."""
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return editable_forms
    return editable_forms.none()


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path(
            "innhold-til-gjennomgang/",
            admin_views.review_report,
            name="home_review_report",
        ),
        path(
            "innhold-til-gjennomgang/<int:page_id>/bekreft/",
            admin_views.confirm_page,
            name="home_confirm_page",
        ),
    ]


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return MenuItem(
        gettext_lazy("Content due for review"),
        reverse("home_review_report"),
        name="content-review",
        icon_name="time",
        order=700,
    )


class AllRulesContentChecker(ContentCheckerItem):
    """Wagtail's accessibility checker running every axe rule, not only its ten content rules.

    Without `runOnly` axe runs all its non-experimental rules (WCAG 2.x A and
    AA, best practice), so editors see in the userbar and the editor's
    «Checks» panel what the CI's axe run would find in what they wrote.
    """

    axe_run_only = None


@hooks.register("construct_wagtail_userbar")
def check_all_accessibility_rules(request, items, page):
    items[:] = [
        AllRulesContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]
