"""Instagram end to end: signed webhooks in, cases and replies out, over real HTTP.

The Meta stand-in keeps its own reply windows, as Meta does. A real DM opens the window at Meta
before the webhook reaches us; tests that post the webhook directly open it too (`dm_post`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from sigap.cases.models import Case, CaseEvent, EventKind, Message
from sigap.channels.instagram.transport import text_parts
from sigap.channels.models import (
    ChannelAccount,
    Conversation,
    EventStatus,
    InboundEvent,
    OutboundMessage,
)
from sigap.channels.services.events import MAX_ATTEMPTS, inbound_event_process
from sigap.channels.services.outbox import outbound_create, outbound_send
from sigap.channels.services.replies import case_reply_send
from sigap.channels.tests.conftest import post, process_pending
from sigap.contacts.models import ContactIdentity
from sigap.standins import meta as meta_standin
from sigap.standins import payloads
from sigap.standins.core import Fault

IG_ACCOUNT = "17841400000000001"
IGSID = "1135819500000001"
IG_SECRET = "demo-instagram-secret"
IG_TOKEN = "demo-instagram-token"
IG_VERIFY = "demo-instagram-verify"
JPEG = b"\xff\xd8\xff\xe0" + b"foto-sampah" * 50


@pytest.fixture
def meta(settings: Any) -> Iterator[Any]:
    with meta_standin.serve(
        instagram_tokens={IG_ACCOUNT: IG_TOKEN},
        instagram_app_secret=IG_SECRET,
        status_webhooks=False,
    ) as server:
        settings.SIGAP_META_GRAPH_URL = f"{server.url}/v21.0"
        settings.SIGAP_INSTAGRAM_GRAPH_URL = f"{server.url}/v21.0"
        yield server


@pytest.fixture
def ig_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda,
        agency=leader_office,
        kind="instagram",
        code="ig-bupati",
        name="Instagram Bupati",
        external_id=IG_ACCOUNT,
        app_secret=IG_SECRET,
        access_token=IG_TOKEN,
        verify_token=IG_VERIFY,
        config={"api": "instagram_login"},
    )


def dm(text: str | None = "Sampah menumpuk di depan pasar", **kw: Any) -> dict[str, Any]:
    return payloads.instagram_message(text, sender_id=IGSID, recipient_id=IG_ACCOUNT, **kw)


def wire(*items: dict[str, Any], secret: str = IG_SECRET, account_id: str | None = None) -> Any:
    return payloads.instagram_inbound(*items, app_secret=secret, account_id=account_id)


def ig_post(client: Any, payload: Any) -> Any:
    return post(client, payload, "/webhooks/instagram")


def dm_post(client: Any, meta: Any, *items: dict[str, Any]) -> Any:
    meta.open_instagram_window(IG_ACCOUNT, IGSID)  # Meta saw the DM before we did
    return ig_post(client, wire(*items))


def age_conversation(meta: Any, hours: float) -> None:
    """The citizen's last message was `hours` ago, for us and for Meta."""
    at = timezone.now() - timedelta(hours=hours)
    Conversation.objects.update(last_inbound_at=at)
    meta.open_instagram_window(IG_ACCOUNT, IGSID, at=at.timestamp())


def sends(meta: Any) -> list[Any]:
    return meta.requests(path_contains="/messages", method="POST")


def test_verification_handshake(client, ig_account):
    ok = client.get(
        "/webhooks/instagram",
        {"hub.mode": "subscribe", "hub.challenge": "8812", "hub.verify_token": IG_VERIFY},
    )
    assert ok.status_code == 200 and ok.content == b"8812"
    bad = client.get(
        "/webhooks/instagram",
        {"hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "salah"},
    )
    assert bad.status_code == 403


def test_dm_becomes_one_case_and_one_acknowledgement(client, ig_account, meta):
    sent_at = int(time.time() * 1000) - 60_123  # a minute ago, in milliseconds
    response = dm_post(client, meta, dm(mid="ig.M1", timestamp_ms=sent_at))
    assert response.status_code == 200
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.PENDING and event.account == ig_account
    assert event.external_id.startswith("sha256:")
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.channel == "instagram" and case.description == "Sampah menumpuk di depan pasar"
    message = Message.objects.get(direction="in")
    assert message.external_id == "ig.M1" and message.account == ig_account
    assert message.created_at == datetime.fromtimestamp(sent_at / 1000, tz=UTC)
    identity = ContactIdentity.objects.get()
    assert identity.channel == "instagram" and identity.external_id == IGSID
    assert identity.contact.phone == ""
    ack = OutboundMessage.objects.get()
    assert ack.purpose == "ack" and ack.status == "sent" and ack.provider_message_id
    [request] = sends(meta)
    assert request.path == "/v21.0/me/messages"
    assert request.json["recipient"] == {"id": IGSID} and "messaging_type" not in request.json
    assert case.tracking_number in request.json["message"]["text"]
    headers = {k.lower(): v for k, v in request.headers.items()}
    assert headers["authorization"] == f"Bearer {IG_TOKEN}"
    assert CaseEvent.objects.filter(case=case, kind=EventKind.MESSAGE_OUT).count() == 1


def test_echo_of_our_own_message_records_nothing(client, ig_account, meta):
    echo = payloads.instagram_echo("Baik, kami cek", account_id=IG_ACCOUNT, user_id=IGSID)
    assert ig_post(client, wire(echo)).status_code == 200
    assert process_pending() == ["ignored"]
    assert "echo" in InboundEvent.objects.get().last_error
    assert Message.objects.count() == 0 and Case.objects.count() == 0 and sends(meta) == []


def test_redelivery_makes_nothing_new(client, ig_account, meta):
    first = wire(dm("Lampu jalan mati", mid="ig.R1"))
    ig_post(client, first)
    meta.open_instagram_window(IG_ACCOUNT, IGSID)
    process_pending()
    assert ig_post(client, first).status_code == 200  # Meta retries the same bytes
    assert InboundEvent.objects.count() == 1
    # The same mid inside a differently composed batch: a new event, still one message.
    ig_post(client, wire(dm("Lampu jalan mati", mid="ig.R1"), dm("sudah 3 hari", mid="ig.R2")))
    process_pending()
    assert Case.objects.count() == 1
    assert Message.objects.filter(external_id="ig.R1").count() == 1
    assert Message.objects.filter(external_id="ig.R2").count() == 1  # joined the open case
    assert OutboundMessage.objects.count() == 1 and len(sends(meta)) == 1


def test_forged_or_missing_signature_is_refused_and_nothing_stored(client, ig_account, meta):
    assert ig_post(client, wire(dm(), secret="bukan-rahasia")).status_code == 403
    unsigned = wire(dm())
    unsigned.headers.pop("X-Hub-Signature-256")
    assert ig_post(client, unsigned).status_code == 403
    # The Meta app secret is not the Instagram app secret.
    assert ig_post(client, wire(dm(), secret="demo-app-secret")).status_code == 403
    assert InboundEvent.objects.count() == 0 and Case.objects.count() == 0


def test_malformed_but_signed_body_is_kept_and_ignored(client, ig_account):
    body = b'{"object": "instagram", "entry": [ broken'
    signed = payloads.WirePayload(body, {"X-Hub-Signature-256": payloads.sign(body, IG_SECRET)})
    assert ig_post(client, signed).status_code == 200
    assert process_pending() == ["ignored"]
    assert "JSON" in InboundEvent.objects.get().last_error and Case.objects.count() == 0


def test_unknown_account_is_kept_for_admins(client, ig_account):
    other = payloads.instagram_message("halo", sender_id=IGSID, recipient_id="999")
    assert ig_post(client, wire(other)).status_code == 200
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.UNROUTABLE and "999" in event.last_error
    assert process_pending() == [] and Case.objects.count() == 0


def test_body_over_the_maximum_is_413(client, ig_account, settings):
    settings.SIGAP_WEBHOOK_MAX_BYTES = 1000
    assert ig_post(client, wire(dm("x" * 2000))).status_code == 413
    assert InboundEvent.objects.count() == 0


def test_image_is_downloaded_and_a_shared_reel_kept_as_link(client, ig_account, meta):
    media = meta.add_media(JPEG, "image/jpeg")
    reel = "https://www.instagram.com/reel/C0ntoh/"
    attachments = [
        payloads.instagram_attachment("image", meta.instagram_cdn_url(media.media_id)),
        payloads.instagram_attachment("ig_reel", reel),
    ]
    dm_post(client, meta, dm("Foto sampah", attachments=attachments))
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    attachment = case.attachments.get()
    assert attachment.content_type == "image/jpeg" and attachment.file.read() == JPEG
    assert case.description == f"Foto sampah\n[reel dibagikan] {reel}"
    assert Message.objects.get(direction="in").data["attachments"] == ["image", "ig_reel"]
    assert len(meta.requests(path_contains="/ig_messaging_cdn")) == 1


def test_download_failure_is_retried_then_given_up_with_a_note(client, ig_account, meta):
    media = meta.add_media(JPEG, "image/jpeg")
    meta.fail_next(None, status=503, path_contains="/ig_messaging_cdn")
    image = payloads.instagram_attachment("image", meta.instagram_cdn_url(media.media_id))
    dm_post(client, meta, dm("Foto jalan", attachments=[image]))
    assert process_pending() == ["failed"]
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.FAILED and "503" in event.last_error
    assert Case.objects.count() == 0
    # The last attempt keeps the complaint without its photo.
    InboundEvent.objects.filter(pk=event.pk).update(
        attempts=MAX_ATTEMPTS - 1, next_attempt_at=timezone.now()
    )
    assert inbound_event_process(event.pk) == "processed"
    case = Case.objects.get()
    assert case.description == "Foto jalan\n[lampiran gagal diunduh]"
    assert not case.attachments.exists()
    assert "gave up" in InboundEvent.objects.get().last_error


def test_expired_cdn_url_is_given_up_at_once(client, ig_account, meta):
    image = payloads.instagram_attachment(
        "image", f"{meta.url}/ig_messaging_cdn/?asset_id=1&signature=kedaluwarsa"
    )
    dm_post(client, meta, dm("Foto", attachments=[image]))
    assert process_pending() == ["processed"]  # a 403 never heals: no minutes of retries
    assert Case.objects.get().description == "Foto\n[lampiran gagal diunduh]"


def test_staff_reply_after_30_hours_uses_human_agent(client, ig_account, meta, staff_a):
    dm_post(client, meta, dm())
    process_pending()
    age_conversation(meta, hours=30)
    case = Case.objects.get()
    reply = case_reply_send(case=case, text="Petugas sudah ke lokasi.", actor=staff_a, key="k1")
    assert outbound_send(reply.pk) == "sent"
    body = sends(meta)[-1].json
    assert body["messaging_type"] == "MESSAGE_TAG" and body["tag"] == "HUMAN_AGENT"
    assert body["message"]["text"] == "Petugas sudah ke lokasi."
    reply.refresh_from_db()
    assert reply.status == "sent" and reply.provider_message_id


def test_human_agent_can_be_switched_off_per_account(client, ig_account, meta, staff_a):
    dm_post(client, meta, dm())
    process_pending()
    ig_account.config = {"api": "instagram_login", "human_agent": False}
    ig_account.save()
    age_conversation(meta, hours=30)
    reply = case_reply_send(case=Case.objects.get(), text="Halo", actor=staff_a, key="k1")
    assert outbound_send(reply.pk) == "failed"


def test_automatic_message_after_30_hours_fails_permanently(client, ig_account, meta):
    dm_post(client, meta, dm())
    process_pending()
    age_conversation(meta, hours=30)
    ack = OutboundMessage.objects.get()
    update = outbound_create(
        case=Case.objects.get(), account=ig_account, identity=ack.identity,
        text="Status laporan Anda berubah.", purpose="status_update", idempotency_key="st:1",
    )  # fmt: skip
    assert outbound_send(update.pk) == "failed"
    update.refresh_from_db()
    assert update.last_error.startswith("Instagram tidak mengizinkan pesan otomatis")
    assert "gunakan kanal lain" in update.last_error and update.error_code == "window_24h"
    assert update.message.status == "failed"
    assert len(sends(meta)) == 1  # only the acknowledgement went out


def test_nothing_goes_out_after_8_days(client, ig_account, meta, staff_a):
    dm_post(client, meta, dm())
    process_pending()
    age_conversation(meta, hours=8 * 24)
    reply = case_reply_send(case=Case.objects.get(), text="Maaf terlambat", actor=staff_a, key="k")
    assert outbound_send(reply.pk) == "failed"
    reply.refresh_from_db()
    assert "jendela 7 hari" in reply.last_error and reply.error_code == "window_7d"
    assert len(sends(meta)) == 1


def test_graph_window_refusal_is_permanent(client, ig_account, meta):
    dm_post(client, meta, dm())
    meta.close_instagram_window(IG_ACCOUNT, IGSID)  # Meta disagrees with our clock
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "failed" and ack.error_code == "10/2534022"
    assert "gunakan kanal lain" in ack.last_error


@pytest.mark.parametrize(
    ("fault", "expected_delay"),
    [
        ({"graph_error": 4}, 60),
        ({"status": 400, "graph_error": 613, "headers": {"Retry-After": "7"}}, 7),
    ],
)
def test_rate_limit_is_requeued_with_retry_after(client, ig_account, meta, fault, expected_delay):
    meta.add_fault(meta.fault_from_spec({"path_contains": "/me/messages", **fault}))
    dm_post(client, meta, dm())
    before = timezone.now()
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "queued" and ack.attempts == 1
    assert ack.error_code == str(fault["graph_error"])
    delay = (ack.next_attempt_at - before).total_seconds()
    assert expected_delay - 1 <= delay <= expected_delay + 5
    OutboundMessage.objects.filter(pk=ack.pk).update(next_attempt_at=timezone.now())
    assert outbound_send(ack.pk) == "sent"


def test_graph_5xx_is_retried_and_expired_token_is_not(client, ig_account, meta):
    meta.fail_next(1, status=503, path_contains="/me/messages")
    dm_post(client, meta, dm(mid="ig.F1"))
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "queued" and "503" in ack.last_error
    meta.add_fault(Fault(1, "/me/messages", status=401, body={"error": {"code": 190}}))
    OutboundMessage.objects.filter(pk=ack.pk).update(next_attempt_at=timezone.now())
    assert outbound_send(ack.pk) == "failed"
    ack.refresh_from_db()
    assert ack.error_code == "190" and "Token akses Instagram" in ack.last_error


def test_long_reply_is_split_into_parts_of_at_most_1000_bytes(client, ig_account, meta, staff_a):
    dm_post(client, meta, dm())
    process_pending()
    text = " ".join(f"langkah-{n} sudah dikerjakan 👷🏽‍♀️" for n in range(60))
    reply = case_reply_send(case=Case.objects.get(), text=text, actor=staff_a, key="panjang")
    assert outbound_send(reply.pk) == "sent"
    parts = [r.json["message"]["text"] for r in sends(meta)[1:]]
    assert len(parts) >= 3 and all(len(p.encode()) <= 1000 for p in parts)
    assert " ".join(parts) == text
    reply.refresh_from_db()
    recorded = reply.message.data["instagram_parts_sent"]
    assert len(recorded) == len(parts) and recorded[-1] == reply.provider_message_id


def test_a_retried_multi_part_send_does_not_repeat_accepted_parts(
    client, ig_account, meta, staff_a
):
    dm_post(client, meta, dm())
    process_pending()
    text = " ".join(f"kata{n:03d}" for n in range(300))  # 2,399 bytes: three parts
    reply = case_reply_send(case=Case.objects.get(), text=text, actor=staff_a, key="lanjut")
    # The first attempt got part 1 accepted, then the second part failed.
    meta.fail_next(1, status=503, path_contains="/me/messages")
    Message.objects.filter(pk=reply.message_id).update(
        data={**reply.message.data, "instagram_parts_sent": ["ig.part1"]}
    )
    assert outbound_send(reply.pk) == "retry"
    OutboundMessage.objects.filter(pk=reply.pk).update(next_attempt_at=timezone.now())
    assert outbound_send(reply.pk) == "sent"
    delivered = [r.json["message"]["text"] for r in sends(meta)[1:] if r.json]
    expected = text_parts(text)
    assert delivered[-2:] == expected[1:]  # the failed try, then parts 2 and 3 only
    assert expected[0] not in delivered


def test_text_parts_never_break_a_character():
    prayer = "🙏" * 400  # 1,600 bytes without a space
    assert text_parts(f"Terima kasih {prayer}") == ["Terima kasih", "🙏" * 250, "🙏" * 150]
    euro = "€" * 400  # 3 bytes each: byte 1,000 falls inside a character
    assert text_parts(euro) == ["€" * 333, "€" * 67]
    assert text_parts("  singkat  ") == ["singkat"]
    assert text_parts("a\n\nb") == ["a\n\nb"]


def test_reaction_joins_an_open_case_and_never_opens_one(client, ig_account, meta):
    def reaction(mid: str, stamp: int) -> dict[str, Any]:
        return {
            "sender": {"id": IGSID}, "recipient": {"id": IG_ACCOUNT}, "timestamp": stamp,
            "reaction": {"mid": mid, "action": "react", "reaction": "love", "emoji": "❤️"},
        }  # fmt: skip

    ig_post(client, wire(reaction("ig.none", 1767225600000)))
    assert process_pending() == ["ignored"] and Case.objects.count() == 0
    dm_post(client, meta, dm())
    process_pending()
    ack = OutboundMessage.objects.get()
    ig_post(client, wire(reaction(ack.provider_message_id, 1767225700000)))
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    joined = case.messages.filter(direction="in").order_by("pk").last()
    assert joined.text == "[reaksi ❤️]" and joined.data["reacted_to"] == ack.provider_message_id
    assert OutboundMessage.objects.count() == 1


def test_postback_quick_reply_and_story_reply(client, ig_account, meta):
    postback = {
        "sender": {"id": IGSID}, "recipient": {"id": IG_ACCOUNT}, "timestamp": 1767225600000,
        "postback": {"mid": "ig.P1", "title": "Lapor jalan rusak", "payload": "LAPOR_JALAN"},
    }  # fmt: skip
    dm_post(client, meta, postback)
    process_pending()
    case = Case.objects.get()
    assert case.description == "Lapor jalan rusak"
    assert Message.objects.get(external_id="ig.P1").data["payload"] == "LAPOR_JALAN"
    quick = dm("Ya", mid="ig.Q1", quick_reply_payload="KONFIRMASI", reply_to_mid="ig.P1")
    story = dm("Ini lokasinya", mid="ig.S1")
    story["message"]["reply_to"] = {"story": {"id": "st1", "url": "https://cdn.example/st1"}}
    ig_post(client, wire(quick, story))
    process_pending()
    quick_message = Message.objects.get(external_id="ig.Q1")
    assert quick_message.data["quick_reply"] == "KONFIRMASI"
    assert quick_message.data["reply_to"] == "ig.P1"
    assert Message.objects.get(external_id="ig.S1").text.endswith(
        "[membalas story] https://cdn.example/st1"
    )


def test_deleted_and_unsupported_messages_are_skipped(client, ig_account, meta):
    deleted = dm(None, mid="ig.D1")
    deleted["message"]["is_deleted"] = True
    unsupported = dm(None, mid="ig.U1")
    unsupported["message"]["is_unsupported"] = True
    ig_post(client, wire(deleted, unsupported))
    assert process_pending() == ["ignored"]
    notes = InboundEvent.objects.get().last_error
    assert "unsent" in notes and "unsupported" in notes and Message.objects.count() == 0


def test_read_receipt_marks_the_acknowledgement_read(client, ig_account, meta):
    dm_post(client, meta, dm())
    process_pending()
    ack = OutboundMessage.objects.get()
    seen = {
        "sender": {"id": IGSID}, "recipient": {"id": IG_ACCOUNT},
        "timestamp": int(time.time() * 1000), "read": {"mid": ack.provider_message_id},
    }  # fmt: skip
    ig_post(client, wire(seen))
    assert process_pending() == ["processed"]
    ack.refresh_from_db()
    assert ack.status == "read" and ack.read_at is not None


def test_the_webhook_reads_every_account_the_parser_will_read():
    from sigap.channels.instagram.views import account_ids

    body = {"object": "instagram", "entry": [1, "x", {"id": "17841400000000001"}, {"id": 7}]}
    assert account_ids(body) == {"17841400000000001", "7"}
    assert account_ids({"entry": "x"}) == set() and account_ids([]) == set()
