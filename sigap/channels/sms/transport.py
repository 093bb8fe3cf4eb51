"""Send one SMS through the account's gateway (``config["send_url"]``), signed like inbound.

The gateway splits a long text into a concatenated SMS; we only make sure it fits in
``config["max_parts"]`` parts (default 3), truncating with an ellipsis when it does not.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx
from django.conf import settings

from sigap.channels.adapters import PermanentSendError, SendError, SendResult
from sigap.channels.models import ChannelAccount, OutboundMessage
from sigap.channels.sms import OUTBOX_ID_PREFIX, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from sigap.channels.sms.inbound import provider_id
from sigap.channels.webhook_input import json_parse
from sigap.contacts.services import normalize_msisdn

logger = logging.getLogger(__name__)

DEFAULT_MAX_PARTS = 3
DEFAULT_RETRY_AFTER = 30.0

# GSM 03.38 default alphabet; the extension table's characters take two septets (escape + char).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")
# Units per SMS: one SMS, and one part of a concatenated SMS (the UDH takes the rest).
LIMITS = {"gsm7": (160, 153), "ucs2": (70, 67)}
# "…" is not in GSM-7: it would switch the whole text to UCS-2 and cut what fits from 459 to
# 201 characters, so a GSM-7 text is cut with three dots instead.
ELLIPSIS = {"gsm7": "...", "ucs2": "…"}

_client: httpx.Client | None = None


@dataclass(frozen=True)
class SmsFit:
    text: str
    encoding: str  # gsm7 or ucs2
    parts: int
    truncated: bool


def client() -> httpx.Client:
    """One pooled client per process: keep-alive to the gateway box."""
    global _client
    if _client is None:
        _client = httpx.Client(timeout=settings.SIGAP_HTTP_TIMEOUT_SECONDS)
    return _client


# -- length ------------------------------------------------------------------------------------


def encoding_of(text: str) -> str:
    return "gsm7" if all(ch in GSM7_BASIC or ch in GSM7_EXTENDED for ch in text) else "ucs2"


def _units(ch: str, encoding: str) -> int:
    if encoding == "gsm7":
        return 2 if ch in GSM7_EXTENDED else 1
    return 2 if ord(ch) > 0xFFFF else 1  # UTF-16: astral characters (emoji) are a pair


def _capacity(text: str, encoding: str, parts: int) -> int:
    single, per_part = LIMITS[encoding]
    if parts <= 1:
        return single
    # A two-unit character is never split across parts, which can waste one unit per boundary.
    wide = any(_units(ch, encoding) == 2 for ch in text)
    return per_part * parts - (parts - 1 if wide else 0)


def sms_fit(text: str, max_parts: int = DEFAULT_MAX_PARTS) -> SmsFit:
    """``text`` as it fits in ``max_parts`` SMS parts, and how many parts it takes."""
    max_parts = max(1, max_parts)
    encoding = encoding_of(text)
    used = sum(_units(ch, encoding) for ch in text)
    single, per_part = LIMITS[encoding]
    if used <= single:
        return SmsFit(text, encoding, 1, truncated=False)
    capacity = _capacity(text, encoding, max_parts)
    if used <= capacity:
        return SmsFit(text, encoding, min(max_parts, -(-used // per_part)), truncated=False)
    suffix = ELLIPSIS[encoding]
    budget = capacity - sum(_units(ch, encoding) for ch in suffix)
    kept: list[str] = []
    for ch in text:
        budget -= _units(ch, encoding)
        if budget < 0:
            break
        kept.append(ch)
    return SmsFit("".join(kept).rstrip() + suffix, encoding, max_parts, truncated=True)


# -- sending -----------------------------------------------------------------------------------


def signed_headers(account: ChannelAccount, body: bytes) -> dict[str, str]:
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(account.webhook_secret, timestamp, body),
    }
    if account.access_token:
        headers["Authorization"] = f"Bearer {account.access_token}"
    return headers


def send(outbound: OutboundMessage) -> SendResult:
    """POST {id, to, text, from}; ``id`` is stable across retries so the gateway can drop a
    repeat of a send whose answer we never got (a timeout after the gateway accepted it)."""
    account = outbound.account
    url = str(account.config.get("send_url") or "")
    if not url or not account.webhook_secret:
        raise PermanentSendError(
            "Gateway SMS belum diatur: isi send_url dan rahasia webhook pada akun kanal.",
            code="not_configured",
        )
    our_id = f"{OUTBOX_ID_PREFIX}{outbound.pk}"
    fit = sms_fit(outbound.message.text, _max_parts(account))
    if fit.truncated:
        logger.warning(
            "sms outbound %s truncated to %s %s parts", outbound.pk, fit.parts, fit.encoding
        )
    payload = {
        "id": our_id,
        "to": normalize_msisdn(outbound.identity.external_id),
        "text": fit.text,
        "from": account.external_id,
    }
    body = json.dumps(payload, ensure_ascii=False).encode()
    try:
        response = client().post(
            url,
            content=body,
            headers=signed_headers(account, body),
            timeout=settings.SIGAP_HTTP_TIMEOUT_SECONDS,
        )
    except httpx.TimeoutException as exc:
        raise SendError(f"gateway SMS tidak menjawab: {exc}", code="timeout") from exc
    except httpx.HTTPError as exc:
        raise SendError(f"gateway SMS tidak dapat dihubungi: {exc}", code="network") from exc
    if response.is_success:
        return SendResult(provider_message_id=provider_id(account, _gateway_id(response, our_id)))
    raise _error(response)


def _max_parts(account: ChannelAccount) -> int:
    try:
        return int(account.config.get("max_parts", DEFAULT_MAX_PARTS))
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_MAX_PARTS


def _gateway_id(response: httpx.Response, our_id: str) -> str:
    """The gateway's id for delivery reports; a gateway that gives none reports with ours."""
    try:
        data = json_parse(response.content)
    except ValueError:  # not JSON, or nested too deeply to read
        return our_id
    gateway_id = data.get("id") if isinstance(data, dict) else None
    return str(gateway_id)[:200] if gateway_id not in (None, "") else our_id


def _error(response: httpx.Response) -> SendError:
    status = response.status_code
    message = f"gateway SMS {status}: {_reason(response)}"
    if status == 429:
        return SendError(message, code="429", retry_after=_retry_after(response))
    if status >= 500:
        return SendError(message, code=str(status))
    # 4xx: the gateway refused this message (bad number, auth, validation); a 3xx means the
    # send_url is wrong. Neither gets better by retrying.
    return PermanentSendError(message, code=str(status))


def _reason(response: httpx.Response) -> str:
    try:
        data = json_parse(response.content)
    except ValueError:  # not JSON, or nested too deeply to read
        return response.text[:200]
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])[:200]
    return response.text[:200]


def _retry_after(response: httpx.Response) -> float:
    header = response.headers.get("Retry-After", "").strip()
    if header.isdigit():
        return float(header)
    try:
        moment = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER
    return max(1.0, moment.timestamp() - time.time())
