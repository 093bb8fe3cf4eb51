"""What a parsed message may carry into a case, made safe before the intake sees it.

Providers and gateways send what they send: 30,000-character texts, a NUL byte PostgreSQL
refuses, a lone UTF-16 surrogate no encoder takes, latitude 999, a phone clock set to 1970.
The intake rightly refuses such values, but refusing them there loses the whole message, and
its retries hold up every other message of the delivery. Here each value is repaired or
dropped with a note on the event, and the citizen's message goes on.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta

from sigap.cases.services import IncomingMessage
from sigap.cases.services.intake import MAX_TEXT_LENGTH

# Meta re-delivers for up to seven days and an SMS gateway may hold a backlog as long: older
# times, or times ahead of ours, are a wrong clock, not a real send time.
OLDEST_SEND_TIME = timedelta(days=7)
CLOCK_SKEW = timedelta(minutes=5)
MAX_NAME = 150
MAX_PHONE = 20
MAX_EXTERNAL_ID = 200
MAX_LOCATION_TEXT = 255


def incoming_message_cleaned(
    message: IncomingMessage, now: datetime
) -> tuple[IncomingMessage | None, list[str]]:
    """The message with unsafe values repaired, and notes saying what changed; None when
    nothing of it is left to handle (only invisible characters, say)."""
    notes: list[str] = []
    text = _storable(message.text)
    if len(text) > MAX_TEXT_LENGTH:
        notes.append(f"text cut from {len(text)} to {MAX_TEXT_LENGTH} characters")
        text = text[: MAX_TEXT_LENGTH - 1] + "…"
    if not _visible(text):
        text = ""
    latitude, longitude = message.latitude, message.longitude
    if not _valid_point(latitude, longitude):
        notes.append(f"location ({latitude}, {longitude}) dropped: not a place on Earth")
        latitude = longitude = None
    received_at = message.received_at
    if received_at is not None and not now - OLDEST_SEND_TIME <= received_at <= now + CLOCK_SKEW:
        notes.append(f"provider time {received_at.isoformat()} replaced by arrival time")
        received_at = None
    sender = message.sender
    phone = _storable(sender.phone)
    if len(phone) > MAX_PHONE or not phone.isascii():
        notes.append(f"sender phone {phone[:40]!r} dropped: not a phone number")
        phone = ""
    sender = replace(
        sender,
        external_id=_storable(sender.external_id)[:MAX_EXTERNAL_ID],
        display_name=_storable(sender.display_name)[:MAX_NAME],
        phone=phone,
        alternate_id=_storable(sender.alternate_id)[:MAX_EXTERNAL_ID],
    )
    location_text = _storable(message.location_text)[:MAX_LOCATION_TEXT]
    if not text and not message.attachments and latitude is None:
        notes.append(f"message {message.external_id!r} has nothing left to handle")
        return None, notes
    cleaned = replace(
        message,
        text=text,
        sender=sender,
        latitude=latitude,
        longitude=longitude,
        location_text=location_text,
        received_at=received_at,
    )
    return cleaned, notes


def _storable(value: str) -> str:
    """No NUL (PostgreSQL refuses it in text) and no lone surrogate (no encoder takes one)."""
    if not value:
        return ""
    value = value.replace("\x00", "")
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return value


def _visible(text: str) -> bool:
    """Anything but spaces and format characters (zero-width space, joiners, marks)."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def _valid_point(latitude: float | None, longitude: float | None) -> bool:
    if latitude is None and longitude is None:
        return True
    if latitude is None or longitude is None:
        return False
    try:
        lat, lng = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lng) and -90 <= lat <= 90 and -180 <= lng <= 180
