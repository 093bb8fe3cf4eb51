"""Telegram Bot API calls: send a message, download a file, manage the webhook.

Everything goes through ``SIGAP_TELEGRAM_API_URL`` (the stand-in in tests and the demo).
"""

from __future__ import annotations

import logging
import math
import re
from typing import Any

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from sigap.catalog.models import CaseKind, Priority
from sigap.channels.adapters import (
    PermanentSendError,
    RecipientUnreachableError,
    SendError,
    SendResult,
)
from sigap.channels.http import MediaError, client
from sigap.channels.models import ChannelAccount, OutboundMessage
from sigap.channels.webhook_input import json_parse

logger = logging.getLogger(__name__)

# sendMessage takes 1-4096 characters; Telegram counts UTF-16 code units (an emoji is two).
TEXT_LIMIT = 4096
# The cloud Bot API serves files up to 20 MB through getFile (protocols.md 3.2).
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
# Updates Sigap handles; setWebhook persists the list until it is changed.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class BotApiError(Exception):
    """An answer with ``"ok": false`` (or no usable answer at all: ``status`` 0 or a 5xx)."""

    def __init__(self, status: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(f"Telegram {status}: {description}")
        self.status = status
        self.description = description
        self.retry_after = retry_after


def _redact(text: str, account: ChannelAccount) -> str:
    # The token is part of every URL; it must never reach an outbox row or a log line.
    token = account.access_token
    return text.replace(token, "<token>") if token else text


def bot_call(
    account: ChannelAccount, method: str, params: dict[str, Any], *, timeout: float | None = None
) -> Any:
    """POST one Bot API method as JSON and return its ``result``.

    Raises ``BotApiError`` for refusals and ``httpx.HTTPError`` when Telegram is unreachable.
    ``timeout`` overrides the client's (the connection check waits less than a send).
    """
    return _answer(account, method, params, timeout=timeout).get("result")


def _answer(
    account: ChannelAccount,
    method: str,
    params: dict[str, Any],
    *,
    timeout: float | None = None,
) -> dict[str, Any]:
    url = f"{settings.SIGAP_TELEGRAM_API_URL}/bot{account.access_token}/{method}"
    wait = httpx.USE_CLIENT_DEFAULT if timeout is None else timeout
    response = client().post(url, json=params, timeout=wait)
    try:
        answer = json_parse(response.content)
    except ValueError:  # not JSON, or nested too deeply to read
        answer = None
    if not isinstance(answer, dict):
        raise BotApiError(
            response.status_code if response.status_code >= 400 else 0,
            _redact(response.text[:200], account) or "jawaban bukan JSON",
        )
    if answer.get("ok") is True:
        return answer
    parameters = answer.get("parameters") or {}
    retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
    raise BotApiError(
        _error_code(answer.get("error_code"), response.status_code),
        _redact(str(answer.get("description") or ""), account),
        _seconds(retry_after),
    )


def _error_code(value: Any, status: int) -> int:
    """Telegram's error_code, or the HTTP status when it is missing or not a usable number."""
    try:
        code = int(value)
    except (TypeError, ValueError, OverflowError):
        return status
    return code if 0 < code < 1000 else status


def _seconds(value: Any) -> float | None:
    """A retry_after the outbox can wait for: a finite, non-negative number of seconds."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        seconds = float(value)
    except OverflowError:  # an integer too large for a float
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


# -- sending ---------------------------------------------------------------------------------


def send(outbound: OutboundMessage) -> SendResult:
    """Send the row's text as one or more plain-text messages (no parse_mode: no escaping).

    Telegram has no customer-service window, so there is nothing like WhatsApp's templates.
    A text longer than one message is split rather than cut: a staff reply must arrive whole.
    If a later part fails, the retry sends every part again (the outbox is at-least-once).
    """
    account = outbound.account
    chat_id = _chat_id(outbound.identity.external_id)
    parts = text_chunks(outbound.message.text)
    if not parts:
        raise PermanentSendError("Pesan kosong tidak dapat dikirim ke Telegram.", code="empty")
    markup = _reply_markup(outbound)
    first_id = ""
    for index, part in enumerate(parts):
        params: dict[str, Any] = {"chat_id": chat_id, "text": part}
        if markup is not None and index == len(parts) - 1:
            params["reply_markup"] = markup
        result = _send_part(account, params)
        first_id = first_id or str((result or {}).get("message_id", ""))
    return SendResult(provider_message_id=f"{chat_id}:{first_id}")


def _chat_id(external_id: str) -> int | str:
    # Private chat id == user id; ids pass 32 bits but fit JSON numbers (52 significant bits).
    return int(external_id) if re.fullmatch(r"-?\d+", external_id) else external_id


def _send_part(account: ChannelAccount, params: dict[str, Any]) -> Any:
    try:
        return bot_call(account, "sendMessage", params)
    except httpx.HTTPError as exc:
        detail = _redact(f"{type(exc).__name__}: {exc}", account)
        raise SendError(f"Telegram tidak dapat dihubungi: {detail}", code="network") from exc
    except BotApiError as exc:
        raise _send_error(exc) from exc


def _send_error(exc: BotApiError) -> SendError:
    message = str(exc)[:2000]
    code = str(exc.status)
    if exc.status == 429:
        return SendError(message, code=code, retry_after=exc.retry_after or 1.0)
    if exc.status == 403:
        # Blocked by the user, deactivated account, or a chat the bot may not start: all mean
        # this identity cannot be reached any more until the citizen writes again.
        return RecipientUnreachableError(message, code=code)
    if exc.status == 0 or exc.status >= 500:
        return SendError(message, code=code)
    return PermanentSendError(message, code=code)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def text_chunks(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split at the last line break (else space) that keeps each part within ``limit``."""
    text = text.strip()
    parts: list[str] = []
    while text:
        if _utf16_length(text) <= limit:
            parts.append(text)
            break
        cut = limit
        while _utf16_length(text[:cut]) > limit:
            cut -= 1
        window = text[:cut]
        at = window.rfind("\n")
        if at <= cut // 2:
            at = window.rfind(" ")
        if at <= cut // 2:  # no sensible break point: cut hard rather than send slivers
            at = cut
        parts.append(text[:at].rstrip())
        text = text[at:].strip()
    return [part for part in parts if part]


def _reply_markup(outbound: OutboundMessage) -> dict[str, Any] | None:
    """A one-tap "send location" button under an emergency acknowledgement."""
    case = outbound.message.case if outbound.purpose == "ack" else None
    if case is None or not (case.priority == Priority.EMERGENCY or case.kind == CaseKind.EMERGENCY):
        return None
    return {
        "keyboard": [[{"text": _("Kirim lokasi"), "request_location": True}]],
        "one_time_keyboard": True,
        "resize_keyboard": True,
    }


# -- files -----------------------------------------------------------------------------------


def file_download(account: ChannelAccount, file_id: str) -> bytes:
    """getFile for the path, then ``/file/bot<token>/<file_path>`` (link valid at least 1 h)."""
    if not file_id:
        raise MediaError("berkas tanpa file_id", retryable=False)
    try:
        info = bot_call(account, "getFile", {"file_id": file_id}) or {}
        if _file_size(info.get("file_size")) > MAX_DOWNLOAD_BYTES:
            raise MediaError(f"berkas {file_id} lebih dari 20 MB", retryable=False)
        path = str(info["file_path"])
        url = f"{settings.SIGAP_TELEGRAM_API_URL}/file/bot{account.access_token}/{path}"
        download = client().get(url)
    except BotApiError as exc:
        # 400 is "invalid file_id" or "file is too big": asking again gives the same answer.
        retryable = exc.status in (0, 429) or exc.status >= 500
        raise MediaError(f"getFile {file_id}: {exc}", retryable=retryable) from exc
    except (httpx.HTTPError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise MediaError(_redact(f"berkas {file_id}: {exc}", account)) from exc
    if download.status_code != 200:
        raise MediaError(f"unduhan berkas {file_id}: HTTP {download.status_code}")
    return download.content


def _file_size(value: Any) -> int:
    """getFile's file_size; 0 (unknown, as when absent) when it is not a usable number."""
    try:
        return int(value or 0)
    except (TypeError, ValueError, OverflowError):
        return 0


# -- webhook management (the `sigap telegram` command) ----------------------------------------


def webhook_set(account: ChannelAccount, url: str, *, drop_pending: bool = False) -> str:
    """setWebhook with the account's secret token; returns Telegram's description."""
    if not SECRET_TOKEN.fullmatch(account.webhook_secret or ""):
        raise ValueError(
            "Rahasia webhook akun harus 1-256 karakter A-Z, a-z, 0-9, _ atau - (secret_token)."
        )
    params = {
        "url": url,
        "secret_token": account.webhook_secret,
        "allowed_updates": ALLOWED_UPDATES,
        "drop_pending_updates": drop_pending,
    }
    return str(_answer(account, "setWebhook", params).get("description") or "Webhook was set")


def webhook_info(account: ChannelAccount, *, timeout: float | None = None) -> dict[str, Any]:
    info = bot_call(account, "getWebhookInfo", {}, timeout=timeout)
    return info if isinstance(info, dict) else {}
