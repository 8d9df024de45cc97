"""Who reaches the case-handling views, and the applications they read there."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from funding.models import Application, CoApplicant, FundingCallPage
from funding.models.pipeline import HANDLE_PERMISSION, Status

#: Statuses a case handler still works on: assessment and decision are open.
OPEN = (Status.SUBMITTED, Status.IN_REVIEW)


def is_case_handler(user):
    return user.is_authenticated and user.is_active and user.has_perm(HANDLE_PERMISSION)


def applications_for(user, call):
    """The call's sent applications (never drafts) the case handler may read, with what a
    row shows fetched up front: the queries stay the same however many there are."""
    return (
        Application.objects.visible_to(user)
        .filter(call=call)
        .exclude(status=Status.DRAFT)
        .select_related("created_by", "decision")
        .prefetch_related(
            Prefetch("co_applicants", queryset=CoApplicant.objects.select_related("user"))
        )
    )


def get_call(call_id):
    return get_object_or_404(FundingCallPage, pk=call_id)


def get_application(user, call_id, application_id):
    """One application of this call, or 404 (also for an id of another call)."""
    call = get_call(call_id)
    return get_object_or_404(applications_for(user, call), pk=application_id)


def applicant_names(application):
    """The creator first, then the co-applicants (from the prefetched rows)."""
    users = [application.created_by] if application.created_by else []
    users += [link.user for link in application.co_applicants.all()]
    return [user.get_full_name() or user.get_username() for user in users]
