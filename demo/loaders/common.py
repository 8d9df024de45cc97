"""What several loaders build alike: contact people, StreamField values, a section's index page."""

from core.models import Person


def person(spec, **extra):
    """The Person named in `spec`, made from the rest of it (and `extra`) the first time."""
    fields = {key: value for key, value in spec.items() if key != "name"} | extra
    found, _created = Person.objects.get_or_create(name=spec["name"], defaults=fields)
    return found


def blocks(specs):
    """StreamField blocks from the content files, as (type, value) pairs."""
    return [(block["type"], block["value"]) for block in specs]


def index_page(home, model, spec):
    """The section's index page below the front page, published; made once."""
    existing = model.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    page = model(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=blocks(spec["body"]),
        search_description=spec["search_description"],
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
