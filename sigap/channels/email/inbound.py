"""Turn one stored email (raw MIME, base64 in the event body) into our normalised shapes.

A bounce is a delivery report for one of our sent messages, never a case. Auto-replies and
mailing-list posts are noted and ignored: answering them starts mail loops. Everything else
is a citizen's message, threaded by its In-Reply-To/References and subject tracking number.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

from django.utils.translation import gettext as _

from sigap.cases.services import IncomingAttachment, IncomingMessage
from sigap.cases.services.intake import MAX_ATTACHMENTS, MAX_TEXT_LENGTH
from sigap.channels.adapters import ParsedDelivery, StatusUpdate
from sigap.channels.email.parsing import DEFAULT_MAX_BYTES, EmailTooLarge, ParsedEmail, parse_email
from sigap.channels.models import ChannelAccount, ChannelKind, InboundEvent
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import DomainError
from sigap.core.files import check_attachment

# RFC 3463 status codes of a bounce that mean the address itself is gone (bad mailbox,
# bad domain, moved): the citizen cannot be reached by email any more.
UNREACHABLE_STATUSES = frozenset({"5.1.0", "5.1.1", "5.1.2", "5.1.6", "5.1.10"})
_DSN_STATUS = re.compile(rb"^Status:[ \t]*([245]\.\d{1,3}\.\d{1,3})", re.IGNORECASE | re.MULTILINE)
_DSN_DIAGNOSTIC = re.compile(
    rb"^Diagnostic-Code:[ \t]*(.+(?:\r?\n[ \t]+.+)*)", re.IGNORECASE | re.MULTILINE
)
_MAX_KEY = 255  # InboundEvent.external_id and Message.external_id
_MAX_ADDRESS = 200  # ContactIdentity.external_id


def max_bytes(account: ChannelAccount) -> int:
    """Largest email parsed for this mailbox (``config["max_bytes"]``, 25 MB by default)."""
    try:
        return int(account.config.get("max_bytes") or DEFAULT_MAX_BYTES)
    except (TypeError, ValueError):
        return DEFAULT_MAX_BYTES


def delivery_key(message_id: str) -> str:
    """The dedupe key of a Message-ID: itself, or its hash when longer than the column."""
    if len(message_id) <= _MAX_KEY:
        return message_id
    return "sha256:" + hashlib.sha256(message_id.encode("utf-8", "replace")).hexdigest()


def parse(event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
    parsed = ParsedDelivery()
    account = event.account
    if account is None:
        parsed.notes.append("email event without a mailbox account")
        return parsed
    raw = _raw(event, parsed)
    if raw is None:
        return parsed
    try:
        mail = parse_email(raw, max_bytes=max_bytes(account))
    except EmailTooLarge as exc:
        parsed.notes.append(f"email not parsed: {exc}")
        return parsed
    if mail.is_bounce:
        _bounce(mail, raw, parsed)
    elif mail.is_auto_reply:
        parsed.notes.append(f"automatic email ignored ({mail.auto_reply_reason})")
    elif mail.from_address == account.external_id.lower():
        parsed.notes.append("email from the mailbox itself ignored (our own copy)")
    else:
        _message(account, mail, parsed)
    return parsed


def _raw(event: InboundEvent, parsed: ParsedDelivery) -> bytes | None:
    if (event.headers or {}).get("truncated"):
        parsed.notes.append("only the headers of this email were kept (too large)")
        return None
    try:
        return base64.b64decode(event.body, validate=True)
    except (binascii.Error, ValueError):
        parsed.notes.append("body is not base64")
        return None


def _bounce(mail: ParsedEmail, raw: bytes, parsed: ParsedDelivery) -> None:
    if not mail.bounced_message_id:
        parsed.notes.append(f"bounce without the returned Message-ID ({mail.bounce_reason})")
        return
    status = _DSN_STATUS.search(raw)
    diagnostic = _DSN_DIAGNOSTIC.search(raw)
    detail = (
        " ".join(diagnostic.group(1).decode("utf-8", "replace").split())
        if diagnostic
        else mail.bounce_reason or ""
    )
    parsed.statuses.append(
        StatusUpdate(
            provider_message_id=mail.bounced_message_id,
            status="failed",
            error_code=status.group(1).decode() if status else "bounce",
            error_title=(_("Email ditolak server penerima: %(detail)s") % {"detail": detail})[:500],
        )
    )


def _message(account: ChannelAccount, mail: ParsedEmail, parsed: ParsedDelivery) -> None:
    attachments, refusals = _attachments(mail, parsed)
    text = "\n\n".join(part for part in (mail.subject.strip(), mail.text.strip()) if part)
    text = "\n".join([text, *refusals]).strip()
    if not text and not attachments:
        parsed.notes.append(f"email {mail.message_id[:80]} has neither text nor attachments")
        return
    if len(text) > MAX_TEXT_LENGTH:
        parsed.notes.append(f"text cut from {len(text)} characters")
        text = text[: MAX_TEXT_LENGTH - 1] + "…"
    message = IncomingMessage(
        channel=ChannelKind.EMAIL,
        text=text,
        sender=_sender(mail, parsed),
        external_id=delivery_key(mail.message_id),
        attachments=attachments,
        data={
            "subject": mail.subject,
            "thread_ids": list(mail.thread_ids),
            "tracking_numbers": list(mail.tracking_numbers),
        },
        account_id=account.pk,
        reply_to_ids=mail.thread_ids,
    )
    parsed.messages.append((account, message))


def _sender(mail: ParsedEmail, parsed: ParsedDelivery) -> SenderIdentity:
    address = mail.from_address
    if len(address) > _MAX_ADDRESS:
        # Longer than an identity holds: keep the complaint, without a reply address.
        parsed.notes.append(f"sender address of {len(address)} characters not kept")
        return SenderIdentity(display_name=mail.from_name)
    return SenderIdentity(external_id=address, display_name=mail.from_name, email=address)


def _attachments(
    mail: ParsedEmail, parsed: ParsedDelivery
) -> tuple[tuple[IncomingAttachment, ...], list[str]]:
    """Attachments we accept, and a line for the case text per refused one."""
    kept: list[IncomingAttachment] = []
    refusals: list[str] = []
    for item in mail.attachments:
        if len(kept) >= MAX_ATTACHMENTS:
            reason = _("lebih dari %(max)d lampiran") % {"max": MAX_ATTACHMENTS}
        else:
            try:
                check_attachment(item.content, name=item.filename)
            except DomainError as exc:
                reason = exc.message
            else:
                kept.append(IncomingAttachment(item.content, item.filename, item.content_type))
                continue
        # Keep the message, drop the file: a refused attachment must not lose the complaint.
        parsed.notes.append(f"attachment {item.filename[:80]!r} refused: {reason}")
        refusals.append(
            _("[lampiran %(name)s tidak diterima: %(reason)s]")
            % {"name": item.filename, "reason": reason}
        )
    return tuple(kept), refusals
