"""Funding's part of «Mine saker» (core/my_items.py) and «Mine søknader»: the employee's
applications, each titled by its project with the call, reference and date beside it, its own
status (Utkast, Sendt, Under vurdering, Innvilget …) and the next step.

Registered in wagtail_hooks.py. Two kinds are listed together: structured applications
(funding/models/pipeline.py, where the user is the creator or a co-applicant) and those sent
with a call's form-builder form before that (`FundingApplication`), whose status follows
their call since nothing was decided in the intranet.
"""

from django.db.models import Q
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext

from caching.privacy import visible
from core import my_items
from core.formats import format_date, format_datetime

from .final_report import REPORTABLE
from .models.applications import FundingApplication
from .models.calls import FundingCallPage
from .models.index import FundingIndexPage
from .models.pipeline import Application, CoApplicant, Status

my_items.watch(FundingApplication, "applicant_id")
my_items.watch(CoApplicant, "user_id")

#: Still waiting for the applicant or for a decision: counted in the header.
OPEN_STATUSES = (Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW)


def _forget_applicants(sender, instance, **kwargs):
    """A status change is news to every applicant, not only the creator."""
    my_items.forget_count(instance.created_by_id)
    for user_id in CoApplicant.objects.filter(application=instance).values_list(
        "user_id", flat=True
    ):
        my_items.forget_count(user_id)


post_save.connect(_forget_applicants, sender=Application, dispatch_uid="my-items:application")


def own_applications(user):
    """The structured applications `user` is on, as applicant (never as case handler)."""
    return (
        Application.objects.filter(Q(created_by=user) | Q(co_applicants__user=user))
        .distinct()
        .select_related("call", "decision", "final_report")
    )


class ApplicationsProvider(my_items.MyItemsProvider):
    kind = "applications"

    def open_querysets(self, user):
        now = timezone.now()
        open_calls = FundingCallPage.objects.filter(
            Q(deadline__isnull=True) | Q(deadline__gt=now)
        ).values("pk")
        legacy = FundingApplication.objects.filter(applicant=user, page_id__in=open_calls)
        # own_applications() without its join: a co-applicant's row must not count twice.
        mine = Application.objects.filter(
            Q(created_by=user)
            | Q(pk__in=CoApplicant.objects.filter(user=user).values("application_id")),
            status__in=OPEN_STATUSES,
        )
        return [legacy, mine]

    def group(self, request):
        index = visible(FundingIndexPage.objects.live(), request).first()
        if index is None:
            return None
        return my_items.MyItemsGroup(
            kind=self.kind,
            heading=gettext("Funding applications"),
            items=self.items(index, request.user),
            empty_text=gettext("You have no applications yet."),
            list_url=index.url + index.reverse_subpage("my_applications"),
            list_label=gettext("My applications"),
            action_url=index.url,
            action_label=gettext("See the funding schemes you can apply for"),
        )

    def items(self, index, user):
        """Every application of the user's, newest first: a fixed number of queries."""
        now = timezone.now()
        items = [self.item(application, now) for application in own_applications(user)]
        legacy = list(FundingApplication.objects.filter(applicant=user))
        calls = FundingCallPage.objects.defer_streamfields().in_bulk(
            {application.page_id for application in legacy}
        )
        items += [
            self.legacy_item(index, application, calls.get(application.page_id), now)
            for application in legacy
        ]
        return sorted(items, key=lambda item: item.when, reverse=True)

    @staticmethod
    def item(application, now):
        call = application.call
        if application.submitted_at:
            when = application.submitted_at
            dated = gettext("Sent %(when)s") % {"when": format_date(application.submitted_at)}
        else:
            when = application.updated_at
            dated = gettext("Last saved %(when)s") % {"when": format_date(application.updated_at)}
        meta = " · ".join(part for part in (call.title, application.reference, dated) if part)
        next_step_url = ""
        if application.status in REPORTABLE and not hasattr(application, "final_report"):
            next_step_url = call.url + call.reverse_subpage(
                "application_report", args=(application.uuid,)
            )
        return my_items.MyItem(
            title=str(application),
            url=call.url + call.reverse_subpage("application", args=(application.uuid,)),
            when=when,
            meta=meta,
            status=application.get_status_display(),
            status_badge=application.status_badge,
            next_step=application.next_step(call, now),
            next_step_url=next_step_url,
            is_open=application.status in OPEN_STATUSES,
        )

    @staticmethod
    def legacy_item(index, application, call, now):
        sent = gettext("Sent %(when)s") % {"when": format_datetime(application.submit_time)}
        if call is None:
            title, is_open = gettext("A call that has been removed"), False
            next_step = ""
        else:
            title = call.title
            sent = f"{call.title} · {sent}"
            state = call.state_at(now)
            is_open = not state.is_closed
            if state.is_closed or state.is_rolling:
                next_step = gettext("Waiting for an answer")
            else:
                next_step = gettext("Assessed after the deadline, %(when)s") % {
                    "when": format_datetime(call.deadline)
                }
        # Two applications to one call differ by their project, when the form asked for one.
        project = str(application.form_data.get("prosjekttittel") or "").strip()
        return my_items.MyItem(
            title=project or title,
            url=index.url + index.reverse_subpage("application_detail", args=(application.pk,)),
            when=application.submit_time,
            meta=sent,
            status=gettext("Sent"),
            status_badge="active" if is_open else "neutral",
            next_step=next_step,
            is_open=is_open,
        )
