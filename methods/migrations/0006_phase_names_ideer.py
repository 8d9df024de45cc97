"""Spell «ideer» as Språkrådet does (idé – ideen – ideer) in the phases already stored.

The phases are rows the demo loader creates (get_or_create, so a second run never
renames them): databases loaded before the spelling was fixed keep «Skape idéer og
løsninger» on every badge and filter until this runs. Only the old spelling is
replaced, so a name an editor has changed otherwise is left alone.
"""

from django.db import migrations

OLD_TO_NEW = [("idéene", "ideene"), ("idéen", "ideen"), ("idéer", "ideer"), ("Idéer", "Ideer")]


def respell(apps, schema_editor):
    Phase = apps.get_model("methods", "Phase")
    for phase in Phase.objects.all():
        name, description = phase.name, phase.description
        for old, new in OLD_TO_NEW:
            name, description = name.replace(old, new), description.replace(old, new)
        if (name, description) != (phase.name, phase.description):
            phase.name, phase.description = name, description
            phase.save(update_fields=["name", "description"])


class Migration(migrations.Migration):
    dependencies = [("methods", "0005_methodindexpage_default_content_owner")]

    operations = [migrations.RunPython(respell, migrations.RunPython.noop)]
