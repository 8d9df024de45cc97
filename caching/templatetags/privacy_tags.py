"""{{ page|visible_to:request }}: a page an editor linked to, only if this employee may see it.

For single links chosen in the admin (a case's funding call, Fabrikken's methods page).
Querysets go through caching.privacy.visible() instead; this filter asks the same gate
about a page already loaded, without a query.
"""

from django import template

from caching.privacy import is_visible

register = template.Library()


@register.filter
def visible_to(page, request):
    """The page if it is live and `request` may see it in a list, else None."""
    if page is None or not getattr(page, "live", False) or not is_visible(page, request):
        return None
    return page
