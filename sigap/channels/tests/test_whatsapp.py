"""WhatsApp end to end: signed webhooks in, cases and acknowledgements out, over real HTTP."""

from __future__ import annotations

import json

from django_tasks_db.models import DBTaskResult

from sigap.cases.models import Case, CaseEvent, EventKind, Message
from sigap.channels.meta_webhook import keys_cache_clear
from sigap.channels.models import EventStatus, InboundEvent, OutboundMessage
from sigap.channels.services.events import inbound_event_process
from sigap.channels.tests.conftest import (
    APP_SECRET,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    post,
    process_pending,
)
from sigap.contacts.models import Contact
from sigap.standins import payloads

WA_ID = "6281234567890"


def inbound(*messages, secret=APP_SECRET, number=PHONE_NUMBER_ID):
    return payloads.whatsapp_inbound(*messages, app_secret=secret, phone_number_id=number)


def test_verification_handshake(client, wa_account):
    ok = client.get(
        "/webhooks/whatsapp",
        {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": VERIFY_TOKEN},
    )
    assert ok.status_code == 200 and ok.content == b"1158201444"
    assert ok["Content-Type"].startswith("text/plain")
    bad = client.get(
        "/webhooks/whatsapp",
        {"hub.mode": "subscribe", "hub.challenge": "1", "hub.verify_token": "salah"},
    )
    assert bad.status_code == 403


def test_text_message_becomes_one_case_and_one_acknowledgement(
    client, wa_account, meta, django_capture_on_commit_callbacks
):
    wire = inbound(
        payloads.whatsapp_text(
            "Jalan di Soreang berlubang besar", wa_id=WA_ID, message_id="wamid.T1"
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, wire)
    assert response.status_code == 200
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.PENDING and event.account == wa_account
    assert (
        DBTaskResult.objects.filter(task_path__endswith="inbound_event_process_task").count() == 1
    )
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert case.channel == "whatsapp" and case.agency is None  # the Bupati's line → triage
    assert case.first_response_due_at is not None
    inbound_message = Message.objects.get(direction="in")
    assert inbound_message.external_id == "wamid.T1" and inbound_message.account == wa_account
    assert Contact.objects.get().phone == WA_ID
    ack = OutboundMessage.objects.get()
    assert (
        ack.purpose == "ack"
        and ack.status == "sent"
        and ack.provider_message_id.startswith("wamid.")
    )
    sent = meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")
    assert len(sent) == 1
    body = sent[0].json
    assert body["to"] == WA_ID and case.tracking_number in body["text"]["body"]
    assert "/lacak/" in body["text"]["body"] and "paling lambat" in body["text"]["body"]
    headers = {k.lower(): v for k, v in sent[0].headers.items()}
    assert headers["authorization"] == "Bearer demo-access-token"
    assert CaseEvent.objects.filter(case=case, kind=EventKind.MESSAGE_OUT).count() == 1


def test_redelivery_makes_nothing_new(client, wa_account, meta):
    wire = inbound(payloads.whatsapp_text("Sampah menumpuk", wa_id=WA_ID, message_id="wamid.R1"))
    post(client, wire)
    process_pending()
    assert post(client, wire).status_code == 200  # Meta retries the same bytes for days
    assert InboundEvent.objects.count() == 1
    # The same message inside a differently composed batch: a new event, still one case.
    other = inbound(
        payloads.whatsapp_text("Sampah menumpuk", wa_id=WA_ID, message_id="wamid.R1"),
        payloads.whatsapp_text("dan lagi", wa_id=WA_ID, message_id="wamid.R2"),
    )
    post(client, other)
    process_pending()
    assert Case.objects.count() == 1
    assert Message.objects.filter(external_id="wamid.R1").count() == 1
    assert Message.objects.filter(external_id="wamid.R2").count() == 1  # joined the open case
    assert OutboundMessage.objects.filter(purpose="ack").count() == 1
    assert len(meta.requests(path_contains="/messages")) == 1


def test_forged_or_missing_signature_is_refused_and_nothing_stored(client, wa_account, meta):
    forged = inbound(payloads.whatsapp_text("halo", wa_id=WA_ID), secret="bukan-rahasia")
    assert post(client, forged).status_code == 403
    unsigned = inbound(payloads.whatsapp_text("halo", wa_id=WA_ID))
    unsigned.headers.pop("X-Hub-Signature-256")
    assert post(client, unsigned).status_code == 403
    assert InboundEvent.objects.count() == 0 and Case.objects.count() == 0
    assert meta.requests(path_contains="/messages") == []


def two_numbers(*sends: tuple[str, str, str]) -> dict:
    """One delivery with an entry per (number, text, message id)."""
    return {
        "object": "whatsapp_business_account",
        "entry": [
            payloads.whatsapp_envelope(
                phone_number_id=number,
                messages=[payloads.whatsapp_text(text, wa_id=WA_ID, message_id=message_id)],
            )["entry"][0]
            for number, text, message_id in sends
        ],
    }


def test_one_apps_secret_cannot_post_into_another_apps_number(
    client, wa_account, wa_account_of, agency_a, meta, caplog
):
    """A body naming the Bupati's number beside an agency's own, signed with the agency's own
    app secret, is refused whole: Meta signs with the secret of the app the numbers belong to."""
    own = wa_account_of(agency_a)
    own.app_secret = "rahasia-app-dinas"
    own.save()
    keys_cache_clear()
    payload = two_numbers((PHONE_NUMBER_ID, "palsu", "m.1"), (own.external_id, "asli", "m.2"))
    wire = payloads.meta_wire(payload, "rahasia-app-dinas")
    caplog.set_level("WARNING")
    answer = post(client, wire)
    assert (answer.status_code, answer.content) == (403, b"tanda tangan tidak sah")
    assert InboundEvent.objects.count() == 0 and Case.objects.count() == 0
    assert any("another app" in r.getMessage() for r in caplog.records)
    # The same number alone, signed with its own app's secret, is taken.
    alone = payloads.whatsapp_inbound(
        payloads.whatsapp_text("asli", wa_id=WA_ID, message_id="m.3"),
        app_secret="rahasia-app-dinas", phone_number_id=own.external_id,
    )  # fmt: skip
    assert post(client, alone).status_code == 200
    assert InboundEvent.objects.get().account == own


def test_an_odd_item_does_not_hide_a_foreign_number_from_the_check(
    client, wa_account, wa_account_of, agency_a, meta
):
    own = wa_account_of(agency_a)
    own.app_secret = "rahasia-app-dinas"
    own.save()
    keys_cache_clear()
    payload = two_numbers((PHONE_NUMBER_ID, "palsu ke nomor Bupati", "m.x"))
    payload["entry"].insert(0, 1)  # the parser skips it; the check must not give up on it
    answer = post(client, payloads.meta_wire(payload, "rahasia-app-dinas"))
    assert answer.status_code == 403 and InboundEvent.objects.count() == 0


def test_a_stored_body_is_read_only_for_accounts_of_the_signers_app(
    client, wa_account, wa_account_of, agency_a, meta
):
    """The task's own check, should a body ever pass the webhook's: stored as signed by the
    agency's number, it names the Bupati's, whose app secret differs."""
    from django.utils import timezone

    own = wa_account_of(agency_a)
    own.app_secret = "rahasia-app-dinas"
    own.save()
    payload = two_numbers((PHONE_NUMBER_ID, "palsu", "m.y"), (own.external_id, "asli", "m.z"))
    event = InboundEvent.objects.create(
        channel="whatsapp", external_id="sha256:uji", account=own, status="pending",
        body=json.dumps(payload), received_at=timezone.now(),
    )  # fmt: skip
    inbound_event_process(event.pk)
    assert list(Message.objects.filter(direction="in").values_list("external_id", flat=True)) == [
        "m.z"
    ]
    event.refresh_from_db()
    assert "unknown phone_number_id" in event.last_error


def test_numbers_of_one_app_may_share_a_delivery(client, wa_account, wa_account_of, agency_a):
    own = wa_account_of(agency_a)  # same app secret as the Bupati's number
    keys_cache_clear()
    payload = two_numbers((PHONE_NUMBER_ID, "satu", "m.4"), (own.external_id, "dua", "m.5"))
    assert post(client, payloads.meta_wire(payload, APP_SECRET)).status_code == 200
    process_pending()
    assert set(Message.objects.values_list("external_id", flat=True)) >= {"m.4", "m.5"}


def test_malformed_but_signed_body_is_kept_and_not_a_case(client, wa_account):
    body = b'{"object": "whatsapp_business_account", "entry": [ broken'
    wire = payloads.WirePayload(body, {"X-Hub-Signature-256": payloads.sign(body, APP_SECRET)})
    assert post(client, wire).status_code == 200
    event = InboundEvent.objects.get()
    process_pending()
    event.refresh_from_db()
    assert event.status == EventStatus.IGNORED and "JSON" in event.last_error
    assert Case.objects.count() == 0


def test_unknown_phone_number_is_kept_for_admins(client, wa_account):
    wire = inbound(payloads.whatsapp_text("halo", wa_id=WA_ID), number="999999")
    assert post(client, wire).status_code == 200
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.UNROUTABLE and "999999" in event.last_error
    assert process_pending() == [] and Case.objects.count() == 0


def test_body_over_the_maximum_is_413(client, wa_account, settings):
    settings.SIGAP_WEBHOOK_MAX_BYTES = 1000
    wire = inbound(payloads.whatsapp_text("x" * 2000, wa_id=WA_ID))
    assert post(client, wire).status_code == 413
    assert InboundEvent.objects.count() == 0


def test_image_is_downloaded_into_an_attachment(client, wa_account, meta):
    jpeg = b"\xff\xd8\xff\xe0" + b"foto-jalan" * 50
    media = meta.add_media(jpeg, "image/jpeg", phone_number_id=PHONE_NUMBER_ID)
    wire = inbound(payloads.whatsapp_image(media.media_id, caption="Foto jalan rusak", wa_id=WA_ID))
    post(client, wire)
    process_pending()
    case = Case.objects.get()
    attachment = case.attachments.get()
    assert attachment.content_type == "image/jpeg" and attachment.file.read() == jpeg
    assert case.description == "Foto jalan rusak"


def test_a_media_file_graph_cannot_serve_yet_is_retried_and_holds_up_nothing(
    client, wa_account, meta
):
    media = meta.add_media(b"\xff\xd8\xff\xe0" + b"0" * 200, mime_type="image/jpeg")
    meta.fail_next(1, status=503, path_contains=f"/{media.media_id}")
    wire = inbound(
        payloads.whatsapp_image(media.media_id, caption="foto lubang", wa_id=WA_ID),
        payloads.whatsapp_text("Lampu jalan mati di Soreang", wa_id="6281299990001"),
    )
    post(client, wire)
    assert process_pending() == ["failed"]
    event = InboundEvent.objects.get()
    assert event.status == EventStatus.FAILED and event.attempts == 1 and event.next_attempt_at
    assert "media" in event.last_error
    # The other citizen's message in the same delivery did not wait.
    [case] = Case.objects.all()
    assert case.description == "Lampu jalan mati di Soreang"
    assert OutboundMessage.objects.filter(purpose="ack").count() == 1
    InboundEvent.objects.filter(pk=event.pk).update(next_attempt_at=None)
    assert inbound_event_process(event.pk) == "processed"  # the sweeper's retry
    photo = Case.objects.exclude(pk=case.pk).get()
    assert photo.description == "foto lubang" and photo.attachments.count() == 1
    assert OutboundMessage.objects.filter(purpose="ack").count() == 2


def test_a_media_id_graph_does_not_know_keeps_the_message_without_the_file(
    client, wa_account, meta
):
    wire = inbound(payloads.whatsapp_image("tidak-ada-di-graph", caption="foto", wa_id=WA_ID))
    post(client, wire)
    assert process_pending() == ["processed"]
    case = Case.objects.get()
    assert "foto" in case.description and "[lampiran gagal diunduh]" in case.description
    assert "gave up" in InboundEvent.objects.get().last_error


def test_location_pin_sets_the_case_point(client, wa_account, meta):
    wire = inbound(
        payloads.whatsapp_location(-7.0235, 107.5275, name="Alun-alun Soreang", wa_id=WA_ID)
    )
    post(client, wire)
    process_pending()
    case = Case.objects.get()
    assert (round(case.latitude, 4), round(case.longitude, 4)) == (-7.0235, 107.5275)
    assert "Alun-alun Soreang" in case.location_text


def test_follow_up_joins_the_open_case_without_a_second_ack(client, wa_account, meta):
    post(client, inbound(payloads.whatsapp_text("Lampu jalan mati", wa_id=WA_ID)))
    process_pending()
    post(client, inbound(payloads.whatsapp_text("Sudah 3 hari pak", wa_id=WA_ID)))
    process_pending()
    case = Case.objects.get()
    assert case.messages.filter(direction="in").count() == 2
    assert CaseEvent.objects.filter(case=case, kind=EventKind.MESSAGE_IN).count() == 1
    assert OutboundMessage.objects.count() == 1


def test_status_question_is_answered_from_the_case(client, wa_account, meta):
    post(client, inbound(payloads.whatsapp_text("Banjir di Dayeuhkolot", wa_id=WA_ID)))
    process_pending()
    case = Case.objects.get()
    question = f"cek status {case.tracking_number.lower()}"
    post(client, inbound(payloads.whatsapp_text(question, wa_id=WA_ID)))
    process_pending()
    answer = OutboundMessage.objects.get(purpose="status_answer")
    assert case.tracking_number in answer.message.text and "Baru" in answer.message.text
    assert Case.objects.count() == 1
    stranger = inbound(
        payloads.whatsapp_text(f"cek status {case.tracking_number}", wa_id="6289999999999")
    )
    post(client, stranger)
    process_pending()
    refused = OutboundMessage.objects.filter(purpose="status_answer").order_by("-pk").first()
    assert "tidak ditemukan" in refused.message.text  # never another citizen's case


def test_delivery_statuses_never_move_backwards(client, wa_account, meta):
    post(client, inbound(payloads.whatsapp_text("Pohon tumbang", wa_id=WA_ID)))
    process_pending()
    ack = OutboundMessage.objects.get()
    for status in ("delivered", "read", "delivered", "sent"):
        batch = payloads.whatsapp_status_batch(
            payloads.whatsapp_status(ack.provider_message_id, status, recipient_id=WA_ID),
            app_secret=APP_SECRET, phone_number_id=PHONE_NUMBER_ID,
        )  # fmt: skip
        post(client, batch)
        process_pending()
    ack.refresh_from_db()
    assert ack.status == "read" and ack.read_at and ack.delivered_at
    ack.message.refresh_from_db()
    assert ack.message.status == "read"


def test_window_closed_failure_is_resent_as_template(client, wa_account, meta):
    post(client, inbound(payloads.whatsapp_text("Air PDAM mati", wa_id=WA_ID)))
    process_pending()
    ack = OutboundMessage.objects.get()
    failed = payloads.whatsapp_status(
        ack.provider_message_id, "failed", recipient_id=WA_ID,
        errors=[payloads.whatsapp_error(131047, "Re-engagement message")],
    )  # fmt: skip
    post(
        client,
        payloads.whatsapp_status_batch(
            failed, app_secret=APP_SECRET, phone_number_id=PHONE_NUMBER_ID
        ),
    )
    process_pending()
    ack.refresh_from_db()
    assert ack.status == "queued" and ack.error_code == "131047"
    from sigap.channels.services.outbox import outbound_send

    assert outbound_send(ack.pk) == "sent"
    ack.refresh_from_db()
    assert ack.used_template == "status_laporan"
    last = meta.requests(path_contains="/messages")[-1].json
    assert last["type"] == "template" and last["template"]["language"]["code"] == "id"


def test_graph_5xx_is_retried_with_backoff(client, wa_account, meta):
    meta.fail_next(1, status=503, path_contains="/messages")
    post(client, inbound(payloads.whatsapp_text("Parkir liar", wa_id=WA_ID)))
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "queued" and ack.attempts == 1 and "503" in ack.last_error
    assert ack.next_attempt_at is not None


def test_unreachable_recipient_is_marked(client, wa_account, meta):
    meta.graph_error_next(131026, 1)
    post(client, inbound(payloads.whatsapp_text("Tolong", wa_id=WA_ID)))
    process_pending()
    ack = OutboundMessage.objects.get()
    assert ack.status == "failed" and ack.error_code == "131026"
    assert not ack.identity.__class__.objects.get(pk=ack.identity_id).is_reachable


def test_worker_killed_mid_task_loses_nothing(client, wa_account, meta):
    from datetime import timedelta

    from django.utils import timezone

    from sigap.channels.services.events import inbound_events_due

    post(client, inbound(payloads.whatsapp_text("Kebakaran kecil di pasar", wa_id=WA_ID)))
    event = InboundEvent.objects.get()
    # A worker claimed it (attempt 1, lease taken) and died before doing anything.
    InboundEvent.objects.filter(pk=event.pk).update(
        attempts=1, next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert event.pk in inbound_events_due()
    assert process_pending() == ["processed"]
    assert Case.objects.count() == 1 and OutboundMessage.objects.count() == 1


def test_message_to_an_opd_number_starts_at_that_opd(client, agency_a, wa_account_of, meta):
    account = wa_account_of(agency_a)
    meta.add_phone_number(account.external_id, token="demo-access-token")
    post(
        client,
        inbound(payloads.whatsapp_text("Jembatan retak", wa_id=WA_ID), number=account.external_id),
    )
    process_pending()
    assert Case.objects.get().agency == agency_a


def test_bsuid_only_user_is_one_contact(client, wa_account, meta):
    first = payloads.whatsapp_text("laporan pertama", wa_id=None, user_id="ID.1234567890")
    post(client, inbound(first))
    process_pending()
    assert Contact.objects.count() == 1
    sent = meta.requests(path_contains="/messages")[-1].json
    assert sent.get("recipient") == "ID.1234567890" and "to" not in sent
    assert json.loads(InboundEvent.objects.get().body)["object"] == "whatsapp_business_account"
