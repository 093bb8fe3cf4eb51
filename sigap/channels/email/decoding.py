"""Lenient decoding of charsets, RFC 2047 header words and Message-ID lists.

Real mail lies about its charset all the time, so every function here returns text and never
raises: a wrong label costs a few replacement characters, not a lost complaint.
"""

from __future__ import annotations

import codecs
import email.header
import re

# Labels that mean "some 8-bit bytes, charset unknown": try UTF-8 first, since that is what
# modern clients actually send when they forget the label.
_UNKNOWN_CHARSETS = frozenset({"", "unknown-8bit", "x-unknown", "unknown", "default", "8bit"})
# WHATWG (and every mail client) decodes these labels as windows-1252: Outlook often writes
# "smart quotes" (0x91-0x94) under an iso-8859-1 or us-ascii label.
_WINDOWS_1252_ALIASES = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968"}
)
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")
# C0 controls other than tab and newline: PostgreSQL text refuses NUL, and none is readable.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode a body or header chunk, trusting the declared charset only as far as it works."""
    label = _normalise_label(charset)
    if label in _UNKNOWN_CHARSETS or label in _WINDOWS_1252_ALIASES:
        # Undeclared or ASCII-declared 8-bit text is usually UTF-8 in disguise.
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return decode_bytes(data, None)
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        if codec != "utf-8":
            return data.decode(codec, errors="replace")
        # Declared UTF-8 but it is not: windows-1252 is the usual truth (old webmail).
        return data.decode("cp1252", errors="replace")


def _normalise_label(charset: str | None) -> str:
    if not charset:
        return ""
    return charset.strip().strip("\"'").lower()


def decode_header_value(value: object) -> str:
    """Decode RFC 2047 encoded words (`=?UTF-8?B?...?=`) and raw 8-bit header bytes to text."""
    if value is None:
        return ""
    try:
        chunks = email.header.decode_header(value)  # type: ignore[arg-type]
    except Exception:  # malformed encoded words: show them as they are
        return _unfold(str(value))
    pieces: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            pieces.append(chunk)
        else:
            pieces.append(decode_bytes(chunk, charset))
    return _unfold("".join(pieces))


def _unfold(text: str) -> str:
    # Folded headers keep their CRLF + whitespace; a subject or a name is one line.
    return without_controls(re.sub(r"\s*[\r\n]+\s*", " ", text)).strip()


def normalise_message_id(value: str | None) -> str | None:
    """`<abc@example.org>` -> `abc@example.org`; the first id if several; None if none."""
    if not value:
        return None
    found = message_ids_in(value)
    if found:
        return found[0]
    # Some clients omit the angle brackets; accept one bare token that looks like an id.
    token = value.strip().split()[0] if value.strip() else ""
    return token.strip("<>") or None


def message_ids_in(value: str | None) -> list[str]:
    """Every `<id>` in a References or In-Reply-To header, in order, without duplicates."""
    if not value:
        return []
    ids = _MESSAGE_ID.findall(value)
    if not ids and "@" in value:
        ids = [token.strip("<>,") for token in value.split() if "@" in token]
    return list(dict.fromkeys(ids))
