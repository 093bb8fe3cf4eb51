"""WhatsApp Cloud API calls: send a message, download media (through SIGAP_META_GRAPH_URL)."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import httpx
from django.conf import settings

from sigap.channels.adapters import (
    PermanentSendError,
    RecipientUnreachableError,
    SendError,
    SendResult,
    WindowClosedError,
)
from sigap.channels.http import MediaError, client
from sigap.channels.models import ChannelAccount, OutboundMessage

logger = logging.getLogger(__name__)

# Graph error codes (research/protocols.md 1.12).
WINDOW_CLOSED = {"131047"}
UNREACHABLE = {"131026"}
THROTTLED = {"130429", "131056", "131048", "4", "80007", "131057"}
TEMPORARY = {"131000", "131052", "131053", "1", "2"}
MAX_MEDIA_BYTES = 100 * 1024 * 1024


def _auth(account: ChannelAccount) -> dict[str, str]:
    return {"Authorization": f"Bearer {account.access_token}"}


def send(outbound: OutboundMessage, *, window_open: bool) -> SendResult:
    account = outbound.account
    template = template_for(outbound)
    if not window_open and template is None:
        raise PermanentSendError(
            "Jendela 24 jam WhatsApp tertutup dan tidak ada template yang disetujui untuk "
            f"'{outbound.purpose}'. Atur template pada akun kanal.",
            code="no_template",
        )
    body = _body(outbound, None if window_open else template)
    url = f"{settings.SIGAP_META_GRAPH_URL}/{account.external_id}/messages"
    try:
        response = client().post(url, json=body, headers=_auth(account))
    except httpx.HTTPError as exc:
        raise SendError(f"Graph API tidak dapat dihubungi: {exc}", code="network") from exc
    if response.status_code == 200:
        data = response.json()
        message_id = str((data.get("messages") or [{}])[0].get("id", ""))
        return SendResult(
            provider_message_id=message_id, used_template=body.get("template", {}).get("name", "")
        )
    raise _error(response)


def template_for(outbound: OutboundMessage) -> dict[str, Any] | None:
    """The approved template for this purpose (configured per account, language id)."""
    templates = outbound.account.config.get("templates") or {}
    template = templates.get(outbound.purpose) or templates.get("default")
    return template if isinstance(template, dict) and template.get("name") else None


def _body(outbound: OutboundMessage, template: dict[str, Any] | None) -> dict[str, Any]:
    identity = outbound.identity
    body: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "biz_opaque_callback_data": f"outbox:{outbound.pk}",
    }
    if identity.external_id.isdigit():
        body["to"] = identity.external_id
    else:  # a business-scoped user id (username users have no phone number for us)
        body["recipient"] = identity.external_id
    if template is None:
        body.update(type="text", text={"preview_url": False, "body": outbound.message.text[:4096]})
        return body
    body.update(type="template", template=_template_body(outbound, template))
    return body


def _template_body(outbound: OutboundMessage, template: dict[str, Any]) -> dict[str, Any]:
    data = outbound.message.data or {}
    # Templates take short parameters: the tracking number and a one-line summary.
    values = [str(data.get("tracking_number", "")), outbound.message.text.splitlines()[0][:900]]
    count = int(template.get("parameters", 2))
    return {
        "name": template["name"],
        "language": {"code": template.get("language", "id")},
        "components": [
            {
                "type": "body",
                "parameters": [{"type": "text", "text": v or "-"} for v in values[:count]],
            }
        ],
    }


def _error(response: httpx.Response) -> SendError:
    try:
        error = response.json().get("error") or {}
    except ValueError:
        error = {}
    code = str(error.get("code", response.status_code))
    message = (
        f"Graph API {response.status_code} ({code}): {error.get('message', response.text[:200])}"
    )
    if code in WINDOW_CLOSED:
        return WindowClosedError(message, code=code)
    if code in UNREACHABLE:
        return RecipientUnreachableError(message, code=code)
    if code in THROTTLED or response.status_code == 429:
        return SendError(message, code=code, retry_after=_retry_after(response, code))
    if code in TEMPORARY or response.status_code >= 500:
        return SendError(message, code=code)
    return PermanentSendError(message, code=code)


def _retry_after(response: httpx.Response, code: str) -> float:
    header = response.headers.get("Retry-After")
    if header and header.isdigit():
        return float(header)
    return 6.0 if code == "131056" else 2.0  # the pair limit is about one message per 6 s


def phone_number_get(account: ChannelAccount, *, fields: str, timeout: float) -> httpx.Response:
    """GET /{phone_number_id}: the number as Meta sees it (the connection check reads it)."""
    url = f"{settings.SIGAP_META_GRAPH_URL}/{account.external_id}"
    return client().get(url, params={"fields": fields}, headers=_auth(account), timeout=timeout)


def media_download(account: ChannelAccount, media_id: str) -> bytes:
    """GET /{media-id} for a short-lived URL, then the bytes with the same bearer token."""
    if not media_id:
        raise MediaError("media tanpa id", retryable=False)
    try:
        meta = client().get(f"{settings.SIGAP_META_GRAPH_URL}/{media_id}", headers=_auth(account))
        if meta.status_code != 200:
            # An unknown media id (400, 404) stays unknown; a token being replaced (401, 403),
            # throttling and server errors may pass.
            retryable = meta.status_code not in (400, 404, 410)
            raise MediaError(
                f"metadata media {media_id}: HTTP {meta.status_code}", retryable=retryable
            )
        info = meta.json()
        if int(info.get("file_size") or 0) > MAX_MEDIA_BYTES:
            raise MediaError(f"media {media_id} terlalu besar", retryable=False)
        download = client().get(str(info["url"]), headers=_auth(account))
    except httpx.HTTPError as exc:
        raise MediaError(f"media {media_id}: {exc}") from exc
    except (KeyError, ValueError, TypeError, AttributeError) as exc:  # metadata of another shape
        raise MediaError(f"media {media_id}: {exc}", retryable=False) from exc
    if download.status_code != 200:
        raise MediaError(f"unduhan media {media_id}: HTTP {download.status_code}")
    expected = str(info.get("sha256") or "")
    if len(expected) == 64 and hashlib.sha256(download.content).hexdigest() != expected.lower():
        raise MediaError(f"media {media_id}: sha256 tidak cocok")
    return download.content
