"""Co-applicants: colleagues who apply together with the creator, and see and edit the draft.

«Legg til medsøker» is a GET search among the intranet's own active users (by name, e-mail or
unit from their StaffProfile) listing matches with a «Legg til» POST button each; «Fjern»
is a POST too, so it all works without JavaScript. While the application may change
(`applicant_views.is_changeable`), any of its applicants may add or remove. The creator
cannot be added, nobody twice (the unique constraint holds it under a race), at most ten.
`Application.objects.visible_to` already includes co-applicants: that is all they need to
read and edit it.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from .models.pipeline import Application, CoApplicant

MAX_PER_APPLICATION = 10
MIN_QUERY = 2
MAX_RESULTS = 20


def listed(call, application):
    """[(co-applicant link, remove url)] with each user's profile, one query."""
    base = call.url
    return [
        (
            link,
            base
            + call.reverse_subpage(
                "application_co_applicant_remove", args=(application.uuid, link.pk)
            ),
        )
        for link in CoApplicant.objects.filter(application=application)
        .select_related("user__staff_profile")
        .order_by("added_at", "pk")
    ]


def co_applicants_context(call, application):
    co_applicants = listed(call, application)
    return {
        "co_applicants": co_applicants,
        "co_applicants_url": call.url
        + call.reverse_subpage("application_co_applicants", args=(application.uuid,)),
        "co_applicants_full": len(co_applicants) >= MAX_PER_APPLICATION,
        "max_co_applicants": MAX_PER_APPLICATION,
    }


def search_users(query, application):
    """Active users matching every word of `query` in their name, e-mail, username or
    unit, except the creator and those already on the application."""
    words = query.split()[:5]
    if len(query.strip()) < MIN_QUERY:
        return []
    users = get_user_model().objects.filter(is_active=True)
    for word in words:
        users = users.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(username__icontains=word)
            | Q(staff_profile__unit__icontains=word)
        )
    taken = CoApplicant.objects.filter(application=application).values("user_id")
    return list(
        users.exclude(pk=application.created_by_id)
        .exclude(pk__in=taken)
        .select_related("staff_profile")
        .order_by("first_name", "last_name", "username")[:MAX_RESULTS]
    )


def add(application, user_id, by):
    """Add the user as a co-applicant; an error message when it cannot be done, else None."""
    user = (
        get_user_model().objects.filter(is_active=True, pk=user_id).first()
        if str(user_id).isdigit()
        else None
    )
    if user is None:
        return gettext("Choose a colleague from the search results.")
    if user.pk == application.created_by_id:
        return gettext("%(name)s started the application and is already on it.") % {
            "name": display_name(user)
        }
    with transaction.atomic():
        # Under the application's lock: two additions at once cannot make eleven.
        Application.objects.select_for_update().filter(pk=application.pk).first()
        links = CoApplicant.objects.filter(application=application)
        if links.filter(user=user).exists():
            return gettext("%(name)s is already a co-applicant.") % {"name": display_name(user)}
        if links.count() >= MAX_PER_APPLICATION:
            return gettext(
                "An application can have at most %(count)s co-applicants. Remove one to add another."
            ) % {"count": MAX_PER_APPLICATION}
        try:
            with transaction.atomic():
                CoApplicant.objects.create(application=application, user=user, added_by=by)
        except IntegrityError:  # added by someone else just now
            return gettext("%(name)s is already a co-applicant.") % {"name": display_name(user)}
    return None


def display_name(user):
    return user.get_full_name() or user.get_username()


# --- Views (routes on FundingCallPage) -------------------------------------------------


def manage(call, request, application_uuid):
    """GET: search colleagues (?q=); POST: add the one chosen, back to the form page."""
    from . import applicant_views

    application = applicant_views.get_application(call, request, application_uuid)
    form_url = applicant_views.url_for(call, "application", application)
    if not applicant_views.is_changeable(call, application, request.user):
        return HttpResponseRedirect(form_url)
    error = None
    query = request.GET.get("q", "").strip()[:100]
    if request.method == "POST":
        error = add(application, request.POST.get("user", ""), request.user)
        if error is None:
            return HttpResponseRedirect(form_url + "#medsokere")
        query = request.POST.get("q", "").strip()[:100]
    results = search_users(query, application) if query else []
    return applicant_views.render(
        call,
        request,
        "funding/application/co_applicants.html",
        {
            "application": application,
            "query": query,
            "too_short": bool(query) and len(query) < MIN_QUERY,
            "results": results,
            "error": error,
            "form_url": form_url,
            **co_applicants_context(call, application),
        },
    )  # 200 with the error summary, as every refused form here


def remove(call, request, application_uuid, co_applicant_id):
    """POST «Fjern»: takes the colleague off the application while it may change."""
    from . import applicant_views

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    application = applicant_views.get_application(call, request, application_uuid)
    if applicant_views.is_changeable(call, application, request.user):
        get_object_or_404(CoApplicant, application=application, pk=co_applicant_id).delete()
    if not application.is_applicant(request.user):
        # They removed themselves: the application is no longer theirs to see.
        return HttpResponseRedirect(call.url)
    return HttpResponseRedirect(
        applicant_views.url_for(call, "application", application) + "#medsokere"
    )
