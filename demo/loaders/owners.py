"""Every demo page has a content owner, and every section a default owner for new pages.

Runs last, when every page exists. A section's index page (and the front page) gets its
«Standard innholdseier»; each page without an owner then gets its section's, the same
rule a new page follows in the admin (core.models.ownership.default_owner_for). The
owner is written to the page and to its latest revision, so the editor opens the page
with the owner filled in, without a new revision for each page. Running it again
changes nothing.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Page

from cases.models import CaseIndexPage
from core.models import ContentOwnershipMixin
from core.models.ownership import default_owner_for
from events.models import EventIndexPage
from funding.models import FundingIndexPage
from home.models import HomePage
from methods.models import MethodIndexPage

# Who answers for each section in the demo: the editor writes most of it, the moderator
# the funding calls and the cases.
SECTION_OWNERS = {
    HomePage: "redaktor",
    MethodIndexPage: "redaktor",
    CaseIndexPage: "moderator",
    FundingIndexPage: "moderator",
    EventIndexPage: "redaktor",
}


def load():
    users = {user.username: user for user in get_user_model().objects.all()}
    for model, username in SECTION_OWNERS.items():
        for page in model.objects.filter(default_content_owner__isnull=True):
            _set(page, default_content_owner=users[username])
    for page in Page.objects.filter(depth__gt=1).specific().iterator():
        if isinstance(page, ContentOwnershipMixin) and page.content_owner_id is None:
            owner = default_owner_for(page)
            if owner is not None:
                _set(page, content_owner=owner)


def _set(page, **fields):
    """Set the fields on the page and in its latest revision (its draft, if it has one)."""
    type(page).objects.filter(pk=page.pk).update(**fields)
    revision = page.latest_revision
    if revision is not None:
        revision.content.update({name: user.pk for name, user in fields.items()})
        revision.save(update_fields=["content"])
