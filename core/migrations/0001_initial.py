"""Person, SectionSettings and FourEyesApprovalTask move here from home, without a schema change.

The models keep their tables (Meta.db_table = "home_person" and so on; the groups of
the approval task keep "home_foureyesapprovaltask_groups"), so this migration changes
Django's state only: home/migrations/0005_foundation_moved_to_core.py deletes them from
home's state once every app's foreign keys point here.

Their content types are relabelled from "home" to "core" in place, keeping their ids:
permissions, the workflow task (Task.content_type, which `.specific` follows), search
index entries, the reference index and revisions keep pointing at the same rows, and
post_migrate finds the "core" rows and makes no duplicates.
"""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models

MOVED = ("person", "sectionsettings", "foureyesapprovaltask")


def relabel_content_types(apps, schema_editor, old="home", new="core"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        stale = ContentType.objects.filter(app_label=old, model=model).first()
        if stale is None:
            continue  # a new database: post_migrate makes the "core" one
        # A "core" row can only come from a post_migrate run between two migrations of
        # this move (nothing refers to it but its own default permissions): the old
        # row, which everything refers to, wins.
        ContentType.objects.filter(app_label=new, model=model).delete()
        stale.app_label = new
        stale.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def relabel_back(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="core", new="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The tables are made by home's migrations; this one takes them over.
        ("home", "0004_retire_shared_passwords"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='FourEyesApprovalTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                        ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
                    ],
                    options={
                        'verbose_name': 'four-eyes approval',
                        'verbose_name_plural': 'four-eyes approvals',
                        'db_table': 'home_foureyesapprovaltask',
                    },
                    bases=('wagtailcore.task',),
                ),
                migrations.CreateModel(
                    name='Person',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('role', models.CharField(help_text='For example «Innovasjonsrådgiver».', max_length=120, verbose_name='role')),
                        ('unit', models.CharField(blank=True, help_text='The department or service the person works in.', max_length=160, verbose_name='unit')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('phone', models.CharField(blank=True, help_text='Written as people dial it, for example 12 34 56 78.', max_length=30, verbose_name='phone')),
                        ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='photo')),
                    ],
                    options={
                        'verbose_name': 'person',
                        'verbose_name_plural': 'people',
                        'db_table': 'home_person',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='SectionSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('contact_email', models.EmailField(default='innovasjon@eksempel.no', help_text='Shown in the footer; where employees write with questions about innovation.', max_length=254, verbose_name='contact e-mail')),
                        ('footer_text', models.CharField(blank=True, default='Fabrikken innovasjonsverksted, Sandvigå 7, Stavanger', help_text='One short line, such as the visiting address.', max_length=255, verbose_name='footer text')),
                        ('intranet_url', models.URLField(blank=True, help_text="The link back to the municipality's main intranet.", verbose_name='main intranet address')),
                        ('intranet_label', models.CharField(blank=True, default='Til intranettet', max_length=80, verbose_name='main intranet link text')),
                        ('accessibility_page', models.ForeignKey(blank=True, help_text='Linked from the footer of every page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='accessibility statement')),
                        ('privacy_page', models.ForeignKey(blank=True, help_text='Linked from the footer of every page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='privacy page')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'verbose_name': 'section settings',
                        'db_table': 'home_sectionsettings',
                    },
                ),
            ],
        ),
        migrations.RunPython(relabel_content_types, relabel_back),
    ]
