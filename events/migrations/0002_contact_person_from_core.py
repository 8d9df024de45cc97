"""The contact person is core.Person now (moved from home, same table): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="eventpage",
                    name="contact_person",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Who people can ask about the event.",
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
