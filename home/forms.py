from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with messages that tell the employee what to do."""

    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. Check what you typed and try again."
        ),
        "inactive": _("This account is not active. Contact the section's administrator."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["username"].error_messages["required"] = _("Write your username.")
        self.fields["password"].error_messages["required"] = _("Write your password.")
