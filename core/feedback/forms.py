from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, Answer


class AnswerForm(forms.Form):
    """Ja or Nei: the value of the button pressed."""

    answer = forms.ChoiceField(choices=Answer.choices)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Do you want to tell us more? (optional)"),
        help_text=_(
            "Write what you were looking for, or what was missing or wrong. "
            "Do not write personal data, such as names, phone numbers or health information. "
            "We do not store who you are: the feedback is anonymous. "
            "At most 1000 characters."
        ),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write a comment, or go back to the page if you have nothing to add"),
            "max_length": _(
                "Shorten the comment to at most %(limit_value)d characters (it has %(show_value)d)"
            ),
        },
    )
