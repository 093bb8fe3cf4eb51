"""Parse an Instagram Messaging webhook (already signature-checked) into our normalised shapes.

Shape: research/protocols.md 2.2. DMs arrive under ``entry[].messaging[]``; timestamps are
integer milliseconds; the sender is an Instagram-scoped id (IGSID) with no phone or name.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sigap.cases.services import IncomingAttachment, IncomingMessage
from sigap.cases.services.intake import MAX_ATTACHMENTS
from sigap.channels.adapters import ParsedDelivery, StatusUpdate
from sigap.channels.instagram import transport
from sigap.channels.meta_webhook import signed_by_its_app
from sigap.channels.models import ChannelAccount, ChannelKind, InboundEvent
from sigap.channels.services.conversations import open_case_for
from sigap.contacts.services import SenderIdentity, identity_get
from sigap.core.errors import DomainError
from sigap.core.files import check_attachment

# Files the citizen sent: downloaded at once, the CDN URLs expire.
_DOWNLOADED = ("image", "video", "audio", "file")
# Shared Instagram content: the link is the content, kept as text (nothing to store).
_LINKED = {
    "share": "[tautan dibagikan]",
    "story_mention": "[akun ini disebut di story]",
    "ig_reel": "[reel dibagikan]",
    "reel": "[reel dibagikan]",
    "ig_post": "[postingan dibagikan]",
}


def parse(event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
    parsed = ParsedDelivery()
    try:
        envelope = json.loads(event.body)
    except (ValueError, RecursionError):
        parsed.notes.append("body is not JSON")
        return parsed
    if not isinstance(envelope, dict) or envelope.get("object") != "instagram":
        parsed.notes.append(f"unknown object {str(envelope)[:80]!r}")
        return parsed
    entries = [_dict(entry) for entry in _list(envelope.get("entry"))]
    accounts = _accounts_by_id(entries, event.account if event.account_id else None)
    for entry in entries:
        _parse_entry(entry, accounts, parsed, final_attempt)
    return parsed


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _accounts_by_id(
    entries: list[dict[str, Any]], signer: ChannelAccount | None
) -> dict[str, ChannelAccount]:
    ids = {str(entry.get("id", "")) for entry in entries}
    accounts = ChannelAccount.objects.select_related("pemda", "agency").filter(
        kind=ChannelKind.INSTAGRAM, external_id__in=ids, is_active=True
    )
    return {a.external_id: a for a in accounts if signed_by_its_app(a, signer)}


def _parse_entry(
    entry: dict[str, Any],
    accounts: dict[str, ChannelAccount],
    parsed: ParsedDelivery,
    final_attempt: bool,
) -> None:
    account = accounts.get(str(entry.get("id", "")))
    if account is None:
        parsed.notes.append(f"unknown Instagram account id {entry.get('id')!r}")
        return
    for field in ("changes", "standby"):  # comments/mentions, handover protocol
        if entry.get(field):
            parsed.notes.append(f"entry field {field!r} not handled")
    for item in _list(entry.get("messaging")):
        _parse_item(_dict(item), account, parsed, final_attempt)


def _parse_item(
    item: dict[str, Any], account: ChannelAccount, parsed: ParsedDelivery, final_attempt: bool
) -> None:
    if "read" in item:  # messaging_seen: the citizen read up to this message of ours
        _parse_read(item, parsed)
        return
    sender = str(_dict(item.get("sender")).get("id") or "")
    if "message" in item:
        _parse_message(item, sender, account, parsed, final_attempt)
    elif "postback" in item:
        _parse_postback(item, sender, account, parsed)
    elif "reaction" in item:
        _parse_reaction(item, sender, account, parsed)
    else:
        parsed.notes.append(f"messaging item with {sorted(item)} not handled")


def _timestamp(item: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(item["timestamp"]) / 1000, tz=UTC)
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


def _append(
    parsed: ParsedDelivery,
    account: ChannelAccount,
    item: dict[str, Any],
    *,
    sender: str,
    external_id: str,
    text: str,
    data: dict[str, Any],
    attachments: tuple[IncomingAttachment, ...] = (),
) -> None:
    if not sender or sender == account.external_id:
        parsed.notes.append(f"{external_id or 'item'} without a citizen sender skipped")
        return
    message = IncomingMessage(
        channel=ChannelKind.INSTAGRAM,
        text=text,
        sender=SenderIdentity(external_id=sender),
        external_id=external_id[:255],
        attachments=attachments,
        received_at=_timestamp(item),
        data=data,
        account_id=account.pk,
    )
    parsed.messages.append((account, message))


def _parse_message(
    item: dict[str, Any],
    sender: str,
    account: ChannelAccount,
    parsed: ParsedDelivery,
    final_attempt: bool,
) -> None:
    raw = _dict(item.get("message"))
    mid = str(raw.get("mid") or "")
    if raw.get("is_echo"):
        # Our own API sends and what staff type in the Instagram app: not the citizen's words.
        parsed.notes.append(f"echo {mid} of our own account skipped")
        return
    for flag, why in (("is_deleted", "unsent by the citizen"), ("is_unsupported", "unsupported")):
        if raw.get(flag):
            parsed.notes.append(f"message {mid} {why}: skipped")
            return
    if not mid:
        parsed.notes.append("message without mid")
        return
    try:
        attachments, lines, kinds = _attachments(raw, parsed, final_attempt)
    except transport.MediaError as exc:
        # Retried with backoff while the CDN URL may still be valid; the other messages of
        # the delivery are handled now.
        parsed.deferred.append(f"message {mid}: {exc}")
        return
    data: dict[str, Any] = {"type": "message", **_reply_data(raw, lines)}
    if kinds:
        data["attachments"] = kinds
    text = "\n".join(line for line in [str(raw.get("text") or ""), *lines] if line)
    if not text and not attachments:
        parsed.notes.append(f"message {mid} has no content")
        return
    _append(parsed, account, item, sender=sender, external_id=mid, text=text, data=data,
            attachments=attachments)  # fmt: skip


def _reply_data(raw: dict[str, Any], lines: list[str]) -> dict[str, Any]:
    """What the message answers (a message or a story) and a tapped quick reply."""
    data: dict[str, Any] = {}
    reply_to = _dict(raw.get("reply_to"))
    if reply_to.get("mid"):
        data["reply_to"] = str(reply_to["mid"])
    story = _dict(reply_to.get("story"))
    if story:
        data["reply_to_story"] = str(story.get("id") or "")
        lines.append(f"[membalas story] {story.get('url') or ''}".strip())
    quick_reply = _dict(raw.get("quick_reply"))
    if quick_reply.get("payload"):
        data["quick_reply"] = str(quick_reply["payload"])
    return data


def _attachments(
    raw: dict[str, Any], parsed: ParsedDelivery, final_attempt: bool
) -> tuple[tuple[IncomingAttachment, ...], list[str], list[str]]:
    """Downloaded files, text lines (shared links, failures) and the attachment kinds."""
    files: list[IncomingAttachment] = []
    lines: list[str] = []
    kinds: list[str] = []
    for index, attachment in enumerate(_list(raw.get("attachments")), start=1):
        kind = str(_dict(attachment).get("type") or "")
        url = str(_dict(_dict(attachment).get("payload")).get("url") or "")
        kinds.append(kind)
        if kind in _DOWNLOADED and url and len(files) < MAX_ATTACHMENTS:
            downloaded, line = _download(url, f"instagram-{kind}-{index}", parsed, final_attempt)
            files.extend([downloaded] if downloaded else [])
            lines.extend([line] if line else [])
        elif kind in _LINKED:
            lines.append(f"{_LINKED[kind]} {url}".strip())
        else:
            parsed.notes.append(f"attachment {index} of type {kind!r} not stored")
            lines.append(f"[lampiran {kind or 'tanpa jenis'}] {url}".strip())
    return tuple(files), lines, kinds


def _download(
    url: str, name: str, parsed: ParsedDelivery, final_attempt: bool
) -> tuple[IncomingAttachment | None, str]:
    try:
        content, mime = transport.attachment_download(url)
    except transport.MediaError as exc:
        if exc.retryable and not final_attempt:
            raise  # the event is retried with backoff while the CDN URL may still be valid
        parsed.notes.append(f"attachment {name} gave up: {exc}")
        return None, "[lampiran gagal diunduh]"
    try:
        check_attachment(content, name=name)
    except DomainError as exc:
        # Keep the message, drop the file: a refused attachment must not lose the complaint.
        parsed.notes.append(f"attachment {name} refused: {exc.message}")
        return None, f"[lampiran tidak diterima: {exc.message}]"
    return IncomingAttachment(content, name=name, declared_type=mime), ""


def _parse_postback(
    item: dict[str, Any], sender: str, account: ChannelAccount, parsed: ParsedDelivery
) -> None:
    """An ice-breaker or button tap: its title is what the citizen chose."""
    postback = _dict(item.get("postback"))
    title, payload = str(postback.get("title") or ""), str(postback.get("payload") or "")
    if not (title or payload):
        parsed.notes.append("postback without title or payload")
        return
    external_id = str(postback.get("mid") or "") or f"postback:{sender}:{item.get('timestamp')}"
    _append(parsed, account, item, sender=sender, external_id=external_id,
            text=title or payload, data={"type": "postback", "payload": payload})  # fmt: skip


def _parse_reaction(
    item: dict[str, Any], sender: str, account: ChannelAccount, parsed: ParsedDelivery
) -> None:
    """A reaction joins the citizen's open case; on its own it is never a complaint."""
    reaction = _dict(item.get("reaction"))
    mid = str(reaction.get("mid") or "")
    emoji = str(reaction.get("emoji") or reaction.get("reaction") or "")
    if reaction.get("action") == "unreact" or not emoji:
        parsed.notes.append(f"reaction {reaction.get('action')!r} on {mid} skipped")
        return
    if not _has_open_case(account, sender):
        parsed.notes.append(f"reaction on {mid} without an open case: no case opened")
        return
    # A reaction has no id of its own; the redelivered webhook carries the same timestamp.
    external_id = f"reaction:{sender}:{item.get('timestamp')}:{mid}"
    _append(parsed, account, item, sender=sender, external_id=external_id,
            text=f"[reaksi {emoji}]", data={"type": "reaction", "reacted_to": mid})  # fmt: skip


def _has_open_case(account: ChannelAccount, sender: str) -> bool:
    identity = identity_get(
        pemda=account.pemda,
        channel=ChannelKind.INSTAGRAM,
        sender=SenderIdentity(external_id=sender),
    )
    if identity is None:
        return False
    # The handler's own joining rule, so a reaction is kept exactly when it would join a case.
    return open_case_for(identity.contact, ChannelKind.INSTAGRAM) is not None


def _parse_read(item: dict[str, Any], parsed: ParsedDelivery) -> None:
    mid = str(_dict(item.get("read")).get("mid") or "")
    if mid:
        parsed.statuses.append(
            StatusUpdate(provider_message_id=mid, status="read", at=_timestamp(item))
        )
    else:
        parsed.notes.append("read receipt without mid")
