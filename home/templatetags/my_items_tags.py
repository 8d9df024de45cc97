"""{% my_items_count %}: the number of open items in «Mine saker», for the header.

The header sits outside every {% sharedcache %} fragment: the count is one employee's.
core.my_items keeps it in the cache under the user's id, so a warm page costs no query.
"""

from django import template

from core import my_items

register = template.Library()


@register.simple_tag(takes_context=True)
def my_items_count(context):
    request = context.get("request")
    return my_items.open_count(getattr(request, "user", None))
