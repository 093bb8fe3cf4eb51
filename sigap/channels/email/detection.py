"""Recognise mail written by machines: auto-replies, mailing lists and bounces.

Answering an out-of-office notice with an acknowledgement starts a mail loop, and a bounce is a
delivery report for our own message, so neither may ever become a case. Each check returns the
reason (for the log line and the stored event) instead of a bare boolean.
"""

from __future__ import annotations

import email
import re
from email.message import Message

from sigap.channels.email.decoding import (
    decode_bytes,
    decode_header_value,
    normalise_message_id,
)

# RFC 3834 section 5: any Auto-Submitted value except "no" marks machine-generated mail.
_AUTO_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Response-Suppress")
_AUTO_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})
# RFC 2369/2919 list headers: a list post is not a complaint addressed to us.
_LIST_HEADERS = ("List-Id", "List-Unsubscribe")
_AUTO_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office"
    r"|balasan otomatis|balasan automatis|auto\s*:|ooo\s*:)",
    re.IGNORECASE,
)
_BOUNCE_SENDERS = frozenset({"mailer-daemon", "postmaster"})
_BOUNCE_SUBJECT = re.compile(
    r"^\s*(undeliverable\s*:|undelivered mail returned to sender|delivery status notification"
    r"|mail delivery (failed|failure|subsystem)|returned mail\s*:|failure notice)",
    re.IGNORECASE,
)
_QUOTED_MESSAGE_ID = re.compile(r"^\s*Message-ID\s*:\s*(<[^<>\s]+>)", re.IGNORECASE | re.MULTILINE)


def header_text(msg: Message, name: str) -> str:
    """A header's decoded value, or "" when absent (8-bit and encoded words included)."""
    value = msg.get(name)
    return "" if value is None else decode_header_value(value)


def auto_reply_reason(msg: Message, subject: str) -> str | None:
    auto_submitted = header_text(msg, "Auto-Submitted").split(";")[0].strip().lower()
    if auto_submitted and auto_submitted != "no":
        return f"Auto-Submitted: {auto_submitted}"
    for name in _AUTO_HEADERS:
        if msg.get(name) is not None:
            return name
    precedence = header_text(msg, "Precedence").strip().lower()
    if precedence in _AUTO_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in _LIST_HEADERS:
        if msg.get(name) is not None:
            return f"{name} (mailing list)"
    if _AUTO_SUBJECT.match(subject):
        return f"subject: {subject[:60]}"
    return None


def bounce_reason(msg: Message, from_address: str, subject: str) -> str | None:
    content_type = msg.get_content_type()
    report_type = str(msg.get_param("report-type", "") or "").lower()
    if content_type == "multipart/report" and report_type == "delivery-status":
        return "multipart/report; report-type=delivery-status"
    if from_address.split("@")[0] in _BOUNCE_SENDERS:
        return f"sender {from_address}"
    # The delivering MTA records the null envelope sender of a bounce as "Return-Path: <>".
    if header_text(msg, "Return-Path").replace(" ", "") == "<>":
        return "Return-Path: <>"
    if msg.get("X-Failed-Recipients") is not None:
        return "X-Failed-Recipients"
    if _BOUNCE_SUBJECT.match(subject):
        return f"subject: {subject[:60]}"
    return None


def find_bounced_message_id(msg: Message) -> str | None:
    """The Message-ID of the returned message, from the parts RFC 3464 bounces carry."""
    for part in _walk_shallow(msg):
        content_type = part.get_content_type()
        if content_type in ("message/rfc822", "message/global"):
            found = _message_id_of_attached(part)
        elif content_type in ("text/rfc822-headers", "text/plain"):
            found = _message_id_in_text(part)
        else:
            found = None
        if found:
            return found
    # Some MTAs (Exchange among them) only thread the report to the original.
    return normalise_message_id(header_text(msg, "In-Reply-To"))


def _walk_shallow(msg: Message) -> list[Message]:
    """All parts, without descending into attached messages (they are inspected whole)."""
    parts: list[Message] = []
    pending = [msg]
    while pending and len(parts) < 200:
        part = pending.pop(0)
        parts.append(part)
        # is_multipart() first: get_payload() on an 8-bit leaf can raise (see parsing._walk).
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            pending.extend(item for item in part.get_payload() if isinstance(item, Message))
    return parts


def _message_id_of_attached(part: Message) -> str | None:
    if part.is_multipart():
        payload = part.get_payload()
        if isinstance(payload, list) and payload and isinstance(payload[0], Message):
            return normalise_message_id(header_text(payload[0], "Message-ID"))
        return None
    data = part.get_payload(decode=True)  # an unparsed attachment: parse its headers now
    if not isinstance(data, bytes):
        return None
    return normalise_message_id(header_text(email.message_from_bytes(data), "Message-ID"))


def _message_id_in_text(part: Message) -> str | None:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return None
    match = _QUOTED_MESSAGE_ID.search(decode_bytes(data, part.get_content_charset()))
    return normalise_message_id(match.group(1)) if match else None
