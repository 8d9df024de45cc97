"""Wagtail's dashboard panel «Dine låste sider», without a query per locked page.

Wagtail's LockedPagesPanel lists every page the user has locked and shows each one's
status («live + in moderation», «scheduled»), which asks the database twice per row:
is a workflow in progress, is a go-live time approved. Its own explorer annotates the
queryset for exactly that (PageQuerySet.prefetch_workflow_states and
annotate_approved_schedule); this panel does the same, and is swapped in for Wagtail's
by the construct_homepage_panels hook in core/wagtail_hooks.py.
"""

from wagtail.admin.views.home import LockedPagesPanel


class AnnotatedLockedPagesPanel(LockedPagesPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["locked_pages"] = (
            context["locked_pages"].prefetch_workflow_states().annotate_approved_schedule()
        )
        return context


def replace(panels):
    """Wagtail's locked-pages panel in `panels` (if shown) replaced by the annotated one."""
    panels[:] = [
        AnnotatedLockedPagesPanel() if type(panel) is LockedPagesPanel else panel
        for panel in panels
    ]
