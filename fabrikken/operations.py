"""Migration operations that only mean something on PostgreSQL."""

from django.contrib.postgres.operations import BtreeGistExtension


class BtreeGistExtensionOnPostgres(BtreeGistExtension):
    """`CREATE EXTENSION btree_gist` on PostgreSQL; nothing on other databases.

    Django's operation already skips other databases going forwards; this one
    also skips them when the migration is reversed (Django's would query
    `pg_extension` there). Reversing on PostgreSQL leaves the extension in place:
    other apps may use it, and it costs nothing.
    """

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        return None

    def describe(self):
        return "Creates extension btree_gist on PostgreSQL"
