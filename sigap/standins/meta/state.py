"""Configuration and state of the Meta stand-in: settings, media, customer-service windows."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sigap.standins import payloads

JSON = dict[str, Any]

HOUR = 3600.0
CUSTOMER_SERVICE_WINDOW = 24 * HOUR
HUMAN_AGENT_WINDOW = 7 * 24 * HOUR


@dataclass
class MetaConfig:
    """Configuration; every field is also a keyword argument of `serve()` / `MetaStandin()`."""

    tokens: dict[str, str] = field(default_factory=dict)  # WhatsApp phone_number_id -> token
    instagram_tokens: dict[str, str] = field(default_factory=dict)  # IG account id -> token
    webhook_url: str | None = None  # Sigap's WhatsApp webhook
    app_secret: str = "demo-app-secret"  # noqa: S105 - the documented demo value, not a secret
    # Instagram Login apps sign with the Instagram app secret, which differs from the Meta one.
    instagram_webhook_url: str | None = None
    instagram_app_secret: str | None = None
    status_webhooks: bool = True
    status_delay: float = 0.05  # seconds between acceptance and `sent`, and between statuses
    read_receipts: bool = False  # also report `read` after `delivered`
    instagram_echoes: bool = True  # post `is_echo` webhooks for our own Instagram sends
    enforce_windows: bool = True  # False: every customer-service window counts as open
    waba_id: str = payloads.DEFAULT_WABA_ID
    display_phone_numbers: dict[str, str] = field(default_factory=dict)
    # What `GET /{phone_number_id}` reports (health checks): Meta's verified display name and
    # the number's quality rating (GREEN, YELLOW, RED, UNKNOWN).
    verified_names: dict[str, str] = field(default_factory=dict)
    quality_ratings: dict[str, str] = field(default_factory=dict)
    instagram_usernames: dict[str, str] = field(default_factory=dict)  # for `GET /me`
    media_url_ttl: float = 300.0  # lookaside URLs are valid for 5 minutes
    public_url: str | None = None  # base of media URLs when reached through another host name


@dataclass(frozen=True)
class Media:
    media_id: str
    data: bytes
    mime_type: str
    phone_number_id: str | None = None

    @property
    def sha256_hex(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def sha256_b64(self) -> str:
        """The encoding used in the `sha256` of inbound media webhooks."""
        return base64.b64encode(hashlib.sha256(self.data).digest()).decode()


class WindowBook:
    """Last inbound message time per (channel, business id, user id)."""

    def __init__(self) -> None:
        self._last: dict[tuple[str, str, str], float] = {}
        self._lock = threading.Lock()

    def touch(self, channel: str, business_id: str, user_id: str, at: float) -> None:
        # Keep the newest: a re-delivered old webhook must not shorten an open window.
        key = (channel, business_id, user_id)
        with self._lock:
            self._last[key] = max(at, self._last.get(key, at))

    def set(self, channel: str, business_id: str, user_id: str, at: float | None) -> None:
        with self._lock:
            if at is None:
                self._last.pop((channel, business_id, user_id), None)
            else:
                self._last[(channel, business_id, user_id)] = at

    def age(self, channel: str, business_id: str, user_id: str) -> float | None:
        last = self._last.get((channel, business_id, user_id))
        return None if last is None else time.time() - last

    def clear(self) -> None:
        with self._lock:
            self._last.clear()


@dataclass(frozen=True)
class AcceptedSend:
    """An accepted WhatsApp send, as needed for its status webhooks."""

    phone_number_id: str
    wamid: str
    wa_id: str | None
    bsuid: str | None
    kind: str
    body: JSON


def wa_key(recipient: str) -> str:
    """wa_ids are digits only: `+62 812-3456` and `628123456` address the same user."""
    digits = re.sub(r"[\s+\-()]", "", str(recipient))
    return digits if digits.isdigit() else str(recipient)


def status_pricing(kind: str, in_window: bool) -> JSON:
    # Per-message pricing (July 2025): service replies and in-window utility templates are free.
    if kind != "template":
        return payloads.whatsapp_pricing(
            billable=False, category="service", pricing_type="free_customer_service"
        )
    pricing_type = "free_customer_service" if in_window else "regular"
    return payloads.whatsapp_pricing(
        billable=not in_window, category="utility", pricing_type=pricing_type
    )
