"""`/webhooks/telegram/<account code>`: one URL per bot. Check the secret, store raw, answer 200.

Telegram has no body signature: the only proof of origin is the ``secret_token`` given to
setWebhook, echoed in ``X-Telegram-Bot-Api-Secret-Token`` (protocols.md 3.1).
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sigap.channels.models import ChannelAccount, ChannelKind
from sigap.channels.services.events import inbound_event_store
from sigap.channels.webhook_input import declared_length, json_parse, length_refusal

logger = logging.getLogger(__name__)

# A Telegram update is a few kilobytes (files are fetched separately with getFile).
MAX_UPDATE_BYTES = 1024 * 1024
AUTH_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _max_bytes() -> int:
    return min(MAX_UPDATE_BYTES, settings.SIGAP_WEBHOOK_MAX_BYTES)


@csrf_exempt
@login_not_required
@require_POST
def webhook(request: HttpRequest, code: str) -> HttpResponse:
    refused = length_refusal(request, "telegram")
    if refused is not None:
        return HttpResponse(refused[1], status=refused[0], content_type="text/plain")
    if declared_length(request) > _max_bytes():
        return HttpResponse("payload terlalu besar", status=413, content_type="text/plain")
    account = _authentic_account(code, request.headers.get(AUTH_HEADER, ""))
    if account is None:
        # Unknown code and wrong secret answer alike: the answer never says which codes exist.
        # Telegram retries non-2xx and shows the status in getWebhookInfo.last_error_message.
        return HttpResponse("token rahasia tidak sah", status=403, content_type="text/plain")
    body = request.body
    if len(body) > _max_bytes():
        return HttpResponse("payload terlalu besar", status=413, content_type="text/plain")
    inbound_event_store(
        channel=ChannelKind.TELEGRAM,
        external_id=_dedupe_key(account, body),
        body=body.decode("utf-8", errors="replace"),
        account=account,
    )
    return HttpResponse("ok", content_type="text/plain")


def _authentic_account(code: str, given: str) -> ChannelAccount | None:
    account = (
        ChannelAccount.objects.select_related("pemda")
        .filter(kind=ChannelKind.TELEGRAM, code=code, is_active=True)
        .first()
    )
    if account is None:
        logger.warning("telegram webhook for unknown account code %r refused", code[:60])
        return None
    expected = account.webhook_secret or ""
    # Bytes, so a non-ASCII header cannot raise; an account without a secret accepts nothing.
    if not expected or not hmac.compare_digest(expected.encode(), given.encode()):
        logger.warning("telegram webhook for %s with missing or wrong secret refused", code)
        return None
    return account


def _dedupe_key(account: ChannelAccount, body: bytes) -> str:
    """update_id per bot; a body without one is keyed by its hash (still stored once)."""
    try:
        update_id = json_parse(body).get("update_id")
    except (ValueError, AttributeError):  # not JSON, too deeply nested, not an object
        update_id = None
    if isinstance(update_id, int) and not isinstance(update_id, bool):
        return f"{account.code}:{update_id}"
    return f"{account.code}:sha256:{hashlib.sha256(body).hexdigest()}"
