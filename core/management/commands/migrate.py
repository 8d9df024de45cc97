"""Django's `migrate`, one node at a time.

Nodes that start together each run `migrate`: the first migrates under a
PostgreSQL advisory lock, the others wait for it and then find nothing to do.
Overriding the name (as django.contrib.staticfiles does with `runserver`)
keeps deploy scripts, `make serve` and the test runner's database set-up as
they are; subclassing keeps every option, `--database` choosing where the
lock is taken.
"""

from django.core.management.commands.migrate import Command as DjangoMigrate

from core.jobs import RunOnceCommand


class Command(RunOnceCommand, DjangoMigrate):
    job_name = "migrate"
    wait_for_lock = True
