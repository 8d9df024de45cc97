"""Admin views for content ownership: the review report and one-click confirmation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from core.models import ContentOwnershipMixin
from core.publishing import reviews


def review_report(request):
    """«Innhold som bør gjennomgås»: pages whose owners have not confirmed them for a year."""
    pages = reviews.pages_due_for_review()
    mine = request.GET.get("mine") == "1"
    if mine:
        pages = [page for page in pages if page.content_owner_id == request.user.pk]
    paginator = Paginator(pages, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "core/admin/review_report.html",
        {
            "page_title": _("Content due for review"),
            "header_icon": "time",
            "page_obj": page_obj,
            "paginator": paginator,
            "total": paginator.count,
            "mine": mine,
        },
    )


def can_confirm(user, page):
    return (
        user.is_superuser
        or page.content_owner_id == user.pk
        or page.permissions_for_user(user).can_publish()
    )


@require_POST
def confirm_page(request, page_id):
    """The owner's one click: the page is still right as it is."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ContentOwnershipMixin) or not can_confirm(request.user, page):
        raise PermissionDenied
    reviews.confirm(page)
    messages.success(request, _("«%(title)s» is confirmed as up to date.") % {"title": page.title})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "core_review_report"
    return redirect(next_url)
