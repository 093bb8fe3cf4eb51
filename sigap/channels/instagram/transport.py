"""Instagram Send API calls and attachment downloads (through SIGAP_INSTAGRAM_GRAPH_URL).

Reply windows (research/protocols.md 2.4): inside 24 h of the citizen's last message anything
may be sent; between 24 h and 7 days only a human agent's reply, tagged HUMAN_AGENT; after that
nothing. Instagram has no templates, so a closed window is final for this channel.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.cases.models import Message
from sigap.channels.adapters import PermanentSendError, SendError, SendResult
from sigap.channels.http import MediaError, client
from sigap.channels.models import ChannelAccount, Conversation, OutboundMessage

logger = logging.getLogger(__name__)

TEXT_LIMIT_BYTES = 1000  # the Send API counts UTF-8 bytes, not characters
HUMAN_AGENT_WINDOW = timedelta(days=7)
# Graph error codes (research/protocols.md 2.4, 2.5).
OUTSIDE_WINDOW = ("10", "2534022")
THROTTLED = {"4", "17", "32", "613"}
TEMPORARY = {"1", "2"}
ACCESS_REVOKED = {"190"}  # the access token expired or was revoked
DEFAULT_RETRY_AFTER = 60.0  # Graph usage limits are rolling windows measured in minutes
# Where a multi-part send records the parts already accepted, so a retry never repeats them.
PARTS_KEY = "instagram_parts_sent"


def send(outbound: OutboundMessage, *, window_open: bool) -> SendResult:
    fields = messaging_fields(outbound, window_open=window_open)
    parts = text_parts(outbound.message.text)
    if not parts:
        raise PermanentSendError(_("Pesan kosong tidak dapat dikirim."), code="empty")
    sent = list((outbound.message.data or {}).get(PARTS_KEY) or [])
    for part in parts[len(sent) :]:
        body = {"recipient": {"id": outbound.identity.external_id}, **fields}
        body["message"] = {"text": part}
        sent.append(_post(outbound.account, body))
        if len(parts) > 1:
            _parts_record(outbound, sent)
    return SendResult(provider_message_id=sent[-1])


def messaging_fields(outbound: OutboundMessage, *, window_open: bool) -> dict[str, str]:
    """The extra Send API fields the reply window requires, or a permanent refusal."""
    if window_open:
        return {}
    age = _since_last_inbound(outbound)
    within_seven_days = age is not None and age < HUMAN_AGENT_WINDOW
    if within_seven_days and _is_human_reply(outbound):
        return {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
    if within_seven_days:
        raise PermanentSendError(
            _(
                "Instagram tidak mengizinkan pesan otomatis di luar jendela 24 jam sejak pesan "
                "terakhir warga; gunakan kanal lain."
            ),
            code="window_24h",
        )
    raise PermanentSendError(
        _(
            "Instagram tidak mengizinkan pesan di luar jendela 7 hari sejak pesan terakhir "
            "warga; gunakan kanal lain."
        ),
        code="window_7d",
    )


def _since_last_inbound(outbound: OutboundMessage) -> timedelta | None:
    last = (
        Conversation.objects.filter(account=outbound.account, identity=outbound.identity)
        .values_list("last_inbound_at", flat=True)
        .first()
    )
    return None if last is None else timezone.now() - last


def _is_human_reply(outbound: OutboundMessage) -> bool:
    """HUMAN_AGENT is only for a person's reply: Meta bans it for automated messages, and an
    account whose app lacks the Human Agent permission can switch it off in its config."""
    return (
        outbound.purpose == "reply"
        and outbound.message.author_id is not None
        and outbound.account.config.get("human_agent", True) is not False
    )


def text_parts(text: str, limit: int = TEXT_LIMIT_BYTES) -> list[str]:
    """Split on whitespace into parts of at most ``limit`` UTF-8 bytes.

    Several messages rather than truncation: a staff reply cut short would silently drop what
    the officer wrote. A single word longer than the limit (a long URL) is cut between
    characters, never inside a multi-byte one.
    """
    parts: list[str] = []
    current = ""
    for token in re.split(r"(\s+)", text.strip()):
        if not token:
            continue
        if _size(current + token) <= limit:
            current += token
            continue
        if current.strip():
            parts.append(current.rstrip())
        current = "" if token.isspace() else token
        while _size(current) > limit:
            head = current.encode()[:limit].decode("utf-8", errors="ignore")
            parts.append(head)
            current = current[len(head) :]
    if current.strip():
        parts.append(current.rstrip())
    return parts


def _size(text: str) -> int:
    return len(text.encode())


def _parts_record(outbound: OutboundMessage, sent: list[str]) -> None:
    data = {**(outbound.message.data or {}), PARTS_KEY: sent}
    Message.objects.filter(pk=outbound.message_id).update(data=data)
    outbound.message.data = data


def _post(account: ChannelAccount, body: dict[str, Any]) -> str:
    # /me is the account the token belongs to: the same path for Instagram Login and for a
    # Page token (Facebook Login variant).
    url = f"{settings.SIGAP_INSTAGRAM_GRAPH_URL}/me/messages"
    headers = {"Authorization": f"Bearer {account.access_token}"}
    try:
        response = client().post(url, json=body, headers=headers)
    except httpx.HTTPError as exc:
        raise SendError(f"Graph API tidak dapat dihubungi: {exc}", code="network") from exc
    if response.status_code != 200:
        raise _error(response)
    try:
        return str(response.json().get("message_id") or "")
    except (ValueError, AttributeError):
        return ""  # accepted; without an id we only lose read tracking, never resend


def me_get(account: ChannelAccount, *, fields: str, timeout: float) -> httpx.Response:
    """GET /me: the account the token belongs to, on the host and path sends use."""
    url = f"{settings.SIGAP_INSTAGRAM_GRAPH_URL}/me"
    headers = {"Authorization": f"Bearer {account.access_token}"}
    return client().get(url, params={"fields": fields}, headers=headers, timeout=timeout)


def _error(response: httpx.Response) -> SendError:
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    code = str(error.get("code", response.status_code))
    subcode = str(error.get("error_subcode", ""))
    label = f"{code}/{subcode}" if subcode else code
    reason = error.get("message", response.text[:200])
    detail = f"Graph API {response.status_code} ({label}): {reason}"
    if (code, subcode) == OUTSIDE_WINDOW:
        text = _("Instagram menolak pesan di luar jendela balasan; gunakan kanal lain.")
        return PermanentSendError(f"{text} {detail}", code=label)
    if code in ACCESS_REVOKED:
        text = _("Token akses Instagram tidak berlaku; perbarui token pada akun kanal.")
        return PermanentSendError(f"{text} {detail}", code=label)
    if response.status_code == 429 or code in THROTTLED:
        return SendError(detail, code=label, retry_after=_retry_after(response))
    if code in TEMPORARY or response.status_code >= 500:
        return SendError(detail, code=label)
    return PermanentSendError(detail, code=label)


def _retry_after(response: httpx.Response) -> float:
    header = response.headers.get("Retry-After", "")
    if header.isdigit():
        return float(header)
    # Business use case throttling says how long until access returns, in minutes.
    try:
        usage = json.loads(response.headers.get("X-Business-Use-Case-Usage", "") or "{}")
        minutes = max(
            float(item.get("estimated_time_to_regain_access") or 0)
            for items in usage.values()
            for item in items
        )
    except (ValueError, TypeError, AttributeError):
        return DEFAULT_RETRY_AFTER
    return minutes * 60 if minutes > 0 else DEFAULT_RETRY_AFTER


def attachment_download(url: str) -> tuple[bytes, str]:
    """GET an attachment from its signed CDN URL; returns the bytes and the served type.

    No bearer token: the URL carries its own signature, and our token must never travel to a
    host named in a payload. Reading stops one byte past the attachment limit, so a huge file
    costs no memory and is then refused by the normal attachment check.
    """
    if urlsplit(url).scheme not in ("https", "http"):
        raise MediaError(f"URL lampiran tidak sah: {url[:80]!r}", retryable=False)
    limit = settings.SIGAP_MAX_ATTACHMENT_BYTES
    try:
        with client().stream("GET", url, follow_redirects=True) as response:
            if response.status_code != 200:
                # An expired or re-signed CDN URL (403/404/410) will never work again.
                retryable = response.status_code >= 500 or response.status_code == 429
                raise MediaError(f"HTTP {response.status_code}", retryable=retryable)
            content = _read_capped(response, limit + 1)
            mime = response.headers.get("Content-Type", "").split(";")[0].strip()
    except httpx.HTTPError as exc:
        raise MediaError(f"{type(exc).__name__}: {exc}") from exc
    return content, mime


def _read_capped(response: httpx.Response, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= cap:
            break
    return b"".join(chunks)[:cap]
