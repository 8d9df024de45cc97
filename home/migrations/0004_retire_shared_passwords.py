"""Shared page and document passwords become restrictions for administrators only.

A shared password could be guessed without limit, and on an intranet where
everyone is signed in «innloggede» and groups are enough (the settings
WAGTAIL_PRIVATE_PAGE_OPTIONS and WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS no
longer offer passwords). Each password restriction becomes a `groups`
restriction with no groups, which Wagtail lets through for superusers only
(BaseViewRestriction.accept_request). That never widens access: removing the
restriction would open the page to everyone, and «innloggede» to every
employee. Administrators, who can see every page in the admin anyway, then
choose the groups under «Sidevern» (Privacy); a warning per restriction says where.
"""

import logging

from django.db import migrations

logger = logging.getLogger("home.privacy")

PASSWORD = "password"
GROUPS = "groups"


def restrict_to_administrators(apps, schema_editor):
    for model_name, owner in (
        ("PageViewRestriction", "page"),
        ("CollectionViewRestriction", "collection"),
    ):
        model = apps.get_model("wagtailcore", model_name)
        for restriction in model.objects.filter(restriction_type=PASSWORD).select_related(owner):
            restriction.restriction_type = GROUPS
            restriction.password = ""
            restriction.save(update_fields=["restriction_type", "password"])
            # Groups left over from an earlier choice in the dialog would let them in.
            restriction.groups.clear()
            target = getattr(restriction, owner)
            where = target.url_path if owner == "page" else target.name
            logger.warning(
                "Shared password removed from the view restriction on %s %s (%s): "
                "administrators only until someone chooses groups under «Sidevern» (Privacy).",
                owner,
                target.pk,
                where,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_ownership_and_four_eyes_approval"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunPython(restrict_to_administrators, migrations.RunPython.noop, elidable=True),
    ]
