"""The contact person is core.Person now (moved from home, same table): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("methods", "0002_content_ownership"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="methodpage",
                    name="contact_person",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Who employees can ask about the method, for example to get help running it.",
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
