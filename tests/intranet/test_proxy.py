"""Sign-in throttling behind the proxy: counted per real client, never per proxy."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from demo import factories
from intranet.client_ip import client_ip
from tests.intranet.test_settings import SAMPLE_PRODUCTION_ENV, manage

PROXY = "10.20.0.5"
ATTACKER = "192.0.2.66"
COLLEAGUE = "198.51.100.7"


@pytest.mark.parametrize(
    ("count", "remote", "forwarded", "expected"),
    [
        (0, "127.0.0.1", "", "127.0.0.1"),
        (
            0,
            "127.0.0.1",
            "203.0.113.9",
            "127.0.0.1",
        ),  # nothing in front: the header is the client's lie
        (1, PROXY, ATTACKER, ATTACKER),
        (1, PROXY, f"{COLLEAGUE}, {ATTACKER}", ATTACKER),  # the client wrote the left part
        (2, PROXY, f"{COLLEAGUE}, {ATTACKER}, 10.20.0.4", ATTACKER),
        (2, PROXY, ATTACKER, PROXY),  # did not pass both proxies
        (1, PROXY, "", PROXY),  # a check from inside, straight to gunicorn
        (1, PROXY, "ikke-en-adresse", PROXY),
        (1, PROXY, " 2001:DB8::1 ", "2001:db8::1"),
    ],
)
def test_the_client_address_is_read_as_the_deployment_is_built(
    settings, count, remote, forwarded, expected
):
    settings.CLIENT_IP_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


@pytest.fixture
def behind_one_proxy(settings):
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    settings.AXES_FAILURE_LIMIT = 5
    settings.CLIENT_IP_PROXY_COUNT = 1


def sign_in(client, address, password, spoofed=""):
    """A sign-in as it reaches gunicorn through the proxy, which appends the client's address."""
    forwarded = f"{spoofed}, {address}" if spoofed else address
    return client.post(
        reverse("login"),
        {"username": "admin", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
def test_five_failures_from_one_client_do_not_lock_the_user_out_elsewhere(home, behind_one_proxy):
    factories.make_user("admin")
    attacker = Client()
    for _attempt in range(4):
        assert sign_in(attacker, ATTACKER, "gjetning").status_code == 200
    assert sign_in(attacker, ATTACKER, "gjetning").status_code == 429  # the fifth locks

    # The attacker is locked out, even with the right password or a forged header…
    assert sign_in(attacker, ATTACKER, factories.PASSWORD).status_code == 429
    assert sign_in(attacker, ATTACKER, factories.PASSWORD, spoofed=COLLEAGUE).status_code == 429

    # …while the account's owner, from another address through the same proxy, signs in.
    colleague = Client()
    response = sign_in(colleague, COLLEAGUE, factories.PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in colleague.session


@pytest.mark.django_db
def test_without_a_proxy_count_every_client_would_share_the_proxys_address(
    home, behind_one_proxy, settings
):
    """What the setting prevents: counted at the proxy's address, one attacker locks everyone out."""
    settings.CLIENT_IP_PROXY_COUNT = 0
    factories.make_user("admin")
    for _attempt in range(5):
        sign_in(Client(), ATTACKER, "gjetning")

    assert sign_in(Client(), COLLEAGUE, factories.PASSWORD).status_code == 429


def test_production_refuses_to_start_without_the_proxy_count():
    env = {key: value for key, value in SAMPLE_PRODUCTION_ENV.items() if key != "AXES_PROXY_COUNT"}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "AXES_PROXY_COUNT must be set" in result.stderr


@pytest.mark.parametrize(("value", "starts"), [("0", True), ("en", False), ("-1", False)])
def test_production_takes_zero_but_no_nonsense_as_the_proxy_count(value, starts):
    result = manage("check", env={**SAMPLE_PRODUCTION_ENV, "AXES_PROXY_COUNT": value})

    assert (result.returncode == 0) is starts, result.stderr
    if not starts:
        assert "AXES_PROXY_COUNT must be a whole number" in result.stderr
