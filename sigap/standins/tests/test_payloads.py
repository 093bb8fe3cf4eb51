"""Payload builders produce the documented shapes (protocols.md 1.3-1.6, 2.2, 3.2)."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from sigap.standins import payloads as p

SECRET = "demo-app-secret"


def only_message(envelope: dict) -> dict:
    [message] = envelope["entry"][0]["changes"][0]["value"]["messages"]
    return message


def test_whatsapp_text_envelope_has_the_documented_key_paths() -> None:
    message = p.whatsapp_text("Halo", wa_id="6281234567890", message_id="wamid.TEST000")

    envelope = p.whatsapp_envelope(phone_number_id="106540352242922", messages=[message])

    assert envelope["object"] == "whatsapp_business_account"
    entry = envelope["entry"][0]
    assert entry["id"] == p.DEFAULT_WABA_ID
    change = entry["changes"][0]
    assert change["field"] == "messages"
    value = change["value"]
    assert value["messaging_product"] == "whatsapp"
    assert value["metadata"] == {
        "display_phone_number": p.DEFAULT_DISPLAY_PHONE_NUMBER,
        "phone_number_id": "106540352242922",
    }
    assert value["contacts"] == [{"profile": {"name": "Siti Rahma"}, "wa_id": "6281234567890"}]
    assert value["messages"][0] == {
        "from": "6281234567890",
        "id": "wamid.TEST000",
        "timestamp": value["messages"][0]["timestamp"],
        "type": "text",
        "text": {"body": "Halo"},
    }
    assert value["messages"][0]["timestamp"].isdigit()  # a string of Unix seconds


def test_signature_is_hmac_sha256_of_the_raw_escaped_body() -> None:
    wire = p.whatsapp_inbound(p.whatsapp_text("Jalan rusak di Cimahi, é 👍"), app_secret=SECRET)

    expected = hmac.new(SECRET.encode(), wire.body, hashlib.sha256).hexdigest()
    assert wire.headers["X-Hub-Signature-256"] == f"sha256={expected}"
    assert p.verify(wire.body, wire.headers["X-Hub-Signature-256"], SECRET)
    assert b"\\u00e9" in wire.body  # Meta escapes non-ASCII; re-serialising would break the HMAC
    assert wire.json()["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"].endswith(
        "é 👍"
    )


@pytest.mark.parametrize(
    ("message", "kind", "content"),
    [
        (
            p.whatsapp_image("1479537139650973", caption="Foto"),
            "image",
            {"id": "1479537139650973", "mime_type": "image/jpeg", "caption": "Foto"},
        ),
        (p.whatsapp_audio("55"), "audio", {"id": "55", "voice": True}),
        (p.whatsapp_video("56"), "video", {"id": "56", "mime_type": "video/mp4"}),
        (p.whatsapp_document("57"), "document", {"filename": "surat-pengaduan.pdf"}),
        (p.whatsapp_sticker("58"), "sticker", {"animated": False}),
        (
            p.whatsapp_location(-6.917464, 107.619123, name="Alun-alun Bandung"),
            "location",
            {"latitude": -6.917464, "longitude": 107.619123, "name": "Alun-alun Bandung"},
        ),
        (
            p.whatsapp_button_reply("kategori_jalan", "Jalan rusak"),
            "interactive",
            {
                "type": "button_reply",
                "button_reply": {"id": "kategori_jalan", "title": "Jalan rusak"},
            },
        ),
        (
            p.whatsapp_list_reply("kec_coblong", "Coblong", description="Kota Bandung"),
            "interactive",
            {"type": "list_reply"},
        ),
        (
            p.whatsapp_template_button("lacak", "Lacak"),
            "button",
            {"payload": "lacak", "text": "Lacak"},
        ),
        (
            p.whatsapp_reaction("wamid.OUT17", "👍"),
            "reaction",
            {"message_id": "wamid.OUT17", "emoji": "👍"},
        ),
        (p.whatsapp_system("6281299990000"), "system", {"type": "user_changed_number"}),
    ],
)
def test_whatsapp_message_types(message: dict, kind: str, content: dict) -> None:
    assert message["type"] == kind
    assert message["id"].startswith("wamid.")
    assert content.items() <= message[kind].items()


def test_media_objects_carry_a_sha256() -> None:
    assert p.whatsapp_image("1")["image"]["sha256"]


def test_reaction_removed_has_no_emoji() -> None:
    assert p.whatsapp_reaction("wamid.OUT17", None)["reaction"] == {"message_id": "wamid.OUT17"}


def test_contacts_and_unsupported_messages() -> None:
    shared = p.whatsapp_shared_contact("Pak RT 05", "+62 812-0000-1111", wa_id="6281200001111")
    contacts = p.whatsapp_contacts([shared])
    unsupported = p.whatsapp_unsupported()

    assert contacts["contacts"][0]["name"]["formatted_name"] == "Pak RT 05"
    assert contacts["contacts"][0]["phones"][0]["wa_id"] == "6281200001111"
    assert unsupported["type"] == "unsupported"
    assert unsupported["errors"][0]["code"] == 131051


def test_bsuid_only_sender_has_no_phone() -> None:
    message = p.whatsapp_text("Halo", wa_id=None, user_id="ID.4829103847561029384")
    contact = p.whatsapp_contact(wa_id=None, user_id="ID.4829103847561029384", username="siti")

    value = p.whatsapp_envelope(messages=[message], contacts=[contact])["entry"][0]["changes"][0]
    value = value["value"]

    assert "from" not in value["messages"][0]
    assert value["messages"][0]["from_user_id"] == "ID.4829103847561029384"
    assert "wa_id" not in value["contacts"][0]
    assert value["contacts"][0]["profile"]["username"] == "siti"


def test_derived_contacts_include_both_identities() -> None:
    message = p.whatsapp_text("Halo", user_id="ID.1")

    [contact] = p.whatsapp_envelope(messages=[message])["entry"][0]["changes"][0]["value"][
        "contacts"
    ]

    assert contact["wa_id"] == p.DEFAULT_WA_ID
    assert contact["user_id"] == "ID.1"


def test_context_is_kept_on_replies() -> None:
    message = p.whatsapp_button_reply(
        "ya", "Ya", context={"from": "6281100001111", "id": "wamid.OUTBOUND17"}
    )

    assert message["context"]["id"] == "wamid.OUTBOUND17"


def test_status_batch_shape() -> None:
    failed = p.whatsapp_status(
        "wamid.OUT18",
        "failed",
        errors=[p.whatsapp_error(131047, "Re-engagement message", "More than 24 hours")],
    )
    delivered = p.whatsapp_status(
        "wamid.OUT19",
        "delivered",
        pricing=p.whatsapp_pricing(
            billable=False, category="service", pricing_type="free_customer_service"
        ),
    )

    wire = p.whatsapp_status_batch(delivered, failed, app_secret=SECRET)

    value = wire.json()["entry"][0]["changes"][0]["value"]
    assert "messages" not in value and "contacts" not in value
    assert [s["status"] for s in value["statuses"]] == ["delivered", "failed"]
    assert value["statuses"][0]["recipient_id"] == p.DEFAULT_WA_ID
    assert value["statuses"][0]["pricing"]["pricing_model"] == "PMP"
    error = value["statuses"][1]["errors"][0]
    assert error["code"] == 131047
    assert error["error_data"]["details"] == "More than 24 hours"
    assert error["href"].startswith("https://developers.facebook.com/")


def test_instagram_envelope_shape() -> None:
    attachment = p.instagram_attachment("image", "https://lookaside.fbsbx.com/ig_messaging_cdn/x")
    item = p.instagram_message(
        "Sampah menumpuk", attachments=[attachment], timestamp_ms=1767225600000
    )

    envelope = p.instagram_envelope(item, time_ms=1767225600123)

    assert envelope["object"] == "instagram"
    entry = envelope["entry"][0]
    assert entry["id"] == p.DEFAULT_IG_ACCOUNT_ID
    assert entry["time"] == 1767225600123
    messaging = entry["messaging"][0]
    assert messaging["sender"] == {"id": p.DEFAULT_IGSID}
    assert messaging["recipient"] == {"id": p.DEFAULT_IG_ACCOUNT_ID}
    assert messaging["timestamp"] == 1767225600000  # integer milliseconds
    assert messaging["message"]["mid"]
    assert messaging["message"]["attachments"][0]["payload"]["url"].startswith("https://")
    assert "is_echo" not in messaging["message"]


def test_instagram_echo_is_sent_by_our_account() -> None:
    echo = p.instagram_echo("Terima kasih", account_id="178", user_id="113")

    envelope = p.instagram_envelope(echo)

    assert envelope["entry"][0]["id"] == "178"
    assert echo["message"]["is_echo"] is True
    assert echo["sender"]["id"] == "178"


def test_instagram_signature_uses_the_given_secret() -> None:
    wire = p.instagram_inbound(p.instagram_message("Halo"), app_secret="ig-secret")

    assert p.verify(wire.body, wire.headers["X-Hub-Signature-256"], "ig-secret")
    assert not p.verify(wire.body, wire.headers["X-Hub-Signature-256"], SECRET)


def test_telegram_update_shape() -> None:
    message = p.telegram_message(
        "Saluran air tersumbat",
        message_id=4512,
        date=1767225600,
        location=p.telegram_location(-7.25, 112.76),
    )

    update = p.telegram_update(834512077, message=message)
    wire = p.telegram_wire(update, "k7Qm_2vX-9aLpR4s")

    assert update["update_id"] == 834512077
    assert update["message"]["from"]["id"] == p.DEFAULT_TELEGRAM_USER_ID
    assert update["message"]["chat"] == {
        "id": p.DEFAULT_TELEGRAM_USER_ID,
        "type": "private",
        "first_name": "Andi",
        "last_name": "Wijaya",
        "username": "andiw",
    }
    assert update["message"]["date"] == 1767225600
    assert update["message"]["location"] == {"latitude": -7.25, "longitude": 112.76}
    assert wire.headers["X-Telegram-Bot-Api-Secret-Token"] == "k7Qm_2vX-9aLpR4s"
    assert json.loads(wire.body) == update


def test_telegram_photo_contact_and_callback() -> None:
    photo = p.telegram_photo("AgACAgUAAxkBAAIBQ2")
    message = p.telegram_message(None, photo=photo, caption="Pohon tumbang")
    query = p.telegram_callback_query("kategori:jalan", message=message)

    assert photo[-1]["width"] > photo[0]["width"]  # smallest first
    assert "text" not in message and message["caption"] == "Pohon tumbang"
    assert p.telegram_contact("6281234567890", "Andi", user_id=7)["user_id"] == 7
    assert query["data"] == "kategori:jalan"
    assert p.telegram_update(1, callback_query=query)["callback_query"]["message"] == message


def test_telegram_update_takes_exactly_one_kind() -> None:
    with pytest.raises(ValueError):
        p.telegram_update(1)
    with pytest.raises(ValueError):
        p.telegram_update(1, message={}, edited_message={})
