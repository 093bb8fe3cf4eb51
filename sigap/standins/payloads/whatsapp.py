"""WhatsApp Cloud API webhook payloads (protocols.md 1.3-1.6)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from sigap.standins.payloads.wire import (
    DEFAULT_DISPLAY_PHONE_NUMBER,
    DEFAULT_PHONE_NUMBER_ID,
    DEFAULT_WA_ID,
    DEFAULT_WABA_ID,
    JSON,
    WA_ERROR_DOCS,
    WirePayload,
    drop_none,
    meta_wire,
    new_wamid,
    unix_seconds,
)

# -- WhatsApp: inbound messages (elements of value.messages[]) -------------------------------


def whatsapp_message(
    kind: str,
    content: Any,
    *,
    wa_id: str | None = DEFAULT_WA_ID,
    user_id: str | None = None,
    message_id: str | None = None,
    timestamp: float | None = None,
    context: Mapping[str, Any] | None = None,
) -> JSON:
    """One inbound message; `content` goes under the key named after `kind`.

    `wa_id=None` with a `user_id` models a user with a username and a hidden phone number
    (2026 BSUID change): `from` is then omitted and only `from_user_id` identifies the sender.
    """
    message: JSON = {}
    if context is not None:
        message["context"] = dict(context)
    if wa_id is not None:
        message["from"] = wa_id
    if user_id is not None:
        message["from_user_id"] = user_id
    message["id"] = message_id or new_wamid()
    message["timestamp"] = unix_seconds(timestamp)
    message["type"] = kind
    if content is not None:
        message[kind] = content
    return message


def whatsapp_text(body: str, **common: Any) -> JSON:
    return whatsapp_message("text", {"body": body}, **common)


def whatsapp_media(
    kind: str,
    media_id: str,
    *,
    mime_type: str,
    sha256: str | None = None,
    caption: str | None = None,
    filename: str | None = None,
    voice: bool | None = None,
    animated: bool | None = None,
    url: str | None = None,
    **common: Any,
) -> JSON:
    """image / video / audio / document / sticker: media by id, never inline bytes."""
    content = drop_none(
        {
            "id": media_id,
            "mime_type": mime_type,
            "sha256": sha256
            or base64.b64encode(hashlib.sha256(media_id.encode()).digest()).decode(),
            "caption": caption,
            "filename": filename,
            "voice": voice,
            "animated": animated,
            "url": url,
        }
    )
    return whatsapp_message(kind, content, **common)


def whatsapp_image(
    media_id: str, *, mime_type: str = "image/jpeg", caption: str | None = None, **common: Any
) -> JSON:
    return whatsapp_media("image", media_id, mime_type=mime_type, caption=caption, **common)


def whatsapp_audio(
    media_id: str, *, mime_type: str = "audio/ogg; codecs=opus", voice: bool = True, **common: Any
) -> JSON:
    return whatsapp_media("audio", media_id, mime_type=mime_type, voice=voice, **common)


def whatsapp_video(
    media_id: str, *, mime_type: str = "video/mp4", caption: str | None = None, **common: Any
) -> JSON:
    return whatsapp_media("video", media_id, mime_type=mime_type, caption=caption, **common)


def whatsapp_document(
    media_id: str,
    *,
    filename: str = "surat-pengaduan.pdf",
    mime_type: str = "application/pdf",
    caption: str | None = None,
    **common: Any,
) -> JSON:
    return whatsapp_media(
        "document", media_id, mime_type=mime_type, caption=caption, filename=filename, **common
    )


def whatsapp_sticker(media_id: str, *, animated: bool = False, **common: Any) -> JSON:
    return whatsapp_media("sticker", media_id, mime_type="image/webp", animated=animated, **common)


def whatsapp_location(
    latitude: float,
    longitude: float,
    *,
    name: str | None = None,
    address: str | None = None,
    url: str | None = None,
    **common: Any,
) -> JSON:
    content = drop_none(
        {"latitude": latitude, "longitude": longitude, "name": name, "address": address, "url": url}
    )
    return whatsapp_message("location", content, **common)


def whatsapp_button_reply(reply_id: str, title: str, **common: Any) -> JSON:
    """The user tapped a reply button of an interactive message we sent."""
    interactive = {"type": "button_reply", "button_reply": {"id": reply_id, "title": title}}
    return whatsapp_message("interactive", interactive, **common)


def whatsapp_list_reply(
    reply_id: str, title: str, *, description: str | None = None, **common: Any
) -> JSON:
    row = drop_none({"id": reply_id, "title": title, "description": description})
    return whatsapp_message("interactive", {"type": "list_reply", "list_reply": row}, **common)


def whatsapp_template_button(payload: str, text: str, **common: Any) -> JSON:
    """Quick-reply button of a *template*: `type: "button"`, a different shape from interactive."""
    return whatsapp_message("button", {"payload": payload, "text": text}, **common)


def whatsapp_reaction(message_id: str, emoji: str | None = "👍", **common: Any) -> JSON:
    """`emoji=None` models a removed reaction (Meta then omits the emoji)."""
    return whatsapp_message(
        "reaction", drop_none({"message_id": message_id, "emoji": emoji}), **common
    )


def whatsapp_shared_contact(
    formatted_name: str, phone: str, *, first_name: str | None = None, wa_id: str | None = None
) -> JSON:
    name = drop_none({"formatted_name": formatted_name, "first_name": first_name})
    return {"name": name, "phones": [drop_none({"phone": phone, "wa_id": wa_id, "type": "CELL"})]}


def whatsapp_contacts(contacts: Iterable[Mapping[str, Any]], **common: Any) -> JSON:
    return whatsapp_message("contacts", [dict(contact) for contact in contacts], **common)


def whatsapp_unsupported(**common: Any) -> JSON:
    message = whatsapp_message("unsupported", None, **common)
    message["errors"] = [
        whatsapp_error(131051, "Message type unknown", "Message type is currently not supported.")
    ]
    return message


def whatsapp_system(
    new_wa_id: str,
    *,
    system_type: str = "user_changed_number",
    body: str | None = None,
    **common: Any,
) -> JSON:
    """System message, e.g. the user changed number (`system.wa_id` is the new id)."""
    text = body or f"User {common.get('wa_id', DEFAULT_WA_ID)} changed to {new_wa_id}"
    content = {"body": text, "wa_id": new_wa_id, "type": system_type}
    return whatsapp_message("system", content, **common)


# -- WhatsApp: statuses, contacts, envelope ---------------------------------------------------


def whatsapp_error(code: int, title: str, details: str | None = None) -> JSON:
    """An element of `errors[]` in a failed status / unsupported message / value."""
    error: JSON = {"code": code, "title": title, "message": title}
    if details:
        error["error_data"] = {"details": details}
    error["href"] = WA_ERROR_DOCS
    return error


def whatsapp_pricing(*, billable: bool, category: str, pricing_type: str) -> JSON:
    # Per-message pricing since July 2025: the `conversation` object is no longer reliable.
    return {
        "billable": billable,
        "pricing_model": "PMP",
        "type": pricing_type,
        "category": category,
    }


def whatsapp_status(
    message_id: str,
    status: str,
    *,
    recipient_id: str | None = DEFAULT_WA_ID,
    recipient_user_id: str | None = None,
    timestamp: float | None = None,
    errors: Iterable[Mapping[str, Any]] | None = None,
    pricing: Mapping[str, Any] | None = None,
    biz_opaque_callback_data: str | None = None,
) -> JSON:
    """An element of `value.statuses[]` (sent, delivered, read, failed, played, deleted)."""
    item: JSON = {"id": message_id, "status": status, "timestamp": unix_seconds(timestamp)}
    if recipient_id is not None:
        item["recipient_id"] = recipient_id
    if recipient_user_id is not None:
        item["recipient_user_id"] = recipient_user_id
    if biz_opaque_callback_data is not None:
        item["biz_opaque_callback_data"] = biz_opaque_callback_data
    if pricing is not None:
        item["pricing"] = dict(pricing)
    if errors:
        item["errors"] = [dict(error) for error in errors]
    return item


def whatsapp_contact(
    *,
    wa_id: str | None = DEFAULT_WA_ID,
    name: str = "Siti Rahma",
    user_id: str | None = None,
    username: str | None = None,
) -> JSON:
    """An element of `value.contacts[]`; with a username the phone (`wa_id`) may be absent."""
    contact: JSON = {"profile": drop_none({"name": name, "username": username})}
    if wa_id is not None:
        contact["wa_id"] = wa_id
    if user_id is not None:
        contact["user_id"] = user_id
    return contact


def whatsapp_envelope(
    *,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
    messages: Iterable[Mapping[str, Any]] = (),
    contacts: Iterable[Mapping[str, Any]] | None = None,
    statuses: Iterable[Mapping[str, Any]] = (),
    errors: Iterable[Mapping[str, Any]] = (),
    waba_id: str = DEFAULT_WABA_ID,
    display_phone_number: str = DEFAULT_DISPLAY_PHONE_NUMBER,
) -> JSON:
    """The full notification: `entry[].id` is the WABA id, the number is in `metadata`.

    `contacts=None` derives one contact per distinct sender of `messages`.
    """
    message_list = [dict(message) for message in messages]
    value: JSON = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": display_phone_number,
            "phone_number_id": phone_number_id,
        },
    }
    if message_list:
        derived = _contacts_for(message_list) if contacts is None else list(contacts)
        value["contacts"] = [dict(contact) for contact in derived]
        value["messages"] = message_list
    status_list = [dict(status) for status in statuses]
    if status_list:
        value["statuses"] = status_list
    error_list = [dict(error) for error in errors]
    if error_list:
        value["errors"] = error_list
    change = {"field": "messages", "value": value}
    return {"object": "whatsapp_business_account", "entry": [{"id": waba_id, "changes": [change]}]}


def _contacts_for(messages: list[JSON]) -> list[JSON]:
    seen: dict[tuple[str | None, str | None], JSON] = {}
    for message in messages:
        key = (message.get("from"), message.get("from_user_id"))
        if key not in seen:
            seen[key] = whatsapp_contact(wa_id=key[0], user_id=key[1])
    return list(seen.values())


def whatsapp_inbound(
    *messages: Mapping[str, Any],
    app_secret: str,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
    contacts: Iterable[Mapping[str, Any]] | None = None,
    waba_id: str = DEFAULT_WABA_ID,
) -> WirePayload:
    """Signed inbound-message webhook ready to POST to Sigap."""
    payload = whatsapp_envelope(
        phone_number_id=phone_number_id, messages=messages, contacts=contacts, waba_id=waba_id
    )
    return meta_wire(payload, app_secret)


def whatsapp_status_batch(
    *statuses: Mapping[str, Any],
    app_secret: str,
    phone_number_id: str = DEFAULT_PHONE_NUMBER_ID,
    waba_id: str = DEFAULT_WABA_ID,
) -> WirePayload:
    """Signed status webhook (Meta may batch several statuses into one call)."""
    payload = whatsapp_envelope(phone_number_id=phone_number_id, statuses=statuses, waba_id=waba_id)
    return meta_wire(payload, app_secret)
