"""SMS end to end: signed gateway posts in, cases and acknowledgements out to the stand-in."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from sigap.cases.models import Case, Message
from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent, OutboundMessage
from sigap.channels.services.outbox import outbound_create, outbound_send
from sigap.channels.sms import inbound
from sigap.channels.sms.transport import sms_fit
from sigap.channels.tests.conftest import process_pending
from sigap.contacts.models import Contact, ContactIdentity
from sigap.standins import sms as sms_standin
from sigap.standins.payloads import WirePayload

SECRET = "demo-sms-secret"
TOKEN = "demo-sms-token"
NUMBER = "6281100002222"
CITIZEN = "+62 812-3456-7890"
MSISDN = "6281234567890"
WEBHOOK = "/webhooks/sms/sms-bupati"
STATUS = WEBHOOK + "/status"


@pytest.fixture
def gateway() -> Iterator[sms_standin.SmsGatewayStandin]:
    with sms_standin.serve(secret=SECRET, token=TOKEN, number=NUMBER) as server:
        yield server


@pytest.fixture
def sms_account(pemda, leader_office, gateway) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="sms", code="sms-bupati", name="SMS Bupati",
        external_id=NUMBER, webhook_secret=SECRET, access_token=TOKEN,
        config={"send_url": f"{gateway.url}/send", "max_parts": 3},
    )  # fmt: skip


def wire(text: str, *, sender: str = CITIZEN, **fields: Any) -> WirePayload:
    fields.setdefault("to", NUMBER)
    return sms_standin.inbound_wire(fields.pop("secret", SECRET), sender, text, **fields)


def post(client: Any, payload: WirePayload, path: str = WEBHOOK) -> Any:
    headers = {
        f"HTTP_{name.upper().replace('-', '_')}": value
        for name, value in payload.headers.items()
        if name.lower() != "content-type"
    }
    content_type = payload.headers["Content-Type"]
    return client.generic("POST", path, payload.body, content_type=content_type, **headers)


def report(client: Any, gateway_id: str, status: str, error: str = "") -> Any:
    return post(client, sms_standin.status_wire(SECRET, gateway_id, status, error=error), STATUS)


def pass_hold_deadline() -> None:
    """Move every stored part back past the multipart hold, as the clock would."""
    past = timezone.now() - timedelta(seconds=inbound.DEFAULT_HOLD_SECONDS + 1)
    InboundEvent.objects.update(received_at=past, next_attempt_at=past)


def make_due(outbound: OutboundMessage) -> None:
    OutboundMessage.objects.filter(pk=outbound.pk).update(next_attempt_at=timezone.now())


# -- over real HTTP, both ways -----------------------------------------------------------------


def test_sms_over_http_becomes_one_case_and_one_acknowledgement(live_server, sms_account, gateway):
    url = f"{live_server.url}{WEBHOOK}"
    delivery = gateway.deliver_sms(
        url, CITIZEN, "Lampu PJU mati di Jl. Raya Soreang", message_id="m1"
    )
    assert delivery.status_code == 200
    assert json.loads(delivery.response_body) == {"ok": True, "duplicate": False}
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.PENDING and event.account == sms_account
    assert event.external_id.startswith("sms-bupati:m1@")
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.channel == "sms" and case.description == "Lampu PJU mati di Jl. Raya Soreang"
    assert Contact.objects.get().phone == MSISDN  # "+62 812-3456-7890" normalised
    assert ContactIdentity.objects.get().external_id == MSISDN
    sent = gateway.sent_messages()
    assert len(sent) == 1
    assert sent[0].to == MSISDN and sent[0].from_ == NUMBER and sent[0].id.startswith("sigap-")
    ack = OutboundMessage.objects.get()
    assert sent[0].text == ack.message.text and case.tracking_number in sent[0].text
    assert sent[0].encoding == "gsm7" and sent[0].parts == 3  # not cut
    assert ack.purpose == "ack" and ack.status == "sent"
    assert ack.provider_message_id == f"sms-bupati:{sent[0].gateway_id}"
    request = gateway.requests(path_contains="/send")[0]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["x-sigap-signature"].startswith("sha256=")
    # The gateway retries the same delivery (same id and receive time): nothing new anywhere.
    received_at = json.loads(event.body)["received_at"]
    again = gateway.deliver_sms(url, CITIZEN, "Lampu PJU mati di Jl. Raya Soreang",
                                message_id="m1", received_at=received_at)  # fmt: skip
    assert json.loads(again.response_body) == {"ok": True, "duplicate": True}
    assert process_pending() == [] and Case.objects.count() == 1
    assert len(gateway.sent_messages()) == 1


def test_multipart_out_of_order_over_http_is_one_case_in_order(live_server, sms_account, gateway):
    text = (
        "Selamat siang, saya mau melaporkan jalan berlubang di depan SDN 2 Soreang. "
        "Lubangnya sudah besar dan dalam, sudah ada dua pengendara motor yang jatuh minggu ini. "
        "Mohon segera diperbaiki sebelum musim hujan. Terima kasih."
    )
    url = f"{live_server.url}{WEBHOOK}"
    deliveries = gateway.deliver_multipart(url, CITIZEN, text, 3, order=[3, 1, 2], ref="77")
    assert [d.status_code for d in deliveries] == [200, 200, 200]
    parts = list(InboundEvent.objects.order_by("pk"))
    assert len(parts) == 3  # each part kept raw as its own event
    assert parts[0].next_attempt_at and parts[0].next_attempt_at > timezone.now()  # held
    assert parts[2].next_attempt_at is None  # the last to arrive completes the message
    assert process_pending() == ["skipped", "skipped", "processed"]
    case = Case.objects.get()
    assert case.description == text
    message = Message.objects.get(direction="in")
    assert message.external_id == f"sms:sms-bupati:{MSISDN}:77:{parts[0].pk}"
    assert message.data["multipart"]["parts"] == [1, 2, 3]
    # The held parts come due and find their text already in the case.
    pass_hold_deadline()
    assert process_pending() == ["ignored", "ignored"]
    statuses = set(InboundEvent.objects.values_list("status", flat=True))
    assert statuses == {EventStatus.IGNORED, EventStatus.PROCESSED}
    assert Case.objects.count() == 1 and Message.objects.filter(direction="in").count() == 1
    assert len(gateway.sent_messages()) == 1


# -- inbound through the test client (same bytes, faster) -------------------------------------


def test_duplicate_delivery_makes_nothing_new(client, sms_account, gateway):
    payload = wire("Sampah menumpuk di Pasar Banjaran", message_id="d1")
    assert post(client, payload).json() == {"ok": True, "duplicate": False}
    process_pending()
    assert post(client, payload).json() == {"ok": True, "duplicate": True}
    # A retry re-signed later (new timestamp, same fields) is the same delivery too.
    body = payload.body
    retry = WirePayload(body, sms_standin.signed_headers(SECRET, body))
    assert post(client, retry).json()["duplicate"] is True
    process_pending()
    assert InboundEvent.objects.count() == 1 and Case.objects.count() == 1
    assert len(gateway.sent_messages()) == 1


def test_same_words_sent_twice_are_two_messages_even_with_a_content_derived_id(
    client, sms_account, gateway
):
    # SMS Gateway for Android derives the id from the content: the receive time tells them apart.
    post(
        client, wire("Air PDAM mati", message_id="c0ffee", received_at="2026-11-20T08:00:00+07:00")
    )
    post(
        client, wire("Air PDAM mati", message_id="c0ffee", received_at="2026-11-20T09:30:00+07:00")
    )
    process_pending()
    assert InboundEvent.objects.count() == 2
    case = Case.objects.get()  # the second joined the open case
    assert case.messages.filter(direction="in").count() == 2
    keys = set(Message.objects.filter(direction="in").values_list("external_id", flat=True))
    assert keys == {"sms-bupati:c0ffee@1795136400", "sms-bupati:c0ffee@1795141800"}


def test_gateway_with_unique_ids_dedupes_on_the_id_alone(client, sms_account, gateway):
    sms_account.config["unique_ids"] = True
    sms_account.save()
    post(client, wire("Pohon tumbang", message_id="u1", received_at="2026-11-20T08:00:00+07:00"))
    post(client, wire("Pohon tumbang", message_id="u1", received_at="2026-11-20T08:00:09+07:00"))
    assert InboundEvent.objects.get().external_id == "sms-bupati:u1"


def test_forged_unsigned_or_stale_requests_are_401_and_nothing_stored(client, sms_account, gateway):
    now = int(time.time())
    forged = wire("halo", secret="bukan-rahasia")
    unsigned = wire("halo")
    unsigned.headers.pop("X-Sigap-Signature")
    undated = wire("halo")
    undated.headers.pop("X-Sigap-Timestamp")
    stale = wire("halo", timestamp=now - 400)
    future = wire("halo", timestamp=now + 400)  # margins: a slow run must not cross the limit
    tampered = wire("halo")
    tampered = WirePayload(tampered.body.replace(b"halo", b"hola"), tampered.headers)
    for payload in (forged, unsigned, undated, stale, future, tampered):
        assert post(client, payload).status_code == 401
    assert post(client, wire("halo", timestamp=now - 200)).status_code == 200  # within 5 minutes
    InboundEvent.objects.all().delete()
    forged_report = sms_standin.status_wire("bukan-rahasia", "gw-1", "delivered")
    assert post(client, forged_report, STATUS).status_code == 401
    assert InboundEvent.objects.count() == 0 and Case.objects.count() == 0
    assert gateway.sent_messages() == []


def test_form_encoded_sms_is_accepted(client, sms_account, gateway):
    response = post(
        client, wire("Banjir setinggi lutut di Dayeuhkolot", form=True, sender="0812 3456 7890")
    )
    assert response.status_code == 200
    assert InboundEvent.objects.get().headers["content_type"] == "application/x-www-form-urlencoded"
    process_pending()
    case = Case.objects.get()
    assert case.description == "Banjir setinggi lutut di Dayeuhkolot"
    assert Contact.objects.get().phone == MSISDN  # leading 0 → 62
    assert len(gateway.sent_messages(to=MSISDN)) == 1


def test_multipart_form_parts_missing_one_are_assembled_after_the_hold(
    client, sms_account, gateway
):
    pieces = ["Jembatan gantung di Desa Cikoneng ", "sudah miring dan tali bajanya ", "putus satu."]
    for index in (1, 3):
        parts = {"ref": "9", "index": index, "total": 3}
        post(client, wire(pieces[index - 1], form=True, parts=parts, message_id=f"p{index}"))
    assert process_pending() == ["skipped", "skipped"]  # held, waiting for part 2
    assert Case.objects.count() == 0
    pass_hold_deadline()
    assert process_pending()[0] == "processed"
    case = Case.objects.get()
    assert case.description == pieces[0] + inbound.MISSING_PART + pieces[2]
    first = Message.objects.get(direction="in")
    assert first.data["multipart"]["missing"] == [2]
    # Part 2 turns up after all: its text joins the case as a follow-up, not a new case.
    post(
        client,
        wire(pieces[1], form=True, parts={"ref": "9", "index": 2, "total": 3}, message_id="p2"),
    )
    process_pending()
    assert Case.objects.count() == 1
    late = Message.objects.filter(direction="in").order_by("pk").last()
    assert late.case == case and late.text == pieces[1] and late.data["late_part_of"]
    assert len(gateway.sent_messages()) == 1


def test_malformed_but_signed_body_is_kept_and_ignored(client, sms_account, gateway):
    body = b'{"id": "x1", "from": "0812", broken'
    payload = WirePayload(body, sms_standin.signed_headers(SECRET, body))
    assert post(client, payload).status_code == 200
    no_id = WirePayload(b'{"from": "081234567890", "text": "halo"}', {})
    no_id = WirePayload(no_id.body, sms_standin.signed_headers(SECRET, no_id.body))
    assert post(client, no_id).status_code == 200
    assert process_pending() == ["ignored", "ignored"]
    notes = set(InboundEvent.objects.values_list("last_error", flat=True))
    assert notes == {"isi bukan JSON maupun formulir", "SMS tanpa id"}
    assert Case.objects.count() == 0 and gateway.sent_messages() == []


def test_operator_promotion_is_ignored_and_never_answered(client, sms_account, gateway):
    post(client, wire("Paket internet 10GB hanya Rp10rb!", sender="TELKOMSEL"))
    post(client, wire("Pulsa Anda tinggal Rp500", sender="888"))
    assert process_pending() == ["ignored", "ignored"]
    assert Case.objects.count() == 0 and gateway.sent_messages() == []


def test_unknown_account_is_404_and_big_body_is_413(client, sms_account):
    assert post(client, wire("halo"), "/webhooks/sms/tidak-ada").status_code == 404
    assert post(client, wire("x" * (65 * 1024))).status_code == 413
    assert InboundEvent.objects.count() == 0


# -- delivery reports and sending --------------------------------------------------------------


def acknowledged(client: Any, gateway: sms_standin.SmsGatewayStandin) -> OutboundMessage:
    post(client, wire("Pohon tumbang menutup jalan di Ciwidey"))
    process_pending()
    return OutboundMessage.objects.get()


def test_delivery_report_updates_the_outbox_row_and_never_goes_back(client, sms_account, gateway):
    ack = acknowledged(client, gateway)
    gateway_id = gateway.sent_messages()[0].gateway_id
    for status in ("delivered", "sent", "failed"):
        assert report(client, gateway_id, status, error="late").status_code == 200
        process_pending()
    ack.refresh_from_db()
    assert ack.status == "delivered" and ack.delivered_at is not None
    ack.message.refresh_from_db()
    assert ack.message.status == "delivered"


def test_failed_report_marks_the_row_failed_with_the_gateway_error(client, sms_account, gateway):
    ack = acknowledged(client, gateway)
    report(client, gateway.sent_messages()[0].gateway_id, "failed", error="nomor tidak aktif")
    process_pending()
    ack.refresh_from_db()
    assert ack.status == "failed" and ack.last_error == "nomor tidak aktif"


def test_report_from_another_gateway_cannot_touch_this_row(client, sms_account, gateway, pemda):
    ack = acknowledged(client, gateway)
    gateway_id = gateway.sent_messages()[0].gateway_id
    ChannelAccount.objects.create(
        pemda=pemda, agency=sms_account.agency, kind="sms", code="sms-lain", name="SMS lain",
        external_id="6281100009999", webhook_secret=SECRET,
    )  # fmt: skip
    post(
        client,
        sms_standin.status_wire(SECRET, gateway_id, "delivered"),
        "/webhooks/sms/sms-lain/status",
    )
    process_pending()
    ack.refresh_from_db()
    assert ack.status == "sent"


def test_gateway_5xx_is_retried(client, sms_account, gateway):
    gateway.fail_next(1, status=503, path_contains="/send")
    ack = acknowledged(client, gateway)
    assert ack.status == "queued" and ack.attempts == 1 and "503" in ack.last_error
    assert ack.next_attempt_at > timezone.now()
    make_due(ack)
    assert outbound_send(ack.pk) == "sent"
    assert len(gateway.sent_messages()) == 1


def test_429_retry_after_is_respected(client, sms_account, gateway):
    gateway.rate_limit_next(120)
    ack = acknowledged(client, gateway)
    assert ack.status == "queued" and ack.error_code == "429"
    wait = (ack.next_attempt_at - timezone.now()).total_seconds()
    assert 110 < wait <= 120
    assert outbound_send(ack.pk) == "skipped"  # not before the gateway said so


def test_timeout_is_retried_with_the_same_id_and_sent_once(client, sms_account, gateway, settings):
    settings.SIGAP_HTTP_TIMEOUT_SECONDS = 0.3
    gateway.hang_next(1.0, path_contains="/send")
    ack = acknowledged(client, gateway)
    assert ack.status == "queued" and ack.error_code == "timeout"
    deadline = time.monotonic() + 3
    while not gateway.sent_messages() and time.monotonic() < deadline:
        time.sleep(0.05)  # the gateway finishes the hung request: it did accept the SMS
    make_due(ack)
    assert outbound_send(ack.pk) == "sent"
    sent = gateway.sent_messages()
    assert len(sent) == 1  # the repeated id was recognised: the citizen gets one SMS
    ack.refresh_from_db()
    assert ack.provider_message_id == f"sms-bupati:{sent[0].gateway_id}"


def test_gateway_refusal_is_permanent(client, sms_account, gateway):
    gateway.fail_next(
        1, status=400, body={"error": "nomor tujuan tidak valid"}, path_contains="/send"
    )
    ack = acknowledged(client, gateway)
    assert ack.status == "failed" and ack.error_code == "400"
    assert "nomor tujuan tidak valid" in ack.last_error


def test_long_text_is_truncated_to_max_parts(client, sms_account, gateway):
    ack = acknowledged(client, gateway)
    texts = {
        "gsm7": "Laporan Anda sedang ditangani oleh petugas DPUTR. " * 20,
        "ucs2": "Mohon maaf atas gangguan 🙏 petugas sudah di lokasi. " * 10,
    }
    for encoding, text in texts.items():
        reply = outbound_create(
            case=ack.message.case, account=sms_account, identity=ack.identity, text=text,
            purpose="reply", idempotency_key=f"long-{encoding}", enqueue=False,
        )  # fmt: skip
        assert outbound_send(reply.pk) == "sent"
        sent = gateway.sent_messages()[-1]
        assert sent.encoding == encoding and sent.parts == 3  # the gateway's own count
        assert sent.text.endswith("..." if encoding == "gsm7" else "…")
        assert sent.text[:40] == text[:40]


def test_sms_fit_counts_gsm7_and_ucs2_like_a_phone():
    assert sms_fit("a" * 160) == sms_fit("a" * 160, 3)
    assert sms_fit("a" * 160).parts == 1 and sms_fit("a" * 161).parts == 2
    assert sms_fit("a" * 459).truncated is False and sms_fit("a" * 460).truncated is True
    assert len(sms_fit("a" * 1000).text) == 459
    assert sms_fit("€" * 80).parts == 1 and sms_fit("€" * 81).parts == 2  # € takes two septets
    assert sms_fit("é" * 70).encoding == "gsm7"  # é is in the GSM alphabet
    assert sms_fit("ş" * 70).encoding == "ucs2" and sms_fit("ş" * 70).parts == 1
    assert sms_fit("ş" * 71).parts == 2
    one = sms_fit("x" * 300, 1)
    assert one.truncated and len(one.text) == 160 and one.text.endswith("...")


# -- values no gateway should send: kept, never a 500 (robustness audit) -----------------------


def signed_json(payload: dict[str, Any]) -> WirePayload:
    """``payload`` as JSON exactly as given (``Infinity`` included), signed by the gateway."""
    body = json.dumps(payload).encode()
    return WirePayload(body, sms_standin.signed_headers(SECRET, body))


def sms_with(text: str, message_id: str, **fields: Any) -> dict[str, Any]:
    payload = sms_standin.sms_payload(CITIZEN, text, to=NUMBER, message_id=message_id)
    payload.update(fields)
    return payload


@pytest.mark.parametrize(
    "received_at",
    [
        "99999999999999",  # Unix seconds past year 9999
        10**30,  # a bare number too large for any clock
        "9999-12-31T23:00:00-14:00",  # past 9999 once in UTC, as it is stored
        "0001-01-01T00:00:00",  # before year 1 once the Pemda's zone is taken off
        "kemarin sore",
    ],
)
def test_unreadable_received_at_keeps_the_sms_with_its_arrival_time(
    client, sms_account, gateway, received_at
):
    payload = signed_json(sms_with("Lampu jalan mati di Cangkuang", "t1", received_at=received_at))
    assert post(client, payload).json() == {"ok": True, "duplicate": False}
    event = InboundEvent.objects.get()
    assert event.external_id.startswith("sms-bupati:t1@?")
    # The gateway's retry carries the same value: the same delivery.
    retry = WirePayload(payload.body, sms_standin.signed_headers(SECRET, payload.body))
    assert post(client, retry).json() == {"ok": True, "duplicate": True}
    before = timezone.now()
    assert process_pending() == ["processed"]
    event.refresh_from_db()
    assert "received_at" in event.last_error and "tidak terbaca" in event.last_error
    message = Message.objects.get(direction="in")
    assert message.text == "Lampu jalan mati di Cangkuang"
    assert abs((message.created_at - before).total_seconds()) < 60  # the time it arrived
    assert Case.objects.count() == 1 and len(gateway.sent_messages()) == 1


def test_same_id_with_two_unreadable_times_is_two_messages(client, sms_account, gateway):
    # A content-derived id (SMS Gateway for Android) and a broken clock: still two SMS.
    for stamp in ("99999999999999", "99999999999998"):
        post(client, signed_json(sms_with("Air PDAM mati", "c0ffee", received_at=stamp)))
    assert InboundEvent.objects.count() == 2
    process_pending()
    case = Case.objects.get()
    assert case.messages.filter(direction="in").count() == 2


def test_parts_index_infinity_is_kept_and_ignored_with_a_note(client, sms_account, gateway):
    parts = {"ref": "7", "index": float("inf"), "total": 3}
    payload = signed_json(sms_with("Jembatan retak", "p1", parts=parts))
    assert b'"index": Infinity' in payload.body
    assert post(client, payload).json() == {"ok": True, "duplicate": False}
    event = InboundEvent.objects.get()
    assert event.external_id.startswith("sms-bupati:sha256:")
    assert process_pending() == ["ignored"]
    event.refresh_from_db()
    assert (event.status, event.last_error) == (
        EventStatus.IGNORED,
        "parts.index dan parts.total harus angka",
    )
    assert Case.objects.count() == 0 and gateway.sent_messages() == []


def test_report_with_an_unreadable_time_still_moves_the_row(client, sms_account, gateway):
    ack = acknowledged(client, gateway)
    gateway_id = gateway.sent_messages()[0].gateway_id
    report_ = {"id": gateway_id, "status": "delivered", "at": "99999999999999"}
    assert post(client, signed_json(report_), STATUS).status_code == 200
    before = timezone.now()
    assert process_pending() == ["processed"]
    ack.refresh_from_db()
    assert ack.status == "delivered" and ack.delivered_at is not None
    assert abs((ack.delivered_at - before).total_seconds()) < 60
    event = InboundEvent.objects.get(headers__kind="status")
    assert event.last_error == "at '99999999999999' tidak terbaca; dipakai waktu tiba"
