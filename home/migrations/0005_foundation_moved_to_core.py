"""Person, SectionSettings and FourEyesApprovalTask left home for core: state only.

core/migrations/0001_initial.py took over their tables and content types. This
deletes them from home's state after every app's foreign keys point at core.Person
(the dependencies below), so each older migration that names "home.person" still
finds it when it runs.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_retire_shared_passwords"),
        ("core", "0001_initial"),
        ("cases", "0002_contact_person_from_core"),
        ("events", "0002_contact_person_from_core"),
        ("fabrikken", "0003_contact_person_from_core"),
        ("funding", "0004_contact_person_from_core"),
        ("methods", "0003_contact_person_from_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="contentpage",
                    name="contact_person",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Who employees can ask about this page.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="core.person",
                        verbose_name="contact person",
                    ),
                ),
                migrations.DeleteModel(name="FourEyesApprovalTask"),
                migrations.DeleteModel(name="Person"),
                migrations.DeleteModel(name="SectionSettings"),
            ],
        ),
    ]
