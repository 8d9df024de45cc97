"""Site-wide views that belong to no content app."""

import logging
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from core.mail import queue as mail_queue
from core.storage import is_local

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """For the load balancer: 200 when the database answers, 503 when not.

    The answer's second line is the mail queue (core/mail/), from the same single
    query: «mail queue: 3 waiting, oldest 720 s, 0 failed». A growing age means
    the worker is not running or SMTP is down; it does not make the node
    unhealthy (every node shares the queue), so monitoring reads it, the balancer not.
    """
    try:
        state = mail_queue.state()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    line = f"mail queue: {state.waiting} waiting"
    if state.oldest is not None:
        line += f", oldest {int(state.oldest.total_seconds())} s"
    line += f", {state.failed} failed"
    return HttpResponse(f"ok\n{line}\n", content_type="text/plain")


@login_not_required
@never_cache
def sign_in_elsewhere(request):
    """Wagtail's own sign-in pages (/admin/login/, /_util/login/) lead to /logg-inn/.

    One sign-in page for the whole section: one throttle (django-axes), one
    place for single sign-on, and no second form that answers anonymously.
    Where the visitor was going comes along as `next`.
    """
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = ""
    target = target or (reverse("wagtailadmin_home") if request.path.startswith("/admin/") else "/")
    if request.user.is_authenticated:
        return redirect(target)
    return redirect_to_login(target)


MEDIA_MAX_AGE = 24 * 60 * 60


# The folders Wagtail writes images to (originals and renditions); documents
# live beside them in the same storage and must never come out of this view.
IMAGE_FOLDERS = ("original_images", "images")
# One file name as Django's storage makes it (get_valid_filename): letters,
# digits, «_», «-» and «.», never starting with a dot. Anything else in a
# segment (%, \\, NUL, control characters, «..») means the path was not one
# Wagtail wrote, so it is refused before any file system or storage call.
SAFE_SEGMENT = re.compile(r"[-\w][-\w.]*")


def image_name(path):
    """The storage name of the image a /media/ path names, or None if it is no image.

    The path must be plain: segments of safe characters, the first an image
    folder. It is checked as it arrived (after the server's percent-decoding,
    with no further normalising), so «..», encoded or not, a backslash or a NUL
    byte never reaches a storage.
    """
    segments = path.split("/")
    if len(segments) < 2 or segments[0] not in IMAGE_FOLDERS:
        return None
    if not all(SAFE_SEGMENT.fullmatch(segment) for segment in segments):
        return None
    return path


def image_file(name):
    """(folder, file name in it) of an image on this server's disk, or None.

    The resolved file must still lie inside its image folder, so a symbolic
    link cannot reach a document either.
    """
    folder_name, _, rest = name.partition("/")
    folder = (Path(settings.MEDIA_ROOT) / folder_name).resolve()
    try:
        file = folder.joinpath(rest).resolve(strict=True)
    except (OSError, ValueError):
        return None
    if not file.is_relative_to(folder) or not file.is_file():
        return None
    return folder, file.relative_to(folder).as_posix()


@require_safe
def media(request, path):
    """Uploaded images, behind the sign-in like every other view.

    Employees' material is never a public folder, on the disk or in object
    storage (core/storage: the container is private and the site hands out no
    blob URLs). From the disk a proxy can take over the transfer later
    (X-Accel-Redirect) without changing who may see what; from object storage
    the file is streamed through here.
    """
    # Documents are served by Wagtail's view, which checks collection privacy
    # and sends them as attachments; only images come straight from here.
    name = image_name(path)
    if name is None:
        raise Http404
    if is_local(default_storage):
        image = image_file(name)
        if image is None:
            raise Http404
        folder, file_name = image
        response = serve(request, file_name, document_root=folder)
    else:
        try:
            response = FileResponse(default_storage.open(name))
        except FileNotFoundError:
            raise Http404 from None
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
