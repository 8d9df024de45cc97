from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Group approval where nobody approves their own changes.

    The person who submitted the page, or who wrote the revision waiting for
    approval, gets no approve or reject action; another member of the group
    must take it. Wagtail's workflow views refuse actions not offered here.
    """

    def get_actions(self, obj, user):
        if self.is_own_change(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        """After an approval that published a page, land on a confirmation of it.

        Wagtail's workflow action view (the dashboard's «Godkjenn») follows the URL
        returned here and adds no message itself; the editor's own view ignores it.
        """
        redirect_to = super().on_action(task_state, user, action_name, **kwargs)
        obj = task_state.workflow_state.content_object
        if action_name == "approve" and isinstance(obj, Page):
            obj.refresh_from_db(fields=["live"])
            if obj.live:
                return reverse("core_page_approved", args=[obj.pk])
        return redirect_to

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )

    def get_template_for_action(self, action):
        # The approval and «request changes» modals show the revision's LIX (plain
        # language, språklova § 9) to the moderator deciding; never a block.
        return "core/admin/workflow_action_modal.html"

    @staticmethod
    def is_own_change(obj, user):
        task_state = getattr(obj, "current_workflow_task_state", None)
        if task_state is None:
            return False
        return user.pk in {
            task_state.workflow_state.requested_by_id,
            task_state.revision.user_id if task_state.revision_id else None,
        }

    class Meta:
        # Moved from home/ without a schema change (core/migrations/0001_initial.py); the
        # groups' table follows: home_foureyesapprovaltask_groups.
        db_table = "home_foureyesapprovaltask"
        verbose_name = _("four-eyes approval")
        verbose_name_plural = _("four-eyes approvals")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, but never their own changes.")
