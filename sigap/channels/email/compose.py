"""Build the RFC 5322 replies Sigap sends: threaded, tagged with the tracking number, UTF-8."""

from __future__ import annotations

import email.policy
import re
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from sigap.channels.email.decoding import message_ids_in, normalise_message_id

# Lines end in CRLF and non-ASCII text is quoted-printable, so any relay accepts the message.
# max_line_length is the RFC 5322 hard limit rather than 78: with 78 the email package wraps a
# long Message-ID in In-Reply-To/References into RFC 2047 encoded words, which breaks threading.
_POLICY = email.policy.SMTP.clone(cte_type="7bit", max_line_length=998)
# "Re:", "RE[2]:", "Fwd:", "FW:", "AW:" (German Outlook), "Balas:", "Bls:", "Trs:" (Indonesian).
_REPLY_PREFIX = re.compile(
    r"^\s*(re|aw|sv|fw|fwd|tr|trs|balas|bls|antw)\s*(\[\d+\])?\s*:\s*", re.IGNORECASE
)
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.?)*")
# Mail clients trim long References; keep the thread root and the most recent ids.
_MAX_REFERENCES = 20
_MAX_ID_LENGTH = 250


def compose_reply(
    *,
    from_address: str,
    from_name: str,
    to_address: str,
    subject: str,
    text: str,
    tracking_number: str,
    message_id_domain: str,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    automatic: bool = False,
    date: datetime | None = None,
) -> tuple[str, bytes]:
    """(Message-ID without <>, raw bytes) of a reply; raises ValueError on unusable addresses."""
    message_id = new_message_id(message_id_domain)
    msg = EmailMessage(policy=_POLICY)
    msg["From"] = Address(display_name=from_name, addr_spec=from_address)
    msg["To"] = Address(addr_spec=to_address)
    msg["Subject"] = reply_subject(subject, tracking_number)
    msg["Date"] = format_datetime(date or datetime.now(UTC))
    msg["Message-ID"] = f"<{message_id}>"
    parent = normalise_message_id(in_reply_to)
    if parent:
        msg["In-Reply-To"] = f"<{parent}>"
    thread = thread_references(references, parent)
    if thread:
        msg["References"] = " ".join(f"<{item}>" for item in thread)
    if automatic:
        # RFC 3834: tells RFC-compliant responders not to answer; Exchange only honours its own
        # X-Auto-Response-Suppress, so both are needed to avoid acknowledgement loops.
        msg["Auto-Submitted"] = "auto-replied"
        msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(_normalise_newlines(text), charset="utf-8")
    return message_id, msg.as_bytes()


def new_message_id(domain: str) -> str:
    """`sigap.<128 random bits>@domain`, without the angle brackets."""
    if not _DOMAIN.fullmatch(domain) or "." not in domain.strip("."):
        raise ValueError(f"not a usable Message-ID domain: {domain!r}")
    return f"sigap.{secrets.token_hex(16)}@{domain}"


def reply_subject(subject: str, tracking_number: str) -> str:
    """`Re: [BDG-2611-00042] <original subject>`, with the tag and the "Re:" exactly once.

    Without a tracking number (a status question about a case we could not find) there is no
    tag, just `Re: <original subject>`.
    """
    tag = f"[{tracking_number}]" if tracking_number else ""
    rest = " ".join(subject.split())  # one line: no header folding or injection from input
    if tag:
        rest = re.sub(re.escape(tag), " ", rest, flags=re.IGNORECASE)
    previous = None
    while previous != rest:
        previous = rest
        rest = _REPLY_PREFIX.sub("", rest).strip()
    rest = " ".join(rest.split())
    return " ".join(part for part in ("Re:", tag, rest) if part)


def thread_references(references: Sequence[str], parent: str | None) -> list[str]:
    """RFC 5322 3.6.4: the parent's References followed by the parent's own Message-ID."""
    ids: list[str] = []
    for item in references:
        ids.extend(message_ids_in(item) or ([item.strip("<> ")] if item.strip("<> ") else []))
    if parent:
        # The parent goes last even when the caller's list already holds it.
        ids = [item for item in ids if item != parent] + [parent]
    ids = [item for item in dict.fromkeys(ids) if len(item) <= _MAX_ID_LENGTH and " " not in item]
    if len(ids) > _MAX_REFERENCES:
        ids = ids[:1] + ids[-(_MAX_REFERENCES - 1) :]
    return ids


def _normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"
