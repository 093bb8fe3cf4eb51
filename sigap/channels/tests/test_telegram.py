"""Telegram end to end: secret-checked updates in, cases and acknowledgements out, over HTTP."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sigap.cases.models import Case, CaseEvent, EventKind, Message
from sigap.catalog.models import Priority
from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent, OutboundMessage
from sigap.channels.services.events import MAX_ATTEMPTS
from sigap.channels.services.outbox import outbound_send
from sigap.channels.services.replies import case_reply_send
from sigap.channels.telegram.transport import text_chunks
from sigap.channels.tests.conftest import BOT_ID, BOT_TOKEN, post, process_pending
from sigap.contacts.models import Contact, ContactIdentity
from sigap.standins import payloads
from sigap.standins.telegram.model import TelegramFile

SECRET = "demo-telegram-secret_2026"
CODE = "tg-bupati"
USER_ID = payloads.DEFAULT_TELEGRAM_USER_ID  # 7123456789: more than 32 bits
_update_ids = itertools.count(834_512_077)


@pytest.fixture
def tg_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="telegram", code=CODE, name="Telegram Bupati",
        external_id=BOT_ID, access_token=BOT_TOKEN, webhook_secret=SECRET,
    )  # fmt: skip


def update(update_id: int | None = None, **content: Any) -> dict[str, Any]:
    return payloads.telegram_update(
        next(_update_ids) if update_id is None else update_id, **content
    )


def text(body: str, **kwargs: Any) -> dict[str, Any]:
    return update(message=payloads.telegram_message(body, **kwargs))


def deliver(client: Any, upd: dict[str, Any], *, secret: str | None = SECRET, code: str = CODE):
    return post(client, payloads.telegram_wire(upd, secret), path=f"/webhooks/telegram/{code}")


def sent_texts(telegram: Any) -> list[str]:
    return [r.json["text"] for r in telegram.requests(path_contains="/sendMessage")]


def test_text_update_becomes_one_case_and_one_acknowledgement(
    client, tg_account, telegram, django_capture_on_commit_callbacks
):
    upd = text("Saluran air tersumbat di RW 03", message_id=4512)
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, upd)
    assert response.status_code == 200
    event = InboundEvent.objects.get()
    assert event.external_id == f"{CODE}:{upd['update_id']}" and event.account == tg_account
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.channel == "telegram" and case.description == "Saluran air tersumbat di RW 03"
    inbound = Message.objects.get(direction="in")
    assert inbound.external_id == f"tg:{BOT_ID}:{USER_ID}:4512"
    assert inbound.data["username"] == "andiw" and inbound.account == tg_account
    identity = ContactIdentity.objects.get()
    assert identity.external_id == str(USER_ID) and identity.contact.display_name == "Andi Wijaya"
    ack = OutboundMessage.objects.get()
    [sent] = telegram.sent_messages(USER_ID)
    assert ack.status == "sent" and ack.provider_message_id == f"{USER_ID}:{sent['message_id']}"
    [request] = telegram.requests(path_contains="/sendMessage")
    assert request.path == f"/bot{BOT_TOKEN}/sendMessage"
    assert request.json["chat_id"] == USER_ID and "parse_mode" not in request.json
    assert case.tracking_number in request.json["text"] and "reply_markup" not in request.json
    assert CaseEvent.objects.filter(case=case, kind=EventKind.MESSAGE_OUT).count() == 1


def test_redelivered_update_makes_nothing_new(client, tg_account, telegram):
    upd = text("Sampah menumpuk di pasar", message_id=77)
    deliver(client, upd)
    process_pending()
    assert deliver(client, upd).status_code == 200  # Telegram retries the same update_id
    assert InboundEvent.objects.count() == 1
    # The same message under another update_id (should never happen, but ids are the key).
    again = {**upd, "update_id": next(_update_ids)}
    deliver(client, again)
    process_pending()
    assert Case.objects.count() == 1 and Message.objects.filter(direction="in").count() == 1
    assert len(sent_texts(telegram)) == 1


@pytest.mark.parametrize("secret", ["salah-rahasia", None, SECRET + "x"])
def test_wrong_or_missing_secret_is_refused_and_nothing_stored(
    client, tg_account, telegram, secret
):
    assert deliver(client, text("halo"), secret=secret).status_code == 403
    assert InboundEvent.objects.count() == 0 and Case.objects.count() == 0
    assert telegram.requests() == []


def test_unknown_or_inactive_account_code_is_refused(client, tg_account, telegram):
    assert deliver(client, text("halo"), code="tidak-ada").status_code == 403
    ChannelAccount.objects.filter(pk=tg_account.pk).update(is_active=False)
    assert deliver(client, text("halo")).status_code == 403
    assert InboundEvent.objects.count() == 0


def test_account_without_secret_accepts_nothing(client, tg_account, telegram):
    tg_account.webhook_secret = ""
    tg_account.save()
    assert deliver(client, text("halo"), secret=None).status_code == 403
    assert InboundEvent.objects.count() == 0


def test_malformed_json_is_stored_and_ignored(client, tg_account, telegram):
    wire = payloads.WirePayload(
        b'{"update_id": 1, "message": {broken', {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    assert post(client, wire, path=f"/webhooks/telegram/{CODE}").status_code == 200
    event = InboundEvent.objects.get()
    assert event.external_id.startswith(f"{CODE}:sha256:")
    assert process_pending() == ["ignored"]
    event.refresh_from_db()
    assert event.status == EventStatus.IGNORED and "JSON" in event.last_error
    assert Case.objects.count() == 0 and telegram.requests() == []


def test_body_over_one_megabyte_is_413(client, tg_account, telegram):
    response = deliver(client, text("x" * (1024 * 1024 + 10)))
    assert response.status_code == 413 and InboundEvent.objects.count() == 0


def test_photo_is_downloaded_largest_size(client, tg_account, telegram):
    jpeg = b"\xff\xd8\xff\xe0" + b"foto-pohon-tumbang" * 40
    telegram.add_file(jpeg, file_id="AgAC-large", file_path="photos/file_7.jpg")
    photo = payloads.telegram_photo("AgAC-large")
    deliver(client, update(message=payloads.telegram_message(caption="Pohon tumbang", photo=photo)))
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    attachment = case.attachments.get()
    assert attachment.content_type == "image/jpeg" and attachment.file.read() == jpeg
    assert case.description == "Pohon tumbang"
    [get_file] = telegram.requests(path_contains="/getFile")
    assert get_file.json["file_id"] == "AgAC-large"  # not the "-s" thumbnail
    assert telegram.requests(path_contains=f"/file/bot{BOT_TOKEN}/photos/file_7.jpg")


def test_document_and_voice_are_downloaded(client, tg_account, telegram):
    pdf = b"%PDF-1.4 surat keterangan"
    telegram.add_file(pdf, file_id="BQAC-doc", file_path="documents/file_1.pdf")
    document = {"file_id": "BQAC-doc", "file_unique_id": "AgADdoc", "file_name": "surat.pdf",
                "mime_type": "application/pdf", "file_size": len(pdf)}  # fmt: skip
    deliver(client, update(message=payloads.telegram_message(document=document)))
    ogg = b"OggS" + b"\x00" * 60
    telegram.add_file(ogg, file_id="AwAC-voice", file_path="voice/file_2.oga")
    voice = {"file_id": "AwAC-voice", "file_unique_id": "AgADvoc", "duration": 3,
             "mime_type": "audio/ogg"}  # fmt: skip
    deliver(client, update(message=payloads.telegram_message(voice=voice)))
    process_pending()
    case = Case.objects.get()  # the voice note followed up on the open case
    assert sorted(a.content_type for a in case.attachments.all()) == [
        "application/pdf",
        "audio/ogg",
    ]
    assert case.attachments.filter(original_name="surat.pdf").exists()


def test_file_download_failure_is_retried_then_given_up_with_a_note(client, tg_account, telegram):
    photo = payloads.telegram_photo("AgAC-hilang")
    telegram.fail_next(1, status=502, path_contains="/getFile")
    deliver(client, update(message=payloads.telegram_message(caption="Foto", photo=photo)))
    assert process_pending() == ["failed"]
    event = InboundEvent.objects.get()
    assert (
        event.status == EventStatus.FAILED and event.next_attempt_at and Case.objects.count() == 0
    )
    # The last attempt: the complaint is kept without its file.
    InboundEvent.objects.filter(pk=event.pk).update(
        attempts=MAX_ATTEMPTS - 1, next_attempt_at=None, status=EventStatus.PENDING
    )
    assert process_pending() == ["processed"]
    event.refresh_from_db()
    assert "AgAC-hilang" in event.last_error and "gave up" in event.last_error
    assert Case.objects.get().description == "Foto\n[lampiran gagal diunduh]"


def test_location_sets_the_case_point(client, tg_account, telegram):
    location = payloads.telegram_location(-7.0235, 107.5275, horizontal_accuracy=12.5)
    deliver(client, update(message=payloads.telegram_message(location=location)))
    process_pending()
    case = Case.objects.get()
    assert (round(case.latitude, 4), round(case.longitude, 4)) == (-7.0235, 107.5275)


def test_location_after_the_report_locates_the_open_case(client, tg_account, telegram):
    deliver(client, text("Banjir setinggi lutut"))
    process_pending()
    location = payloads.telegram_location(-6.9858, 107.6301)
    deliver(client, update(message=payloads.telegram_message(location=location)))
    process_pending()
    case = Case.objects.get()
    assert round(case.latitude, 4) == -6.9858
    assert CaseEvent.objects.filter(case=case, kind=EventKind.LOCATION).exists()


def test_own_contact_stores_the_phone_and_someone_elses_does_not(client, tg_account, telegram):
    deliver(client, text("Lampu PJU mati"))
    process_pending()
    others = payloads.telegram_contact("+62 811-2222-333", "Pak RT", user_id=555)
    deliver(client, update(message=payloads.telegram_message(contact=others)))
    process_pending()
    assert Contact.objects.get().phone == ""
    own = payloads.telegram_contact("+6281234567890", "Andi", user_id=USER_ID)
    deliver(client, update(message=payloads.telegram_message(contact=own)))
    process_pending()
    assert Contact.objects.get().phone == "6281234567890"
    assert Case.objects.get().messages.filter(direction="in").count() == 3


def test_own_contact_as_first_message_creates_the_contact_with_the_phone(
    client, tg_account, telegram
):
    own = payloads.telegram_contact("081234567890", "Andi", user_id=USER_ID)
    deliver(client, update(message=payloads.telegram_message(contact=own)))
    process_pending()
    assert Contact.objects.get().phone == "6281234567890"


def test_blocked_chat_fails_the_send_and_marks_the_identity_unreachable(
    client, tg_account, telegram
):
    telegram.block_chat(USER_ID)
    deliver(client, text("Jalan berlubang"))
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "failed" and ack.error_code == "403"
    assert "blocked by the user" in ack.last_error and BOT_TOKEN not in ack.last_error
    assert ack.message.status == "failed"
    assert not ContactIdentity.objects.get().is_reachable
    assert Case.objects.count() == 1  # the complaint itself is kept


def test_rate_limit_requeues_after_retry_after(client, tg_account, telegram):
    telegram.rate_limit_next(14, api_method="sendMessage")
    deliver(client, text("Parkir liar di trotoar"))
    before = timezone.now()
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "queued" and ack.error_code == "429" and ack.attempts == 1
    wait = (ack.next_attempt_at - before).total_seconds()
    assert 13 <= wait <= 16
    OutboundMessage.objects.filter(pk=ack.pk).update(next_attempt_at=timezone.now())
    assert outbound_send(ack.pk) == "sent"


def test_server_error_is_retried_with_backoff(client, tg_account, telegram):
    telegram.fail_next(1, status=502, path_contains="/sendMessage")
    deliver(client, text("Air PDAM keruh"))
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "queued" and ack.error_code == "502" and ack.next_attempt_at


def test_bot_blocked_in_my_chat_member_makes_the_identity_unreachable(client, tg_account, telegram):
    deliver(client, text("Sampah belum diangkut"))
    process_pending()
    chat = payloads.telegram_private_chat(payloads.telegram_user())
    change = {
        "chat": chat, "from": payloads.telegram_user(), "date": 1767225600,
        "old_chat_member": {"user": {"id": int(BOT_ID), "is_bot": True}, "status": "member"},
        "new_chat_member": {"user": {"id": int(BOT_ID), "is_bot": True}, "status": "kicked",
                            "until_date": 0},
    }  # fmt: skip
    deliver(client, update(my_chat_member=change))
    assert process_pending() == ["ignored"]
    assert not ContactIdentity.objects.get().is_reachable
    assert Case.objects.count() == 1 and Message.objects.filter(direction="in").count() == 1
    assert "blocked" in InboundEvent.objects.order_by("-pk").first().last_error
    # Restarting the bot makes them reachable again.
    restarted = {**change, "new_chat_member": {"user": {"id": int(BOT_ID)}, "status": "member"}}
    deliver(client, update(my_chat_member=restarted))
    process_pending()
    assert ContactIdentity.objects.get().is_reachable


def test_follow_up_and_edit_join_the_open_case(client, tg_account, telegram):
    first = payloads.telegram_message("Lampu jalan mati", message_id=10)
    deliver(client, update(message=first))
    process_pending()
    deliver(client, text("Sudah 3 hari", message_id=11))
    edited = {**first, "text": "Lampu jalan mati di Jl. Merdeka", "edit_date": first["date"] + 60}
    deliver(client, update(edited_message=edited))
    process_pending()
    case = Case.objects.get()
    texts = list(case.messages.filter(direction="in").order_by("pk").values_list("text", flat=True))
    assert texts[1:] == ["Sudah 3 hari", "[pesan diubah] Lampu jalan mati di Jl. Merdeka"]
    ids = set(case.messages.filter(direction="in").values_list("external_id", flat=True))
    assert f"tg:{BOT_ID}:{USER_ID}:10:edit:{edited['edit_date']}" in ids and len(ids) == 3
    assert OutboundMessage.objects.count() == 1


def test_live_location_edits_and_edited_captions_store_nothing_twice(client, tg_account, telegram):
    jpeg = b"\xff\xd8\xff\xe0" + b"foto" * 40
    telegram.add_file(jpeg, file_id="AgAC-once")
    photo = payloads.telegram_message(
        caption="Got mampet", photo=payloads.telegram_photo("AgAC-once")
    )
    deliver(client, update(message=photo))
    live = payloads.telegram_message(location=payloads.telegram_location(-6.9, 107.6))
    deliver(client, update(message=live))
    process_pending()
    for lat in (-6.9001, -6.9002):  # a live location moves by editing its message
        moved = {**live, "location": payloads.telegram_location(lat, 107.6), "edit_date": 1}
        deliver(client, update(edited_message=moved))
    deliver(client, update(edited_message={**photo, "caption": "Got mampet total", "edit_date": 2}))
    process_pending()
    case = Case.objects.get()
    assert case.attachments.count() == 1 and len(telegram.requests(path_contains="/getFile")) == 1
    assert case.messages.filter(direction="in").count() == 3
    assert case.messages.filter(text="[pesan diubah] Got mampet total").exists()
    assert round(case.latitude, 4) == -6.9


def test_status_question_is_answered(client, tg_account, telegram):
    deliver(client, text("Banjir di Dayeuhkolot"))
    process_pending()
    case = Case.objects.get()
    deliver(client, text(f"cek status {case.tracking_number.lower()}"))
    process_pending()
    answer = OutboundMessage.objects.get(purpose="status_answer")
    assert answer.status == "sent" and case.tracking_number in answer.message.text
    assert "Status laporan" in sent_texts(telegram)[-1] and Case.objects.count() == 1


def test_callback_query_data_is_treated_as_text(client, tg_account, telegram):
    deliver(client, text("Pohon tumbang"))
    process_pending()
    case = Case.objects.get()
    bot_message = telegram.sent_messages(USER_ID)[0]
    query = payloads.telegram_callback_query(
        f"cek status {case.tracking_number}", message=bot_message, query_id="4382bfdwdsb323b2d9"
    )
    deliver(client, update(callback_query=query))
    process_pending()
    asked = Message.objects.get(external_id=f"tg:{BOT_ID}:{USER_ID}:cb:4382bfdwdsb323b2d9")
    assert asked.data["intent"] == "status_question"
    assert OutboundMessage.objects.filter(purpose="status_answer", status="sent").count() == 1


def test_group_chats_are_ignored(client, tg_account, telegram):
    group = {"id": -1001234567890, "type": "supergroup", "title": "Warga RW 03"}
    deliver(client, update(message=payloads.telegram_message("halo bot", chat=group)))
    assert process_pending() == ["ignored"]
    assert "supergroup chat -1001234567890 ignored" in InboundEvent.objects.get().last_error
    assert Case.objects.count() == 0 and Contact.objects.count() == 0


def test_long_staff_reply_is_split_into_several_messages(client, tg_account, telegram):
    deliver(client, text("Trotoar rusak"))
    process_pending()
    case = Case.objects.get()
    paragraph = "Petugas sudah meninjau lokasi dan menjadwalkan perbaikan. " * 40
    reply = case_reply_send(case=case, text="\n".join([paragraph] * 3), actor=None, key="r1")
    assert outbound_send(reply.pk) == "sent"
    # 7,000 characters: cut at the paragraph breaks, never inside a word.
    assert sent_texts(telegram)[1:] == [paragraph.strip()] * 3
    reply.refresh_from_db()
    first = telegram.sent_messages(USER_ID)[1]["message_id"]
    assert reply.provider_message_id == f"{USER_ID}:{first}"


def test_text_chunks_respect_utf16_length():
    assert text_chunks("halo") == ["halo"]
    emoji = "🚧" * 3000  # 6,000 UTF-16 units
    parts = text_chunks(emoji)
    assert "".join(parts) == emoji and all(len(p.encode("utf-16-le")) <= 8192 for p in parts)
    assert text_chunks("   ") == []


def test_emergency_acknowledgement_offers_a_location_button(client, tg_account, telegram):
    telegram.fail_next(1, status=503, path_contains="/sendMessage")
    deliver(client, text("Kebakaran rumah di Gang Mawar"))
    process_pending()
    Case.objects.update(priority=Priority.EMERGENCY)  # as triage would mark it
    ack = OutboundMessage.objects.get()
    OutboundMessage.objects.filter(pk=ack.pk).update(next_attempt_at=timezone.now())
    assert outbound_send(ack.pk) == "sent"
    markup = telegram.requests(path_contains="/sendMessage")[-1].json["reply_markup"]
    assert markup["keyboard"][0][0] == {"text": "Kirim lokasi", "request_location": True}


def test_set_webhook_and_webhook_info_commands(tg_account, telegram):
    out = StringIO()
    url = f"https://lapor.example.go.id/webhooks/telegram/{CODE}"
    call_command("telegram", "set-webhook", CODE, "--url", url, stdout=out)
    assert "Webhook was set" in out.getvalue()
    hook = telegram.bot(BOT_TOKEN).webhook
    assert hook.url == url and hook.secret_token == SECRET
    assert hook.allowed_updates == ["message", "edited_message", "callback_query", "my_chat_member"]
    out = StringIO()
    call_command("telegram", "webhook-info", CODE, stdout=out)
    assert json.loads(out.getvalue())["url"] == url
    with pytest.raises(CommandError):
        call_command("telegram", "webhook-info", "tidak-ada")


def test_set_webhook_refuses_a_secret_telegram_would_reject(tg_account, telegram):
    tg_account.webhook_secret = "ada spasi!"
    tg_account.save()
    with pytest.raises(CommandError, match="secret_token"):
        call_command("telegram", "set-webhook", CODE, "--url", "https://x.example/")
    assert telegram.requests(path_contains="/setWebhook") == []


@pytest.mark.django_db(transaction=True)
def test_update_delivered_by_the_stand_in_over_http(live_server, tg_account, telegram):
    """The whole loop: setWebhook, Telegram POSTs the update, the worker answers."""
    url = f"{live_server.url}/webhooks/telegram/{CODE}"
    call_command("telegram", "set-webhook", CODE, "--url", url, stdout=StringIO())
    delivery = telegram.deliver_message(BOT_TOKEN, payloads.telegram_message("Jembatan retak"))
    assert delivery is not None and delivery.status_code == 200
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.tracking_number in telegram.sent_messages(USER_ID)[0]["text"]


# -- values Telegram should never send: the message is kept (robustness audit) ---------------


def test_photo_sizes_with_unreadable_dimensions_still_give_the_usable_one(
    client, tg_account, telegram
):
    jpeg = b"\xff\xd8\xff\xe0" + b"foto-jalan" * 40
    telegram.add_file(jpeg, file_id="AgAC-lebar", file_path="photos/file_9.jpg")
    [small, large] = payloads.telegram_photo("AgAC-lebar")
    small["width"] = "wide"
    odd = {"file_id": "AgAC-aneh", "file_unique_id": "aneh", "width": float("inf"), "height": 9}
    photo = [small, large, odd]
    deliver(client, update(message=payloads.telegram_message(caption="Jalan amblas", photo=photo)))
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.description == "Jalan amblas" and case.attachments.get().file.read() == jpeg
    [get_file] = telegram.requests(path_contains="/getFile")
    assert get_file.json["file_id"] == "AgAC-lebar"


def test_get_file_with_an_unreadable_size_still_downloads(
    client, tg_account, telegram, monkeypatch
):
    jpeg = b"\xff\xd8\xff\xe0" + b"foto-banjir" * 40
    telegram.add_file(jpeg, file_id="AgAC-banjir", file_path="photos/file_5.jpg")
    original = TelegramFile.to_json
    monkeypatch.setattr(
        TelegramFile, "to_json", lambda self: {**original(self), "file_size": float("inf")}
    )
    photo = payloads.telegram_photo("AgAC-banjir")
    deliver(client, update(message=payloads.telegram_message(caption="Banjir", photo=photo)))
    assert process_pending() == ["processed"]
    assert Case.objects.get().attachments.get().file.read() == jpeg


def test_venue_with_an_unreadable_point_is_kept_as_its_name(client, tg_account, telegram):
    venue = {
        "location": {"latitude": 10**400, "longitude": 107.5275},  # float() overflows
        "title": "Pasar Soreang", "address": "Jl. Raya Soreang",
    }  # fmt: skip
    deliver(client, update(message=payloads.telegram_message(venue=venue)))
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.description == "Pasar Soreang, Jl. Raya Soreang" and case.latitude is None


@pytest.mark.parametrize(
    "status, answer, code",
    [
        (429, {"ok": False, "error_code": 429, "description": "Too Many Requests",
               "parameters": {"retry_after": float("nan")}}, "429"),
        (502, {"ok": False, "error_code": "bukan-angka", "description": "Bad Gateway"}, "502"),
    ],
)  # fmt: skip
def test_unusable_numbers_in_a_refusal_still_requeue_the_send(
    client, tg_account, telegram, status, answer, code
):
    telegram.fail_next(1, status=status, body=answer, path_contains="/sendMessage")
    deliver(client, text("Parkir liar di trotoar"))
    process_pending()
    ack = OutboundMessage.objects.get()
    assert (ack.status, ack.error_code, ack.attempts) == ("queued", code, 1)
    assert ack.next_attempt_at - timezone.now() < timedelta(minutes=1)
    OutboundMessage.objects.filter(pk=ack.pk).update(next_attempt_at=timezone.now())
    assert outbound_send(ack.pk) == "sent"
    assert len(telegram.sent_messages(USER_ID)) == 1
