"""Telegram Bot API updates (protocols.md 3.2)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from typing import Any

from sigap.standins.payloads.wire import (
    DEFAULT_TELEGRAM_USER_ID,
    JSON,
    drop_none,
    next_number,
)

# -- Telegram --------------------------------------------------------------------------------


def telegram_user(
    user_id: int = DEFAULT_TELEGRAM_USER_ID,
    first_name: str = "Andi",
    *,
    last_name: str | None = "Wijaya",
    username: str | None = "andiw",
    language_code: str | None = "id",
    is_bot: bool = False,
) -> JSON:
    return drop_none(
        {
            "id": user_id,
            "is_bot": is_bot,
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "language_code": language_code,
        }
    )


def telegram_private_chat(user: Mapping[str, Any]) -> JSON:
    """A private chat has the same id as the user."""
    fields = ("first_name", "last_name", "username")
    return {"id": user["id"], "type": "private", **{k: user[k] for k in fields if k in user}}


def telegram_message(
    text: str | None = None,
    *,
    user: Mapping[str, Any] | None = None,
    chat: Mapping[str, Any] | None = None,
    message_id: int | None = None,
    date: int | None = None,
    **content: Any,
) -> JSON:
    """A Message; `content` adds `caption`, `photo`, `location`, `contact`, `reply_to_message`…"""
    sender = dict(user) if user is not None else telegram_user()
    message: JSON = {
        "message_id": next_number() if message_id is None else message_id,
        "from": sender,
        "chat": dict(chat) if chat is not None else telegram_private_chat(sender),
        "date": int(time.time()) if date is None else date,
    }
    if text is not None:
        message["text"] = text
    message.update(drop_none(content))
    return message


def telegram_photo(file_id: str, *, width: int = 1280, height: int = 960) -> list[JSON]:
    """Photo sizes, smallest first: Sigap should take the last one."""
    small = {"file_id": f"{file_id}-s", "file_unique_id": f"{file_id[:8]}s", "width": 90}
    small |= {"height": max(1, 90 * height // width), "file_size": 1342}
    large = {"file_id": file_id, "file_unique_id": f"{file_id[:8]}l", "width": width}
    large |= {"height": height, "file_size": 148213}
    return [small, large]


def telegram_location(
    latitude: float, longitude: float, *, horizontal_accuracy: float | None = None
) -> JSON:
    return drop_none(
        {"latitude": latitude, "longitude": longitude, "horizontal_accuracy": horizontal_accuracy}
    )


def telegram_contact(phone_number: str, first_name: str, *, user_id: int | None = None) -> JSON:
    """`user_id` equals `from.id` only when the user shared their own contact."""
    return drop_none({"phone_number": phone_number, "first_name": first_name, "user_id": user_id})


def telegram_callback_query(
    data: str,
    *,
    message: Mapping[str, Any],
    user: Mapping[str, Any] | None = None,
    query_id: str | None = None,
) -> JSON:
    sender = dict(user) if user is not None else telegram_user()
    return {
        "id": query_id or str(next_number() * 1_000_003),
        "from": sender,
        "message": dict(message),
        "chat_instance": _chat_instance(message.get("chat", {}).get("id")),
        "data": data,
    }


def _chat_instance(chat_id: Any) -> str:
    # Opaque but stable per chat, like Telegram's.
    digest = hashlib.sha256(str(chat_id).encode()).hexdigest()
    return str(-int(digest[:15], 16))


TELEGRAM_UPDATE_KINDS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
    "my_chat_member",
)


def telegram_update(update_id: int, **content: Mapping[str, Any]) -> JSON:
    """An Update carries exactly one optional field, e.g. `telegram_update(1, message=…)`."""
    if len(content) != 1 or next(iter(content)) not in TELEGRAM_UPDATE_KINDS:
        raise ValueError(f"an Update needs exactly one of {TELEGRAM_UPDATE_KINDS}")
    kind, value = next(iter(content.items()))
    return {"update_id": update_id, kind: dict(value)}


def telegram_update_kind(update: Mapping[str, Any]) -> str | None:
    return next((kind for kind in update if kind != "update_id"), None)
