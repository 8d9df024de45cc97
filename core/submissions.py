"""Submit once: the one-time token every form that stores something carries.

A form gets a hidden UUID when it is shown. The stored submission keeps it,
under a unique constraint with its sender. So the same form sent twice (a
double-click, a resent POST, the back button) is stored once:

- before validating, `earlier_submission()` finds the submission that token
  already made, and the view shows its receipt again;
- two requests racing each other both miss that, and the second meets the
  unique constraint: `store_once()` then returns the first one's submission.

Either way nothing new is stored, and nothing is sent twice.
"""

import uuid

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

TOKEN_FIELD = "submission_token"

EXPIRED_MESSAGE = _("The form had expired. Check your answers and send it again.")


def token_field():
    """The hidden form field that carries the token."""
    return forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": EXPIRED_MESSAGE, "invalid": EXPIRED_MESSAGE},
    )


def parse_token(value):
    """The UUID a form posted, or None when it is missing or not a UUID."""
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


class OneTimeTokenMixin:
    """For a Django form: `add_token()` in `__init__`, `{{ form.token_value }}` in the hidden input."""

    def add_token(self):
        """Add the hidden token field (last, so the other fields keep their order)."""
        self.fields[TOKEN_FIELD] = token_field()
        if not self.is_bound:
            self.initial.setdefault(TOKEN_FIELD, uuid.uuid4())

    @property
    def token_value(self):
        """The token for the hidden input: the one posted if usable, otherwise a new one."""
        if self.is_bound:
            return parse_token(self.data.get(TOKEN_FIELD)) or uuid.uuid4()
        return self.initial[TOKEN_FIELD]


def find_earlier(queryset, token):
    """The submission in `queryset` (already the sender's own) made with `token`, or None."""
    if not token:
        return None
    return queryset.filter(token=token).first()


def earlier_submission(request, find):
    """What this POST's token already stored: `find(token)` for the posted token, or None."""
    token = parse_token(request.POST.get(TOKEN_FIELD))
    return find(token) if token else None


def store_once(save, find, token):
    """`save()` in a transaction; returns (submission, stored).

    When a twin request with the same token stored first, the unique constraint
    refuses this one: then `find(token)` gives the twin's submission and
    `stored` is False. Any other integrity error is raised.
    """
    try:
        with transaction.atomic():
            return save(), True
    except IntegrityError:
        earlier = find(token)
        if earlier is None:
            raise
        return earlier, False
