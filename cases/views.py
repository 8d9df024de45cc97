"""Admin views of the cases section."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from funding.final_report import REPORTABLE
from funding.models import Application

from .from_application import case_index, case_story_from_application, may_make_case_story


@require_POST
def case_story_from_application_view(request, application_uuid):
    """«Lag eksempel» from the case view: make (or find) the draft, then edit it.

    POST only: it creates a page. For case handlers who may also add cases; anyone else
    in the admin gets 403. Only a granted application the user may see, else 404.
    """
    index = case_index()
    if not may_make_case_story(request.user, index):
        # A real 403 (the site's page), not Wagtail's redirect to the dashboard: the button
        # is never shown to these users, so this answers a crafted or stale request.
        return permission_denied(request, PermissionDenied())
    application = get_object_or_404(
        Application.objects.visible_to(request.user).filter(
            status__in=REPORTABLE, decision__isnull=False
        ),
        uuid=application_uuid,
    )
    page, created = case_story_from_application(application, request.user)
    if created:
        messages.success(
            request,
            gettext(
                "A draft case story is made from the application. Check it, add images and "
                "key figures, and send it for approval."
            ),
        )
    else:
        messages.info(request, gettext("This application's case story was made before."))
    return redirect("wagtailadmin_pages:edit", page.pk)
