"""Instagram Messaging webhook payloads (protocols.md 2.2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sigap.standins.payloads.wire import (
    DEFAULT_IG_ACCOUNT_ID,
    DEFAULT_IGSID,
    JSON,
    WirePayload,
    meta_wire,
    new_instagram_mid,
    unix_milliseconds,
)

# -- Instagram -------------------------------------------------------------------------------


def instagram_attachment(kind: str, url: str) -> JSON:
    """`kind`: image, video, audio, file, share, story_mention, ig_reel, ig_post…"""
    return {"type": kind, "payload": {"url": url}}


def instagram_message(
    text: str | None = None,
    *,
    sender_id: str = DEFAULT_IGSID,
    recipient_id: str = DEFAULT_IG_ACCOUNT_ID,
    mid: str | None = None,
    timestamp_ms: int | None = None,
    attachments: Iterable[Mapping[str, Any]] = (),
    is_echo: bool = False,
    reply_to_mid: str | None = None,
    quick_reply_payload: str | None = None,
) -> JSON:
    """An element of `entry[].messaging[]`. For an echo, the sender is our own account."""
    message: JSON = {"mid": mid or new_instagram_mid()}
    if is_echo:
        message["is_echo"] = True
    if text is not None:
        message["text"] = text
    attachment_list = [dict(attachment) for attachment in attachments]
    if attachment_list:
        message["attachments"] = attachment_list
    if reply_to_mid is not None:
        message["reply_to"] = {"mid": reply_to_mid}
    if quick_reply_payload is not None:
        message["quick_reply"] = {"payload": quick_reply_payload}
    return {
        "sender": {"id": sender_id},
        "recipient": {"id": recipient_id},
        "timestamp": unix_milliseconds(timestamp_ms),
        "message": message,
    }


def instagram_echo(
    text: str, *, account_id: str = DEFAULT_IG_ACCOUNT_ID, user_id: str = DEFAULT_IGSID, **kw: Any
) -> JSON:
    """What Meta sends back for a message our account sent (API or Instagram app)."""
    return instagram_message(text, sender_id=account_id, recipient_id=user_id, is_echo=True, **kw)


def instagram_envelope(
    *items: Mapping[str, Any], account_id: str | None = None, time_ms: int | None = None
) -> JSON:
    """`object: instagram` with DMs under `messaging[]` (not `changes[]`)."""
    item_list = [dict(item) for item in items]
    if account_id is None:
        account_id = _instagram_account_of(item_list)
    entry = {"id": account_id, "time": unix_milliseconds(time_ms), "messaging": item_list}
    return {"object": "instagram", "entry": [entry]}


def _instagram_account_of(items: list[JSON]) -> str:
    for item in items:
        message = item.get("message", {})
        side = "sender" if message.get("is_echo") else "recipient"
        return str(item[side]["id"])
    return DEFAULT_IG_ACCOUNT_ID


def instagram_inbound(
    *items: Mapping[str, Any], app_secret: str, account_id: str | None = None
) -> WirePayload:
    return meta_wire(instagram_envelope(*items, account_id=account_id), app_secret)
