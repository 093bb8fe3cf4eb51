"""Parse a WhatsApp Cloud API webhook (already signature-checked) into our normalised shapes."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sigap.cases.services import IncomingAttachment, IncomingMessage
from sigap.channels.adapters import IdentityChange, ParsedDelivery, StatusUpdate
from sigap.channels.meta_webhook import signed_by_its_app
from sigap.channels.models import ChannelAccount, ChannelKind, InboundEvent
from sigap.channels.whatsapp import transport
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import DomainError
from sigap.core.files import check_attachment

logger = logging.getLogger(__name__)

_MEDIA_TYPES = ("image", "audio", "video", "document", "sticker")


def parse(event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
    parsed = ParsedDelivery()
    try:
        envelope = json.loads(event.body)
    except (ValueError, RecursionError):
        parsed.notes.append("body is not JSON")
        return parsed
    if not isinstance(envelope, dict) or envelope.get("object") != "whatsapp_business_account":
        parsed.notes.append(f"unknown object {str(envelope)[:80]!r}")
        return parsed
    changes = _changes(envelope, parsed)
    accounts = _accounts_by_number(changes, _signer_account(event))
    for change in changes:
        with _guarded(parsed, "change"):
            _parse_change(change, accounts, parsed, final_attempt)
    return parsed


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The objects of a list the format says holds objects; anything else in it is skipped."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _changes(envelope: dict[str, Any], parsed: ParsedDelivery) -> list[dict[str, Any]]:
    entries = envelope.get("entry")
    changes: list[dict[str, Any]] = []
    for entry in entries if isinstance(entries, list) else []:
        changes += _objects(entry, "changes", parsed) if isinstance(entry, dict) else []
    return changes


def _objects(parent: dict[str, Any], key: str, parsed: ParsedDelivery) -> list[dict[str, Any]]:
    """``parent[key]``'s objects; items of another shape are noted and skipped."""
    items = parent.get(key)
    found = _dicts(items)
    if items is not None and (not isinstance(items, list) or len(found) != len(items)):
        parsed.notes.append(f"{key}: items that are not objects skipped")
    return found


@contextmanager
def _guarded(parsed: ParsedDelivery, what: str) -> Iterator[None]:
    """One part of a delivery in a shape the format does not allow is noted and skipped; the
    other parts are still read (a bad item must not lose its neighbours)."""
    try:
        yield
    except (TypeError, AttributeError, ValueError, KeyError, OverflowError) as exc:
        parsed.notes.append(f"malformed {what} skipped: {type(exc).__name__}: {exc}"[:300])


class _Deferred(Exception):
    """The message needs something the provider could not serve yet (its media file)."""


def _accounts_by_number(
    changes: list[dict[str, Any]], signer: ChannelAccount | None
) -> dict[str, ChannelAccount]:
    numbers = {_number(change) for change in changes}
    # Nearly always the body names one number, the account the webhook checked it for and
    # stored with the event: that row (read with the event) is the one a query would find.
    if signer is not None and numbers == {signer.external_id}:
        return {signer.external_id: signer}
    accounts = ChannelAccount.objects.select_related("pemda", "agency").filter(
        kind=ChannelKind.WHATSAPP, external_id__in=numbers, is_active=True
    )
    return {a.external_id: a for a in accounts if signed_by_its_app(a, signer)}


def _signer_account(event: InboundEvent) -> ChannelAccount | None:
    """The event's account when it was loaded with its Pemda and agency and is a live
    WhatsApp account; None sends ``_accounts_by_number`` to the database."""
    account = event.account if InboundEvent.account.is_cached(event) else None
    if account is None:
        return None
    loaded = ChannelAccount.pemda.is_cached(account) and ChannelAccount.agency.is_cached(account)
    if not loaded or account.kind != ChannelKind.WHATSAPP or not account.is_active:
        return None
    return account


def _parse_change(
    change: dict[str, Any],
    accounts: dict[str, ChannelAccount],
    parsed: ParsedDelivery,
    final_attempt: bool,
) -> None:
    value = change.get("value") or {}
    if change.get("field") != "messages":
        parsed.notes.append(f"field {change.get('field')!r} not handled")
        return
    number = _number(change)
    account = accounts.get(number)
    if account is None:
        parsed.notes.append(f"unknown phone_number_id {number!r}")
        return
    for error in _objects(value, "errors", parsed):
        parsed.notes.append(f"provider error {error.get('code')}: {error.get('title', '')}")
    profiles = _profiles(_objects(value, "contacts", parsed))
    for raw in _objects(value, "messages", parsed):
        with _guarded(parsed, "message"):
            _parse_message(raw, account, profiles, parsed, final_attempt)
    for raw in _objects(value, "statuses", parsed):
        with _guarded(parsed, "status"):
            parsed.statuses.append(_status(raw))


def _number(change: dict[str, Any]) -> str:
    value = change.get("value")
    metadata = value.get("metadata") if isinstance(value, dict) else None
    return str(metadata.get("phone_number_id", "")) if isinstance(metadata, dict) else ""


def _profiles(contacts: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    profiles = {}
    for contact in contacts:
        if not isinstance(contact.get("profile") or {}, dict):
            continue
        entry = {
            "name": str((contact.get("profile") or {}).get("name") or ""),
            "wa_id": str(contact.get("wa_id") or ""),
            "user_id": str(contact.get("user_id") or ""),
        }
        for key in (entry["wa_id"], entry["user_id"]):
            if key:
                profiles[key] = entry
    return profiles


def _sender(raw: dict[str, Any], profiles: dict[str, dict[str, str]]) -> SenderIdentity:
    wa_id = str(raw.get("from") or "")
    user_id = str(raw.get("from_user_id") or "")
    profile = profiles.get(wa_id) or profiles.get(user_id) or {}
    wa_id = wa_id or profile.get("wa_id", "")
    user_id = user_id or profile.get("user_id", "")
    # Key citizens by phone when WhatsApp gives it; a username-only user by the scoped id.
    return SenderIdentity(
        external_id=wa_id or user_id,
        display_name=profile.get("name", ""),
        phone=wa_id,
        alternate_id=user_id if wa_id else "",
    )


def _timestamp(raw: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(str(raw.get("timestamp"))), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _parse_message(
    raw: dict[str, Any],
    account: ChannelAccount,
    profiles: dict[str, dict[str, str]],
    parsed: ParsedDelivery,
    final_attempt: bool,
) -> None:
    kind = raw.get("type")
    message_id = str(raw.get("id") or "")
    if not message_id:
        parsed.notes.append("message without id")
        return
    if kind == "system":
        _system(raw, parsed)
        return
    text, extra = _content(raw, kind, parsed)
    attachments: tuple[IncomingAttachment, ...] = ()
    if kind in _MEDIA_TYPES:
        try:
            attachments, text = _media(raw, kind, account, text, parsed, final_attempt)
        except _Deferred as deferred:
            parsed.deferred.append(f"message {message_id}: {deferred}")
            return
    if not text and not attachments and "latitude" not in extra:
        parsed.notes.append(f"message {message_id} of type {kind!r} has no content")
        return
    parsed.messages.append(
        (
            account,
            IncomingMessage(
                channel=ChannelKind.WHATSAPP,
                text=text,
                sender=_sender(raw, profiles),
                external_id=message_id,
                attachments=attachments,
                latitude=extra.get("latitude"),
                longitude=extra.get("longitude"),
                location_text=extra.get("location_text", ""),
                received_at=_timestamp(raw),
                data={"type": kind, **extra.get("data", {})},
                account_id=account.pk,
            ),
        )
    )


def _content(raw: dict[str, Any], kind: Any, parsed: ParsedDelivery) -> tuple[str, dict[str, Any]]:
    """The text a message carries, and structured extras (location, reply ids)."""
    body = raw.get(kind) if isinstance(kind, str) else None
    body = body if isinstance(body, dict) else {}
    if kind == "text":
        return str(body.get("body") or ""), {}
    if kind in _MEDIA_TYPES:
        return str(body.get("caption") or ""), {}
    if kind == "location":
        return _location(body)
    if kind == "interactive":
        reply = body.get(body.get("type") or "") or {}
        return str(reply.get("title") or ""), {"data": {"reply_id": reply.get("id", "")}}
    if kind == "button":
        return str(body.get("text") or ""), {"data": {"reply_id": body.get("payload", "")}}
    if kind == "reaction":
        emoji = str(body.get("emoji") or "")
        return (f"[reaksi {emoji}]" if emoji else ""), {
            "data": {"reacted_to": body.get("message_id")}
        }
    if kind == "contacts":
        return _shared_contacts(raw.get("contacts") or []), {}
    if kind == "unsupported":
        parsed.notes.append("unsupported message type (131051)")
        return "[pesan dengan format yang tidak didukung]", {}
    parsed.notes.append(f"message type {kind!r} not handled")
    return "", {}


def _location(body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    try:
        lat, lng = float(body["latitude"]), float(body["longitude"])
    except (KeyError, TypeError, ValueError):
        return "", {}
    label = ", ".join(str(body[k]) for k in ("name", "address") if body.get(k))
    return (label or "[lokasi dibagikan]"), {
        "latitude": lat,
        "longitude": lng,
        "location_text": label,
    }


def _shared_contacts(contacts: list[dict[str, Any]]) -> str:
    parts = []
    for contact in contacts:
        name = (contact.get("name") or {}).get("formatted_name", "")
        phones = ", ".join(p.get("phone", "") for p in contact.get("phones") or [])
        parts.append(f"{name} {phones}".strip())
    return "Kontak dibagikan: " + "; ".join(parts) if parts else ""


def _media(
    raw: dict[str, Any],
    kind: str,
    account: ChannelAccount,
    text: str,
    parsed: ParsedDelivery,
    final_attempt: bool,
) -> tuple[tuple[IncomingAttachment, ...], str]:
    body = raw.get(kind) or {}
    media_id = str(body.get("id") or "")
    try:
        content = transport.media_download(account, media_id)
    except transport.MediaError as exc:
        if exc.retryable and not final_attempt:
            # Retried with backoff (the media id stays valid for days); the other messages
            # of the delivery are handled now.
            raise _Deferred(f"media {media_id}: {exc}") from exc
        parsed.notes.append(f"media {media_id} gave up: {exc}")
        return (), (text + "\n[lampiran gagal diunduh]").strip()
    name = str(body.get("filename") or f"{kind}-{media_id}")
    try:
        check_attachment(content, name=name)
    except DomainError as exc:
        # Keep the message, drop the file: a refused attachment must not lose the complaint.
        parsed.notes.append(f"media {media_id} refused: {exc.message}")
        return (), (text + f"\n[lampiran tidak diterima: {exc.message}]").strip()
    mime = str(body.get("mime_type", ""))
    return (IncomingAttachment(content, name=name, declared_type=mime),), text


def _system(raw: dict[str, Any], parsed: ParsedDelivery) -> None:
    system = raw.get("system") or {}
    if system.get("type") == "user_changed_number" and system.get("wa_id"):
        parsed.identity_changes.append(
            IdentityChange(
                old_external_id=str(raw.get("from", "")), new_external_id=str(system["wa_id"])
            )
        )
    else:
        parsed.notes.append(f"system message {system.get('type')!r} noted")


def _status(raw: dict[str, Any]) -> StatusUpdate:
    errors = _dicts(raw.get("errors")) or [{}]
    return StatusUpdate(
        provider_message_id=str(raw.get("id") or ""),
        status=str(raw.get("status") or ""),
        at=_timestamp(raw),
        error_code=str(errors[0].get("code") or ""),
        error_title=str(errors[0].get("title") or errors[0].get("message") or ""),
        callback_data=str(raw.get("biz_opaque_callback_data") or ""),
    )
