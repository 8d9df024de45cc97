"""The address a request really came from, as the deployment is built.

django-axes counts failed sign-ins per username and address. Behind the
municipality's proxy every request arrives from the proxy's address, so
without this every employee would share one address and five wrong passwords
from anyone would lock a username for everyone.

Each proxy appends the address it received the request from to
X-Forwarded-For. With N proxies in front (the environment variable
AXES_PROXY_COUNT, the setting CLIENT_IP_PROXY_COUNT), the client is the
entry N places from the right; anything further left was written by
the client itself and is not trusted. With 0 (gunicorn faces the clients, as
in `make serve`), the header is ignored and the peer's address is used.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.CLIENT_IP_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < count:
        # Not through every proxy (a health check from inside, say): the peer is the client.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
