"""/sok/ (the search page) and /sok/forslag/ (suggestions for the header's search box)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from . import services, types
from .engine import SiteSearch, current_first
from .forms import SearchForm
from .highlight import fold
from .stemming import words
from .visibility import visible_pages

SUGGESTIONS = 8
SUGGESTED_SERVICES = 3  # the rest of the list stays for pages
SUGGEST_MIN_LENGTH = 2
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
    """
    form = SearchForm(request.GET, max_length=SUGGEST_MAX_LENGTH, max_terms=SUGGEST_MAX_TERMS)
    text = form.query.replace('"', " ").strip()
    items = []
    if len(text) >= SUGGEST_MIN_LENGTH and any(char.isalnum() for char in text):
        # The index's title column also holds the titles of related objects (a case's
        # methods), so a few more are fetched and only pages whose own title begins
        # words as typed are kept.
        typed = [fold(word) for word in words(text)]
        service_type = str(types.TYPE_LABELS[services.SERVICE_TYPE])
        for found in services.resolve(services.match_prefix(text), request)[:SUGGESTED_SERVICES]:
            items.append(
                {"title": str(found.service.title), "url": found.url, "type": service_type}
            )
        candidates = visible_pages(request).autocomplete(text, fields=["title"])
        pages = [page for page in candidates[: SUGGESTIONS * 3] if _title_matches(page, typed)]
        pages = _current_first(pages)
        for page in pages[: SUGGESTIONS - len(items)]:
            model = page.specific_class or type(page)
            items.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": str(types.label_of(types.type_of(model), model)),
                }
            )
    response = JsonResponse(items, safe=False)
    patch_cache_control(response, private=True, max_age=60)
    return response


def _current_first(pages):
    """Upcoming events and open calls before past ones, as in the results.

    The suggestions are plain pages; the dated ones are loaded as their own type to
    tell (one query per dated type among them, without their StreamFields).
    """
    by_model = {}
    for page in pages:
        model = page.specific_class
        if model is not None and hasattr(model, "search_is_current"):
            by_model.setdefault(model, []).append(page.pk)
    if not by_model:
        return pages
    specific = {}
    for model, ids in by_model.items():
        specific.update(model.objects.filter(pk__in=ids).defer_streamfields().in_bulk())
    return current_first([specific.get(page.pk, page) for page in pages])


def _title_matches(page, typed):
    title_words = [fold(word) for word in words(page.title)]
    return all(any(word.startswith(part) for word in title_words) for part in typed)
