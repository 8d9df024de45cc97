"""A working day: employees read while editors publish; how many views are served warm.

The gunicorn of the benchmark (its workers each with their own cache, unless
REDIS_URL) answers a stream of page views drawn from a realistic mix (the front page
and the listings often, detail pages by popularity, some searches), while this
process publishes pages at the given rate, as editors do: an edit of a live page's
title saved as a revision and published, through the same models and signals as the
admin. Each response says how many cached parts it had to build (X-Cache-Built,
settings.CACHE_BUILT_HEADER); a view that built none was served warm.

The day runs twice on the same stream: once as the section works (a publish renews
what shows the page) and once with every publish also renewing `site`, which every
cached part names: the whole cache emptied, as it was before issue #22.
"""

import http.client
import random
import statistics
import time
import urllib.parse
from dataclasses import dataclass, field

from . import log

BUILT_HEADER = "X-Cache-Built"
SEARCHES = [
    "innovasjon", "brukerreise", "tjenestedesign", "gevinstkart", "workshop",
    "medvirkning", "innovasjonsmidler", "prototype", "veiledning", "møterom",
]  # fmt: skip
# The share of each page type among the edits.
EDIT_SHARES = {
    "methods.MethodPage": 35,
    "cases.CasePage": 25,
    "events.EventPage": 20,
    "funding.FundingCallPage": 10,
    "home.ContentPage": 10,
}
# Who publishes: in the workflow «Godkjenning» a moderator publishes what editors send.
EDITOR = "moderator"
EDITED = " (oppdatert)"


KINDS = ("front page", "listings", "detail pages", "search")
LISTINGS = ("/metoder/", "/eksempler/", "/arrangementer/", "/stotte/")


def kind(path):
    if path == "/":
        return "front page"
    if path.startswith("/sok/"):
        return "search"
    return "listings" if path in LISTINGS else "detail pages"


@dataclass
class Day:
    label: str
    views: int = 0
    warm: int = 0
    publishes: int = 0
    warm_ms: list = field(default_factory=list)
    cold_ms: list = field(default_factory=list)
    failed: int = 0
    # kind: [views, served warm]
    by_kind: dict = field(default_factory=lambda: {name: [0, 0] for name in KINDS})

    @property
    def warm_share(self):
        return self.warm / self.views if self.views else 0.0


def pick_pages(rng, details):
    """(weight, path) of the day's URLs, and the pages editors may edit (by type)."""
    from django.apps import apps

    by_type = {}
    for label in EDIT_SHARES:
        model = apps.get_model(label)
        pages = list(model.objects.live().public().order_by("?")[: details // len(EDIT_SHARES)])
        by_type[label] = pages
    detail = [page for pages in by_type.values() for page in pages]
    rng.shuffle(detail)
    weighted = []
    # Popularity falls off as 1/rank (Zipf): a few pages are read all day, most seldom.
    for rank, page in enumerate(detail, start=1):
        weighted.append((50.0 / rank**0.8, page.get_url()))
    listings = ["/", "/metoder/", "/eksempler/", "/arrangementer/", "/stotte/"]
    weighted += [(30.0, "/")] + [(8.0, url) for url in listings[1:]]
    weighted += [(3.0, "/sok/?" + urllib.parse.urlencode({"q": word})) for word in SEARCHES]
    return weighted, by_type


def view(port, path, cookie):
    """(parts built, ms, status) of one view, on a new connection (so both workers serve);
    `cookie` is the Cookie header sign_in() gave."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        built = int(response.getheader(BUILT_HEADER, "-1"))
        return built, (time.perf_counter() - started) * 1000, response.status
    finally:
        connection.close()


def publish(rng, by_type, editor):
    """An editor's edit of a live page's title: a revision, published."""
    label = rng.choices(list(EDIT_SHARES), weights=list(EDIT_SHARES.values()))[0]
    if not by_type[label]:
        return
    chosen = rng.choice(by_type[label])
    page = type(chosen).objects.get(pk=chosen.pk)
    if page.title.endswith(EDITED):
        page.title = page.title.removesuffix(EDITED)
    else:
        page.title += EDITED
    page.save_revision(user=editor).publish(user=editor)


def run_day(label, port, cookie, stream, by_type, every, empty_all, seed):
    from django.contrib.auth import get_user_model

    from caching import generation

    editor = get_user_model().objects.get(username=EDITOR)
    rng = random.Random(seed)
    day = Day(label)
    for number, path in enumerate(stream, start=1):
        if number % every == 0:
            publish(rng, by_type, editor)
            if empty_all:
                generation.bump(generation.SITE)
            day.publishes += 1
        built, ms, status = view(port, path, cookie)
        if status != 200 or built < 0:
            day.failed += 1
            continue
        day.views += 1
        day.by_kind[kind(path)][0] += 1
        if built == 0:
            day.warm += 1
            day.by_kind[kind(path)][1] += 1
            day.warm_ms.append(ms)
        else:
            day.cold_ms.append(ms)
    return day


def run(port, cookie, views=3600, publishes=20, details=300, seed=22):
    """Both days on the same stream; the lines of the report."""
    rng = random.Random(seed)
    weighted, by_type = pick_pages(rng, details)
    weights = [weight for weight, _path in weighted]
    paths = [path for _weight, path in weighted]
    every = max(1, views // publishes)
    days = []
    for label, empty_all in (
        ("a publish renews what shows the page", False),
        ("every publish empties the whole cache (before #22)", True),
    ):
        # Before the day: every URL read until both workers have it (first reads are
        # cold whatever happens later; the day measures what publishing costs).
        log(f"working day ({label}): warming {len(paths)} URLs")
        for path in paths:
            for _ in range(6):
                view(port, path, cookie)
        stream = random.Random(seed).choices(paths, weights=weights, k=views)
        log(f"working day ({label}): {views} views, {publishes} publishes")
        days.append(run_day(label, port, cookie, stream, by_type, every, empty_all, seed))
    return report(days, views, publishes, len(paths))


def _median(values):
    return f"{statistics.median(values):.1f}" if values else "–"


def report(days, views, publishes, urls):
    lines = [
        f"Working day: {views} views over {urls} URLs (front page, listings, detail pages by "
        f"popularity, searches) from new connections to both workers, and {publishes} "
        "publishes (an edited title, published) spread evenly among them:",
        "",
        "| day | views | publishes | served warm | "
        + " | ".join(f"{name} warm" for name in KINDS)
        + " | warm p50 ms | cold p50 ms | failed |",
        "|---|---:|---:|---:|" + "---:|" * len(KINDS) + "---:|---:|---:|",
    ]
    for day in days:
        shares = " | ".join(
            f"{warm / views:.0%} of {views}" if views else "–"
            for views, warm in (day.by_kind[name] for name in KINDS)
        )
        lines.append(
            f"| {day.label} | {day.views} | {day.publishes} | {day.warm_share:.1%} | {shares} | "
            f"{_median(day.warm_ms)} | {_median(day.cold_ms)} | {day.failed} |"
        )
    return "\n".join(lines)
