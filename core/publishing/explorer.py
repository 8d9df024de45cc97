"""The page explorer without a query per row for pages in moderation.

Wagtail prefetches each listed page's active workflow state with its task, but as a
plain Task: the row's lock indicator then asks for the specific task (our
FourEyesApprovalTask) once per page in moderation. Here that prefetch is replaced by
one that loads the specific tasks too, in one more query for the whole screen.
"""

from django.db.models import Prefetch
from wagtail.models import Task, WorkflowState

# Where Wagtail's PageQuerySet.prefetch_workflow_states() puts the states.
WORKFLOW_STATES = "_current_workflow_states"


def workflow_states_with_specific_tasks():
    return (
        WorkflowState.objects.active()
        .select_related("current_task_state")
        .prefetch_related(Prefetch("current_task_state__task", queryset=Task.objects.specific()))
    )


def with_specific_tasks(pages):
    """`pages` with Wagtail's workflow-state prefetch swapped for workflow_states_with_specific_tasks().

    Django accepts no second Prefetch to the same attribute, so Wagtail's is taken out
    of the queryset's lookups first; without it (workflows off) nothing changes.
    """
    lookups = list(pages._prefetch_related_lookups)
    theirs = [
        lookup
        for lookup in lookups
        if isinstance(lookup, Prefetch) and lookup.prefetch_to == WORKFLOW_STATES
    ]
    if not theirs:
        return pages
    ours = Prefetch(
        theirs[0].prefetch_through,
        queryset=workflow_states_with_specific_tasks(),
        to_attr=WORKFLOW_STATES,
    )
    kept = [lookup for lookup in lookups if lookup not in theirs]
    return pages.prefetch_related(None).prefetch_related(*kept, ours)
