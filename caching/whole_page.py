"""A page served whole from the cache, with the parts that belong to one request filled in.

A warm page of the section is a few dozen cached parts ({% sharedcache %}) and the
template around them: the header, the forms, the footer. Rendering that frame costs
more than the parts. A page type with `WholePageCacheMixin` keeps its rendered HTML,
for everyone with the same audience and language, and fills in per request only:

- each `{% perrequest "template.html" %}` (the account menu, the user's next booking,
  Wagtail's userbar), rendered from the request and the page alone, the same way
  whether the page came from the cache or not;
- every `{% csrf_token %}` outside those, with this request's token.

The kept HTML lasts until one of the counters its cached parts named moves on (noted
while it was rendered: caching.keys), or the page itself, `site` or `navigation` does.
What the frame shows outside parts and holes must be the page's own fields: a frame
that reads the database itself is not kept (and the log says so). Pages with a query string,
messages to show, or a preview are rendered as usual.
"""

import logging
import re
from functools import cache as once

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.template.response import SimpleTemplateResponse
from django.utils.crypto import salted_hmac

from caching import generation
from caching.keys import building_part, noting_dependencies, scoped_key
from caching.privacy import audience_key

logger = logging.getLogger(__name__)

# Set while a page is rendered to be kept: holes and CSRF tokens leave their marks.
_CAPTURING_ATTRIBUTE = "_whole_page_capturing"
# Django's get_token() sets it: a CSRF token was given out in this request.
_CSRF_TOKEN_USED = "CSRF_COOKIE_NEEDS_UPDATE"


@once
def _mark():
    """A mark no editor can type: derived from the secret key."""
    return "wp" + salted_hmac("caching.whole_page", "mark").hexdigest()[:24]


def csrf_mark():
    return f"{_mark()}-csrf"


@once
def _marks():
    return re.compile(rf"<!--{_mark()}:hole:([\w./-]+)-->|{_mark()}-csrf")


def hole_mark(template_name):
    return f"<!--{_mark()}:hole:{template_name}-->"


def capturing(request):
    return getattr(request, _CAPTURING_ATTRIBUTE, False)


def render_hole(template_name, page, request):
    """One request's part: the template, with the page and the request's context only."""
    return get_template(template_name).render({"page": page, "self": page}, request)


class WholePageCacheMixin:
    """Serve the page whole from the cache (see the module's docstring)."""

    def whole_page_vary_on(self, request):
        """What else the kept page varies on, beside its audience and language (e.g. the time)."""
        return ()

    def serve(self, request, *args, **kwargs):
        if not _cacheable(self, request):
            return super().serve(request, *args, **kwargs)
        counters = generation.current()
        key = scoped_key(
            [self, generation.NAVIGATION],
            "whole-page",
            self.pk,
            request.path,  # a routable page answers more than one address
            audience_key(request),
            *self.whole_page_vary_on(request),
        )
        kept = cache.get(key)
        if kept is not None:
            versions, html = kept
            if all(counters[name] == value for name, value in versions):
                return _fill(HttpResponse(), html, self, request)
        # Not counted as a part built (X-Cache-Built): put together from parts already
        # kept, it asks the database nothing but the page (what _capture() holds).
        serve_page = super().serve
        response, noted, refusal = _capture(request, lambda: serve_page(request, *args, **kwargs))
        if response.status_code != 200 or not isinstance(response, SimpleTemplateResponse):
            return response
        html = response.content.decode()
        scopes = _scopes(noted, self)
        if refusal:
            logger.warning("%s %s is not kept whole: %s", type(self).__name__, self.pk, refusal)
        elif scopes is not None:
            cache.set(key, (tuple((name, counters[name]) for name in scopes), html))
        return _fill(response, html, self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if capturing(request):
            # Outside the holes, forms carry a mark that becomes each request's token.
            context["csrf_token"] = csrf_mark()
        return context


def _capture(request, render):
    """The page rendered with marks for its holes and tokens.

    (response, the dependencies its parts named, why it may not be kept or ""). Kept
    only what shows nothing but the page's own fields and its parts: a frame that reads
    the database itself, or renders this request's own CSRF token (a view that builds
    its context without the page's get_context), is not.
    """
    reads = []
    token_before = request.META.pop(_CSRF_TOKEN_USED, False)
    setattr(request, _CAPTURING_ATTRIBUTE, True)
    try:
        with noting_dependencies() as noted, connection.execute_wrapper(_ReadsOutsideParts(reads)):
            response = render()
            if isinstance(response, SimpleTemplateResponse):
                response.render()
    finally:
        setattr(request, _CAPTURING_ATTRIBUTE, False)
        token_rendered = request.META.get(_CSRF_TOKEN_USED, False)
        if token_before:
            request.META[_CSRF_TOKEN_USED] = True
    refusal = ""
    if reads:
        refusal = (
            "its template reads the database outside {% sharedcache %} parts and "
            f"{{% perrequest %}} holes: {reads[0][:200]}"
        )
    elif token_rendered:
        refusal = "a form outside its {% perrequest %} holes carries this request's CSRF token"
    return response, noted, refusal


class _ReadsOutsideParts:
    """Notes the queries a page's frame runs itself, outside every cached part."""

    def __init__(self, reads):
        self.reads = reads

    def __call__(self, execute, sql, params, many, context):
        if not building_part():
            self.reads.append(sql)
        return execute(sql, params, many, context)


def _cacheable(page, request):
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and request.user.is_authenticated
        and not getattr(request, "is_preview", False)
        and not len(get_messages(request))  # len() reads them without using them up
    )


def _scopes(noted, page):
    """The counters the page's parts named, or None if one named another page.

    Only the page's own counter is at hand when a request comes (it travels with its
    row); another page's would cost a query, so such a page is not kept whole.
    """
    scopes = {generation.NAVIGATION}
    for dependency in noted:
        if isinstance(dependency, str):
            scopes.add(dependency)
        elif dependency.pk != page.pk:
            return None
    return sorted(scopes)


def _fill(response, html, page, request):
    token = []  # one token for the page's forms, as Django's {% csrf_token %} gives

    def fill(match):
        if match.group(1):
            return render_hole(match.group(1), page, request)
        if not token:
            token.append(get_token(request))
        return token[0]

    response.content = _marks().sub(fill, html)
    return response
