"""Bot API objects, errors and chat helpers of the Telegram stand-in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sigap.standins.core import Response

JSON = dict[str, Any]

# Delivered by default only when listed in allowed_updates.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}


class TelegramError(Exception):
    """`{"ok": false, "error_code": …, "description": …}` (+ `parameters.retry_after` on 429)."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body

    def response(self) -> Response:
        return Response.json(self.code, self.body())


def bad_request(description: str) -> TelegramError:
    return TelegramError(400, f"Bad Request: {description}")


def rate_limited(retry_after: int) -> TelegramError:
    return TelegramError(
        429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
    )


@dataclass(frozen=True)
class Described:
    """A result that Telegram answers with an extra `description` (setWebhook, deleteWebhook)."""

    result: Any
    description: str


@dataclass
class Webhook:
    url: str = ""
    secret_token: str | None = None
    allowed_updates: list[str] = field(default_factory=list)
    max_connections: int = 40
    pending_update_count: int = 0
    last_error_date: int | None = None
    last_error_message: str | None = None

    def info(self) -> JSON:
        info: JSON = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": self.pending_update_count,
        }
        if self.url:
            info |= {"max_connections": self.max_connections, "ip_address": "127.0.0.1"}
        if self.allowed_updates:
            info["allowed_updates"] = list(self.allowed_updates)
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info


@dataclass
class Bot:
    token: str
    id: int
    username: str
    first_name: str
    webhook: Webhook = field(default_factory=Webhook)
    next_update_id: int = 834_512_000
    queue: list[JSON] = field(default_factory=list)  # updates kept for getUpdates

    def user(self) -> JSON:
        return {
            "id": self.id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }


@dataclass(frozen=True)
class TelegramFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes

    def to_json(self) -> JSON:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


BOT_CAPABILITIES = {
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


def chat_key(chat_id: Any) -> int | str:
    """Chat ids are 64-bit integers (negative for groups) or `@channelusername`."""
    text = str(chat_id).strip()
    return int(text) if re.fullmatch(r"-?\d+", text) else text


def synthetic_chat(key: int | str) -> JSON:
    if isinstance(key, str):
        return {"id": -1_001_000_000_000, "type": "channel", "title": key, "username": key[1:]}
    if key > 0:
        return {"id": key, "type": "private", "first_name": "Warga"}
    kind = "supergroup" if str(key).startswith("-100") else "group"
    return {"id": key, "type": kind, "title": "Grup Warga"}
