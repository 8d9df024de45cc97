"""SQL queries per request, counted in-process with Django's test client."""


def count_queries(urls, user, warmups=2, repeats=3):
    """{path: (status, [queries per request])}: each URL through Django's test client,
    signed in as `user`, after `warmups` requests have filled the caches as a running
    server's would. CaptureQueriesContext counts with DEBUG on or off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    counts = {}
    for _label, path in urls:
        for _ in range(warmups):
            client.get(path)
        seen = []
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            seen.append(len(queries))
        counts[path] = (response.status_code, seen)
    return counts


def format_count(seen):
    low, high = min(seen), max(seen)
    return str(low) if low == high else f"{low}–{high}"


def count_first_queries(paths, user):
    """(status, [queries per request]) of one request for each of `paths`, each asked for
    the first time (after one request for something else has signed the client in)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    client.get("/healthz")
    seen = []
    status = None
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        seen.append(len(queries))
        status = response.status_code if status in (None, 200) else status
    return status, seen
