"""The plain-language helper (LIX) in the admin: «{% load readability_tags %}».

One include, core/admin/readability.html, in the editor's checks panel and in the
moderator's approval modal, computed server-side by core.readability.
"""

from django import template

from core import readability

register = template.Library()


@register.inclusion_tag("core/admin/readability.html", takes_context=True)
def page_readability(context, page=None, revision=None):
    """LIX of `revision`, or of `page`'s latest saved revision."""
    request = context.get("request")
    if revision is not None:
        result = readability.score_revision(revision, request)
    else:
        result = readability.score_page(page, request)
    return {
        "result": result,
        "saved": bool(revision or (page and page.pk)),
        "target": readability.target(),
    }
