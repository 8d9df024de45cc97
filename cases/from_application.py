"""«Lag eksempel»: a draft case story from a granted application and its final report.

docs/funding-pipeline.md: a case handler who may also write cases turns a granted
application into a `CasePage` draft below the case listing, prefilled from the
application and its final report and linked to the call («Fikk støtte fra»). It is never
published here: like every page it goes through «Godkjenning».

One page per application. The page keeps no reference to the application (no model
change, and a case story is not personal data); instead its creation is logged as the
page log action `LOG_ACTION` with the application's uuid, which is how a second click
finds the first page even after the editors have renamed it, and how the page's history
says where it came from. A page deleted since frees the application for a new one.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from core.models import Person
from core.models.ownership import default_owner_for
from core.publishing.owners import eligible_owners
from funding.final_report import REPORTABLE
from funding.models import Application, FinalReport
from funding.models.pipeline import HANDLE_PERMISSION

from .models import CaseIndexPage, CasePage, CaseStatus, Sector

LOG_ACTION = "cases.from_application"
SUMMARY_LENGTH = 300  # CasePage.summary's max_length
# Content, not interface: the page is Norwegian whatever the editor's admin language (and
# a catalogue entry would be interface text the English pages must not say).
BENEFITS_LEAD = "Gevinster"


def case_index():
    """The case listing new case stories go under (the first, if there were more)."""
    return CaseIndexPage.objects.order_by("path").first()


def may_make_case_story(user, index=None):
    """A case handler who may also add a case below the case listing."""
    if not user.is_authenticated or not user.has_perm(HANDLE_PERMISSION):
        return False
    index = index or case_index()
    return (
        index is not None
        and CasePage.can_create_at(index)
        and index.permissions_for_user(user).can_add_subpage()
    )


def is_granted(application):
    return application.status in REPORTABLE


def existing_story(application):
    """The case page made from `application` before, if it still exists."""
    page_ids = PageLogEntry.objects.filter(
        action=LOG_ACTION, data__application=str(application.uuid)
    ).values_list("page_id", flat=True)
    return CasePage.objects.filter(pk__in=list(page_ids)).order_by("pk").first()


def case_story_from_application(application, user):
    """(page, created): a draft case story for `application`, or the one made before.

    The application's row lock serialises two clicks at once, so the second finds the
    first one's page. The page is saved as a draft revision by `user`, not published.
    """
    with transaction.atomic():
        # The lock alone: PostgreSQL refuses FOR UPDATE across the nullable joins below.
        Application.objects.select_for_update().get(pk=application.pk)
        application = Application.objects.select_related("call", "decision", "created_by").get(
            pk=application.pk
        )
        page = existing_story(application)
        if page is not None:
            return page, False
        index = case_index()
        page = draft_page(application, user, index)
        index.add_child(instance=page)  # logs «wagtail.create» by page.owner
        page.save_revision(user=user, log_action=True, clean=False)
        log(
            instance=page,
            action=LOG_ACTION,
            user=user,
            data={"application": str(application.uuid), "reference": application.reference or ""},
        )
    return page, True


def draft_page(application, user, index):
    """An unsaved, not live CasePage filled from the application and its final report."""
    report = final_report(application)
    today = timezone.localdate()
    start = application.planned_start or timezone.localdate(application.decision.decided_at)
    if report is not None and application.planned_end:
        status = CaseStatus.COMPLETED
    elif start > today:
        status = CaseStatus.PLANNED
    else:
        status = CaseStatus.ONGOING
    return CasePage(
        title=application.project_title or str(application),
        live=False,
        owner=user,
        content_owner=content_owner(user, index),
        summary=Truncator(" ".join(application.need.split())).chars(SUMMARY_LENGTH),
        status=status,
        sector=Sector.objects.filter(name__iexact=application.service_area.strip()).first()
        if application.service_area.strip()
        else None,
        unit=application.unit[:120],
        start_date=start,
        end_date=application.planned_end,
        challenge=paragraphs(application.need, application.target_users),
        approach=paragraphs(application.plan, report.what_was_done if report else ""),
        results=results_blocks(report),
        lessons=paragraphs(report.lessons) if report else "",
        contact_person=contact(application.created_by),
        funding_call=application.call,
    )


def final_report(application):
    try:
        return application.final_report
    except FinalReport.DoesNotExist:
        return None


def content_owner(user, index):
    """The one making it answers for it if they may own pages; else the section's default."""
    if eligible_owners().filter(pk=user.pk).exists():
        return user
    return default_owner_for(index)


def contact(applicant):
    """The applicant's entry among the contact people, when there is one by their address."""
    if applicant is None or not applicant.email:
        return None
    return Person.objects.filter(email__iexact=applicant.email).order_by("pk").first()


def paragraphs(*texts):
    """Plain text as rich text: a <p> per paragraph (blank line), <br/> within one."""
    html = []
    for text in texts:
        for paragraph in (text or "").replace("\r\n", "\n").split("\n\n"):
            lines = [escape(line.strip()) for line in paragraph.split("\n") if line.strip()]
            if lines:
                html.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(html)


def results_blocks(report):
    """The results, then the benefits under their own bold lead: CasePage has no field of
    its own for gevinster, and «Resultater og effekter» is where readers look for them."""
    if report is None:
        return []
    blocks = []
    if report.results.strip():
        blocks.append(("paragraph", paragraphs(report.results)))
    if report.benefits.strip():
        lead = f"<p><b>{BENEFITS_LEAD}</b></p>"
        blocks.append(("paragraph", lead + paragraphs(report.benefits)))
    return blocks
