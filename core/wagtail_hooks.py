from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import BaseViewRestriction
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.feedback import admin_views as feedback_views
from core.feedback import panel as feedback_panel
from core.feedback.access import shows_menu_item as shows_feedback_menu_item
from core.mail.panel import panel_for
from core.models import Person
from core.publishing import action_menu, admin_views, archive, explorer, locked_panel
from core.publishing import panels as publishing_panels
from core.publishing.drafts import AbandonedDraftsView
from core.publishing.four_eyes import may_publish_directly
from core.publishing.owners import owner_chooser_viewset
from core.publishing.roles import MODERATORS


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


@hooks.register("register_admin_viewset")
def content_owner_chooser():
    """«Velg innholdseier»: the page form's searchable chooser of people (core/publishing/owners.py)."""
    return owner_chooser_viewset


# Publishing goes through the workflow "Godkjenning" for everyone but
# administrators. Moderators keep publish_page (to unpublish, schedule and
# set privacy), so direct publication is taken away here: from the menu,
# and from every view that could publish on a POST (core/publishing/four_eyes.py).


def _asks_to_publish(request, field):
    return (
        request.method == "POST"
        and bool(request.POST.get(field))
        and not may_publish_directly(request.user)
    )


def _refuse_direct_publish(request, redirect_to):
    messages.error(
        request,
        _("Pages are published through approval: choose «Submit for moderation» instead."),
    )
    return redirect(redirect_to)


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    if not may_publish_directly(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu", order=10)
def approval_is_the_primary_action(menu_items, request, context):
    """«Send til godkjenning» or «Godkjenn og publiser» first; cancelling asks first."""
    action_menu.arrange(menu_items, request, context)


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
def refuse_live_copies(request, page):
    """A published copy or an alias (live with its original) is for administrators only."""
    copy_url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    if _asks_to_publish(request, "alias"):
        messages.error(
            request,
            _(
                "An alias is published at once, so only administrators can create one. "
                "Make a copy instead: it is saved as a draft and goes through approval."
            ),
        )
        return redirect(copy_url)
    if _asks_to_publish(request, "publish_copies"):
        messages.error(
            request,
            _(
                "Copies are saved as drafts and published through approval: "
                "copy without publishing."
            ),
        )
        return redirect(copy_url)
    return None


@hooks.register("construct_admin_api")
def four_eyes_admin_api(router):
    from core.publishing.admin_api import FourEyesPagesAdminAPIViewSet

    router.register_endpoint("pages", FourEyesPagesAdminAPIViewSet)


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type == "publish" and not may_publish_directly(request.user):
        return _refuse_direct_publish(request, reverse("wagtailadmin_explore_root"))
    return None


# Privacy is «innloggede» or chosen groups: the settings offer no shared
# password, and the migration home/0004 retired the old ones. One made since
# (in a shell, a fixture) is no way in: what it guards is refused to everyone,
# before Wagtail's own check could show a password form.


def _has_shared_password(restrictions):
    return any(r.restriction_type == BaseViewRestriction.PASSWORD for r in restrictions)


@hooks.register("before_serve_page", order=-10)
def refuse_pages_behind_a_shared_password(page, request, serve_args, serve_kwargs):
    if _has_shared_password(page.get_view_restrictions()):
        raise PermissionDenied


@hooks.register("before_serve_document", order=-10)
def refuse_documents_behind_a_shared_password(document, request):
    if _has_shared_password(document.collection.get_view_restrictions()):
        raise PermissionDenied


@hooks.register("construct_main_menu")
def hide_wagtail_help_menu(request, menu_items):
    """Wagtail's help menu links to its English guide on the internet, out of reach here."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]


@hooks.register("construct_explorer_page_queryset")
def explorer_specific_tasks(parent_page, pages, request):
    """The specific task of each page in moderation, for the whole screen at once."""
    return explorer.with_specific_tasks(pages)


@hooks.register("construct_homepage_panels")
def annotated_locked_pages_panel(request, panels):
    """«Dine låste sider» without two queries per locked page (core/publishing/locked_panel.py)."""
    locked_panel.replace(panels)


@hooks.register("construct_homepage_panels")
def mail_queue_panel(request, panels):
    """«E-postkø» on the dashboard of administrators and moderators, while mail waits or failed."""
    if panel := panel_for(request.user):
        panels.append(panel)


@hooks.register("construct_homepage_panels")
def page_feedback_panel(request, panels):
    """«Tilbakemeldinger på dine sider» for owners; all feedback for moderators and administrators."""
    if panel := feedback_panel.panel_for(request.user):
        panels.append(panel)


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
            name="core_review_report",
        ),
        path(
            "innhold-til-gjennomgang/<int:page_id>/bekreft/",
            admin_views.confirm_page,
            name="core_confirm_page",
        ),
        path("arkiv/", admin_views.archive_report, name="core_archive_report"),
        path(
            "arkiv/<int:page_id>/gjenopprett/",
            admin_views.restore_page,
            name="core_restore_page",
        ),
        path(
            "godkjenning/<int:page_id>/avbryt/",
            admin_views.confirm_cancel_workflow,
            name="core_confirm_cancel_workflow",
        ),
        path(
            "godkjenning/<int:page_id>/godkjent/",
            admin_views.page_approved,
            name="core_page_approved",
        ),
    ]


@hooks.register("register_admin_urls")
def feedback_urls():
    return [
        path(
            "tilbakemeldinger/",
            feedback_views.FeedbackReport.as_view(),
            name="core_feedback_report",
        ),
        path(
            "tilbakemeldinger/resultater/",
            feedback_views.FeedbackReport.as_view(results_only=True),
            name="core_feedback_report_results",
        ),
        path(
            "tilbakemeldinger/<int:feedback_id>/behandlet/",
            feedback_views.mark_handled,
            name="core_feedback_mark_handled",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    """Only for those who read some feedback: owners, moderators, administrators."""

    def is_shown(self, request):
        return shows_feedback_menu_item(request.user)


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return FeedbackMenuItem(
        gettext_lazy("Feedback"),
        reverse("core_feedback_report"),
        name="page-feedback",
        icon_name="comment",
        order=710,
    )


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return MenuItem(
        gettext_lazy("Content due for review"),
        reverse("core_review_report"),
        name="content-review",
        icon_name="time",
        order=700,
    )


@hooks.register("register_admin_urls")
def abandoned_drafts_urls():
    return [
        path("uferdige-kladder/", AbandonedDraftsView.as_view(), name="core_abandoned_drafts"),
        path(
            "uferdige-kladder/resultater/",
            AbandonedDraftsView.as_view(results_only=True),
            name="core_abandoned_drafts_results",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["add", "change"])


@hooks.register("register_reports_menu_item")
def abandoned_drafts_menu_item():
    return EditorsMenuItem(
        gettext_lazy("Unfinished drafts"),
        reverse("core_abandoned_drafts"),
        name="unfinished-drafts",
        icon_name="doc-empty",
        order=705,
    )


@hooks.register("register_reports_menu_item")
def archive_menu_item():
    return MenuItem(
        gettext_lazy("Archive"),
        reverse("core_archive_report"),
        name="archive",
        icon_name="folder-inverse",
        order=720,
    )


@hooks.register("register_log_actions")
def life_cycle_log_actions(actions):
    """The life cycle's steps in each page's history («Logg»), in Norwegian."""
    actions.register_action(
        archive.ARCHIVE_ACTION,
        gettext_lazy("Archived"),
        gettext_lazy("Archived: not confirmed by its content owner"),
    )
    actions.register_action(
        archive.RESTORE_ACTION,
        gettext_lazy("Restored"),
        gettext_lazy("Restored from the archive"),
    )


@hooks.register("construct_homepage_panels")
def archived_soon_panel(request, panels):
    """«Arkiveres snart» on the dashboard of moderators and administrators."""
    if panel := publishing_panels.panel_for(request.user):
        panels.append(panel)


class AllRulesContentChecker(ContentCheckerItem):
    """Wagtail's accessibility checker running every axe rule, not only its ten content rules.

    Without `runOnly` axe runs all its non-experimental rules (WCAG 2.x A and
    AA, best practice) and the content rules enabled below, so editors see in the userbar and the editor's
    «Checks» panel what the CI's axe run would find in what they wrote.
    """

    axe_run_only = None
    # Wagtail's own content rules stay on, also the ones axe counts as
    # experimental and would skip without `runOnly` (a bold paragraph used as
    # a heading, «p-as-heading»).
    axe_rules = {rule: {"enabled": True} for rule in ContentCheckerItem.axe_run_only}


@hooks.register("construct_wagtail_userbar")
def check_all_accessibility_rules(request, items, page):
    items[:] = [
        AllRulesContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]
