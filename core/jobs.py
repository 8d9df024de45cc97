"""Jobs that run once when several app servers run the same cron line.

Every node may carry the same crontab (and run `migrate` when it starts): the
job takes a PostgreSQL advisory lock named after it, so the first node does
the work and the others skip it (scheduled jobs) or wait for it (`migrate`,
which then finds nothing left to do). The lock is session-level: it is held
until it is released here or the connection ends, so a job that fails or a
node that dies never leaves it behind.

On SQLite (the embedded default, one node by definition) every job simply runs.
"""

import hashlib
import logging
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

# Part of every key, so another application sharing the database does not
# collide with our job names by accident.
NAMESPACE = "innovasjon.jobs:"


def lock_key(name):
    """A signed 64-bit key (PostgreSQL's bigint) from the job's name.

    From a digest, not Python's hash(): that is salted per process, and every
    node must derive the same key.
    """
    digest = hashlib.blake2b((NAMESPACE + name).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextmanager
def run_once(name, *, wait=False, using=DEFAULT_DB_ALIAS):
    """Yield True when this process should do the job `name`, False when another does.

    `wait=False` (scheduled jobs): if another node holds the lock, log one line
    and yield False at once. `wait=True` (`migrate`): block until the other node
    is done, then run.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        logger.info("%s: running", name)
        yield True
        return

    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        got_lock = cursor.fetchone()[0]
        if not got_lock and wait:
            logger.info("%s: already running elsewhere, waiting", name)
            cursor.execute("SELECT pg_advisory_lock(%s)", [key])
            got_lock = True
    if not got_lock:
        logger.info("%s: already running elsewhere, skipped", name)
        yield False
        return

    logger.info("%s: running", name)
    try:
        yield True
    finally:
        _unlock(connection, key)


def _unlock(connection, key):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    except DatabaseError:
        # The job left the connection unusable (an aborted transaction, a lost
        # server): ending the session releases every lock it held.
        connection.close()


class RunOnceCommand:
    """Mixin for a management command that runs on one node at a time.

    Put it before the command it guards: `class Command(RunOnceCommand, BaseCommand)`.
    Skipping is not an error: the command exits 0, as cron expects.

    It guards `execute`, not `handle`: a command that writes its own `handle` (most
    do) would otherwise override the guard and run on every node.
    """

    job_name = None  # required: the lock's name, normally the command's name
    wait_for_lock = False

    def execute(self, *args, **options):
        using = options.get("database") or DEFAULT_DB_ALIAS
        with run_once(self.job_name, wait=self.wait_for_lock, using=using) as got_lock:
            if got_lock:
                return super().execute(*args, **options)
        return None
