"""«Mine saker» (/mine-saker/): everything one employee has going on, on one page.

The sections provide the items through the `register_my_items` hook (core/my_items.py);
this page only lays them out. It is one employee's page: never cached, and a provider
is only ever asked about the signed-in user.
"""

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from core import my_items


def my_items_view(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    groups = my_items.groups(request)
    response = TemplateResponse(
        request,
        "home/my_items.html",
        {"groups": groups, "open_count": sum(g.open_count for g in groups)},
    )
    add_never_cache_headers(response)
    return response
