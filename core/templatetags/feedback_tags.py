"""{% page_feedback_form %}: «Fant du det du lette etter?» at the foot of a page of the section.

Rendered outside every {% sharedcache %} part: the form carries this user's CSRF token.
Not on a preview (an editor's draft is no page to answer on), nor on views without a
page of the section (search, sign-in, error pages).
"""

from django import template

from core.models import BasePage

register = template.Library()


@register.inclusion_tag("core/feedback/form.html", takes_context=True)
def page_feedback_form(context):
    page = context.get("page")
    request = context.get("request")
    shown = (
        isinstance(page, BasePage)
        and request is not None
        and not getattr(request, "is_preview", False)
        and page.live
    )
    return {"shown": shown, "page": page, "csrf_token": context.get("csrf_token")}
