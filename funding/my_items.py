"""Funding's part of «Mine saker» (core/my_items.py): the employee's applications.

Registered in wagtail_hooks.py. The section records no decision on an application
(the answer comes from the call's contact, outside the intranet), so an application's
status follows its call: sent while the call is open, waiting for an answer once the
deadline has passed. It counts as open while its call still takes applications.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from caching.privacy import visible
from core import my_items
from core.formats import format_datetime

from .models.applications import FundingApplication
from .models.calls import FundingCallPage
from .models.index import FundingIndexPage

my_items.watch(FundingApplication, "applicant_id")


class ApplicationsProvider(my_items.MyItemsProvider):
    kind = "applications"

    def open_count(self, user):
        now = timezone.now()
        open_calls = FundingCallPage.objects.filter(
            Q(deadline__isnull=True) | Q(deadline__gt=now)
        ).values("pk")
        return FundingApplication.objects.filter(applicant=user, page_id__in=open_calls).count()

    def group(self, request):
        index = visible(FundingIndexPage.objects.live(), request).first()
        if index is None:
            return None
        applications = list(
            FundingApplication.objects.filter(applicant=request.user).order_by("-submit_time")
        )
        calls = FundingCallPage.objects.defer_streamfields().in_bulk(
            {application.page_id for application in applications}
        )
        now = timezone.now()
        items = [
            self.item(index, application, calls.get(application.page_id), now)
            for application in applications
        ]
        return my_items.MyItemsGroup(
            kind=self.kind,
            heading=gettext("Funding applications"),
            items=items,
            empty_text=gettext("You have not sent any applications yet."),
            list_url=index.url + index.reverse_subpage("my_applications"),
            list_label=gettext("My applications"),
            action_url=index.url,
            action_label=gettext("See the funding schemes you can apply for"),
        )

    @staticmethod
    def item(index, application, call, now):
        sent = gettext("Sent %(when)s") % {"when": format_datetime(application.submit_time)}
        if call is None:
            title, is_open = gettext("A call that has been removed"), False
            next_step = ""
        else:
            title = call.title
            state = call.state_at(now)
            is_open = not state.is_closed
            if state.is_closed or state.is_rolling:
                next_step = gettext("Waiting for an answer")
            else:
                next_step = gettext("Assessed after the deadline, %(when)s") % {
                    "when": format_datetime(call.deadline)
                }
        return my_items.MyItem(
            title=title,
            url=index.url + index.reverse_subpage("application_detail", args=(application.pk,)),
            when=application.submit_time,
            meta=sent,
            status=gettext("Sent"),
            status_badge="active" if is_open else "neutral",
            next_step=next_step,
            is_open=is_open,
        )
