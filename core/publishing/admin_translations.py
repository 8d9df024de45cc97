"""Wagtail admin words that Wagtail's own Norwegian catalogue lacks or gets wrong.

Editors and moderators meet these on the way from a draft to approval: in the
page editor and its side panels, the explorer, the workflow and its e-mails,
the reports. Listing the exact msgids here keeps them in the project's
catalogue (intranet/locale/nb) through `make messages --no-obsolete`; Django
consults LOCALE_PATHS before the apps' catalogues, so a msgstr here also
corrects Wagtail's own («Venter på din anmeldelse» → «godkjenning»). Nothing
imports this module at run time. The words of Wagtail's admin JavaScript are
in admin_translations.js (the «djangojs» catalogue). Where Wagtail puts a
model's name into a sentence (%(model_name)s is «side»), the Norwegian is
written around the indefinite form («en side»), which bokmål can inflect.
"""

from django.utils.translation import gettext_noop, ngettext

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
    # The editor: locking while a page waits for approval (wagtail/locks.py).
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    gettext_noop("Locked by workflow"),
    gettext_noop("Locked by you"),
    gettext_noop("Locked by another user"),
    gettext_noop("Locked by schedule"),
    gettext_noop("Currently locked and will go live on the scheduled date"),
    gettext_noop("No one can make changes while the %(model_name)s is locked"),
    gettext_noop("Only you can make changes while the %(model_name)s is locked"),
    gettext_noop("Only %(user)s can make changes while the %(model_name)s is locked"),
    # The editor: autosave, side panels, preview and checks.
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Minimap"),
    gettext_noop("Side panels"),
    gettext_noop("Side panel width"),
    gettext_noop("Toggle status"),
    gettext_noop("Toggle checks"),
    gettext_noop("Toggle preview"),
    gettext_noop("Checks"),
    gettext_noop("Add comment"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Preview in new tab"),
    gettext_noop("Preview in mobile size"),
    gettext_noop("Preview in tablet size"),
    gettext_noop("Preview in desktop size"),
    gettext_noop("Preview mode"),
    gettext_noop("Preview is out of date"),
    gettext_noop("Loading"),
    gettext_noop("Refresh"),
    gettext_noop("Refreshing…"),
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)"),
    gettext_noop("Content metrics"),
    gettext_noop("Words"),
    gettext_noop("Reading time"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    ),
    gettext_noop("Issues found"),
    gettext_noop("Show issue"),
    # The editor: Wagtail's content checks (wagtail/admin/userbar.py).
    gettext_noop("Button text is empty"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Empty heading found"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Link text is empty"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    # The editor: status side panel and page fields.
    gettext_noop("Visible to all"),
    gettext_noop("Visible to all. Visit the live page"),
    gettext_noop("Page visibility: "),
    gettext_noop("Once live anyone can view"),
    gettext_noop("Not visible to the public"),
    gettext_noop("Choose who can view the live version of this page"),
    gettext_noop("Status: "),
    gettext_noop("Locking: "),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Expiry:"),
    gettext_noop("Go-live:"),
    gettext_noop("Once scheduled:"),
    gettext_noop("No publishing schedule set"),
    gettext_noop("Set schedule"),
    gettext_noop("Edit schedule"),
    gettext_noop("Invalid schedule"),
    gettext_noop("In Moderation"),
    gettext_noop("View details"),
    gettext_noop("View history"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("First published"),
    gettext_noop("title tag"),
    gettext_noop("meta description"),
    gettext_noop(
        "The name of the page displayed on search engine results as the clickable headline."
    ),
    gettext_noop("The descriptive text displayed underneath a headline in search engine results."),
    gettext_noop(
        "The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/"
    ),
    gettext_noop("The page title as you'd like it to be seen by the public"),
    gettext_noop(
        'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
    ),
    # Editing sessions.
    gettext_noop("You saved a new version in another window"),
    gettext_noop("%(user_name)s saved a new version"),
    gettext_noop("View latest version"),
    gettext_noop("You have unsaved changes in another window"),
    gettext_noop("%(user_name)s has unsaved changes"),
    gettext_noop("Currently idle"),
    gettext_noop("Currently viewing"),
    gettext_noop("One other user is currently viewing"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    ),
    # Dashboard, explorer and listings.
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Privacy and access"),
    gettext_noop("Language"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Toggle breadcrumbs"),
    gettext_noop("account"),
    gettext_noop("History"),
    gettext_noop("Search…"),
    gettext_noop("Show filters"),
    gettext_noop("Select"),
    gettext_noop("Exploring"),
    gettext_noop("Select all pages in listing"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    gettext_noop("No results across entire site."),
    gettext_noop("Search in '<span class=\"w-title-ellipsis\">%(title)s</span>'"),
    gettext_noop("No results in '<span class=\"w-title-ellipsis\">%(title)s</span>'."),
    gettext_noop("Search the whole site"),
    gettext_noop("Move selected pages"),
    gettext_noop("Delete selected pages"),
    gettext_noop("Publish selected pages"),
    gettext_noop("Unpublish selected pages"),
    gettext_noop("Date updated"),
    gettext_noop("Edited by"),
    gettext_noop("Has child pages"),
    gettext_noop("Any"),
    gettext_noop("Page type"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("(blank)"),
    # Workflow history and reports.
    gettext_noop("Requested by"),
    gettext_noop("Requested By"),
    gettext_noop("Started at"),
    gettext_noop("Completed at"),
    gettext_noop("Incomplete task"),
    gettext_noop("Requested by <b>%(modified_by)s</b>"),
    gettext_noop("Started at <b>%(started_at)s</b>"),
    gettext_noop("Timeline"),
    gettext_noop("Initial Revision"),
    gettext_noop("%(action)s by <b>%(who)s</b> at <b>%(at)s</b>"),
    gettext_noop("%(action)s at <b>%(at)s</b>"),
    gettext_noop("%(action)s by <b>%(who)s</b>"),
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    gettext_noop("Page/Snippet"),
    gettext_noop("Page/Snippet ID"),
    gettext_noop("Page/Snippet Type"),
    gettext_noop("Page/Snippet Title"),
    gettext_noop("By task"),
    gettext_noop("Last published"),
    gettext_noop("Last published by"),
    gettext_noop("Last published at"),
    gettext_noop("Last published before"),
    gettext_noop("Date / Time"),
    gettext_noop("system"),
    gettext_noop("task"),
    gettext_noop("Search terms"),
    gettext_noop("Views"),
    # Wagtail's own Norwegian, corrected («Venter på din anmeldelse», «De må være minst 1 elementer»).
    gettext_noop("Awaiting your review"),
    gettext_noop("The minimum number of items is %(min_num)d"),
    gettext_noop("The maximum number of items is %(max_num)d"),
    gettext_noop("Submit to %(workflow_name)s"),
    gettext_noop("Resubmit to %(task_name)s"),
    # Labels and counts under listings.
    gettext_noop("Toggle section"),
    gettext_noop("Toggle side panel"),
    gettext_noop("Add Comment"),
    gettext_noop("log entry"),
    gettext_noop("log entries"),
    gettext_noop("page log entry"),
    gettext_noop("page log entries"),
    gettext_noop("model log entry"),
    gettext_noop("model log entries"),
    gettext_noop("query"),
    gettext_noop("queries"),
    # History and site history: what the workflow did (wagtail/wagtail_hooks.py log actions).
    gettext_noop("Workflow: start"),
    gettext_noop("'%(workflow)s' started. Next step '%(task)s'"),
    gettext_noop("Workflow: approve task"),
    gettext_noop("Approved at '%(task)s'. Next step '%(next_task)s'"),
    gettext_noop("Approved at '%(task)s'. '%(workflow)s' complete"),
    gettext_noop("Workflow task approved"),
    gettext_noop("Workflow: reject task"),
    gettext_noop("Rejected at '%(task)s'. Changes requested"),
    gettext_noop("Workflow task rejected. Workflow complete"),
    gettext_noop("Workflow: resume task"),
    gettext_noop("Resubmitted '%(task)s'. Workflow resumed"),
    gettext_noop("Workflow task resubmitted. Workflow resumed"),
    gettext_noop("Workflow: cancel"),
    gettext_noop("Cancelled '%(workflow)s' at '%(task)s'"),
    gettext_noop("Workflow cancelled"),
    gettext_noop("Action type"),
    gettext_noop("Date/Time"),
    # The page types report.
    gettext_noop("App"),
    gettext_noop("Last edited page"),
    gettext_noop("Last edit"),
    gettext_noop("No page types found."),
    # Promoted search results (search_promotions) and the generic create form.
    gettext_noop("Promoted search results"),
    gettext_noop("Promoted search result"),
    gettext_noop("Promoted results"),
    gettext_noop("Add new promoted result"),
    gettext_noop("search promotion"),
    gettext_noop("Recommended search result"),
    gettext_noop("Add a recommended result"),
    gettext_noop("Choose an internal page for this promotion"),
    gettext_noop("External link URL"),
    gettext_noop("Alternatively, use an external link for this promotion"),
    gettext_noop("Applies to internal page or external link"),
    gettext_noop("You must recommend a page OR an external link."),
    gettext_noop("Please only select a page OR enter an external link."),
    gettext_noop("Please specify at least one recommendation for this search term."),
    gettext_noop("No promoted results have been created."),
    gettext_noop(
        'No promoted results have been created. Why not <a href="%(wagtailsearchpromotions_add_url)s">add one</a>?'
    ),
    gettext_noop('Sorry, no promoted results match "<em>%(query_string)s</em>"'),
    gettext_noop("Are you sure you want to delete all promoted results for this search term?"),
    gettext_noop("Recommendations have not been created due to errors."),
    gettext_noop("Recommendations have not been saved due to errors."),
    gettext_noop("Editor's picks for '%(query)s' created."),
    gettext_noop("Editor's picks for '%(query)s' updated."),
    gettext_noop("Editor's picks deleted."),
    gettext_noop(
        '<p>Promoted search results are a means of recommending specific pages or external links that might not organically come high up in search results. E.g recommending your primary donation page to a user searching with the less common term "<em>giving</em>".</p>'
    ),
    gettext_noop(
        '<p>The "Search term(s)/phrase" field below must contain the full and exact search for which you wish to provide recommended results, <em>including</em> any misspellings/user error. To help, you can choose from search terms that have been popular with users of your site.</p>'
    ),
    gettext_noop("New: %(model_name)s"),
    gettext_noop("Create"),
    gettext_noop("Creating…"),
    gettext_noop(
        "Enter the full search string to match. An exact match is required for your Promoted Results to be displayed, wildcards are NOT allowed."
    ),
)


def _dashboard_site_summary(count):
    """The dashboard's «41 sider · 15 bilder · 5 dokumenter» (plural msgids, which
    gettext_noop cannot list). Never called: makemessages reads the calls."""
    return (
        ngettext(
            '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
            count,
        ),
        ngettext(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
            count,
        ),
        ngettext(
            '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
            count,
        ),
    )


# Wagtail's messages that put a name in straight quotes: the project's msgstr uses «»
# (issue #20). Listed so `make messages --no-obsolete` keeps them.
QUOTED_NAME_MSGIDS = (
    gettext_noop(
        'This slug is already in use within the context of its parent page "%(parent_page_title)s"'
    ),
    gettext_noop("This page already has workflow '%(workflow_name)s' assigned."),
    gettext_noop("Snippet '%(content_type)s' already has workflow '%(workflow_name)s' assigned."),
    gettext_noop("Explore subpages of '%(title)s'"),
    gettext_noop('The page "%(title)s" has been approved.'),
    gettext_noop('The page "%(title)s" has been approved'),
    gettext_noop('The page "%(title)s" has been rejected.'),
    gettext_noop('The page "%(title)s" has been rejected'),
    gettext_noop('The page "%(title)s" has been approved in moderation stage "%(task)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".'
    ),
    gettext_noop('The page "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The page "%(title)s" has been rejected in moderation stage "%(task)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop("Are you sure you want to move this page into '%(title)s'?"),
    gettext_noop(
        "Are you sure you want to move this page and all of its children into '%(title)s'?"
    ),
    gettext_noop("Explore child pages of '%(title)s'"),
    gettext_noop("Add a child page to '%(title)s'"),
    gettext_noop("Collection '%(object)s' created."),
    gettext_noop("Collection '%(object)s' updated."),
    gettext_noop("Collection '%(object)s' deleted."),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop('revision %(revision_id)s of "%(object)s"'),
    gettext_noop("Page '%(page_title)s' and %(subpages_count)s subpages copied."),
    gettext_noop("Page '%(page_title)s' copied."),
    gettext_noop("Page '%(page_title)s' created."),
    gettext_noop("Page '%(page_title)s' created and scheduled for publishing."),
    gettext_noop("Page '%(page_title)s' created and published."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' deleted."),
    gettext_noop("Page '%(page_title)s' has been updated."),
    gettext_noop("Page '%(page_title)s' has been scheduled for publishing."),
    gettext_noop("Page '%(page_title)s' has been published."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' is now unlocked."),
    gettext_noop("Page '%(page_title)s' moved."),
    gettext_noop("Page '%(page_title)s' unpublished."),
    gettext_noop("The page '%(page_title)s' is not currently awaiting moderation."),
    gettext_noop("There have been no submissions of the '%(title)s' form."),
    gettext_noop("Redirect '%(redirect_title)s' updated."),
    gettext_noop("Redirect '%(redirect_title)s' deleted."),
    gettext_noop("Redirect '%(redirect_title)s' added."),
    gettext_noop('Sorry, no documents match "<em>%(query_string)s</em>"'),
    gettext_noop("Document '%(document_title)s' added."),
    gettext_noop("Document '%(document_title)s' updated"),
    gettext_noop("Document '%(document_title)s' deleted."),
    gettext_noop('Sorry, no images match "<em>%(query_string)s</em>"'),
    gettext_noop("Image '%(image_title)s' updated."),
    gettext_noop("Image '%(image_title)s' deleted."),
    gettext_noop("Image '%(image_title)s' added."),
    gettext_noop("Site '%(object)s' created."),
    gettext_noop("Site '%(object)s' updated."),
    gettext_noop("Site '%(object)s' deleted."),
    gettext_noop('Sorry, no groups match "%(query)s"'),
    gettext_noop("Group '%(object)s' created."),
    gettext_noop("Group '%(object)s' updated."),
    gettext_noop("Group '%(object)s' deleted."),
    gettext_noop("User '%(object)s' created."),
    gettext_noop("User '%(object)s' deleted."),
)


def _quoted_name_plurals(count):
    """The plural ones of QUOTED_NAME_MSGIDS. Never called: makemessages reads the calls."""
    return (
        ngettext(
            'Only pages of type "%(type)s" may be chosen for this field. Search results will exclude pages of other types.',
            "Only the following page types may be chosen for this field: %(type)s. Search results will exclude pages of other types.",
            count,
        ),
        ngettext(
            "The group '%(group_name)s' has <strong>%(group_user_count)s</strong> member.",
            "The group '%(group_name)s' has <strong>%(group_user_count)s</strong> members.",
            count,
        ),
    )
