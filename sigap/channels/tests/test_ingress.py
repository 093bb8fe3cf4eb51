"""The lean webhook ingress (sigap/channels/ingress.py), called as gunicorn calls it: the WSGI
application of sigap.wsgi with a real environ, then the stored rows."""

from __future__ import annotations

import hashlib
import io
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django_tasks_db.models import DBTaskResult

from sigap.cases.models import Case
from sigap.channels.ingress import WebhookIngress
from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent
from sigap.channels.tasks import inbound_event_process_task
from sigap.channels.tests.conftest import (
    APP_SECRET,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    process_pending,
)
from sigap.channels.webhook_input import BAD_LENGTH, LENGTH_REQUIRED
from sigap.standins import payloads
from sigap.standins import sms as sms_standin
from sigap.wsgi import application

WA_ID = "6281234567890"
TG_SECRET = "rahasia-telegram_2026"
SMS_SECRET = "rahasia-sms"
SMS_NUMBER = "6281100002222"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def environ_for(
    path: str, body: bytes = b"", headers: dict[str, str] | None = None, *, method: str = "POST"
) -> dict[str, Any]:
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in (headers or {}).items()}
    content_type = extra.pop("HTTP_CONTENT_TYPE", "application/json")
    request = RequestFactory().generic(method, path, body, content_type=content_type, **extra)
    return request.environ


def call(
    app: Callable[..., Iterable[bytes]], environ: dict[str, Any], *, keep_connections: bool = True
) -> Answer:
    """One WSGI request as a server makes it: start_response, the body, then close()."""
    started: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        started.update(status=int(status.split()[0]), headers=dict(headers))

    if keep_connections:
        # As Django's test client does: the test's transaction must survive the request.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
    try:
        result = app(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()  # type: ignore[attr-defined]
    finally:
        if keep_connections:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
    return Answer(started["status"], started["headers"], body)


def whatsapp(text: str = "Jalan berlubang", *, secret: str = APP_SECRET, number: str = ""):
    message = payloads.whatsapp_text(text, wa_id=WA_ID)
    return payloads.whatsapp_inbound(
        message, app_secret=secret, phone_number_id=number or PHONE_NUMBER_ID
    )


def post_wire(wire: payloads.WirePayload, path: str = "/webhooks/whatsapp", **kw: Any) -> Answer:
    return call(application, environ_for(path, wire.body, wire.headers), **kw)


def tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=inbound_event_process_task.module_path))


class Recorder:
    """Django's own WSGI handler, noting which requests reached it."""

    def __init__(self) -> None:
        self.django = get_wsgi_application()
        self.paths: list[tuple[str, str]] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        self.paths.append((environ["REQUEST_METHOD"], environ["PATH_INFO"]))
        return self.django(environ, start_response)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


# -- Meta ----------------------------------------------------------------------------------


def test_gunicorn_serves_the_ingress():
    assert isinstance(application, WebhookIngress)


def test_signed_post_stores_one_event_and_one_task(wa_account, recorder):
    wire = whatsapp()
    answer = call(
        WebhookIngress(recorder), environ_for("/webhooks/whatsapp", wire.body, wire.headers)
    )
    assert (answer.status, answer.body) == (200, b"ok")
    assert answer.headers["Content-Type"] == "text/plain"
    assert answer.headers["Content-Length"] == "2"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert recorder.paths == []  # Django's middleware stack never saw it
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.PENDING and event.account == wa_account
    assert event.body == wire.body.decode() and event.external_id.startswith("sha256:")
    assert event.headers == {"signature": wire.headers["X-Hub-Signature-256"]}
    [task] = tasks()
    assert task.args_kwargs == {"args": [], "kwargs": {"event_id": event.pk}}


def test_task_row_is_the_one_enqueue_writes(wa_account):
    post_wire(whatsapp())
    event = InboundEvent.objects.get()
    [ours] = tasks()
    theirs = DBTaskResult.objects.get(id=inbound_event_process_task.enqueue(event_id=event.pk).id)
    fields = [f.attname for f in DBTaskResult._meta.concrete_fields]
    differ = {"id", "enqueued_at"}
    assert {f: getattr(ours, f) for f in fields if f not in differ} == {
        f: getattr(theirs, f) for f in fields if f not in differ
    }
    assert ours.task_result.kwargs == {"event_id": event.pk}
    assert abs((ours.enqueued_at - event.received_at).total_seconds()) < 5


def test_duplicate_body_is_200_and_stores_nothing_new(wa_account):
    wire = whatsapp()
    assert post_wire(wire).status == 200
    again = post_wire(wire)
    assert (again.status, again.body) == (200, b"ok")
    assert InboundEvent.objects.count() == 1 and len(tasks()) == 1


def test_forged_or_missing_signature_is_403_logged_and_nothing_stored(wa_account, caplog):
    caplog.set_level(logging.WARNING)
    forged = post_wire(whatsapp(secret="bukan-rahasia"))
    unsigned = whatsapp()
    unsigned.headers.pop("X-Hub-Signature-256")
    missing = post_wire(unsigned)
    assert [forged.status, missing.status] == [403, 403]
    assert forged.body == b"tanda tangan tidak sah"
    assert InboundEvent.objects.count() == 0 and tasks() == []
    refusals = [r for r in caplog.records if r.name == "sigap.channels.meta_webhook"]
    assert len(refusals) == 2
    assert [r.status_code for r in caplog.records if r.name == "django.request"] == [403, 403]


def test_over_size_body_is_413_and_nothing_stored(wa_account, settings):
    settings.SIGAP_WEBHOOK_MAX_BYTES = 1000
    answer = post_wire(whatsapp("x" * 2000))
    assert (answer.status, answer.body) == (413, b"payload terlalu besar")
    assert InboundEvent.objects.count() == 0 and tasks() == []


def test_unknown_phone_number_id_is_stored_unroutable_without_a_task(wa_account):
    assert post_wire(whatsapp(number="999999")).status == 200
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.UNROUTABLE and "999999" in event.last_error
    assert event.account is None and tasks() == []


def test_disallowed_host_is_400_and_nothing_stored(wa_account):
    wire = whatsapp()
    environ = environ_for(
        "/webhooks/whatsapp", wire.body, {**wire.headers, "Host": "jahat.example"}
    )
    assert call(application, environ).status == 400
    assert InboundEvent.objects.count() == 0


def test_instagram_post_takes_the_lean_path_too(db, recorder):
    wire = payloads.meta_wire({"object": "instagram", "entry": []}, "tanpa-akun")
    answer = call(
        WebhookIngress(recorder), environ_for("/webhooks/instagram", wire.body, wire.headers)
    )
    assert (answer.status, answer.body) == (403, b"tanda tangan tidak sah")
    assert recorder.paths == [] and InboundEvent.objects.count() == 0


# -- what stays with Django -----------------------------------------------------------------


def test_get_verification_goes_through_django(wa_account, recorder):
    query = f"hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={VERIFY_TOKEN}"
    environ = environ_for("/webhooks/whatsapp", method="GET")
    environ["QUERY_STRING"] = query
    answer = call(WebhookIngress(recorder), environ)
    assert (answer.status, answer.body) == (200, b"1158201444")
    assert recorder.paths == [("GET", "/webhooks/whatsapp")]
    assert answer.headers["Content-Language"] == "id"  # LocaleMiddleware ran


@pytest.mark.parametrize(
    "method, path",
    [
        ("POST", "/webhooks/whatsapp/"),  # not the webhook's URL: Django's 404
        ("POST", "/webhooks/telegram/bukan/slug"),
        ("POST", "/akun/masuk/"),
        ("PUT", "/webhooks/whatsapp"),
        ("GET", "/healthz"),
    ],
)
def test_other_requests_reach_django_unchanged(db, recorder, method, path):
    answer = call(WebhookIngress(recorder), environ_for(path, method=method))
    assert recorder.paths == [(method, path)]
    assert "Content-Language" in answer.headers
    assert InboundEvent.objects.count() == 0


def test_request_signals_are_sent_once_and_finished_only_on_close(wa_account):
    seen: list[str] = []

    def started(**kwargs: Any) -> None:
        seen.append("started")

    def finished(**kwargs: Any) -> None:
        seen.append("finished")

    request_started.connect(started)
    request_finished.connect(finished)
    try:
        wire = whatsapp()
        environ = environ_for("/webhooks/whatsapp", wire.body, wire.headers)
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        result = application(environ, lambda status, headers, exc_info=None: None)
        assert seen == ["started"]
        result.close()  # type: ignore[attr-defined]
        assert seen == ["started", "finished"]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        request_started.disconnect(started)
        request_finished.disconnect(finished)


# -- Telegram and SMS ------------------------------------------------------------------------


@pytest.fixture
def tg_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="telegram", code="tg-uji", name="Telegram",
        external_id="7000000001", access_token="7000000001:token", webhook_secret=TG_SECRET,
    )  # fmt: skip


def telegram(secret: str | None, update_id: int = 901) -> payloads.WirePayload:
    update = payloads.telegram_update(update_id, message=payloads.telegram_message("Banjir"))
    return payloads.telegram_wire(update, secret)


def test_telegram_secret_token_is_checked_as_before(tg_account):
    path = "/webhooks/telegram/tg-uji"
    wrong = post_wire(telegram("salah"), path)
    absent = post_wire(telegram(None), path)
    unknown = post_wire(telegram(TG_SECRET), "/webhooks/telegram/tidak-ada")
    assert [wrong.status, absent.status, unknown.status] == [403, 403, 403]
    assert unknown.body == b"token rahasia tidak sah"
    assert InboundEvent.objects.count() == 0 and tasks() == []
    ok = post_wire(telegram(TG_SECRET), path)
    again = post_wire(telegram(TG_SECRET), path)
    assert (ok.status, ok.body, again.status) == (200, b"ok", 200)
    event = InboundEvent.objects.get()
    assert event.external_id == "tg-uji:901" and event.account == tg_account
    assert len(tasks()) == 1


@pytest.fixture
def sms_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="sms", code="sms-uji", name="SMS",
        external_id=SMS_NUMBER, webhook_secret=SMS_SECRET, access_token="token",
    )  # fmt: skip


def test_sms_shared_secret_signature_is_checked_as_before(sms_account):
    path = "/webhooks/sms/sms-uji"
    sms = sms_standin.inbound_wire(SMS_SECRET, "+62 812-3456-7890", "Lampu mati", to=SMS_NUMBER)
    forged = sms_standin.inbound_wire("salah", "+62 812-3456-7890", "Lampu mati", to=SMS_NUMBER)
    refused = post_wire(forged, path)
    assert (refused.status, refused.json()) == (
        401,
        {"ok": False, "error": "tanda tangan tidak sah"},
    )
    assert post_wire(sms, "/webhooks/sms/tidak-ada").status == 404
    assert InboundEvent.objects.count() == 0
    assert post_wire(sms, path).json() == {"ok": True, "duplicate": False}
    assert post_wire(sms, path).json() == {"ok": True, "duplicate": True}
    report = sms_standin.status_wire(SMS_SECRET, "gw-1", "delivered")
    assert post_wire(report, path + "/status").json() == {"ok": True, "duplicate": False}
    kinds = sorted(e.headers["kind"] for e in InboundEvent.objects.all())
    assert kinds == ["sms", "status"] and len(tasks()) == 2


# -- with real connection handling (close_old_connections connected, commits for real) --------


def test_stored_task_is_run_by_the_real_worker(transactional_db, wa_account, meta):
    assert post_wire(whatsapp(), keep_connections=False).status == 200
    call_command("db_worker", "--batch", "--queue-name", "ingest", "--no-startup-delay")
    [task] = tasks()
    assert task.status == "SUCCESSFUL" and task.return_value == "processed"
    assert InboundEvent.objects.get().status == EventStatus.PROCESSED
    assert Case.objects.count() == 1


@pytest.fixture
def terminate_connection() -> Iterator[Callable[[], None]]:
    """Kill the server side of Django's connection, as a PostgreSQL restart would."""
    if connection.vendor != "postgresql":
        pytest.skip("a server-side disconnect is a PostgreSQL matter")
    killer = connection.get_new_connection(connection.get_connection_params())
    killer.autocommit = True

    def terminate() -> None:
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        killer.execute("SELECT pg_terminate_backend(%s)", [pid])

    yield terminate
    killer.close()


def test_dead_connection_is_replaced_and_the_delivery_kept(
    transactional_db, wa_account, terminate_connection
):
    assert post_wire(whatsapp("pertama"), keep_connections=False).status == 200
    terminate_connection()  # the account keys are cached: the next query is the insert
    assert post_wire(whatsapp("kedua"), keep_connections=False).status == 200
    assert InboundEvent.objects.count() == 2 and len(tasks()) == 2


# -- bodies without a length, unreadable bodies, odd headers (robustness audit) --------------

IG_ACCOUNT = payloads.DEFAULT_IG_ACCOUNT_ID
IG_SECRET = "rahasia-instagram"
DEEP = b"[" * 2000 + b"]" * 2000  # json.loads raises RecursionError, not ValueError
SMS_PATH = "/webhooks/sms/sms-uji"
WEBHOOKS = ["whatsapp", "instagram", "telegram", "sms", "sms status"]


@pytest.fixture
def ig_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="instagram", code="ig-uji", name="Instagram",
        external_id=IG_ACCOUNT, app_secret=IG_SECRET, access_token="token",
    )  # fmt: skip


@pytest.fixture
def every_account(wa_account, ig_account, tg_account, sms_account) -> None:
    """One account per webhook, so that each delivery below is authentic."""


def authentic(webhook: str) -> tuple[str, payloads.WirePayload]:
    """(path, an authentic delivery) for each webhook POST."""
    if webhook == "whatsapp":
        return "/webhooks/whatsapp", whatsapp()
    if webhook == "instagram":
        dm = payloads.instagram_message("Sampah menumpuk", recipient_id=IG_ACCOUNT)
        return "/webhooks/instagram", payloads.instagram_inbound(dm, app_secret=IG_SECRET)
    if webhook == "telegram":
        return "/webhooks/telegram/tg-uji", telegram(TG_SECRET)
    if webhook == "sms":
        return SMS_PATH, sms_standin.inbound_wire(SMS_SECRET, "081234567890", "Lampu mati")
    return SMS_PATH + "/status", sms_standin.status_wire(SMS_SECRET, "gw-1", "delivered")


def chunked(environ: dict[str, Any], body: bytes) -> dict[str, Any]:
    """The environ gunicorn builds for ``Transfer-Encoding: chunked``: no CONTENT_LENGTH, the
    header passed on, and wsgi.input yielding the de-chunked bytes."""
    environ.pop("CONTENT_LENGTH", None)
    environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    environ["wsgi.input"] = io.BytesIO(body)
    return environ


def refusal_text(webhook: str, answer: Answer) -> str:
    return answer.json()["error"] if webhook.startswith("sms") else answer.body.decode()


@pytest.mark.parametrize("webhook", WEBHOOKS)
def test_chunked_body_without_content_length_is_411_before_the_signature_check(
    every_account, caplog, webhook
):
    caplog.set_level(logging.WARNING)
    path, wire = authentic(webhook)
    answer = call(application, chunked(environ_for(path, wire.body, wire.headers), wire.body))
    assert answer.status == 411
    assert refusal_text(webhook, answer) == LENGTH_REQUIRED
    assert InboundEvent.objects.count() == 0 and tasks() == []
    [why] = [r for r in caplog.records if r.name == "sigap.channels.webhook_input"]
    assert "411" in why.getMessage() and "without Content-Length" in why.getMessage()
    assert [r.status_code for r in caplog.records if r.name == "django.request"] == [411]
    # The very same bytes sent with their length are accepted: only the framing was refused.
    assert call(application, environ_for(path, wire.body, wire.headers)).status == 200
    assert InboundEvent.objects.count() == 1 and len(tasks()) == 1


@pytest.mark.parametrize("webhook", WEBHOOKS)
def test_chunked_body_is_411_through_django_too(client, every_account, webhook):
    """The same answer on Django's own stack (runserver, or a deployment without the ingress)."""
    path, wire = authentic(webhook)
    headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in wire.headers.items()}
    response = client.generic("POST", path, b"", HTTP_TRANSFER_ENCODING="chunked", **headers)
    assert response.status_code == 411
    assert InboundEvent.objects.count() == 0 and tasks() == []


@pytest.mark.parametrize("webhook", WEBHOOKS)
def test_content_length_that_is_not_a_number_is_400_not_500(every_account, caplog, webhook):
    caplog.set_level(logging.WARNING)
    path, wire = authentic(webhook)
    environ = environ_for(path, wire.body, wire.headers)
    environ["CONTENT_LENGTH"] = "dua ratus"  # gunicorn refuses it; other servers pass it on
    answer = call(application, environ)
    assert (answer.status, refusal_text(webhook, answer)) == (400, BAD_LENGTH)
    assert InboundEvent.objects.count() == 0
    assert any("is not a number" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("path", ["/webhooks/whatsapp", "/webhooks/instagram"])
@pytest.mark.parametrize("signature", [None, "sha256=" + "0" * 64])
def test_deeply_nested_unsigned_meta_body_is_403_not_500(wa_account, ig_account, path, signature):
    headers = {"X-Hub-Signature-256": signature} if signature else {}
    answer = call(application, environ_for(path, DEEP, headers))
    assert (answer.status, answer.body) == (403, b"tanda tangan tidak sah")
    assert InboundEvent.objects.count() == 0 and tasks() == []


@pytest.mark.parametrize(
    "path, secret, account",
    [("/webhooks/whatsapp", APP_SECRET, "wa_account"), ("/webhooks/instagram", IG_SECRET,
                                                          "ig_account")],
)  # fmt: skip
def test_deeply_nested_signed_meta_body_is_stored_for_the_signer(request, path, secret, account):
    owner = request.getfixturevalue(account)
    wire = payloads.WirePayload(DEEP, {"X-Hub-Signature-256": payloads.sign(DEEP, secret)})
    answer = post_wire(wire, path)
    assert (answer.status, answer.body) == (200, b"ok")
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.PENDING and event.account == owner
    assert event.body == DEEP.decode() and len(tasks()) == 1
    assert post_wire(wire, path).status == 200 and InboundEvent.objects.count() == 1


def test_deeply_nested_telegram_update_is_stored_once_and_ignored(tg_account):
    wire = payloads.WirePayload(DEEP, {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})
    assert post_wire(wire, "/webhooks/telegram/tg-uji").status == 200
    assert post_wire(wire, "/webhooks/telegram/tg-uji").status == 200
    event = InboundEvent.objects.get()
    assert event.external_id.startswith("tg-uji:sha256:") and event.account == tg_account
    assert process_pending() == ["ignored"]
    event.refresh_from_db()
    assert event.status == EventStatus.IGNORED
    assert event.last_error == "body is JSON nested too deeply to read"
    assert Case.objects.count() == 0


def test_deeply_nested_sms_and_report_are_stored_and_ignored(sms_account):
    for path in (SMS_PATH, SMS_PATH + "/status"):
        wire = payloads.WirePayload(DEEP, sms_standin.signed_headers(SMS_SECRET, DEEP))
        answer = post_wire(wire, path)
        assert (answer.status, answer.json()) == (200, {"ok": True, "duplicate": False})
    events = list(InboundEvent.objects.order_by("pk"))
    assert [e.headers["kind"] for e in events] == ["sms", "status"]
    digest = hashlib.sha256(DEEP).hexdigest()
    assert [e.external_id for e in events] == [f"sms-uji:sha256:{digest}",
                                               f"sms-uji:status:sha256:{digest}"]  # fmt: skip
    assert process_pending() == ["ignored", "ignored"]
    notes = set(InboundEvent.objects.values_list("status", "last_error"))
    assert notes == {(EventStatus.IGNORED, "isi JSON bersarang terlalu dalam")}
    assert Case.objects.count() == 0


@pytest.mark.parametrize("path", ["/webhooks/whatsapp", "/webhooks/instagram"])
def test_non_ascii_meta_signature_is_403_and_logged(wa_account, ig_account, caplog, path):
    caplog.set_level(logging.WARNING)
    wire = whatsapp()
    # WSGI gives header bytes decoded as latin-1: b"sha256=\xe9" arrives as "sha256=é".
    environ = environ_for(
        path, wire.body, {"X-Hub-Signature-256": b"sha256=\xe9".decode("latin-1")}
    )
    answer = call(application, environ)
    assert (answer.status, answer.body) == (403, b"tanda tangan tidak sah")
    assert InboundEvent.objects.count() == 0 and tasks() == []
    refusals = [r.getMessage() for r in caplog.records if r.name == "sigap.channels.meta_webhook"]
    assert refusals == [
        f"{path.rsplit('/', 1)[1]} webhook refused: X-Hub-Signature-256 is not ASCII"
    ]


@pytest.mark.parametrize("webhook", ["sms", "sms status"])
def test_non_ascii_sms_signature_is_401(sms_account, webhook):
    path, wire = authentic(webhook)
    headers = {**wire.headers, "X-Sigap-Signature": "sha256=é"}
    answer = call(application, environ_for(path, wire.body, headers))
    assert answer.status == 401 and answer.json() == {
        "ok": False,
        "error": "tanda tangan tidak sah",
    }
    assert InboundEvent.objects.count() == 0


@pytest.mark.parametrize(
    "path, secret", [("/webhooks/whatsapp", APP_SECRET), ("/webhooks/instagram", IG_SECRET)]
)
def test_deeply_nested_signed_meta_body_is_ignored_with_a_note(
    wa_account, ig_account, path, secret
):
    wire = payloads.WirePayload(DEEP, {"X-Hub-Signature-256": payloads.sign(DEEP, secret)})
    assert post_wire(wire, path).status == 200
    assert process_pending() == ["ignored"]
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.IGNORED and "JSON" in event.last_error
    assert Case.objects.count() == 0


@pytest.mark.parametrize("token", ["é", VERIFY_TOKEN + "é"])
def test_non_ascii_verify_token_is_403_not_500(wa_account, token):
    environ = environ_for("/webhooks/whatsapp", method="GET")
    environ["QUERY_STRING"] = urlencode(
        {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": token}
    )
    answer = call(application, environ)
    assert (answer.status, answer.body) == (403, b"verifikasi ditolak")
