"""Parse the generic SMS contract (already authenticated by the webhook) into our shapes.

Dedupe. Every delivery is keyed ``{account code}:{gateway id}@{received_at as unix seconds}``.
A gateway's retry repeats both, so it lands once. The receive time is part of the key because
some gateways derive the id from the content (SMS Gateway for Android): a citizen who sends the
same words twice would otherwise lose the second SMS. A gateway whose ids are unique but whose
retries restamp the time sets ``config["unique_ids"] = true`` to key on the id alone.

Multipart. A long SMS may reach the gateway as separate parts (Gammu stores one ``inbox`` row per
part). Each part is posted with ``parts = {ref, index, total}`` and stored raw as its own event.
The parts of one message are the events of the same account with the same sender, ``ref`` and
``total`` received within an hour of each other (``ref`` is a per-phone 8- or 16-bit counter: on
its own it collides across citizens and wraps around). The webhook holds each part
(``next_attempt_at`` = first part's arrival + ``config["multipart_hold_seconds"]``, default 300)
unless it completes the message, so the completing part is processed at once and the sweeper
processes held parts after the deadline. Processing a part assembles the parts present in index
order (a missing one becomes ``[…]``) into one message whose external id
``sms:{code}:{sender}:{ref}:{id of the first part's event}`` is the same whichever part assembles
it, so ``inbound_message_handle`` lands it once. A part that finds the message already assembled
is ignored, or, if it arrived after a timed-out assembly, becomes a follow-up of its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl
from zoneinfo import ZoneInfo

from django.utils import timezone

from sigap.cases.models import Message
from sigap.cases.services import IncomingMessage
from sigap.cases.services.intake import MAX_TEXT_LENGTH
from sigap.channels.adapters import ParsedDelivery, StatusUpdate
from sigap.channels.models import ChannelAccount, ChannelKind, InboundEvent
from sigap.channels.webhook_input import TooDeep, json_parse
from sigap.contacts.services import SenderIdentity, normalize_msisdn

DEFAULT_HOLD_SECONDS = 300
GROUP_WINDOW = timedelta(hours=1)
STATUSES = frozenset({"sent", "delivered", "failed"})
MISSING_PART = "[…]"
FORM_TYPE = "application/x-www-form-urlencoded"
# Shorter senders are operator service numbers and short codes, not citizens.
_MIN_MSISDN_DIGITS = 8


class MalformedSms(ValueError):
    """Authentic but unreadable: the event is kept and ignored with this reason as its note."""


class PartsPending(Exception):
    """A part processed before its hold deadline (an early manual reprocess): retried later."""


@dataclass(frozen=True)
class Part:
    ref: str
    index: int
    total: int


@dataclass(frozen=True)
class SmsFields:
    gateway_id: str
    raw_sender: str
    sender: str  # 62…
    to: str
    text: str
    received_at: datetime | None
    part: Part | None = None
    # A received_at given but unreadable (not a date, out of range): the message is kept with
    # the time it reached Sigap, and this raw value still tells repeated SMS apart (see keys).
    unreadable_time: str = ""


# -- reading the contract ----------------------------------------------------------------------


def decode(body: bytes | str, content_type: str) -> dict[str, Any]:
    """The fields of a JSON object or of a form (many gateways can only post forms)."""
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    if content_type.split(";")[0].strip().lower() == FORM_TYPE:
        return _form(text)
    try:
        data = json_parse(text)
    except TooDeep:
        raise MalformedSms("isi JSON bersarang terlalu dalam") from None
    except ValueError:
        raise MalformedSms("isi bukan JSON maupun formulir") from None
    if not isinstance(data, dict):
        raise MalformedSms("JSON bukan objek")
    return data


def _form(text: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    parts: dict[str, str] = {}
    for name, value in parse_qsl(text, keep_blank_values=True):
        # PHP relays write parts[ref]=…, others parts.ref=…: both mean the nested object.
        if name.startswith("parts[") and name.endswith("]"):
            parts.setdefault(name[6:-1], value)
        elif name.startswith("parts."):
            parts.setdefault(name[6:], value)
        else:
            data.setdefault(name, value)
    if parts:
        data["parts"] = parts
    return data


def sms_fields(data: dict[str, Any], *, zone: str) -> SmsFields:
    """The inbound SMS fields; ``zone`` places a received_at given without an offset."""
    gateway_id = _plain(data.get("id")).strip()
    if not gateway_id:
        raise MalformedSms("SMS tanpa id")
    raw_sender = _plain(data.get("from")).strip()
    given_time = data.get("received_at")
    received_at = _moment(given_time, zone)
    unreadable = received_at is None and given_time is not None and str(given_time).strip()
    return SmsFields(
        gateway_id=gateway_id,
        raw_sender=raw_sender,
        sender=normalize_msisdn(raw_sender),
        to=normalize_msisdn(_plain(data.get("to"))),
        text=_plain(data.get("text")).replace("\x00", ""),  # PostgreSQL refuses NUL in text
        received_at=received_at,
        part=_part(data.get("parts")),
        unreadable_time=str(given_time)[:200] if unreadable else "",
    )


def _plain(value: Any) -> str:
    return str(value) if isinstance(value, str | int | float) else ""


def _moment(value: Any, zone: str) -> datetime | None:
    """A gateway's time (ISO 8601 or Unix seconds) in UTC; None when absent or unreadable.

    Unreadable includes out of range: "99999999999999" seconds (year out of range), a 30-digit
    number (overflow), year 9999 with a negative offset (past 9999 in UTC, as it is stored).
    """
    value = _plain(value).strip()
    if not value:
        return None
    try:
        if value.isascii() and value.isdigit():
            return datetime.fromtimestamp(int(value), tz=UTC)
        moment = datetime.fromisoformat(value)
        if timezone.is_naive(moment):
            # Gammu and many relays write local time without an offset: the Pemda's own zone.
            moment = moment.replace(tzinfo=ZoneInfo(zone))
        return moment.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _part(value: Any) -> Part | None:
    if value in (None, "", {}):
        return None
    if not isinstance(value, dict):
        raise MalformedSms("parts bukan objek {ref, index, total}")
    try:
        index, total = int(value.get("index")), int(value.get("total"))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):  # OverflowError: JSON Infinity
        raise MalformedSms("parts.index dan parts.total harus angka") from None
    ref = _plain(value.get("ref")).strip()
    if not ref or not 1 <= index <= total <= 255:
        raise MalformedSms(f"parts tidak sah: ref={ref!r} index={index} total={total}")
    return None if total == 1 else Part(ref=ref[:40], index=index, total=total)


# -- keys --------------------------------------------------------------------------------------


def delivery_key(account: ChannelAccount, fields: SmsFields) -> str:
    """Dedupe key of one delivered SMS or part (see the module docstring)."""
    gateway_id = fields.gateway_id
    if len(gateway_id) > 120:
        gateway_id = "sha256:" + hashlib.sha256(gateway_id.encode()).hexdigest()[:40]
    key = f"{account.code}:{gateway_id}"
    if account.config.get("unique_ids"):
        return key
    if fields.received_at is not None:
        key += f"@{int(fields.received_at.timestamp())}"
    elif fields.unreadable_time:
        # A retry repeats the same unreadable value; a second SMS with a content-derived id
        # carries another one, and must not be dropped as a duplicate of the first.
        key += "@?" + hashlib.sha256(fields.unreadable_time.encode()).hexdigest()[:16]
    return key


def status_key(account: ChannelAccount, data: dict[str, Any]) -> str:
    """A report is stored once per message and status; a later, different status is new."""
    gateway_id = _plain(data.get("id")).strip()[:120]
    status = _plain(data.get("status")).strip().lower()[:20]
    if not gateway_id or not status:
        raise MalformedSms("laporan status tanpa id atau status")
    return f"{account.code}:status:{gateway_id}:{status}"


def provider_id(account: ChannelAccount, gateway_id: str) -> str:
    """Gateway ids are only unique per gateway (two Gammu boxes both count 1, 2, 3 …), so the
    outbox keeps them scoped by account: a report can only touch its own account's rows."""
    return f"{account.code}:{gateway_id}"


def group_tag(fields: SmsFields) -> str:
    part = fields.part
    return f"{fields.sender}:{part.ref}:{part.total}" if part else ""


# -- holding parts -----------------------------------------------------------------------------


def hold_seconds(account: ChannelAccount) -> int:
    try:
        return max(0, int(account.config.get("multipart_hold_seconds", DEFAULT_HOLD_SECONDS)))
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_HOLD_SECONDS


def _siblings(event: InboundEvent, tag: str) -> list[InboundEvent]:
    """The stored parts of the message this part belongs to (itself included), oldest first."""
    return list(
        InboundEvent.objects.filter(
            channel=ChannelKind.SMS,
            account_id=event.account_id,
            headers__sms_group=tag,
            received_at__gte=event.received_at - GROUP_WINDOW,
            received_at__lte=event.received_at + GROUP_WINDOW,
        ).order_by("pk")
    )


def parts_hold(event: InboundEvent, account: ChannelAccount, fields: SmsFields) -> bool:
    """Hold a just-stored part until the deadline unless it completes its message.

    Two parts stored at the same moment may each miss the other; both are then held and
    assembled at the deadline: later, never lost.
    """
    assert fields.part is not None
    siblings = _siblings(event, group_tag(fields))
    present = {int(s.headers.get("sms_part") or 0) for s in siblings}
    if present >= set(range(1, fields.part.total + 1)):
        return False
    first = min(s.received_at for s in siblings)
    deadline = first + timedelta(seconds=hold_seconds(account))
    InboundEvent.objects.filter(pk=event.pk).update(next_attempt_at=deadline)
    return True


# -- processing --------------------------------------------------------------------------------


def parse(event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
    parsed = ParsedDelivery()
    account = event.account
    if account is None:
        parsed.notes.append("akun SMS tidak dikenal")
        return parsed
    try:
        data = decode(event.body, str(event.headers.get("content_type") or ""))
        if event.headers.get("kind") == "status":
            _status(account, data, parsed)
            return parsed
        fields = sms_fields(data, zone=account.pemda.timezone)
    except MalformedSms as exc:
        parsed.notes.append(str(exc))
        return parsed
    if fields.unreadable_time:
        parsed.notes.append(
            f"received_at {fields.unreadable_time[:60]!r} tidak terbaca; dipakai waktu tiba"
        )
    if not _from_a_phone(fields):
        parsed.notes.append(
            f"pengirim {fields.raw_sender!r} bukan nomor ponsel (SMS operator/layanan); diabaikan"
        )
    elif fields.part is not None:
        _parse_part(event, account, fields, parsed, final_attempt)
    elif not fields.text.strip():
        parsed.notes.append(f"SMS {fields.gateway_id} tanpa teks")
    else:
        key = delivery_key(account, fields)
        data = {"gateway_ids": [fields.gateway_id]}
        parsed.messages.append((account, _incoming(account, fields, key, fields.text, data)))
    return parsed


def _from_a_phone(fields: SmsFields) -> bool:
    # Operators send promotions from names ("TELKOMSEL") and short codes: never a complaint,
    # and an acknowledgement to them would only cost credit.
    has_letters = any(ch.isalpha() for ch in fields.raw_sender)
    return not has_letters and len(fields.sender) >= _MIN_MSISDN_DIGITS


def _incoming(
    account: ChannelAccount,
    fields: SmsFields,
    key: str,
    text: str,
    data: dict[str, Any],
    received_at: datetime | None = None,
) -> IncomingMessage:
    return IncomingMessage(
        channel=ChannelKind.SMS,
        text=text[:MAX_TEXT_LENGTH],
        sender=SenderIdentity(external_id=fields.sender, phone=fields.sender),
        external_id=key,
        received_at=received_at or fields.received_at,
        data={"to": fields.to, **data},
        account_id=account.pk,
    )


def _parse_part(
    event: InboundEvent,
    account: ChannelAccount,
    fields: SmsFields,
    parsed: ParsedDelivery,
    final_attempt: bool,
) -> None:
    part = fields.part
    assert part is not None
    siblings = _siblings(event, group_tag(fields))
    if event.pk not in {s.pk for s in siblings}:  # stored without the group headers
        siblings = sorted([*siblings, event], key=lambda s: s.pk)
    key = f"sms:{account.code}:{fields.sender}:{part.ref}:{siblings[0].pk}"
    assembled = Message.objects.filter(channel=ChannelKind.SMS, external_id=key).first()
    if assembled is not None:
        _part_after_assembly(account, fields, key, assembled, parsed)
        return
    parts = _parts_by_index(siblings, account, part.total)
    missing = [i for i in range(1, part.total + 1) if i not in parts]
    deadline = min(s.received_at for s in siblings) + timedelta(seconds=hold_seconds(account))
    if missing and not final_attempt and timezone.now() < deadline:
        raise PartsPending(f"bagian {missing} dari {part.total} belum tiba; ditahan")
    text = "".join(parts[i].text if i in parts else MISSING_PART for i in range(1, part.total + 1))
    if not text.replace(MISSING_PART, "").strip():
        parsed.notes.append(f"SMS bersambung {key} tanpa teks")
        return
    times = [p.received_at for p in parts.values() if p.received_at is not None]
    data = {
        "gateway_ids": [parts[i].gateway_id for i in sorted(parts)],
        "multipart": {"ref": part.ref, "total": part.total, "parts": sorted(parts),
                      "missing": missing},
    }  # fmt: skip
    parsed.messages.append(
        (account, _incoming(account, fields, key, text, data, min(times, default=None)))
    )
    if missing:
        parsed.notes.append(f"SMS bersambung {key} digabung tanpa bagian {missing} (batas tunggu)")


def _parts_by_index(
    siblings: list[InboundEvent], account: ChannelAccount, total: int
) -> dict[int, SmsFields]:
    parts: dict[int, SmsFields] = {}
    for sibling in siblings:
        try:
            data = decode(sibling.body, str(sibling.headers.get("content_type") or ""))
            found = sms_fields(data, zone=account.pemda.timezone)
        except MalformedSms:
            continue
        if found.part is not None and found.part.total == total:
            # The same index twice (a gateway that re-posted a part under a new id): first wins.
            parts.setdefault(found.part.index, found)
    return parts


def _part_after_assembly(
    account: ChannelAccount,
    fields: SmsFields,
    key: str,
    assembled: Message,
    parsed: ParsedDelivery,
) -> None:
    part = fields.part
    assert part is not None
    included = ((assembled.data or {}).get("multipart") or {}).get("parts") or []
    if part.index in included:
        parsed.notes.append(f"bagian {part.index}/{part.total} sudah digabung ke {key}")
        return
    if not fields.text.strip():
        parsed.notes.append(f"bagian {part.index}/{part.total} terlambat dan tanpa teks")
        return
    # It arrived after the hold timed out: its text still reaches the case, as a follow-up.
    data = {
        "gateway_ids": [fields.gateway_id],
        "late_part_of": key,
        "multipart": {"ref": part.ref, "total": part.total, "parts": [part.index]},
    }
    parsed.messages.append(
        (account, _incoming(account, fields, f"{key}:{part.index}", fields.text, data))
    )


def _status(account: ChannelAccount, data: dict[str, Any], parsed: ParsedDelivery) -> None:
    gateway_id = _plain(data.get("id")).strip()
    status = _plain(data.get("status")).strip().lower()
    if not gateway_id or status not in STATUSES:
        parsed.notes.append(f"laporan status tidak dikenal: id={gateway_id!r} status={status!r}")
        return
    at = _moment(data.get("at"), account.pemda.timezone)
    if at is None and data.get("at") is not None and str(data.get("at")).strip():
        parsed.notes.append(f"at {str(data.get('at'))[:60]!r} tidak terbaca; dipakai waktu tiba")
    parsed.statuses.append(
        StatusUpdate(
            provider_message_id=provider_id(account, gateway_id),
            status=status,
            at=at,
            error_code=_plain(data.get("code")).strip()[:20],
            error_title=_plain(data.get("error")).strip()[:500],
        )
    )
