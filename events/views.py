"""«Min kalender»: the page with the employee's subscription address, and the feed itself.

The page (/min-kalender/) is the signed-in employee's own: it shows the address to
paste into Outlook, and «Lag ny adresse» replaces it. The feed
(/min-kalender/<token>.ics) is fetched by Outlook without signing in, so the token is
the only key: an unknown or replaced one, or one whose owner is no longer active,
answers 404, and the answer is marked for no cache but the subscriber's own.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_protect

from core.ics import CONTENT_TYPE
from events.feed import build_feed
from events.models import CalendarSubscription


@csrf_protect
def my_calendar(request):
    """GET: the address and how to subscribe. POST: a new address («Lag ny adresse»)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscription = CalendarSubscription.for_user(request.user)
    if request.method == "POST":
        subscription.renew()
        messages.success(request, gettext("You have a new address. The old one no longer works."))
        return redirect("my_calendar")
    feed_url = request.build_absolute_uri(
        reverse("calendar_feed", kwargs={"token": subscription.token})
    )
    response = TemplateResponse(
        request,
        "events/my_calendar.html",
        {"feed_url": feed_url, "subscription": subscription},
    )
    # The address is a secret: never kept by any cache, not even the browser's.
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True)
    return response


@login_not_required
def calendar_feed(request, token):
    """The owner's feed, for Outlook's «Abonner fra nettet»: no sign-in, the token is the key."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    subscription = CalendarSubscription.objects.select_related("user").filter(token=token).first()
    if subscription is None or not subscription.user.is_active:
        raise Http404
    response = HttpResponse(build_feed(subscription.user, request), content_type=CONTENT_TYPE)
    # One person's calendar: a shared cache (a proxy) must never keep or serve it.
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex"
    return response
