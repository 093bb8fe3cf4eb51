"""`/webhooks/sms/<account code>` and `…/status`: authenticate, store raw, answer 200 fast."""

from __future__ import annotations

import hashlib
import logging
import time

from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sigap.channels.models import ChannelAccount, ChannelKind
from sigap.channels.services.events import inbound_event_store
from sigap.channels.sms import (
    MAX_BODY_BYTES,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    inbound,
    signature_valid,
    timestamp_fresh,
)
from sigap.channels.webhook_input import declared_length, length_refusal

logger = logging.getLogger(__name__)


@csrf_exempt
@login_not_required
@require_POST
def webhook(request: HttpRequest, code: str) -> HttpResponse:
    return _receive(request, code, kind="sms")


@csrf_exempt
@login_not_required
@require_POST
def status_webhook(request: HttpRequest, code: str) -> HttpResponse:
    return _receive(request, code, kind="status")


def _refuse(status: int, error: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": error}, status=status)


def _receive(request: HttpRequest, code: str, *, kind: str) -> HttpResponse:
    refused = length_refusal(request, "sms" if kind == "sms" else "sms status")
    if refused is not None:
        return _refuse(*refused)
    if declared_length(request) > MAX_BODY_BYTES:
        return _refuse(413, "isi terlalu besar (maksimum 64 KB)")
    body = request.body  # the raw bytes: the signature covers exactly these
    if len(body) > MAX_BODY_BYTES:
        return _refuse(413, "isi terlalu besar (maksimum 64 KB)")
    account = (
        ChannelAccount.objects.select_related("pemda")
        .filter(kind=ChannelKind.SMS, code=code, is_active=True)
        .first()
    )
    if account is None:
        return _refuse(404, "akun SMS tidak dikenal")
    timestamp = request.headers.get(TIMESTAMP_HEADER, "").strip()
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not timestamp_fresh(timestamp, time.time()):
        logger.warning("sms webhook %s refused: timestamp %r outside 5 minutes", code, timestamp)
        return _refuse(401, "stempel waktu tidak ada atau di luar batas 5 menit")
    if not signature_valid(account.webhook_secret, timestamp, signature, body):
        logger.warning("sms webhook %s refused: missing or forged signature", code)
        return _refuse(401, "tanda tangan tidak sah")
    created = _store(account, body, request.content_type or "", timestamp, kind)
    return JsonResponse({"ok": True, "duplicate": not created})


def _store(
    account: ChannelAccount, body: bytes, content_type: str, timestamp: str, kind: str
) -> bool:
    headers = {"kind": kind, "content_type": content_type, "timestamp": timestamp}
    fields: inbound.SmsFields | None = None
    try:
        data = inbound.decode(body, content_type)
        if kind == "status":
            external_id = inbound.status_key(account, data)
        else:
            fields = inbound.sms_fields(data, zone=account.pemda.timezone)
            external_id = inbound.delivery_key(account, fields)
    except inbound.MalformedSms:
        # Authentic but unreadable: kept (the processor records why it is ignored). A report
        # is keyed apart from an SMS: the same bytes posted to both are two deliveries.
        where = "status:" if kind == "status" else ""
        external_id = f"{account.code}:{where}sha256:{hashlib.sha256(body).hexdigest()}"
    if fields is not None and fields.part is not None:
        headers.update(
            sms_group=inbound.group_tag(fields), sms_part=str(fields.part.index),
            sms_total=str(fields.part.total),
        )  # fmt: skip
    with transaction.atomic():
        # One transaction: a held part's processing task, enqueued on commit, finds the hold
        # already set and leaves the part to the sweeper.
        stored = inbound_event_store(
            channel=ChannelKind.SMS,
            external_id=external_id,
            body=body.decode("utf-8", errors="replace"),
            headers=headers,
            account=account,
        )
        if stored.created and fields is not None and fields.part is not None:
            inbound.parts_hold(stored.event, account, fields)
    return stored.created


urlpatterns = [
    path("<slug:code>", webhook, name="webhook_sms"),
    path("<slug:code>/status", status_webhook, name="webhook_sms_status"),
]
