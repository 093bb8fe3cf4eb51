"""`/webhooks/whatsapp`: one URL for every number. Verify, store raw, answer 200 fast."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from sigap.channels.models import ChannelAccount, ChannelKind, EventStatus
from sigap.channels.services.events import inbound_event_store

logger = logging.getLogger(__name__)


@csrf_exempt
@login_not_required
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _verify(request)
    return _receive(request)


def _verify(request: HttpRequest) -> HttpResponse:
    """Meta's subscription handshake: echo hub.challenge when the verify token is ours."""
    token = request.GET.get("hub.verify_token", "")
    if request.GET.get("hub.mode") == "subscribe" and token and _verify_token_known(token):
        return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
    logger.warning("whatsapp webhook verification refused")
    return HttpResponse("verifikasi ditolak", status=403, content_type="text/plain")


def _verify_token_known(token: str) -> bool:
    accounts = ChannelAccount.objects.filter(kind=ChannelKind.WHATSAPP, is_active=True)
    return any(hmac.compare_digest(a.verify_token, token) for a in accounts if a.verify_token)


def _receive(request: HttpRequest) -> HttpResponse:
    length = int(request.headers.get("Content-Length") or 0)
    if length > settings.SIGAP_WEBHOOK_MAX_BYTES:
        logger.warning("whatsapp webhook refused: %s bytes", length)
        return HttpResponse("payload terlalu besar", status=413, content_type="text/plain")
    body = request.body  # the raw bytes: re-serialised JSON would not match the signature
    if len(body) > settings.SIGAP_WEBHOOK_MAX_BYTES:
        return HttpResponse("payload terlalu besar", status=413, content_type="text/plain")
    signature = request.headers.get("X-Hub-Signature-256", "")
    numbers = _phone_number_ids(body)
    account = _signing_account(body, signature, numbers)
    if account is None:
        logger.warning("whatsapp webhook with missing or forged signature refused")
        return HttpResponse("tanda tangan tidak sah", status=403, content_type="text/plain")
    # A body naming numbers none of which is ours is unroutable; a body we cannot read at all
    # is stored for processing, which records why it is ignored.
    known = account.external_id in numbers or not numbers
    inbound_event_store(
        channel=ChannelKind.WHATSAPP,
        external_id="sha256:" + hashlib.sha256(body).hexdigest(),
        body=body.decode("utf-8", errors="replace"),
        headers={"signature": signature[:80]},
        account=account if known else None,
        status=EventStatus.PENDING if known else EventStatus.UNROUTABLE,
        note="" if known else f"phone_number_id tidak dikenal: {sorted(numbers)}",
    )
    return HttpResponse("ok", content_type="text/plain")


def _phone_number_ids(body: bytes) -> set[str]:
    try:
        envelope = json.loads(body)
        return {
            str(change["value"]["metadata"]["phone_number_id"])
            for entry in envelope.get("entry", [])
            for change in entry.get("changes", [])
            if isinstance(change.get("value"), dict) and "metadata" in change["value"]
        }
    except (ValueError, TypeError, KeyError, AttributeError):
        return set()


def _signing_account(body: bytes, signature: str, numbers: set[str]) -> ChannelAccount | None:
    """The account whose app secret signed this body: first the numbers named in it, then any
    WhatsApp account (an unknown number or malformed body signed with our app's secret)."""
    if not signature.startswith("sha256="):
        return None
    given = signature.removeprefix("sha256=")
    accounts = ChannelAccount.objects.filter(
        kind=ChannelKind.WHATSAPP, is_active=True
    ).select_related("pemda")
    ordered = sorted(accounts, key=lambda a: a.external_id not in numbers)
    seen: set[str] = set()
    for account in ordered:
        secret = account.app_secret
        if not secret or secret in seen:
            continue
        seen.add(secret)
        expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        if hmac.compare_digest(expected, given):
            return account
    return None
