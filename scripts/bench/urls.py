"""Which URLs the benchmark requests, chosen from the database (Django set up)."""

import urllib.parse

SEARCH_WORDS = {"common": "innovasjon", "compound": "brukerreisen"}
AUTOCOMPLETE = "bru"
# Prefixes asked once each, for suggestions the cache has not seen (first_suggestions()).
FIRST_SUGGESTIONS = 60
LIGHTHOUSE_SEARCH = "metode"


def page_url(page):
    return page.get_url()


def pick_urls():
    """(label, path) for every URL the benchmark requests, chosen from the database:
    the listings with and without filters that match something, the first live page of
    each detail type (in tree order, so the demo content's), search and autocomplete."""
    from cases.models import CaseIndexPage, CasePage
    from events.models import EventIndexPage, EventPage
    from fabrikken.models import FabrikkenPage
    from funding.models import FundingCallPage, FundingIndexPage
    from home.models import ContentPage
    from methods.models import MethodIndexPage, MethodPage

    def first(model):
        return model.objects.live().public().order_by("path").first()

    urls = [("home", "/")]
    methods = first(MethodIndexPage)
    method = None
    if methods:
        urls.append(("methods", page_url(methods)))
        # The filter of a method that has a phase, a topic and a time: never an empty result.
        for candidate in (
            MethodPage.objects.live().public().descendant_of(methods).order_by("path")[:50]
        ):
            phase = candidate.phases.order_by("number").first()
            tag = candidate.tags.order_by("slug").first()
            if phase and tag and candidate.duration:
                query = urllib.parse.urlencode(
                    {"fase": phase.slug, "tema": tag.slug, "tidsbruk": candidate.duration}
                )
                urls.append(("methods, filtered", f"{page_url(methods)}?{query}"))
                break
    cases = first(CaseIndexPage)
    if cases:
        urls.append(("cases", page_url(cases)))
        case = CasePage.objects.live().public().descendant_of(cases).filter(sector__isnull=False)
        case = case.select_related("sector").order_by("path").first()
        if case:
            query = urllib.parse.urlencode({"status": case.status, "sektor": case.sector.slug})
            urls.append(("cases, filtered", f"{page_url(cases)}?{query}"))
    for label, model in (("events", EventIndexPage), ("funding", FundingIndexPage)):
        if page := first(model):
            urls.append((label, page_url(page)))
    if fabrikken := first(FabrikkenPage):
        urls.append(("Fabrikken", page_url(fabrikken)))
        urls.append(("Fabrikken, booking week", fabrikken.specific.route_url("booking")))
    for label, model in (
        ("method", MethodPage),
        ("case", CasePage),
        ("funding call", FundingCallPage),
        ("event", EventPage),
        ("content page", ContentPage),
    ):
        if page := first(model):
            urls.append((label, page_url(page)))
            if model is MethodPage:
                method = page
    words = [("search, common word", SEARCH_WORDS["common"])]
    if method:
        words.append(("search, method name", method.title))
    words.append(("search, compound", SEARCH_WORDS["compound"]))
    for label, word in words:
        urls.append((label, "/sok/?" + urllib.parse.urlencode({"q": word})))
    urls.append(("autocomplete", "/sok/forslag/?" + urllib.parse.urlencode({"q": AUTOCOMPLETE})))
    return urls


def first_suggestions(count=FIRST_SUGGESTIONS, skip=0):
    """`count` suggestion URLs, each for a prefix nobody asked before: the first letters
    (3–6) of words in page titles across the tree, as one would type them. `skip` leaves
    out the first ones (for another list that shares none of these).

    Suggestions are kept in the cache per prefix, so a repeat of `AUTOCOMPLETE` measures
    the cache; these measure the answer being made (the index, the services, the order).
    """
    from wagtail.models import Page

    from search.stemming import words

    titles = (
        Page.objects.live().filter(depth__gt=2).order_by("path").values_list("title", flat=True)
    )
    step = max(1, titles.count() // 2000)  # spread over the whole tree
    prefixes = []
    seen = {AUTOCOMPLETE}
    for number, title in enumerate(titles.iterator()):
        if number % step:
            continue
        for word in words(title):
            for length in range(3, min(len(word), 6) + 1):
                prefix = word[:length]
                if prefix not in seen:
                    seen.add(prefix)
                    prefixes.append(prefix)
        if len(prefixes) >= skip + count:
            break
    return [
        "/sok/forslag/?" + urllib.parse.urlencode({"q": prefix})
        for prefix in prefixes[skip : skip + count]
    ]


def pick_admin_urls():
    """(label, path) for the admin an editor works in, requested signed in as `redaktor`:
    the explorer of the page with the most children (the largest section), the edit view
    of the first method, the dashboard, «Populære søk» and the review report."""
    from django.urls import reverse
    from wagtail.models import Page

    from methods.models import MethodPage

    urls = []
    if largest := Page.objects.filter(depth__gt=1).order_by("-numchild", "path").first():
        urls.append(("admin: page explorer", reverse("wagtailadmin_explore", args=[largest.pk])))
    if method := MethodPage.objects.order_by("path").first():
        urls.append(
            ("admin: method edit view", reverse("wagtailadmin_pages:edit", args=[method.pk]))
        )
    urls += [
        ("admin: dashboard", reverse("wagtailadmin_home")),
        ("admin: popular searches", reverse("search_popular_report")),
        ("admin: review report", reverse("core_review_report")),
    ]
    return urls


def lighthouse_paths(urls):
    by_label = dict(urls)
    paths = [("home", "/")]
    if "method" in by_label:
        paths.append(("method", by_label["method"]))
    paths.append(("search", "/sok/?" + urllib.parse.urlencode({"q": LIGHTHOUSE_SEARCH})))
    return paths
