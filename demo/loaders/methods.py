"""Demo content for the methods toolkit: the phases, fifteen methods and their worksheets.

Written from ../shared/content-brief.md §2 (phases, after KS Veikart) and §3 (methods
M1–M15). The steps are our own summaries in bokmål; durations and group sizes come from
the brief's sources where it has them. The worksheets are real PDFs, drawn once by
demo/worksheets.py (run demo/draw_media.py) and read from demo/media/worksheets/.
Everything is looked up before it is created, so running the loader twice changes nothing.
"""

from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.models import Collection

from demo import content
from demo.draw_media import WORKSHEETS as WORKSHEET_FILES
from demo.loaders import common
from home.models import HomePage
from methods.models import (
    MethodIndexPage,
    MethodPage,
    MethodPageRelatedMethod,
    MethodPageResource,
    Phase,
)

CONTENT = content.read("methods")


def _method_spec(spec):
    """A method as the loader (and demo.bulk) use it: steps as (title, description, tip,
    duration) tuples or stage titles, the group size as (min, max or None)."""
    spec = dict(spec)
    spec["participants"] = (spec.pop("participants_min"), spec.pop("participants_max", None))
    spec["steps"] = [
        step["stage"]
        if "stage" in step
        else (step["title"], step["description"], step.get("tip", ""), step.get("duration", ""))
        for step in spec["steps"]
    ]
    return spec


WORKSHEET_COLLECTION = CONTENT["worksheet_collection"]
# slug, name, number, description (sort order follows the list)
PHASES = [
    (phase["slug"], phase["name"], phase["number"], phase["description"])
    for phase in CONTENT["phases"]
]
INDEX = CONTENT["index"]
ADVISOR = CONTENT["people"]["advisor"]
DESIGNER = CONTENT["people"]["designer"]
# key: (document title, file name)
WORKSHEETS = {key: (sheet["title"], sheet["file"]) for key, sheet in CONTENT["worksheets"].items()}
METHODS = [_method_spec(spec) for spec in CONTENT["methods"]]


def load(stdout=None):
    home = HomePage.objects.get()
    phases = _phases()
    people = {"advisor": common.person(ADVISOR), "designer": common.person(DESIGNER)}
    documents = _worksheets()
    index = _index(home)
    created = {}
    existing = {page.slug: page for page in MethodPage.objects.child_of(index)}
    for spec in METHODS:
        if spec["slug"] in existing:
            continue
        created[spec["slug"]] = _method(index, spec, phases, people, documents)
    by_slug = {**existing, **created}
    for spec in METHODS:
        page = created.get(spec["slug"])
        if page is None:
            continue
        for position, slug in enumerate(spec.get("related", [])):
            if slug in by_slug:
                page.related_methods.add(
                    MethodPageRelatedMethod(method=by_slug[slug], sort_order=position)
                )
        page.save_revision().publish()


def _phases():
    phases = {}
    for position, (slug, name, number, description) in enumerate(PHASES, start=1):
        phase, _created = Phase.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "number": number,
                "description": description,
                "sort_order": position,
            },
        )
        phases[slug] = phase
    return phases


def _worksheets():
    """The worksheets as Wagtail documents in the collection «Arbeidsark»."""
    Document = get_document_model()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=WORKSHEET_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=WORKSHEET_COLLECTION)
    documents = {}
    for key, (title, filename) in WORKSHEETS.items():
        document = Document.objects.filter(collection=collection, title=title).first()
        if document is None:
            document = Document(title=title, collection=collection)
            with (WORKSHEET_FILES / filename).open("rb") as handle:
                document.file.save(filename, File(handle), save=False)
                document._set_document_file_metadata()
                document.save()
        documents[key] = document
    return documents


def _index(home):
    index = MethodIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    index = MethodIndexPage(
        title=INDEX["title"],
        slug=INDEX["slug"],
        intro=INDEX["intro"],
        search_description=INDEX["intro"],
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _method(index, spec, phases, people, documents):
    page = MethodPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        duration=spec["duration"],
        duration_detail=spec["duration_detail"],
        participants_min=spec["participants"][0],
        participants_max=spec["participants"][1],
        difficulty=spec["difficulty"],
        materials="\n".join(spec["materials"]),
        when_to_use=spec["when_to_use"],
        outcome=spec["outcome"],
        steps=[
            ("stage", {"title": step}) if isinstance(step, str) else ("step", _step(*step))
            for step in spec["steps"]
        ],
        contact_person=people[spec["contact"]],
        search_description=spec["summary"],
    )
    page.phases.set([phases[slug] for slug in spec["phases"]])
    page.tags.add(*spec["tags"])
    for position, resource in enumerate(spec.get("resources", [])):
        if "worksheet" in resource:
            page.resources.add(
                MethodPageResource(
                    document=documents[resource["worksheet"]],
                    title=resource.get("title", ""),
                    description=resource.get("description", ""),
                    sort_order=position,
                )
            )
        else:
            page.resources.add(
                MethodPageResource(
                    link_url=resource["url"],
                    title=resource["title"],
                    description=resource.get("description", ""),
                    sort_order=position,
                )
            )
    index.add_child(instance=page)
    return page


def _step(title, description, tip="", duration=""):
    return {
        "title": title,
        "description": f"<p>{description}</p>",
        "tip": tip,
        "duration": duration,
    }
