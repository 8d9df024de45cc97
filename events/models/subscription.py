"""«Min kalender»: one employee's secret address for subscribing in Outlook.

Outlook fetches a subscribed calendar by itself, every few hours, and cannot sign
in: the address is the key. It holds a random token of 256 bits
(`secrets.token_urlsafe(32)`), so it cannot be guessed, and the employee can
replace it at any time («Lag ny adresse»): the old address then answers 404 at once.

The token is kept as it is, not hashed, so the employee can come back and copy
their address again; what it opens is only the public events the employee may see
and their own bookings, never a way to sign in.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_BYTES = 32


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class CalendarSubscription(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_subscription",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        """The user's subscription, made on first use."""
        subscription, _created = cls.objects.get_or_create(user=user)
        return subscription

    def renew(self):
        """A new address; the old one stops working at once."""
        self.token = new_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])
