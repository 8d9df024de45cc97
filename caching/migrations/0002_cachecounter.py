from django.db import migrations, models


def carry_over(apps, schema_editor):
    """Counters go on from where the generation stood, so no old key can match again."""
    old = apps.get_model("caching", "CacheGeneration").objects.first()
    counter = apps.get_model("caching", "CacheCounter")
    start = max(old.content, old.access) + 1 if old else 1
    counter.objects.bulk_create(
        [counter(name=name, value=start) for name in ("content", "access")]
    )


class Migration(migrations.Migration):
    dependencies = [("caching", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="CacheCounter",
            fields=[
                ("name", models.CharField(max_length=100, primary_key=True, serialize=False, verbose_name="name")),
                ("value", models.PositiveBigIntegerField(default=0, verbose_name="value")),
            ],
            options={"verbose_name": "cache counter", "verbose_name_plural": "cache counters"},
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="CacheGeneration"),
    ]
