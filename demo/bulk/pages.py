"""Many live pages of one type under one parent: `add_methods(index, 500)` and its kin.

Each function builds `count` realistic pages, puts them under `parent` in one
go (demo/bulk/tree.py), adds their relations (tags, phases, methods used,
gallery, form fields, related pages) with `bulk_create`, indexes them for
search as publishing would, and returns the new pages. Indexing is most of the
cost (about 2 ms a page on SQLite, 15 ms on PostgreSQL): tests that never
search pass `search=False`.

Every slug starts with SLUG_PREFIX and ends with the page's position among its
siblings, so slugs never collide and `remove` finds the pages again. Pictures
are the bulk images (demo/bulk/media.py): two are drawn on first use unless
`images` is given (`images=[]` for none). Their renditions are made by the
first request that shows them, so a query-budget test makes one request before
it counts.
"""

import datetime
import random
from contextlib import contextmanager

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from modelsearch.index import BaseField
from taggit.models import Tag
from wagtail.search.backends import get_search_backends
from wagtail.search.index import RelatedFields

from cases.models import CasePage, CasePageGalleryImage, CasePageMethod, CasePageTag, Sector
from cases.models.sector import CaseStatus
from core.blocks.common import make_anchor
from core.models import Person
from demo.loaders import cases as case_demo
from demo.loaders import methods as method_demo
from events.models import Audience, EventFormat, EventPage
from events.models.event import EventPageRelatedCase, EventPageRelatedMethod
from funding.models import FundingCallPage, FundingFormField
from home.models import ContentPage
from methods.models import Difficulty, Duration, MethodPage, MethodPageTag, Phase

from . import media, text, tree

SLUG_PREFIX = "seed-bulk-"
DEMO_NOTE = "Generert testinnhold: alt på siden er oppdiktet."


def add_methods(index, count, *, images=None, search=True):
    """`count` methods under a MethodIndexPage, each with phases, topics and steps."""
    images = _images(images)
    people = _people()
    phases = list(Phase.objects.all()) or _make_phases()
    tags = _tags(text.method_tags())

    def build(rng, number, today):
        words = text.words(rng)
        summary = rng.choice(
            [
                "Slik bruker {place} {subject} i arbeidet med tjenesten.",
                "En enkel måte å komme i gang med {subject}, prøvd ut i {place}.",
            ]
        ).format(**words)
        low = rng.randint(1, 6)
        page = MethodPage(
            **_common(rng, number, today, text.title(rng, text.METHOD_TITLES, words)),
            summary=summary,
            search_description=summary,
            duration=rng.choice(Duration.values),
            duration_detail=f"ca. {rng.choice([30, 45, 60, 90, 120])} min",
            participants_min=low,
            participants_max=rng.choice([None, low + rng.randint(2, 20)]),
            difficulty=rng.choice(Difficulty.values),
            materials="\n".join(rng.sample(text.materials(), 3)),
            when_to_use=text.bullet_list(rng),
            outcome=text.html(rng, 1, 2),
            steps=text.method_steps(rng),
            contact_person_id=_maybe(rng, people),
        )
        _picture(rng, page, images, share=0.3)
        return page

    def relate(rng, pages):
        through = MethodPage.phases.through
        through.objects.bulk_create(
            through(methodpage_id=page.pk, phase_id=phase.pk)
            for page in pages
            for phase in rng.sample(phases, min(len(phases), rng.randint(1, 2)))
        )
        _tag(rng, pages, tags, MethodPageTag)

    return _add(index, count, build, relate, search=search)


def add_cases(index, count, *, images=None, search=True):
    """`count` cases under a CaseIndexPage, with sector, topics, methods used and pictures."""
    images = _images(images)
    people = _people()
    sectors = list(Sector.objects.values_list("pk", flat=True)) or _make_sectors()
    methods = list(MethodPage.objects.live().values_list("pk", flat=True))
    tags = _tags(text.case_tags())

    def build(rng, number, today):
        words = text.words(rng)
        status = rng.choices(CaseStatus.values, weights=[1, 5, 4])[0]
        if status == CaseStatus.PLANNED:
            start, end = today + _days(rng, 30, 300), None
        elif status == CaseStatus.ONGOING:
            start = today - _days(rng, 200, 3000)
            end = rng.choice([None, today + _days(rng, 30, 400)])
        else:
            start = today - _days(rng, 200, 3000)
            end = min(start + _days(rng, 90, 720), today - _days(rng, 1, 30))
        summary = f"{words['place'][:1].upper()}{words['place'][1:]} prøvde ut {words['subject']}. "
        summary += text.sentences(rng, 1)
        page = CasePage(
            **_common(rng, number, today, text.title(rng, text.CASE_TITLES, words)),
            summary=summary,
            search_description=summary,
            status=status,
            sector_id=rng.choice(sectors),
            unit=rng.choice(text.case_units()),
            start_date=start,
            end_date=end,
            challenge=text.html(rng, 1, 3),
            approach=text.html(rng, 2, 3),
            results=text.case_results(rng) if status != CaseStatus.PLANNED else [],
            lessons=text.bullet_list(rng) if status == CaseStatus.COMPLETED else "",
            contact_person_id=_maybe(rng, people),
            is_demo=True,
        )
        _picture(rng, page, images, share=0.85)
        return page

    def relate(rng, pages):
        _tag(rng, pages, tags, CasePageTag)
        CasePageMethod.objects.bulk_create(
            CasePageMethod(page_id=page.pk, method_id=method, sort_order=position)
            for page in pages
            for position, method in enumerate(
                rng.sample(methods, min(len(methods), rng.randint(1, 4)))
            )
        )
        CasePageGalleryImage.objects.bulk_create(
            CasePageGalleryImage(page_id=page.pk, image=image, alt_text=alt, sort_order=position)
            for page in pages
            if images and rng.random() < 0.3
            for position, (image, alt) in enumerate(rng.sample(images, min(len(images), 3)))
        )

    return _add(index, count, build, relate, search=search)


def add_funding_calls(index, count, *, search=True):
    """`count` funding calls under a FundingIndexPage: past, open and coming, with a form."""
    people = _people()

    def build(rng, number, today):
        words = text.words(rng, year=today.year)
        opens = today - _days(rng, -60, 700)
        deadline = None if rng.random() < 0.2 else opens + _days(rng, 14, 120)
        high = rng.choice([30_000, 100_000, 250_000, 800_000])
        summary = f"Støtte til {words['subject']} i {words['place']}. {text.sentences(rng, 1)}"
        title = text.title(rng, text.CALL_TITLES, words)
        return FundingCallPage(
            **_common(rng, number, today, title),
            summary=summary,
            search_description=summary,
            opens_at=_at(opens, 9),
            deadline=_at(deadline, 12) if deadline else None,
            total_budget=high * rng.randint(3, 10),
            min_per_application=rng.choice([None, high // 10]),
            max_per_application=high,
            eligibility=text.html(rng, 1, 2),
            criteria="<ol>"
            + "".join(f"<li>{s}</li>" for s in rng.sample(text.SENTENCES, 3))
            + "</ol>",
            process=text.html(rng, 1, 2),
            body=text.funding_body(rng),
            thank_you_text=text.html(rng, 1, 1),
            to_address="innovasjon@eksempel.no",
            from_address="innovasjon@eksempel.no",
            subject=f"Søknad: {title}",
            contact_person_id=_maybe(rng, people),
            is_demo=True,
        )

    def relate(rng, pages):
        fields = []
        for page in pages:
            for position, (label, kind, required, choices, help_text) in enumerate(
                text.form_fields(rng)
            ):
                field = FundingFormField(
                    page_id=page.pk,
                    sort_order=position,
                    label=label,
                    field_type=kind,
                    required=required,
                    choices=choices,
                    help_text=help_text,
                )
                # FormField.save would set it; bulk_create does not call save.
                field.clean_name = field.get_field_clean_name()
                fields.append(field)
        FundingFormField.objects.bulk_create(fields)

    return _add(index, count, build, relate, search=search)


def add_events(index, count, *, search=True):
    """`count` events under an EventIndexPage, past and coming, with a programme."""
    people = _people()
    methods = list(MethodPage.objects.live().values_list("pk", flat=True))
    cases = list(CasePage.objects.live().values_list("pk", flat=True))

    def build(rng, number, today):
        words = text.words(rng)
        day = today + _days(rng, -730, 365)
        programme = text.programme(rng)
        times = [item[1]["start_time"] for item in programme]
        times += [item[1]["end_time"] for item in programme if item[1].get("end_time")]
        kind = rng.choice(EventFormat.values)
        place = rng.choice(text.ONLINE_PLACES if kind == EventFormat.DIGITAL else text.EVENT_PLACES)
        past = day < today
        title = text.title(rng, text.EVENT_TITLES, words)
        slug_part = make_anchor(title)
        return EventPage(
            **_common(rng, number, today, title),
            summary=f"Om {words['subject']} for ansatte i {words['place']}. {text.sentences(rng, 1)}",
            start=_at(day, min(times).hour, min(times).minute),
            end=_at(day, max(times).hour, max(times).minute),
            event_format=kind,
            place=place,
            audience=rng.choice(Audience.values),
            programme=programme,
            registration_url="" if past else f"https://skjema.eksempel.no/{slug_part}",
            stream_url="" if kind == EventFormat.IN_PERSON else "https://video.eksempel.no/direkte",
            participants=rng.randint(12, 900) if past else None,
            report=text.html(rng, 1, 3) if past else "",
            contact_person_id=_maybe(rng, people),
            is_demo=True,
            demo_note=DEMO_NOTE,
        )

    def relate(rng, pages):
        for model, key, targets in (
            (EventPageRelatedMethod, "method_id", methods),
            (EventPageRelatedCase, "case_id", cases),
        ):
            model.objects.bulk_create(
                model(page_id=page.pk, sort_order=position, **{key: target})
                for page in pages
                for position, target in enumerate(
                    rng.sample(targets, min(len(targets), rng.randint(0, 3)))
                )
            )

    return _add(index, count, build, relate, search=search)


def add_content_pages(parent, count, *, search=True):
    """`count` articles (ContentPage) under the home page: headed sections, info boxes, figures."""
    people = _people()

    def build(rng, number, today):
        words = text.words(rng)
        intro = f"Hva {words['place']} lærte av {words['subject']}. {text.sentences(rng, 1)}"
        return ContentPage(
            **_common(rng, number, today, text.title(rng, text.ARTICLE_TITLES, words)),
            intro=intro,
            search_description=intro,
            body=text.article_body(rng),
            contact_person_id=_maybe(rng, people),
        )

    return _add(parent, count, build, search=search)


def index_pages(model, ids, chunk=500):
    """Indexes the pages `ids` of `model` for search in every backend, `chunk` pages a query."""
    ids = list(ids)
    backends = list(get_search_backends())
    # get_indexed_objects leaves out some of the relations the index reads (a method's
    # phases, the methods a case used): fetched here too, or each page costs queries.
    joins, prefetches = _fetch_plan(model, model.get_search_fields())
    with _title_norms_refreshed_once(backends, model):
        for start in range(0, len(ids), chunk):
            pages = model.get_indexed_objects().filter(pk__in=ids[start : start + chunk])
            pages = pages.select_related(*joins).prefetch_related(None)
            pages = list(pages.prefetch_related(*prefetches))
            with _each_value_read_once():
                for backend in backends:
                    backend.add_bulk(model, pages)


@contextmanager
def _title_norms_refreshed_once(backends, model):
    """The database backends' title norms refreshed once, when the block ends, not per chunk.

    After every batch it adds, Wagtail's database index averages the title length over
    the whole index and updates the new rows (`_refresh_title_norms`): a scan of every
    entry per chunk of 500, so indexing n pages cost n²/500 rows read (200 scans of up
    to 100 000 entries at 100 000 pages). One refresh at the end gives the same norms.
    """
    indexes = [backend.get_index_for_model(model) for backend in backends]
    classes = {type(index) for index in indexes if hasattr(index, "_refresh_title_norms")}
    own = {cls: cls.__dict__.get("_refresh_title_norms") for cls in classes}
    for cls in classes:
        cls._refresh_title_norms = lambda index, full=False: None
    try:
        yield
    finally:
        for cls, method in own.items():
            if method is None:
                del cls._refresh_title_norms  # inherited: the original shows through again
            else:
                cls._refresh_title_norms = method
    for index in indexes:
        if type(index) in classes:
            index._refresh_title_norms()


@contextmanager
def _each_value_read_once():
    """While the block runs, a search field's value is read once per object.

    The index asks each field's value again for every column it fills: three times on
    SQLite (title, body, autocomplete), five on PostgreSQL (and the plain texts for
    fuzzy search), and a StreamField's or rich text's searchable text is rendered anew
    each time. That was most of seed_bulk's time at 100 000 pages (over 40 ms a page on
    PostgreSQL). The value depends only on the field's name and the object, neither of
    which changes while a batch is indexed, so it is kept for the batch.
    """
    read = BaseField.get_value
    values = {}

    def get_value(field, obj):
        key = (field.field_name, id(obj))
        kept = values.get(key)
        if kept is None or kept[0] is not obj:  # the object itself is kept: ids stay unique
            kept = values[key] = (obj, read(field, obj))
        return kept[1]

    BaseField.get_value = get_value
    try:
        yield
    finally:
        BaseField.get_value = read


def _fetch_plan(model, fields):
    """What the index reads through `fields` (search's RelatedFields, nested ones too), as
    (select_related paths, prefetch lookups) for a queryset of `model`.

    A single-valued relation (a case's sector, a method link's method) is joined into the
    query that loads its row, never prefetched on its own: Django 5.2 prefetches a foreign
    key with `(id = 1 OR id = 2 OR …)` on SQLite, one term per distinct target, and SQLite
    refuses an expression that deep (about a thousand), which 500 cases citing four
    methods each at 100 000 pages reach. A many-valued relation (tags, phases, method
    links) is prefetched, with its own single-valued relations joined in its queryset.
    """
    joins, prefetches = [], []
    for field in fields:
        if not isinstance(field, RelatedFields):
            continue
        try:
            relation = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue  # a method or property: nothing to fetch ahead
        if not relation.is_relation:
            continue
        name = field.field_name
        inner_joins, inner_prefetches = _fetch_plan(relation.related_model, field.fields)
        if relation.many_to_one or relation.one_to_one:
            joins += [name, *(f"{name}__{path}" for path in inner_joins)]
            prefetches += [_under(name, lookup) for lookup in inner_prefetches]
        elif inner_joins or inner_prefetches:
            queryset = relation.related_model._default_manager.select_related(*inner_joins)
            prefetches.append(Prefetch(name, queryset=queryset.prefetch_related(*inner_prefetches)))
        else:
            prefetches.append(name)
    return joins, prefetches


def _under(name, lookup):
    """A prefetch lookup of a related model, as seen from the model that joins it as `name`."""
    if isinstance(lookup, Prefetch):
        return Prefetch(f"{name}__{lookup.prefetch_through}", queryset=lookup.queryset)
    return f"{name}__{lookup}"


# --- The shared machinery ---------------------------------------------------------------


def _add(parent, count, build, relate=None, *, search=True):
    if count <= 0:
        return []
    today = timezone.localdate()
    # The caches move on after the commit: until then they still show the old content.
    with tree.one_cache_generation(), transaction.atomic():
        first = tree.next_step(parent)
        # Seeded by place in the tree: the same database gives the same pages again.
        rng = random.Random(f"{parent.pk}:{first}")
        pages = [build(rng, number, today) for number in range(first, first + count)]
        tree.insert_children(parent, pages, first)
        if relate is not None:
            relate(rng, pages)
    if search:
        index_pages(type(pages[0]), [page.pk for page in pages])
    return pages


def _common(rng, number, today, title):
    """The fields every bulk page has: title, the marked slug, publication dates."""
    first, last = text.published(rng, today)
    return {
        "title": title,
        "slug": f"{SLUG_PREFIX}{make_anchor(title)[:80]}-{number}",
        "first_published_at": first,
        "last_published_at": last,
        "last_confirmed_at": timezone.localtime(last).date(),
    }


def _picture(rng, page, images, share):
    if images and rng.random() < share:
        page.hero_image, page.hero_image_alt = rng.choice(images)


def _images(images):
    # Two pictures are drawn when there are none yet: enough for the templates'
    # image code to run, and quick for tests (seed_bulk draws more up front).
    return media.bulk_images(count=2) if images is None else list(images)


def _tag(rng, pages, tags, through):
    through.objects.bulk_create(
        through(content_object_id=page.pk, tag_id=tag.pk)
        for page in pages
        for tag in rng.sample(tags, min(len(tags), rng.randint(1, 3)))
    )


def _tags(names):
    """The taggit tags with these names, made when missing (as an editor's first use would)."""
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    return [existing.get(name) or Tag.objects.create(name=name) for name in names]


def _people():
    return list(Person.objects.values_list("pk", flat=True))


def _maybe(rng, choices):
    return rng.choice(choices) if choices and rng.random() < 0.7 else None


def _days(rng, low, high):
    return datetime.timedelta(days=rng.randint(low, high))


def _at(day, hour, minute=0):
    """A moment on `day` in Norwegian time."""
    time = datetime.time(hour, minute)
    return datetime.datetime.combine(day, time, tzinfo=timezone.get_default_timezone())


def _make_phases():
    """The demo's phases, for a database without them (a test's minimal tree)."""
    for position, (slug, name, number, description) in enumerate(method_demo.PHASES, start=1):
        Phase.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "number": number,
                "description": description,
                "sort_order": position,
            },
        )
    return list(Phase.objects.all())


def _make_sectors():
    for position, (slug, name) in enumerate(case_demo.SECTORS, start=1):
        Sector.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": position})
    return list(Sector.objects.values_list("pk", flat=True))
