"""Four eyes: nothing goes live without a moderator's approval, but by an administrator.

Publishing goes through the workflow «Godkjenning» (core/publishing/roles.py). Besides
«Publish», Wagtail can put a page live in two more ways: a copy made with
«Publish copies», and an alias, which is live whenever its original is. Both
are for administrators only; everyone else copies, and the copy is a draft
that goes through approval like any new page. core/wagtail_hooks.py refuses
the requests, this form does not offer them.
"""

from wagtail.admin.forms.pages import CopyForm


def may_publish_directly(user):
    return user.is_superuser


class FourEyesCopyForm(CopyForm):
    """Wagtail's copy form, without «Publish copies» and «Alias» but for administrators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish_directly(self.user):
            self.fields.pop("publish_copies", None)
            self.fields.pop("alias", None)
