"""/sok/ (the search page) and /sok/forslag/ (suggestions for the header's search box)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from . import suggest
from .engine import SiteSearch
from .forms import SearchForm

SUGGEST_MAX_LENGTH = 100
SUGGEST_MAX_TERMS = 8


@require_safe
def search(request):
    site_search = SiteSearch(request)
    response = TemplateResponse(
        request,
        "search/search.html",
        {"search": site_search, "page_has_search_form": True},
    )
    response.add_post_render_callback(lambda r: site_search.log())
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def suggestions(request):
    """Up to eight services and live pages whose words begin as typed so far, as JSON.

    [{"title": "Brukerreise", "url": "/metoder/brukerreise/", "type": "Metode"}, …]
    Services («Book rom på Fabrikken» for «book ro») come first, as in the results.
    Each answer is kept in the cache (search/suggest.py says until when).
    """
    form = SearchForm(request.GET, max_length=SUGGEST_MAX_LENGTH, max_terms=SUGGEST_MAX_TERMS)
    response = JsonResponse(suggest.suggestions(request, form.query), safe=False)
    patch_cache_control(response, private=True, max_age=60)
    return response
