"""Wire encoding, signatures, ids and defaults shared by the payload builders."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

JSON = dict[str, Any]

DEFAULT_WABA_ID = "102290129340398"
DEFAULT_PHONE_NUMBER_ID = "106540352242922"
DEFAULT_DISPLAY_PHONE_NUMBER = "6281100001111"
DEFAULT_WA_ID = "6281234567890"
DEFAULT_IG_ACCOUNT_ID = "17841400000000001"
DEFAULT_IGSID = "1135819500000001"
DEFAULT_TELEGRAM_USER_ID = 7123456789

WA_ERROR_DOCS = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"

_counter = itertools.count(1)


def next_number() -> int:
    """A process-wide increasing number for default ids."""
    return next(_counter)


@dataclass(frozen=True)
class WirePayload:
    """A webhook call as it goes over the wire."""

    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


# -- encoding and signatures -------------------------------------------------------------------


def encode(payload: Any) -> bytes:
    """Serialise like Meta does: non-ASCII escaped as \\uXXXX.

    A receiver that re-serialises the parsed JSON gets different bytes and a failing signature
    check, which is exactly the bug these payloads should catch.
    """
    return json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def sign(body: bytes, secret: str) -> str:
    """`X-Hub-Signature-256` value: HMAC-SHA256 of the raw body keyed with the app secret."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(body: bytes, signature: str, secret: str) -> bool:
    return hmac.compare_digest(sign(body, secret), signature)


def meta_wire(payload: Mapping[str, Any], app_secret: str) -> WirePayload:
    body = encode(payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "facebookexternalua",
        "X-Hub-Signature-256": sign(body, app_secret),
    }
    return WirePayload(body, headers)


def telegram_wire(update: Mapping[str, Any], secret_token: str | None = None) -> WirePayload:
    # Telegram sends UTF-8 JSON and authenticates only with the secret header (no HMAC).
    body = json.dumps(update, ensure_ascii=False, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json"}
    if secret_token:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
    return WirePayload(body, headers)


# -- ids ---------------------------------------------------------------------------------------


def new_wamid() -> str:
    """A unique id shaped like Meta's (`wamid.` + base64 of an opaque binary)."""
    raw = b"\x15\x02\x00\x11\x18\x12" + next_number().to_bytes(6, "big") + secrets.token_bytes(12)
    return "wamid." + base64.b64encode(raw).decode()


def new_instagram_mid() -> str:
    raw = f"ig_message_item:1:IGMessageThread:{next_number()}:{secrets.token_hex(12)}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def new_media_id() -> str:
    return str(10**15 + next_number() * 7919 + secrets.randbelow(7919))


def unix_seconds(timestamp: float | None) -> str:
    # WhatsApp timestamps are strings of Unix seconds.
    return str(int(time.time() if timestamp is None else timestamp))


def unix_milliseconds(timestamp_ms: int | None) -> int:
    # Instagram timestamps are integers in milliseconds.
    return int(time.time() * 1000) if timestamp_ms is None else int(timestamp_ms)


def drop_none(mapping: Mapping[str, Any]) -> JSON:
    return {key: value for key, value in mapping.items() if value is not None}
