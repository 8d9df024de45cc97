"""Realistic volume, fast: thousands of live pages for performance work and query budgets.

For tests, one function per page type adds `count` live children to a parent
in a few queries, indexed for search (`search=False` skips that, which is
most of the time they take):

    from demo import bulk

    bulk.add_methods(method_index, 500)
    bulk.add_cases(case_index, 500)          # links to the live methods there are
    bulk.add_funding_calls(funding_index, 500)
    bulk.add_events(event_index, 500)        # links to live methods and cases
    bulk.add_content_pages(home, 500)

`seed(total)` fills a whole site under the demo's index pages (`manage.py
seed_bulk`), and `remove()` takes every bulk page, image and unused bulk topic
away again (demo/bulk/cleanup.py says how bulk content is recognised).
"""

import time
from urllib.parse import urlsplit

from cases.models import CaseIndexPage
from events.models import EventIndexPage
from funding.models import FundingIndexPage
from home.models import HomePage
from methods.models import MethodIndexPage

from .cleanup import BULK_MODELS, bulk_pages, count_bulk_pages, remove
from .media import IMAGE_COLLECTION, IMAGE_COUNT, bulk_images, pregenerate_renditions
from .pages import (
    SLUG_PREFIX,
    add_cases,
    add_content_pages,
    add_events,
    add_funding_calls,
    add_methods,
    index_pages,
)

__all__ = [
    "BULK_MODELS",
    "IMAGE_COLLECTION",
    "SLUG_PREFIX",
    "add_cases",
    "add_content_pages",
    "add_events",
    "add_funding_calls",
    "add_methods",
    "bulk_images",
    "bulk_pages",
    "count_bulk_pages",
    "index_pages",
    "plan",
    "pregenerate_renditions",
    "remove",
    "seed",
]

# How a site's pages split (the rest are content pages): for 10 000 pages about
# 2 000 methods, 3 000 cases, 500 funding calls, 500 events and 4 000 articles.
SHARES = {"methods": 0.20, "cases": 0.30, "funding calls": 0.05, "events": 0.05}
ADDERS = {
    "methods": add_methods,
    "cases": add_cases,
    "funding calls": add_funding_calls,
    "events": add_events,
    "content pages": add_content_pages,
}
WITH_PICTURES = {"methods", "cases"}
PARENTS = {
    "methods": MethodIndexPage,
    "cases": CaseIndexPage,
    "funding calls": FundingIndexPage,
    "events": EventIndexPage,
}


def plan(total):
    """How many pages of each kind `total` pages make, in the order they are added."""
    counts = {kind: round(total * share) for kind, share in SHARES.items()}
    counts["content pages"] = total - sum(counts.values())
    return counts


def seed(total, *, image_count=IMAGE_COUNT, batch=500, renditions=True, log=None):
    """Adds `total` bulk pages under the home page and its index pages; returns a report.

    Pages go in `batch` at a time, each batch in its own transaction; then all
    are indexed for search, and the renditions the templates use are made for
    the bulk images. The report has the counts by kind and the seconds each
    stage took.
    """
    log = log or (lambda message: None)
    started = time.perf_counter()
    parents = _parents()
    images = bulk_images(image_count)
    log(f"{len(images)} images in the collection «{IMAGE_COLLECTION}»")
    counts = plan(total)
    added = {}
    for kind, count in counts.items():
        ids = added[kind] = []
        extra = {"images": images} if kind in WITH_PICTURES else {}
        for done in range(0, count, batch):
            pages = ADDERS[kind](parents[kind], min(batch, count - done), search=False, **extra)
            ids += [page.pk for page in pages]
            log(f"{kind}: {len(ids)}/{count}")
    built = time.perf_counter()

    for kind, ids in added.items():
        index_pages(BULK_MODELS[kind], ids)
        log(f"{kind}: indexed for search")
    indexed = time.perf_counter()

    specs = []
    if renditions:
        specs = pregenerate_renditions(_sample_paths(parents, added))
        log(f"renditions made for {len(images)} images: {', '.join(specs) or 'none in use'}")
    return {
        "counts": counts,
        "images": len(images),
        "filter_specs": specs,
        "seconds": {
            "build": built - started,
            "index": indexed - built,
            "renditions": time.perf_counter() - indexed,
            "total": time.perf_counter() - started,
        },
    }


def _parents():
    home = HomePage.objects.first()
    parents = {"content pages": home}
    for kind, model in PARENTS.items():
        parents[kind] = model.objects.child_of(home).first() if home else None
    missing = [kind for kind, parent in parents.items() if parent is None]
    if missing:
        raise LookupError(
            f"No parent page for {', '.join(missing)}: build the demo site first "
            "(make setup: migrate, setup_section, load_demo_content)."
        )
    return parents


def _sample_paths(parents, added):
    """One page of each bulk kind (with a picture where the kind has one), and the listings."""
    pages = [parents["content pages"], *(parents[kind] for kind in PARENTS)]
    for kind, ids in added.items():
        model = BULK_MODELS[kind]
        candidates = model.objects.filter(pk__in=ids[:200])
        if kind in WITH_PICTURES:
            candidates = candidates.exclude(hero_image=None)
        if kind == "cases":  # a gallery too, if one has it
            candidates = candidates.exclude(gallery_images=None) or candidates
        page = candidates.order_by("pk").first()
        if page is not None:
            pages.append(page)
    return [urlsplit(page.get_url()).path for page in pages]
