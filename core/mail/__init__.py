"""E-mail that survives an outage: every message is queued in the database and sent by a worker.

Django sends mail through `EMAIL_BACKEND`; in production that is
`core.mail.backend.QueuedEmailBackend`, which sends nothing itself. It writes
each message (funding and guidance receipts and notices, Wagtail's workflow
notifications, review reminders: whatever calls Django's mail API) as a row of
the task `core.mail.tasks.deliver` on the task backend «mail». The row is
written through the request's own database connection, inside whatever
transaction is open: a submission and its e-mails are committed together, and a
rollback takes both (no enqueue-on-commit, so no window in which the one is
stored and the other lost).

A worker (`manage.py db_worker --backend mail`, or `--batch` from cron) claims
each row and hands the message to the real backend, `EMAIL_DELIVERY_BACKEND`
(SMTP). When SMTP does not answer, the attempt is recorded as failed and a new
row is queued for later, with back-off (core/mail/tasks.py), for about a day.

Why Django's task framework (django-tasks, the backport of Django 6's
`django.tasks`, with the database backend django-tasks-db) and not
django-mailer: Wagtail 7.4 already depends on django-tasks and runs its own
tasks through it, so the queue is the one Django itself is adopting (moving to
Django 6 means changing imports, not libraries); its database backend is a
single table, claimed with SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, so
several app nodes and workers never send one row twice. django-mailer would add
a second queue model, its own send loop and the deprecated `lockfile` package.

The modules: `message` (an EmailMessage to and from JSON), `backend` (queues),
`tasks` (delivers, retries), `queue` (what /healthz and the admin panel show).
"""
