"""The Meta webhook contract shared by WhatsApp and Instagram (research/protocols.md 1.1–1.2, 2.1):
the `hub.*` verification handshake and `X-Hub-Signature-256` over the raw body, then raw-first
storage and a fast 200."""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from sigap.channels.models import ChannelAccount, EventStatus
from sigap.channels.services.events import inbound_event_store
from sigap.channels.webhook_input import declared_length, json_parse, length_refusal

logger = logging.getLogger(__name__)

# Secrets are decrypted once per process and kept this long: at a thousand webhooks a second
# a database read and a Fernet decryption per request would dominate the handler.
SECRETS_TTL_SECONDS = 10.0


@dataclass(frozen=True)
class _AccountKeys:
    account_id: int
    external_id: str
    app_secret: str
    verify_token: str


_cache: dict[str, tuple[float, list[_AccountKeys]]] = {}


def _keys(kind: str) -> list[_AccountKeys]:
    now = time.monotonic()
    cached = _cache.get(kind)
    if cached is not None and cached[0] > now:
        return cached[1]
    keys = [
        _AccountKeys(a.pk, a.external_id, a.app_secret, a.verify_token)
        for a in ChannelAccount.objects.filter(kind=kind, is_active=True)
    ]
    _cache[kind] = (now + SECRETS_TTL_SECONDS, keys)
    return keys


def keys_cache_clear() -> None:
    _cache.clear()


def _text(body: str, status: int = 200) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/plain")


def make_webhook(
    *, kind: str, ids_in: Callable[[Any], set[str]], unknown_note: str
) -> Callable[[HttpRequest], HttpResponse]:
    """A webhook view for one Meta product; ``ids_in`` reads the account ids a body names."""

    @csrf_exempt
    @login_not_required
    @require_http_methods(["GET", "POST"])
    def webhook(request: HttpRequest) -> HttpResponse:
        if request.method == "GET":
            return _verify(request, kind)
        return _receive(request, kind, ids_in, unknown_note)

    return webhook


def _verify(request: HttpRequest, kind: str) -> HttpResponse:
    """Meta's subscription handshake: echo hub.challenge when the verify token is ours."""
    token = request.GET.get("hub.verify_token", "")
    # Bytes: a non-ASCII token (from the query string, or an admin's) cannot raise.
    known = token and any(
        k.verify_token and hmac.compare_digest(k.verify_token.encode(), _bytes(token))
        for k in _keys(kind)
    )
    if request.GET.get("hub.mode") == "subscribe" and known:
        return _text(request.GET.get("hub.challenge", ""))
    logger.warning("%s webhook verification refused", kind)
    return _text("verifikasi ditolak", 403)


def _receive(
    request: HttpRequest, kind: str, ids_in: Callable[[Any], set[str]], unknown_note: str
) -> HttpResponse:
    refused = length_refusal(request, kind)
    if refused is not None:
        return _text(refused[1], refused[0])
    limit = settings.SIGAP_WEBHOOK_MAX_BYTES
    if declared_length(request) > limit:
        logger.warning("%s webhook refused: body over %s bytes", kind, limit)
        return _text("payload terlalu besar", 413)
    body = request.body  # the raw bytes: re-serialised JSON would not match the signature
    if len(body) > limit:
        return _text("payload terlalu besar", 413)
    signature = request.headers.get("X-Hub-Signature-256", "")
    ids = _ids(body, ids_in)
    signer = _signer(kind, body, signature, ids)
    if signer is None:
        if not signature.isascii():
            logger.warning("%s webhook refused: X-Hub-Signature-256 is not ASCII", kind)
        else:
            logger.warning("%s webhook with missing or forged signature refused", kind)
        return _text("tanda tangan tidak sah", 403)
    if not _signed_for_every_account(kind, signer, ids):
        logger.warning(
            "%s webhook refused: signed with the app secret of %s but names accounts of another"
            " app: %s", kind, signer.external_id, sorted(ids),
        )  # fmt: skip
        return _text("tanda tangan tidak sah", 403)
    # A body naming accounts none of which is ours is unroutable; a body we cannot read at all
    # is stored for processing, which records why it is ignored.
    known = signer.external_id in ids or not ids
    inbound_event_store(
        channel=kind,
        external_id="sha256:" + hashlib.sha256(body).hexdigest(),
        body=body.decode("utf-8", errors="replace"),
        headers={"signature": signature[:80]},
        account_id=signer.account_id if known else None,
        status=EventStatus.PENDING if known else EventStatus.UNROUTABLE,
        note="" if known else f"{unknown_note}: {sorted(ids)}",
    )
    return _text("ok")


def _ids(body: bytes, ids_in: Callable[[Any], set[str]]) -> set[str]:
    """The account ids a body names; none for a body we cannot read (malformed, too deeply
    nested): the signature check still decides whether it is kept."""
    try:
        return ids_in(json_parse(body))
    except (ValueError, TypeError, KeyError, AttributeError):
        return set()


def _bytes(header: str) -> bytes:
    # compare_digest takes str only when both are ASCII; as UTF-8 bytes anything compares
    # (a header arrives latin-1 decoded, "é" for b"\xe9"), and "replace" lets no surrogate raise.
    return header.encode("utf-8", errors="replace")


def _signed_for_every_account(kind: str, signer: _AccountKeys, ids: set[str]) -> bool:
    """Meta signs a delivery with the secret of the app the named accounts belong to, so every
    account of ours that a body names must share the signer's secret. Otherwise the holder of
    one agency's app secret could post messages into another's account in the same body."""
    return all(
        hmac.compare_digest(keys.app_secret.encode(), signer.app_secret.encode())
        for keys in _keys(kind)
        if keys.external_id in ids
    )


def signed_by_its_app(account: ChannelAccount, signer: ChannelAccount | None) -> bool:
    """The task's second check of `_signed_for_every_account`: an account named in a stored
    body is taken only when the account that signed the body shares its app secret."""
    if signer is None or not account.app_secret:
        return False
    return hmac.compare_digest(account.app_secret.encode(), signer.app_secret.encode())


def _signer(kind: str, body: bytes, signature: str, ids: set[str]) -> _AccountKeys | None:
    """The account whose app secret signed this body: first the accounts named in it, then any
    account of this kind (an unknown account or a malformed body signed with our secret)."""
    if not signature.startswith("sha256="):
        return None
    # Bytes: compare_digest raises TypeError on non-ASCII str ("sha256=é" sent as latin-1).
    given = _bytes(signature.removeprefix("sha256="))
    seen: set[str] = set()
    for keys in sorted(_keys(kind), key=lambda k: k.external_id not in ids):
        if not keys.app_secret or keys.app_secret in seen:
            continue
        seen.add(keys.app_secret)
        expected = hmac.new(keys.app_secret.encode(), body, hashlib.sha256).hexdigest()
        if hmac.compare_digest(expected.encode(), given):
            return keys
    return None
