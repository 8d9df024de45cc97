"""The employee's side: Ja/Nei on a page, then an optional comment (POST, redirect, GET).

The answer is stored at once; the comment, if any, is added to it on the next page.
Which answer is this employee's is kept in their session (SESSION_KEY: page id →
feedback id), never in the feedback row.
"""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from caching.privacy import visible
from core.models import BasePage

from . import throttle
from .forms import AnswerForm, CommentForm
from .models import PageFeedback

SESSION_KEY = "page_feedback"


def feedback_page(request, page_id):
    """The live page of the section `request` may see, or 404: the privacy gate, as for lists."""
    page = visible(Page.objects.live().filter(pk=page_id), request).specific().first()
    if not isinstance(page, BasePage):
        raise Http404
    return page


def _given(request):
    return request.session.get(SESSION_KEY, {})


# The session remembers the latest answers only: enough to comment on any of them.
REMEMBERED = 20


def _remember(request, page, feedback):
    given = {key: value for key, value in _given(request).items() if key != str(page.pk)}
    given[str(page.pk)] = feedback.pk
    request.session[SESSION_KEY] = dict(list(given.items())[-REMEMBERED:])


def too_many_message():
    return _("You have sent a lot of feedback in a short time. Wait a minute and send it again.")


@require_POST
def answer(request, page_id):
    page = feedback_page(request, page_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    if not throttle.within_rate(request):
        # HTTP 429 with the buttons again: nothing is stored, one press later sends it.
        return TemplateResponse(
            request,
            "core/feedback/too_many.html",
            {"feedback_page": page, "message": too_many_message()},
            status=429,
        )
    thanks_url = reverse("page_feedback_thanks", args=[page.pk])
    if not throttle.claim_answer(request, page.pk):
        # Answered already a little while ago: the first answer stands.
        return redirect(f"{thanks_url}?igjen=1")
    feedback = PageFeedback.objects.create(page=page, answer=form.cleaned_data["answer"])
    _remember(request, page, feedback)
    return redirect(thanks_url)


@require_http_methods(["GET", "HEAD", "POST"])
def thanks(request, page_id):
    """«Takk for svaret»: the optional comment, then «Takk for kommentaren»."""
    page = feedback_page(request, page_id)
    feedback_id = _given(request).get(str(page.pk))
    feedback = PageFeedback.objects.filter(pk=feedback_id, page=page).first()
    if feedback is None:
        # Nothing answered in this session (or it is gone): the page itself.
        return redirect(page.get_url(request))
    context = {"feedback_page": page, "feedback": feedback, "again": "igjen" in request.GET}
    if feedback.comment:
        return TemplateResponse(request, "core/feedback/done.html", context)
    form = CommentForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if throttle.within_rate(request):
            feedback.comment = form.cleaned_data["comment"]
            feedback.save(update_fields=["comment"])
            return redirect("page_feedback_thanks", page_id=page.pk)
        # The comment stays in the field, to be sent again in a minute.
        form.add_error(None, too_many_message())
        status = 429
    return TemplateResponse(
        request, "core/feedback/thanks.html", {**context, "form": form}, status=status
    )
