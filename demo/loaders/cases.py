"""Demo content for the case stories: the service areas and eight invented projects.

Written from ../shared/content-brief.md §4 (cases C1–C8, all [FIKTIV]) and §1.4 (the
service areas, which are real). Every case is marked «Demo-innhold»; the numbers are
plausible, not real, and the people are roles, not names. The methods are the demo
methods, looked up by slug (methods loads first). The pictures are abstract
illustrations drawn once by demo/draw_media.py and read from demo/media/illustrations/. Everything is looked up before it is
created, so running the loader twice changes nothing.
"""

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from cases.models import CaseIndexPage, CasePage, CasePageGalleryImage, CasePageMethod, Sector
from demo import content
from demo.draw_media import ILLUSTRATIONS, illustration_name
from demo.loaders import common
from home.models import HomePage
from methods.models import MethodPage

CONTENT = content.read("cases")


def _case_spec(spec):
    """A case as the loader (and demo.bulk) use it: the results as (type, value) blocks."""
    return {**spec, "results": [(block["type"], block["value"]) for block in spec["results"]]}


IMAGE_COLLECTION = CONTENT["image_collection"]
# slug, name (content brief §1.4, in order of size)
SECTORS = [(sector["slug"], sector["name"]) for sector in CONTENT["sectors"]]
INDEX = CONTENT["index"]
# What each illustration shows, for its alternative text (see demo/illustrations.py).
MOTIF_DESCRIPTIONS = CONTENT["motif_descriptions"]
PEOPLE = CONTENT["people"]
CASES = [_case_spec(spec) for spec in CONTENT["cases"]]


def load(stdout=None):
    home = HomePage.objects.get()
    sectors = _sectors()
    people = {key: common.person(spec) for key, spec in PEOPLE.items()}
    methods = {page.slug: page for page in MethodPage.objects.all()}
    collection = _collection()
    index, index_created = _index(home)
    existing = {page.slug: page for page in CasePage.objects.child_of(index)}
    for spec in CASES:
        if spec["slug"] not in existing:
            existing[spec["slug"]] = _case(index, spec, sectors, people, methods, collection)
    if index_created and INDEX["featured"] in existing:
        index.featured_case = existing[INDEX["featured"]]
        index.save_revision().publish()


def _sectors():
    sectors = {}
    for position, (slug, name) in enumerate(SECTORS, start=1):
        sectors[slug], _created = Sector.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": position}
        )
    return sectors


def _collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=IMAGE_COLLECTION).first()
    return collection or root.add_child(name=IMAGE_COLLECTION)


def _illustration(collection, motif, seed):
    """A committed illustration as a Wagtail image, found again by its title; and its alt text."""
    Image = get_image_model()
    title = f"Illustrasjon til demo-eksempel: {seed}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, collection=collection)
        with (ILLUSTRATIONS / illustration_name(seed)).open("rb") as handle:
            image.file = ImageFile(handle, name=illustration_name(seed))
            image._set_image_file_metadata()
            image.save()
    return image, f"Illustrasjon: {MOTIF_DESCRIPTIONS[motif]}."


def _index(home):
    index = CaseIndexPage.objects.child_of(home).first()
    if index is not None:
        return index, False
    index = CaseIndexPage(
        title=INDEX["title"],
        slug=INDEX["slug"],
        intro=INDEX["intro"],
        search_description=INDEX["intro"],
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, True


def _case(index, spec, sectors, people, methods, collection):
    hero, hero_alt = _illustration(collection, spec["motif"], spec["slug"])
    page = CasePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        status=spec["status"],
        sector=sectors[spec["sector"]],
        unit=spec["unit"],
        start_date=spec["start"],
        end_date=spec.get("end"),
        hero_image=hero,
        hero_image_alt=hero_alt,
        challenge=spec["challenge"],
        approach=spec["approach"],
        results=spec["results"],
        lessons=spec.get("lessons", ""),
        contact_person=people[spec["contact"]],
        search_description=spec["summary"],
        is_demo=True,
    )
    page.tags.add(*spec["tags"])
    for position, slug in enumerate(spec["methods"]):
        if slug in methods:
            page.method_links.add(CasePageMethod(method=methods[slug], sort_order=position))
    for position, motif in enumerate(spec.get("gallery", [])):
        image, alt = _illustration(collection, motif, f"{spec['slug']}-{position + 1}")
        page.gallery_images.add(
            CasePageGalleryImage(image=image, alt_text=alt, sort_order=position)
        )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
