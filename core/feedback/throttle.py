"""Floods refused in Django's cache (shared by every app server when it is Redis).

Two limits:
- one answer per session and page every ANSWER_INTERVAL: a second Ja/Nei on the same
  page is not counted again (the first stands, the comment form stays open);
- at most PER_MINUTE answers and comments per user and minute, over all pages: a
  script or a stuck key cannot fill the owners' reports.

The cache keys name the session or the user, never the feedback: the stored rows stay
anonymous, and the keys expire within minutes.
"""

import datetime
import time

from django.core.cache import cache

ANSWER_INTERVAL = datetime.timedelta(minutes=30)
PER_MINUTE = 10


def _session_key(request):
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def claim_answer(request, page_id):
    """True when this session may answer on the page now (and records that it did)."""
    key = f"feedback:answered:{_session_key(request)}:{page_id}"
    return cache.add(key, True, int(ANSWER_INTERVAL.total_seconds()))


def within_rate(request):
    """Count one more answer or comment by this user; False once over PER_MINUTE."""
    minute = int(time.time() // 60)
    key = f"feedback:rate:{request.user.pk}:{minute}"
    cache.add(key, 0, 120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 120)
        count = 1
    return count <= PER_MINUTE
