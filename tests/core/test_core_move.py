"""The foundation's models moved from home to core without a schema change.

The full proof on a database made by the commit before is scripts/migration-check.sh;
these hold the parts a later change could break: the tables, and the content-type
relabelling in core/migrations/0001_initial.py (ids kept, never a duplicate).
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from core.models import FourEyesApprovalTask, Person, SectionSettings

move = importlib.import_module("core.migrations.0001_initial")


def test_the_moved_models_keep_their_tables():
    assert Person._meta.db_table == "home_person"
    assert SectionSettings._meta.db_table == "home_sectionsettings"
    assert FourEyesApprovalTask._meta.db_table == "home_foureyesapprovaltask"
    groups = FourEyesApprovalTask._meta.get_field("groups").remote_field.through
    assert groups._meta.db_table == "home_foureyesapprovaltask_groups"


@pytest.mark.django_db
def test_relabelling_keeps_the_content_type_and_what_points_at_it():
    person = ContentType.objects.get_for_model(Person)
    permission = Permission.objects.get(content_type=person, codename="change_person")
    move.relabel_back(apps, None)  # as an old database has it
    assert ContentType.objects.get(pk=person.pk).app_label == "home"

    move.relabel_content_types(apps, None)

    moved = ContentType.objects.filter(model__in=move.MOVED)
    assert set(moved.values_list("app_label", flat=True)) == {"core"}
    assert moved.count() == len(move.MOVED)
    assert ContentType.objects.get_for_model(Person).pk == person.pk
    assert Permission.objects.get(pk=permission.pk).content_type_id == person.pk


@pytest.mark.django_db
def test_a_core_content_type_made_in_between_gives_way_to_the_old_one():
    person = ContentType.objects.get_for_model(Person)
    move.relabel_back(apps, None)
    ContentType.objects.clear_cache()
    stray = ContentType.objects.create(app_label="core", model="person")  # post_migrate's

    move.relabel_content_types(apps, None)

    assert not ContentType.objects.filter(pk=stray.pk).exists()
    assert ContentType.objects.get(app_label="core", model="person").pk == person.pk
