"""Admin views for content ownership: the review report and one-click confirmation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages as wagtail_messages
from wagtail.models import Page, WorkflowState

from core.feedback.access import answer_counts
from core.models import ContentOwnershipMixin
from core.publishing import archive, reviews


def review_report(request):
    """«Innhold som bør gjennomgås»: pages whose owners have not confirmed them for a year."""
    mine = request.GET.get("mine") == "1"
    # Counted and sliced in the database; only the 50 pages shown are loaded.
    rows = reviews.due_for_review_rows(owner=request.user if mine else None)
    paginator = Paginator(rows, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    page_obj.object_list = reviews.pages_for(page_obj.object_list)
    archived_soon, archived_soon_total = archive.archived_soon(limit=archive.ARCHIVED_SOON_SHOWN)
    for page in [*page_obj.object_list, *archived_soon]:
        page.may_confirm = reviews.can_confirm(request.user, page)
        page.may_edit = page.permissions_for_user(request.user).can_edit()
    # «Tilbakemeldinger»: Ja/Nei per page shown, in one query for the whole page of the report.
    answer_counts(page_obj.object_list)
    return TemplateResponse(
        request,
        "core/admin/review_report.html",
        {
            "page_title": _("Content due for review"),
            "header_icon": "time",
            "page_obj": page_obj,
            "paginator": paginator,
            "total": paginator.count,
            "mine": mine,
            "archived_soon": archived_soon,
            "archived_soon_total": archived_soon_total,
        },
    )


@require_POST
def confirm_page(request, page_id):
    """The owner's one click: the page is still right as it is."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ContentOwnershipMixin) or not reviews.can_confirm(request.user, page):
        raise PermissionDenied
    reviews.confirm(page)
    messages.success(request, _("«%(title)s» is confirmed as up to date.") % {"title": page.title})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "core_review_report"
    return redirect(next_url)


def confirm_cancel_workflow(request, page_id):
    """«Avbryt godkjenningen»: asks first (GET), cancels on the confirming POST.

    Wagtail's footer cancels on one click; core/publishing/action_menu.py links here instead.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    workflow_state = page.current_workflow_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if workflow_state is None:
        return redirect(edit_url)
    if not workflow_state.user_can_cancel(request.user):
        raise PermissionDenied
    if request.method == "POST":
        workflow_state.cancel(user=request.user)
        messages.success(
            request,
            _("The approval of «%(title)s» is cancelled. The page is a draft again.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "core/admin/confirm_cancel_workflow.html",
        {
            "page_title": _("Cancel approval"),
            "header_icon": "error",
            "page": page,
            "edit_url": edit_url,
            "workflow_state": workflow_state,
        },
    )


def page_approved(request, page_id):
    """Where an approval from the dashboard lands: «Siden «…» er godkjent og publisert».

    Wagtail's workflow action view adds no message of its own; FourEyesApprovalTask.on_action
    sends the moderator here. Only the moderator who just approved the page gets the message.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    last_state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    approved_by_user = False
    if last_state is not None and last_state.status == WorkflowState.STATUS_APPROVED:
        last_task = last_state.task_states.order_by("-finished_at").first()
        approved_by_user = last_task is not None and last_task.finished_by_id == request.user.pk
    if page.live and approved_by_user:
        wagtail_messages.success(
            request,
            _("The page «%(title)s» is approved and published.") % {"title": page.title},
            buttons=[wagtail_messages.button(page.get_url(request), _("View the page"))],
        )
    return redirect("wagtailadmin_home")


def archive_report(request):
    """«Arkiv»: pages the life cycle took offline, with «Gjenopprett» for whoever may restore."""
    entries = archive.archived_pages()
    for entry in entries:
        entry.page = entry.page.specific
        entry.action = archive.restore_action(request.user, entry.page)
    return TemplateResponse(
        request,
        "core/admin/archive_report.html",
        {
            "page_title": _("Archive"),
            "header_icon": "folder-inverse",
            "entries": entries,
            "PUBLISH": archive.PUBLISH,
            "SUBMIT": archive.SUBMIT,
            "WAITING": archive.WAITING,
        },
    )


@require_POST
def restore_page(request, page_id):
    """«Gjenopprett»: live again (publishers), or sent to approval (editors)."""
    page = get_object_or_404(Page, pk=page_id, live=False, archive_entry__isnull=False).specific
    if archive.restore_action(request.user, page) not in (archive.PUBLISH, archive.SUBMIT):
        raise PermissionDenied
    done = archive.restore(page, request.user)
    if done == archive.PUBLISH:
        wagtail_messages.success(
            request,
            _("«%(title)s» is restored and live again.") % {"title": page.title},
            buttons=[wagtail_messages.button(page.get_url(request), _("View the page"))],
        )
    else:
        messages.success(
            request,
            _("«%(title)s» is sent for approval. It is live again once approved.")
            % {"title": page.title},
        )
    return redirect("core_archive_report")
