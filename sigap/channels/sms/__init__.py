"""SMS through any gateway that speaks Sigap's one generic HTTP contract (docs/channels-sms.md).

Indonesian Pemdas run many gateways (Gammu/Kannel/playSMS boxes, SMS Gateway for Android, Infobip,
local aggregators). Sigap does not integrate each one: it documents one signed contract and a small
relay or the gateway's own webhook feature maps to it. This module holds what both directions of
the contract share: header names, limits and the signature.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Sigap-Signature"
TIMESTAMP_HEADER = "X-Sigap-Timestamp"
# A signed request older (or newer) than this is refused: a captured request cannot be replayed
# later, and the window is wide enough for a gateway box whose clock drifts a little.
MAX_CLOCK_SKEW_SECONDS = 300
# An SMS is at most a few hundred characters; a large body is an error or an attack.
MAX_BODY_BYTES = 64 * 1024
# Our outbox id as the gateway sees it (the idempotency key of a send); delivery reports that
# carry it instead of the gateway's own id still find the row.
OUTBOX_ID_PREFIX = "sigap-"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """`X-Sigap-Signature`: ``sha256=`` + hex HMAC-SHA256 of ``f"{timestamp}.{body}"``."""
    message = timestamp.encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_valid(secret: str, timestamp: str, signature: str, body: bytes) -> bool:
    """Constant-time check of a signature over the raw body (never a re-serialised one)."""
    if not secret or not _is_unix_seconds(timestamp) or not signature.startswith("sha256="):
        return False
    # Bytes: compare_digest raises TypeError on a non-ASCII str ("sha256=é" sent as latin-1).
    given = signature.strip().lower().encode("utf-8", errors="replace")
    return hmac.compare_digest(sign(secret, timestamp, body).encode(), given)


def timestamp_fresh(timestamp: str, now: float) -> bool:
    return _is_unix_seconds(timestamp) and abs(now - int(timestamp)) <= MAX_CLOCK_SKEW_SECONDS


def _is_unix_seconds(value: str) -> bool:
    # isdigit() alone accepts other scripts' digits ("١٢٣"), which are not ASCII to sign.
    return value.isascii() and value.isdigit() and len(value) <= 12
