"""Wagtail admin words that Wagtail's own Norwegian catalogue lacks.

Editors and moderators meet these in the publishing workflow, in comments
and in the workflow e-mails. Listing the exact msgids here keeps them in the
project's catalogue (intranet/locale/nb), which Django consults before Wagtail's, so
the admin reads in Norwegian. Nothing imports this module at run time.
"""

from django.utils.translation import gettext_noop

WAGTAIL_ADMIN_MSGIDS = (
    gettext_noop("Request changes"),
    gettext_noop("Approve with comment"),
    gettext_noop("Approved"),
    gettext_noop("Approved by %(approved_by)s"),
    gettext_noop("Awaiting"),
    gettext_noop("Cancelled"),
    gettext_noop("Changes requested"),
    gettext_noop("Changes requested by %(requested_by)s"),
    gettext_noop("Needs changes"),
    gettext_noop("In progress"),
    gettext_noop("Not started"),
    gettext_noop("Rejected"),
    gettext_noop("Skipped"),
    gettext_noop("Submitted"),
    gettext_noop("Published"),
    gettext_noop("Draft saved"),
    gettext_noop("Status"),
    gettext_noop("Type"),
    gettext_noop("Workflow"),
    gettext_noop("Workflows"),
    gettext_noop("workflow"),
    gettext_noop("workflows"),
    gettext_noop("Workflow history"),
    gettext_noop("Workflow progress"),
    gettext_noop("Workflow started"),
    gettext_noop("Workflow completed"),
    gettext_noop("Workflow state"),
    gettext_noop("Workflow states"),
    gettext_noop("Workflow tasks"),
    gettext_noop("Task state"),
    gettext_noop("Task states"),
    gettext_noop("Approved task"),
    gettext_noop("Awaiting my review"),
    gettext_noop("By workflow"),
    gettext_noop("in moderation"),
    gettext_noop("live + in moderation"),
    gettext_noop("with comment:"),
    gettext_noop("Comment"),
    gettext_noop("Comments"),
    gettext_noop("comment"),
    gettext_noop("comments"),
    gettext_noop("comment reply"),
    gettext_noop("comment replies"),
    gettext_noop("Comment notifications"),
    gettext_noop("Add or show comments"),
    gettext_noop("Toggle comments"),
    gettext_noop("New comments"),
    gettext_noop("New comments:"),
    gettext_noop("New replies"),
    gettext_noop("New replies:"),
    gettext_noop("Resolved comments"),
    gettext_noop("Resolved comments:"),
    gettext_noop("Deleted comments"),
    gettext_noop("Deleted comments:"),
    gettext_noop("Locked pages"),
    gettext_noop("Aging pages"),
    gettext_noop("Schedule to publish"),
    gettext_noop("Expiry date/time must be in the future."),
    gettext_noop("Group approval task"),
    gettext_noop("Group approval tasks"),
    gettext_noop("Members of the chosen Wagtail Groups can approve this task"),
    gettext_noop(
        "Pages/snippets at this step in a workflow will be moderated or approved by these groups of users"
    ),
    gettext_noop("No pages/snippets have been submitted for moderation yet"),
    gettext_noop("This page hasn't been submitted for moderation yet"),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    gettext_noop(
        "The page '%(page_title)s' is not currently awaiting moderation in task '%(task_name)s'."
    ),
    gettext_noop(
        "There may only be one in progress or needs changes workflow state per page/snippet."
    ),
    gettext_noop(
        "This page is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This page was marked as needing changes at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "Page '%(page_title)s' is live and this version has been scheduled for publishing."
    ),
    gettext_noop("Version from %(datetime)s of page '%(page_title)s' has been published."),
    gettext_noop("Workflow on page '%(page_title)s' has been cancelled."),
    gettext_noop("Workflow on page '%(page_title)s' has been restarted."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been restarted."),
    gettext_noop("Workflow '%(workflow_name)s' on %(model_name)s '%(title)s': %(status)s"),
    gettext_noop("Task '%(task_name)s' on Revision '%(revision_info)s': %(status)s"),
    gettext_noop('%(editor)s has updated comments on "%(title)s"'),
    gettext_noop('%(editor)s has updated comments on "%(title)s".'),
    gettext_noop('The following comment was left: "%(comment)s"'),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop("Search all pages…"),
    gettext_noop("Collapse all"),
    gettext_noop("Expand all"),
    gettext_noop("Site history"),
    gettext_noop("Page types usage"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Go-live date/time"),
    gettext_noop("Expiry date/time"),
    gettext_noop("Cancel workflow"),
    gettext_noop("Restart workflow"),
    # Shown on the 403 page an employee gets at /admin/ (intranet.middleware.RefusalMiddleware).
    gettext_noop("You do not have permission to access the admin."),
)
