"""Site-wide views that belong to no content app."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """For the load balancer: 200 when the database answers, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


MEDIA_MAX_AGE = 24 * 60 * 60


@require_safe
def media(request, path):
    """Uploaded images, behind the sign-in like every other view.

    Employees' material is never a public folder. A proxy can take over the
    transfer later (X-Accel-Redirect) without changing who may see what.
    """
    # Documents are served by Wagtail's view, which checks collection privacy
    # and sends them as attachments; only images come straight from here.
    if not path.startswith(("original_images/", "images/")):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # Only in this employee's browser, never in a shared proxy; for a day,
    # since a replaced image gets new file names (not «immutable», though).
    patch_cache_control(response, private=True, max_age=MEDIA_MAX_AGE)
    return response


def sign_in_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout, told in Norwegian with the time to wait."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
