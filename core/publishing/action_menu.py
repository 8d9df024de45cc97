"""The editor's footer: the way to approval is the primary button.

Wagtail sorts the page action menu by each item's `order` and makes the first
one the primary button: «Lagre kladd» for everyone, the workflow's actions behind
the chevron, and «Avbryt arbeidsflyt» alone on top once an editor has submitted
(the page is then locked for them, so «Lagre kladd» is gone). Here
`construct_page_action_menu` puts the approve action first for a moderator who
can take it, «Send til godkjenning» first for everyone else, and replaces the
cancel button, which cancels on one click, with a link to a confirmation page.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import CancelWorkflowMenuItem, SubmitForModerationMenuItem

SUBMIT = "action-submit"
CANCEL_WORKFLOW = "action-cancel-workflow"
CONFIRM_CANCEL_WORKFLOW = "action-confirm-cancel-workflow"
APPROVE = "approve"


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """«Send til godkjenning», whatever the workflow is called («Send inn igjen» after changes)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit for approval")
        else:
            context["label"] = _("Submit for approval")
        return context


class ConfirmCancelWorkflowMenuItem(CancelWorkflowMenuItem):
    """«Avbryt godkjenningen…»: a link to a page that asks before it cancels."""

    label = _("Cancel approval")
    name = CONFIRM_CANCEL_WORKFLOW

    def get_url(self, parent_context):
        return reverse("core_confirm_cancel_workflow", args=[parent_context["page"].pk])


def _rank(item):
    """Lower ranks first; Wagtail's order keeps the rest as they were."""
    if item.name == APPROVE and not getattr(item, "launch_modal", False):
        return 0
    if item.name == SUBMIT:
        return 1
    if item.name == CONFIRM_CANCEL_WORKFLOW:
        return 3  # never the primary button while anything else is offered
    return 2


def arrange(menu_items, request, context):
    """Reorder the footer: the first item is the primary button."""
    arranged = []
    for item in menu_items:
        if item.name == CANCEL_WORKFLOW:
            item = ConfirmCancelWorkflowMenuItem(order=item.order)
        elif item.name == SUBMIT and not isinstance(item, SubmitForApprovalMenuItem):
            item = SubmitForApprovalMenuItem(order=item.order)
        elif item.name == APPROVE and not getattr(item, "launch_modal", False):
            state = context.get("page") and context["page"].current_workflow_state
            if state and state.is_at_final_task:
                item.label = _("Approve and publish")
        arranged.append(item)
    # sorted() is stable: within a rank Wagtail's order stands.
    menu_items[:] = sorted(arranged, key=_rank)
