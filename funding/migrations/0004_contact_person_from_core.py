"""The contact person is core.Person now (moved from home, same table): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0003_call_amount_limits_help"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="fundingcallpage",
                    name="contact_person",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Who employees can ask about the call.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="core.person",
                        verbose_name="contact person",
                    ),
                ),
            ],
        ),
    ]
