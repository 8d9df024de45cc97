"""No two bookings of a room may overlap: enforced by the database, not only by forms.

On PostgreSQL `NoOverlapConstraint` is an exclusion constraint,
`EXCLUDE USING gist (tstzrange(start, end, '[)') WITH &&, room_id WITH =)`,
so of two transactions that insert overlapping rows at the same moment one
fails with an IntegrityError, whatever the application checked before. The
`=` on an integer column in a GiST index needs the btree_gist extension
(migration 0001 creates it, on PostgreSQL only).

SQLite has no exclusion constraints. There the constraint creates nothing,
and `fabrikken.schedule.book()` serialises bookings instead: it takes
SQLite's single write lock before it checks for overlaps, so a second
booking waits, then sees the first.

Ranges are half-open, `[start, end)`: a booking ending 10.00 and one starting
10.00 do not overlap.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.db.models import BaseConstraint, Func


class TsTzRange(Func):
    """`tstzrange(start, end, '[)')`: PostgreSQL's range of two timestamps."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def _on_postgres(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


class NoOverlapConstraint(ExclusionConstraint):
    """Rows with equal `partition` fields may not have overlapping [start, end) ranges.

    `condition` limits it to some rows (here: bookings that are not cancelled).
    Model validation (`full_clean`, so admin forms too) checks the same rule
    with plain lookups on every database.
    """

    def __init__(
        self,
        *,
        name,
        start,
        end,
        partition,
        condition=None,
        violation_error_code=None,
        violation_error_message=None,
    ):
        self.start_field = start
        self.end_field = end
        self.partition = tuple(partition)
        super().__init__(
            name=name,
            expressions=[
                (TsTzRange(start, end, RangeBoundary()), RangeOperators.OVERLAPS),
                *[(field, RangeOperators.EQUAL) for field in self.partition],
            ],
            condition=condition,
            violation_error_code=violation_error_code,
            violation_error_message=violation_error_message,
        )

    # --- Schema: PostgreSQL only ------------------------------------------------

    def constraint_sql(self, model, schema_editor):
        return super().constraint_sql(model, schema_editor) if _on_postgres(schema_editor) else None

    def create_sql(self, model, schema_editor):
        return super().create_sql(model, schema_editor) if _on_postgres(schema_editor) else None

    def remove_sql(self, model, schema_editor):
        return super().remove_sql(model, schema_editor) if _on_postgres(schema_editor) else None

    # --- Validation: every database -------------------------------------------

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        fields = {self.start_field, self.end_field, *self.partition}
        if exclude and fields & set(exclude):
            return
        start = getattr(instance, self.start_field)
        end = getattr(instance, self.end_field)
        if start is None or end is None or start >= end:
            return
        partition = {}
        for field_name in self.partition:
            field = model._meta.get_field(field_name)
            value = getattr(instance, field.attname)
            if value is None:
                return
            partition[field.attname] = value
        others = model._default_manager.using(using).filter(
            **partition,
            **{f"{self.start_field}__lt": end, f"{self.end_field}__gt": start},
        )
        if self.condition is not None:
            others = others.filter(self.condition)
            if not self._condition_holds(model, instance, using):
                return
        if not instance._state.adding and instance.pk is not None:
            others = others.exclude(pk=instance.pk)
        if others.exists():
            raise ValidationError(
                self.get_violation_error_message(), code=self.violation_error_code
            )

    def _condition_holds(self, model, instance, using):
        """Whether the condition holds for the instance as it is (it may not be saved)."""
        replacement_map = instance._get_field_expression_map(meta=model._meta)
        return self.condition.check(replacement_map, using=using)

    # --- Migrations -------------------------------------------------------------

    def deconstruct(self):
        path, _args, kwargs = BaseConstraint.deconstruct(self)
        kwargs.update(start=self.start_field, end=self.end_field, partition=list(self.partition))
        if self.condition is not None:
            kwargs["condition"] = self.condition
        return path, (), kwargs

    def __eq__(self, other):
        if isinstance(other, NoOverlapConstraint):
            return self.deconstruct() == other.deconstruct()
        return NotImplemented
