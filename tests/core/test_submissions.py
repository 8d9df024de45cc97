"""core.submissions and core.emails: submit once, and the pair of e-mails a submission sends."""

import uuid
from unittest import mock

import pytest
from django import forms
from django.core import mail
from django.db import IntegrityError
from django.test import RequestFactory
from django.utils import translation

from core import emails
from core.submissions import (
    TOKEN_FIELD,
    OneTimeTokenMixin,
    earlier_submission,
    find_earlier,
    parse_token,
    store_once,
)
from demo import factories
from fabrikken.models import GuidanceRequest


class NoteForm(OneTimeTokenMixin, forms.Form):
    text = forms.CharField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_token()


def make_request(user, token):
    return GuidanceRequest.objects.create(
        requester=user,
        requester_name="Kari",
        challenge="Færre fall",
        unit="Hundvåg sykehjem",
        kind=GuidanceRequest.Kind.values[0],
        urgency=GuidanceRequest.Urgency.values[0],
        preferred_times="tirsdager",
        token=token,
    )


# --- The token -----------------------------------------------------------------------


def test_only_a_uuid_is_a_token():
    token = uuid.uuid4()
    assert parse_token(str(token)) == token
    assert parse_token("") is None
    assert parse_token(None) is None
    assert parse_token("ikke-en-uuid") is None


def test_the_form_carries_the_token_last_and_hidden():
    form = NoteForm()
    assert list(form.fields) == ["text", TOKEN_FIELD]
    assert form.fields[TOKEN_FIELD].widget.is_hidden
    assert isinstance(form.token_value, uuid.UUID)
    assert form.token_value == form.initial[TOKEN_FIELD]


def test_a_sent_form_keeps_its_token_and_an_unusable_one_gets_a_new_one():
    token = uuid.uuid4()
    assert NoteForm({"text": "x", TOKEN_FIELD: str(token)}).token_value == token
    broken = NoteForm({"text": "x", TOKEN_FIELD: "tull"})
    assert isinstance(broken.token_value, uuid.UUID)
    assert not broken.is_valid()
    assert broken.errors[TOKEN_FIELD] == [
        "Skjemaet var utløpt. Sjekk svarene dine og send det på nytt."
    ]


@pytest.mark.django_db
def test_the_earlier_submission_is_found_by_the_posted_token_and_the_sender_only():
    kari, ola = factories.make_user("kari"), factories.make_user("ola")
    token = uuid.uuid4()
    first = make_request(kari, token)

    def find(user):
        return lambda token: find_earlier(GuidanceRequest.objects.filter(requester=user), token)

    posted = RequestFactory().post("/", {TOKEN_FIELD: str(token)})
    assert earlier_submission(posted, find(kari)) == first
    assert earlier_submission(posted, find(ola)) is None
    assert find_earlier(GuidanceRequest.objects.all(), None) is None


def test_without_a_usable_token_nothing_is_looked_up():
    find = mock.Mock()
    for data in ({}, {TOKEN_FIELD: ""}, {TOKEN_FIELD: "tull"}):
        assert earlier_submission(RequestFactory().post("/", data), find) is None
    find.assert_not_called()


# --- Storing once --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_token_is_stored():
    kari = factories.make_user("kari")
    token = uuid.uuid4()

    stored, is_new = store_once(lambda: make_request(kari, token), mock.Mock(), token)

    assert is_new
    assert GuidanceRequest.objects.get() == stored


@pytest.mark.django_db
def test_the_loser_of_a_race_gets_the_winners_submission_and_stores_nothing():
    kari = factories.make_user("kari")
    token = uuid.uuid4()
    winner = make_request(kari, token)

    def find(token):
        return find_earlier(GuidanceRequest.objects.filter(requester=kari), token)

    stored, is_new = store_once(lambda: make_request(kari, token), find, token)

    assert not is_new
    assert stored == winner
    assert GuidanceRequest.objects.count() == 1


@pytest.mark.django_db
def test_an_integrity_error_that_is_not_the_twin_is_raised():
    kari = factories.make_user("kari")
    token = uuid.uuid4()
    make_request(kari, token)

    with pytest.raises(IntegrityError):
        store_once(lambda: make_request(kari, token), lambda token: None, token)
    # The failed attempt was rolled back on its own: the database is still usable.
    assert GuidanceRequest.objects.count() == 1


# --- The pair of e-mails -----------------------------------------------------------------

TEMPLATES = {
    "mail/confirmation_subject.txt": "Takk,\n {{ name }}",
    "mail/confirmation_body.txt": "{% get_current_language as lang %}{{ lang }}: {{ name }}",
    "mail/notice_subject.txt": "Ny: {{ name }}",
    "mail/notice_body.txt": "{% get_current_language as lang %}{{ lang }}: {{ name }}",
}


@pytest.fixture
def mail_templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)],
                "builtins": ["django.templatetags.i18n"],
            },
        }
    ]


def send(**kwargs):
    defaults = {
        "sender_address": "kari@eksempel.no",
        "owners": ["fabrikken@eksempel.no", "leder@eksempel.no"],
        "owners_address": "fabrikken@eksempel.no",
    }
    return emails.send_pair("mail/", lambda: {"name": "Kari"}, **{**defaults, **kwargs})


def test_the_confirmation_speaks_the_senders_language_and_the_notice_the_sites(
    mail_templates, settings
):
    settings.DEFAULT_FROM_EMAIL = "innovasjon@eksempel.no"
    with translation.override("en"):
        send()

    confirmation, notice = mail.outbox
    assert confirmation.subject == "Takk, Kari"
    assert confirmation.body == "en: Kari"
    assert confirmation.to == ["kari@eksempel.no"]
    assert confirmation.reply_to == ["fabrikken@eksempel.no"]
    assert confirmation.from_email == "innovasjon@eksempel.no"
    assert notice.subject == "Ny: Kari"
    assert notice.body == "nb: Kari"
    assert notice.to == ["fabrikken@eksempel.no", "leder@eksempel.no"]
    assert notice.reply_to == ["kari@eksempel.no"]


def test_an_own_sender_and_subject_win(mail_templates):
    send(sender="stotte@eksempel.no", notice_subject="Søknad til Innovasjonsfondet")

    assert [message.from_email for message in mail.outbox] == ["stotte@eksempel.no"] * 2
    assert mail.outbox[1].subject == "Søknad til Innovasjonsfondet"


def test_without_an_address_that_message_is_not_sent(mail_templates):
    send(sender_address="")
    assert [message.subject for message in mail.outbox] == ["Ny: Kari"]
    assert mail.outbox[0].reply_to == []

    mail.outbox.clear()
    send(owners=[], owners_address="")
    assert [message.subject for message in mail.outbox] == ["Takk, Kari"]
    assert mail.outbox[0].reply_to == []


def test_rich_text_becomes_readable_plain_text():
    html = "<p>Først dette.</p><ul><li>én</li><li>to</li></ul><p>Så <b>dette</b>.</p>"
    assert emails.rich_text_to_plain(html) == "Først dette.\n– én\n– to\nSå dette."
    assert emails.rich_text_to_plain("") == ""
