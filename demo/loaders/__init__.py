"""The demo loaders, one module per section, in the order `load_demo_content` runs them.

The order is the dependencies between the sections' content, written out here rather
than taken from INSTALLED_APPS: the front page and the demo sign-ins first, then the
methods (cases link to them), the cases (events link to both), funding calls (their
demo applications come from the sign-ins), events, Fabrikken (its page links to the
methods), the front page's buttons (they lead to those sections), search (its promotions point at the index pages the others built), the
content owners when every page exists, and the page feedback last (it is given on
the pages all the others built).
"""

from . import (
    cases,
    events,
    fabrikken,
    feedback,
    front_page,
    funding,
    home,
    methods,
    owners,
    search,
)

LOADERS = [
    ("home", home),
    ("methods", methods),
    ("cases", cases),
    ("funding", funding),
    ("events", events),
    ("fabrikken", fabrikken),
    ("front page", front_page),
    ("search", search),
    ("owners", owners),
    ("feedback", feedback),
]
