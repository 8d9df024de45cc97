"""Demo content for events: «Arrangementer» with two past and two coming events.

Facts come from ../shared/content-brief.md §1.1 (the municipality's annual
reports): the first Innovasjonsdagen was held on 26 November 2020 with over
500 participants, and many watched the recordings later; Innovasjonsdagen
2021, «Tenke det, tørre det, gjøre det», was held digitally with talks and a
workshop, an evening talk streamed for employees and residents, a little over
800 employees at the peak, and a recording to watch afterwards.

What the sources do not say is invented, and every event says so: each page
carries the «Demo-innhold» badge and a note naming what is invented. No exact
date for 2021 was found, so the page stores a plausible one (the Thursday of
the same week as in 2020) and its note says «Datoen er ikke bekreftet». The
times, programmes and links (on eksempel.no) are examples; speakers are roles,
never names. The two coming events, Innovasjonsdagen and the course
«Innovasjon på 1-2-3» at Fabrikken (content brief §6.2), are dated from the
day the loader first runs, so the site always shows every state.

Related methods and cases are looked up by slug (their apps load first).
Everything is looked up by slug before it is created: a second run changes nothing.
"""

import datetime

from django.utils import timezone

from cases.models import CasePage
from demo import content
from demo.loaders import common
from events.models import (
    EventIndexPage,
    EventPage,
    EventPageRelatedCase,
    EventPageRelatedMethod,
)
from home.models import HomePage
from methods.models import MethodPage

CONTENT = content.read("events")
INDEX = CONTENT["index"]
CONTACT = CONTENT["contact"]
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
TUESDAY, THURSDAY = WEEKDAYS["tuesday"], WEEKDAYS["thursday"]


def load(stdout=None):
    home = HomePage.objects.get()
    index_page = common.index_page(home, EventIndexPage, INDEX)
    contact = common.person(CONTACT)
    today = timezone.localdate()
    for spec in (DAY_2020, DAY_2021, course(today), next_day(today)):
        _event(index_page, spec, contact)


def at(day, hour, minute=0):
    """A moment on `day` in Norwegian time."""
    naive = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(naive, timezone.get_default_timezone())


def weekday_from(day, weekday):
    """The first `weekday` (0 = Monday) on or after `day`."""
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def working_weekday_from(day, weekday):
    """The first `weekday` on or after `day` outside Christmas and the July holidays."""
    if (day.month == 12 and day.day >= 15) or (day.month == 1 and day.day < 8):
        day = datetime.date(day.year + (day.month == 12), 1, 8)
    elif day.month == 7:
        day = datetime.date(day.year, 8, 10)
    return weekday_from(day, weekday)


def _event(index_page, spec, contact):
    existing = EventPage.objects.child_of(index_page).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    spec = dict(spec)
    related = spec.pop("related", [])
    cases = spec.pop("cases", [])
    page = EventPage(
        contact_person=contact,
        is_demo=True,
        search_description=spec["summary"],
        **spec,
    )
    methods = {method.slug: method for method in MethodPage.objects.live().filter(slug__in=related)}
    for position, slug in enumerate(related):
        if slug in methods:
            page.related_methods.add(
                EventPageRelatedMethod(method=methods[slug], sort_order=position)
            )
    found = {case.slug: case for case in CasePage.objects.live().filter(slug__in=cases)}
    for position, slug in enumerate(cases):
        if slug in found:
            page.related_cases.add(EventPageRelatedCase(case=found[slug], sort_order=position))
    index_page.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- The events, from demo/content/events.toml --------------------------------------


def _blocks(blocks):
    """StreamField blocks as (type, value); a workshop without places has no limit."""
    return [
        (kind, {**value, "places": value.get("places")}) if kind == "workshop" else (kind, value)
        for kind, value in common.blocks(blocks)
    ]


def _event_spec(spec):
    spec = dict(spec)
    for key in ("programme", "recording"):
        if key in spec:
            spec[key] = _blocks(spec[key])
    return spec


def _past(spec):
    spec = _event_spec(spec)
    zone = timezone.get_default_timezone()
    spec["start"] = timezone.make_aware(spec["start"], zone)
    spec["end"] = timezone.make_aware(spec["end"], zone)
    return spec


def _coming(spec, today):
    """A coming event dated from `today`: the first working `weekday` `days_ahead` on."""
    spec = _event_spec(spec)
    day = working_weekday_from(
        today + datetime.timedelta(days=spec.pop("days_ahead")), WEEKDAYS[spec.pop("weekday")]
    )
    spec["slug"] = spec["slug"].format(year=day.year)
    spec["title"] = spec["title"].format(year=day.year)
    spec["start"] = at(day, spec["start"].hour, spec["start"].minute)
    spec["end"] = at(day, spec["end"].hour, spec["end"].minute)
    return spec


DAY_2020, DAY_2021 = (_past(spec) for spec in CONTENT["events"])
COURSE, NEXT_DAY = CONTENT["coming"]


def course(today):
    """«Innovasjon på 1-2-3» at Fabrikken (content brief §6.2): a Tuesday ten days ahead or more."""
    return _coming(COURSE, today)


def next_day(today):
    """The next Innovasjonsdagen: a Thursday at least three weeks ahead, hybrid at Sandvigå 7."""
    return _coming(NEXT_DAY, today)
