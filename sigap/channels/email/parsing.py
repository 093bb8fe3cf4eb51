"""One raw RFC 5322 message in, one `ParsedEmail` out, whatever the sender's client did.

`parse_email` never raises on malformed input (only `EmailTooLarge` on oversized input): a
complaint must not be lost because a header is broken. What could not be read is listed in
`defects`. The parser runs on the lenient `compat32` policy on purpose: the modern header
registry raises on some malformed address and Message-ID headers when they are accessed.
"""

from __future__ import annotations

import email
import email.parser
import email.utils
import hashlib
import mimetypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from typing import NamedTuple, TypeVar

from sigap.channels.email.decoding import (
    decode_bytes,
    decode_header_value,
    message_ids_in,
    normalise_message_id,
    without_controls,
)
from sigap.channels.email.detection import (
    auto_reply_reason,
    bounce_reason,
    find_bounced_message_id,
    header_text,
)
from sigap.channels.email.html_text import html_to_text
from sigap.channels.email.quoting import strip_quoted_reply, unflow

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
# BDG-2611-00042: the Pemda prefix, local year and month, a per-month sequence.
TRACKING_NUMBER = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2,6}-\d{4}-\d{5,})(?![0-9])")
_MAX_DEPTH = 20  # MIME nesting beyond this is an attack, not mail
_T = TypeVar("_T")


class EmailTooLarge(ValueError):
    """The raw message is larger than the configured maximum; it was not parsed."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"email of {size} bytes exceeds the {limit} byte limit")
        self.size = size
        self.limit = limit


class Attachment(NamedTuple):
    filename: str
    content: bytes
    content_type: str  # as declared by the sender; sniff before trusting it


@dataclass(frozen=True)
class ParsedEmail:
    message_id: str  # without <>; "sha256:<hex>" when the message has none
    in_reply_to: str | None
    references: tuple[str, ...]
    from_address: str  # lower-cased
    from_name: str
    to_addresses: tuple[str, ...]
    cc_addresses: tuple[str, ...]
    subject: str
    date: datetime | None  # aware
    text: str  # the citizen's own words: quotes and signature removed
    attachments: tuple[Attachment, ...]
    tracking_numbers: tuple[str, ...]  # subject first, then own text, then quoted text
    is_auto_reply: bool
    auto_reply_reason: str | None
    is_bounce: bool
    bounce_reason: str | None
    bounced_message_id: str | None
    defects: tuple[str, ...]

    @property
    def is_automated(self) -> bool:
        """Machine-written mail that must never create a case nor receive an acknowledgement."""
        return self.is_auto_reply or self.is_bounce

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this message answers, nearest first, for matching our sent mail."""
        ids = ([self.in_reply_to] if self.in_reply_to else []) + list(reversed(self.references))
        return tuple(dict.fromkeys(ids))


def parse_email(raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedEmail:
    if len(raw) > max_bytes:
        raise EmailTooLarge(len(raw), max_bytes)
    defects: list[str] = []
    msg = _parse_message(raw, defects)
    read = _Reader(defects)
    subject = read("Subject", lambda: header_text(msg, "Subject"), "")
    from_address, from_name = read("From", lambda: _sender(msg), ("", ""))
    body, quoted_body = read("body", lambda: _body_text(msg, defects), ("", ""))
    auto_reason = read("auto-reply check", lambda: auto_reply_reason(msg, subject), None)
    bounce = read("bounce check", lambda: bounce_reason(msg, from_address, subject), None)
    bounced_id = read("bounced Message-ID", lambda: find_bounced_message_id(msg), None)
    return ParsedEmail(
        message_id=read("Message-ID", lambda: _message_id(msg, raw, defects), _synthetic_id(raw)),
        in_reply_to=read("In-Reply-To", lambda: _in_reply_to(msg), None),
        references=read("References", lambda: tuple(_references(msg)), ()),
        from_address=from_address,
        from_name=from_name,
        to_addresses=read("To", lambda: _addresses(msg, "To"), ()),
        cc_addresses=read("Cc", lambda: _addresses(msg, "Cc"), ()),
        subject=subject,
        date=read("Date", lambda: _date(msg, defects), None),
        text=body,
        attachments=read("attachments", lambda: tuple(_attachments(msg, defects)), ()),
        tracking_numbers=find_tracking_numbers(subject, body, quoted_body),
        is_auto_reply=auto_reason is not None,
        auto_reply_reason=auto_reason,
        is_bounce=bounce is not None,
        bounce_reason=bounce,
        bounced_message_id=bounced_id if bounce else None,
        defects=tuple(defects + _mime_defects(msg)),
    )


class _Reader:
    """Runs one extraction; a failure becomes a defect and a default, never an exception."""

    def __init__(self, defects: list[str]) -> None:
        self.defects = defects

    def __call__(self, what: str, extract: Callable[[], _T], default: _T) -> _T:
        try:
            return extract()
        except Exception as error:  # a malformed message must still give a ParsedEmail
            self.defects.append(f"{what}: {type(error).__name__}: {error}"[:200])
            return default


def _parse_message(raw: bytes, defects: list[str]) -> Message:
    try:
        return email.message_from_bytes(raw)
    except Exception as error:  # e.g. RecursionError on absurd nesting: keep the headers
        defects.append(f"MIME structure unreadable: {type(error).__name__}")
        return email.parser.BytesParser().parsebytes(raw, headersonly=True)


def message_id_of(raw: bytes) -> str:
    """The `message_id` `parse_email` gives `raw`, read from the headers alone.

    Cheap at any size and never raises, so a poller can key an oversized or broken message.
    """
    try:
        headers = email.parser.BytesParser().parsebytes(raw, headersonly=True)
        found = normalise_message_id(header_text(headers, "Message-ID"))
    except Exception:  # a malformed header block still gets the stable synthetic id
        found = None
    return found or _synthetic_id(raw)


def _synthetic_id(raw: bytes) -> str:
    # Stable across polls, so the Message-ID dedupe still works for messages without one.
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _message_id(msg: Message, raw: bytes, defects: list[str]) -> str:
    found = normalise_message_id(header_text(msg, "Message-ID"))
    if found:
        return found
    defects.append("missing Message-ID")
    return _synthetic_id(raw)


def _in_reply_to(msg: Message) -> str | None:
    return normalise_message_id(header_text(msg, "In-Reply-To"))


def _references(msg: Message) -> list[str]:
    return message_ids_in(header_text(msg, "References"))


def _sender(msg: Message) -> tuple[str, str]:
    # Split the address before decoding the name: a decoded name may contain "," or "<".
    pairs = _address_pairs(msg, "From")
    if not pairs:
        return "", ""
    name, address = pairs[0]
    if "@" not in address:  # "From: warga" cannot be answered; keep the words as the name
        return "", name or address
    return address, name


def _addresses(msg: Message, name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(address for _, address in _address_pairs(msg, name) if address))


def _address_pairs(msg: Message, header: str) -> list[tuple[str, str]]:
    values = msg.get_all(header) or []
    raw_values = [
        value if isinstance(value, str) else decode_header_value(value) for value in values
    ]
    pairs = email.utils.getaddresses(raw_values)
    return [
        (decode_header_value(name), without_controls(address).strip().lower())
        for name, address in pairs
        if address or name
    ]


def _date(msg: Message, defects: list[str]) -> datetime | None:
    value = header_text(msg, "Date")
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"unreadable Date: {value[:60]}")
        return None
    # RFC 5322 3.3: "-0000" means UTC with the sender's zone unknown; Python returns it naive.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


# -- body and attachments ------------------------------------------------------------------


def _walk(part: Message, depth: int = 0) -> Iterator[tuple[Message, bool]]:
    """(part, is_leaf) in order; an attached message (message/*) is one leaf, not descended."""
    # is_multipart() first: get_payload() on an 8-bit leaf decodes with the declared charset,
    # and a charset name such as "utf\x00-8" raises there.
    is_container = part.get_content_maintype() == "multipart" and part.is_multipart()
    if not is_container or depth > _MAX_DEPTH:
        yield part, True
        return
    yield part, False
    for child in part.get_payload():
        if isinstance(child, Message):
            yield from _walk(child, depth + 1)


def _leaves(msg: Message) -> Iterator[Message]:
    return (part for part, is_leaf in _walk(msg) if is_leaf)


def _is_body(part: Message) -> bool:
    if part.get_content_type() not in ("text/plain", "text/html"):
        return False
    disposition = (part.get_content_disposition() or "").lower()
    return disposition != "attachment" and not part.get_filename()


def _part_text(part: Message) -> str:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    text = decode_bytes(data, part.get_content_charset())
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _body_text(msg: Message, defects: list[str]) -> tuple[str, str]:
    """(own text, full text): text/plain preferred, HTML converted when there is no plain text."""
    plain: list[str] = []
    html: list[str] = []
    for part in _leaves(msg):
        try:
            if not _is_body(part):
                continue
            if part.get_content_subtype() == "plain":
                plain.append(_plain_text(part))
            else:
                html.append(html_to_text(_part_text(part)))
        except Exception as error:  # one broken part must not hide the others
            defects.append(f"unreadable text part: {type(error).__name__}")
    chosen = [text for text in plain if text.strip()] or html
    if not chosen:
        defects.append("no text body")
    full = _tidy("\n\n".join(chosen))
    return strip_quoted_reply(full), full


def _plain_text(part: Message) -> str:
    text = _part_text(part)
    if str(part.get_param("format", "")).lower() == "flowed":
        text = unflow(text, delsp=str(part.get_param("delsp", "")).lower() == "yes")
    return text


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in without_controls(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _attachments(msg: Message, defects: list[str]) -> Iterator[Attachment]:
    for index, part in enumerate(_leaves(msg), start=1):
        try:
            attachment = _attachment(part, index)
        except Exception as error:  # one broken part must not hide the others
            defects.append(f"unreadable attachment {index}: {type(error).__name__}")
            continue
        if attachment is not None:
            yield attachment


def _attachment(part: Message, index: int) -> Attachment | None:
    if _is_body(part):
        return None
    filename = _filename(part)
    content_type = part.get_content_type()
    if not filename and part.get_content_maintype() != "image":
        return None  # delivery reports, calendar stubs, signatures without a name
    content = _part_bytes(part)
    if content is None:
        return None
    return Attachment(filename or _default_filename(index, content_type), content, content_type)


def _filename(part: Message) -> str:
    # get_filename() handles RFC 2231 (filename*=UTF-8''...); some clients still use RFC 2047.
    name = decode_header_value(part.get_filename() or part.get_param("name") or "")
    # Never trust a path from a sender: keep the last component, without control characters.
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(char for char in name if char.isprintable()).strip(". ")[:200]


def _default_filename(index: int, content_type: str) -> str:
    extension = mimetypes.guess_extension(content_type) or ".bin"
    return f"lampiran-{index}{extension}"


def _part_bytes(part: Message) -> bytes | None:
    if part.get_content_maintype() == "message" and part.is_multipart():
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return inner[0].as_bytes()
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else None


def _mime_defects(msg: Message) -> list[str]:
    found: list[str] = []
    for part, _ in _walk(msg):
        found.extend(type(defect).__name__ for defect in getattr(part, "defects", []))
    return list(dict.fromkeys(found))


def find_tracking_numbers(*texts: str) -> tuple[str, ...]:
    """Tracking numbers in order of appearance across `texts`, upper-cased, without repeats."""
    found: list[str] = []
    for text in texts:
        found.extend(match.upper() for match in TRACKING_NUMBER.findall(text or ""))
    return tuple(dict.fromkeys(found))
