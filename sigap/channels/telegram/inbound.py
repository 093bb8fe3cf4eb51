"""Parse a Telegram Bot API update (already secret-checked) into our normalised shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sigap.cases.services import IncomingAttachment, IncomingMessage
from sigap.channels.adapters import ParsedDelivery
from sigap.channels.models import ChannelAccount, ChannelKind, InboundEvent
from sigap.channels.telegram import transport
from sigap.channels.webhook_input import TooDeep, json_parse
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import DomainError
from sigap.core.files import check_attachment

# Media a citizen sends as evidence; stickers and animations carry no complaint content.
_MEDIA_KINDS = ("photo", "document", "video", "voice", "audio", "video_note")
# my_chat_member statuses of the bot in a private chat: "kicked" is the user blocking the bot.
_UNREACHABLE_STATUSES = {"kicked", "left"}


@dataclass
class TelegramDelivery(ParsedDelivery):
    """ParsedDelivery plus two facts about identities that are not messages.

    ``reachability``: (user id, reachable) from my_chat_member; ``own_phones``: (user id,
    phone) from a contact the user shared about themselves. The adapter applies them.
    """

    reachability: list[tuple[str, bool]] = field(default_factory=list)
    own_phones: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Content:
    text: str = ""
    latitude: float | None = None
    longitude: float | None = None
    location_text: str = ""
    phone: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def message_external_id(account: ChannelAccount, chat_id: Any, message_id: Any) -> str:
    """message_id is unique only within a chat, and chats only within a bot."""
    return f"tg:{account.external_id}:{chat_id}:{message_id}"


def parse(event: InboundEvent, *, final_attempt: bool) -> TelegramDelivery:
    parsed = TelegramDelivery()
    account = event.account
    if account is None or account.kind != ChannelKind.TELEGRAM or not account.is_active:
        parsed.notes.append("event without an active Telegram account")
        return parsed
    try:
        update = json_parse(event.body)
    except TooDeep:
        parsed.notes.append("body is JSON nested too deeply to read")
        return parsed
    except ValueError:
        parsed.notes.append("body is not JSON")
        return parsed
    if not isinstance(update, dict):
        parsed.notes.append(f"update is not an object: {str(update)[:80]!r}")
        return parsed
    _parse_update(update, account, parsed, final_attempt)
    return parsed


def _parse_update(
    update: dict[str, Any], account: ChannelAccount, parsed: TelegramDelivery, final_attempt: bool
) -> None:
    if isinstance(update.get("message"), dict):
        _message(update["message"], account, parsed, final_attempt, edited=False)
    elif isinstance(update.get("edited_message"), dict):
        _message(update["edited_message"], account, parsed, final_attempt, edited=True)
    elif isinstance(update.get("callback_query"), dict):
        _callback_query(update["callback_query"], account, parsed)
    elif isinstance(update.get("my_chat_member"), dict):
        _chat_member(update["my_chat_member"], parsed)
    else:
        kinds = sorted(k for k in update if k != "update_id")
        parsed.notes.append(f"update {update.get('update_id')} of kind {kinds} not handled")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _private_sender(
    chat: Any, sender: Any, parsed: TelegramDelivery
) -> tuple[Any, dict[str, Any]] | None:
    """(chat id, sender) of a private chat with a human; None (and a note) otherwise."""
    chat, sender = _dict(chat), _dict(sender)
    if chat.get("type") != "private":
        # Citizens talk to the bot privately; a group must not become anyone's complaint.
        parsed.notes.append(f"{chat.get('type')} chat {chat.get('id')} ignored")
        return None
    if not sender.get("id") or sender.get("is_bot"):
        parsed.notes.append(f"chat {chat.get('id')}: sender missing or a bot")
        return None
    return chat.get("id", sender["id"]), sender


def _sender(user: dict[str, Any], phone: str = "") -> SenderIdentity:
    name = " ".join(str(user.get(k) or "") for k in ("first_name", "last_name")).strip()
    # User ids exceed 32 bits: kept as the exact decimal string.
    return SenderIdentity(external_id=str(user["id"]), display_name=name, phone=phone)


def _timestamp(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _message(
    raw: dict[str, Any],
    account: ChannelAccount,
    parsed: TelegramDelivery,
    final_attempt: bool,
    *,
    edited: bool,
) -> None:
    private = _private_sender(raw.get("chat"), raw.get("from"), parsed)
    if private is None:
        return
    chat_id, user = private
    if raw.get("message_id") is None:
        parsed.notes.append(f"message in chat {chat_id} without message_id")
        return
    external_id = message_external_id(account, chat_id, raw["message_id"])
    if edited:
        external_id = _edit(raw, external_id, parsed)
        if not external_id:
            return
    content = _content(raw, user, parsed)
    attachments: tuple[IncomingAttachment, ...] = ()
    if not edited:  # an edited caption must not store the same file twice
        attachments, content.text = _attachments(raw, account, content.text, parsed, final_attempt)
    if not content.text and not attachments and content.latitude is None:
        parsed.notes.append(f"message {external_id} has no content we handle")
        return
    if content.phone:
        parsed.own_phones.append((str(user["id"]), content.phone))
    data = {"chat_id": str(chat_id), "username": user.get("username", ""), **content.data}
    data["edited"] = edited
    parsed.messages.append(
        (
            account,
            IncomingMessage(
                channel=ChannelKind.TELEGRAM,
                text=f"[pesan diubah] {content.text}" if edited else content.text,
                sender=_sender(user, content.phone),
                external_id=external_id,
                attachments=attachments,
                latitude=content.latitude,
                longitude=content.longitude,
                location_text=content.location_text,
                received_at=_timestamp(raw.get("edit_date") if edited else raw.get("date")),
                data=data,
                account_id=account.pk,
            ),
        )
    )


def _edit(raw: dict[str, Any], external_id: str, parsed: TelegramDelivery) -> str:
    """The id of an edit (a new follow-up; the original message stays as it was), or "".

    A live location is an edited_message every few seconds for hours: those are ignored,
    only edited text or captions reach the case.
    """
    if not (raw.get("text") or raw.get("caption")):
        parsed.notes.append(f"edit of {external_id} without text ignored (live location?)")
        return ""
    return f"{external_id}:edit:{raw.get('edit_date') or ''}"


def _content(raw: dict[str, Any], user: dict[str, Any], parsed: TelegramDelivery) -> _Content:
    """The text a message carries and its structured extras (location, own phone)."""
    text = str(raw.get("text") or raw.get("caption") or "")
    kind = next((k for k in ("text", *_MEDIA_KINDS) if k in raw), "")
    content = _Content(text=text, data={"type": kind or "text"})
    venue = raw.get("venue") if isinstance(raw.get("venue"), dict) else None
    location = (venue or {}).get("location") or raw.get("location")
    if isinstance(location, dict):
        _locate(content, location, venue)
    if isinstance(raw.get("contact"), dict):
        _shared_contact(content, raw["contact"], user)
    if not kind and not content.text and content.latitude is None:
        other = sorted(set(raw) - {"message_id", "from", "chat", "date", "edit_date"})
        parsed.notes.append(f"message fields {other} not handled")
    return content


def _locate(content: _Content, location: dict[str, Any], venue: dict[str, Any] | None) -> None:
    label = ", ".join(str(venue[k]) for k in ("title", "address") if venue and venue.get(k))
    lat: float | None
    lng: float | None
    try:
        lat, lng = float(location["latitude"]), float(location["longitude"])
    except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: a 400-digit int
        lat = lng = None
    if lat is None and not label:
        return  # nothing usable: the message is noted as without content we handle
    # A venue whose point is unreadable is still its name and address.
    content.latitude, content.longitude, content.location_text = lat, lng, label
    content.text = content.text or label or "[lokasi dibagikan]"
    content.data["type"] = "venue" if venue else "location"


def _shared_contact(content: _Content, contact: dict[str, Any], user: dict[str, Any]) -> None:
    phone = str(contact.get("phone_number") or "")
    name = " ".join(str(contact.get(k) or "") for k in ("first_name", "last_name")).strip()
    content.data["type"] = "contact"
    # Only a contact whose user_id is the sender's own is their number (request_contact
    # button); anyone can forward someone else's card.
    if phone and str(contact.get("user_id") or "") == str(user["id"]):
        content.phone = phone
        content.text = content.text or f"[nomor HP dibagikan: {phone}]"
        return
    content.text = content.text or f"Kontak dibagikan: {name} {phone}".strip()


def _area(size: dict[str, Any]) -> int:
    """Pixels of one photo size; 0 when a dimension is unreadable ("wide", Infinity), so such
    a size is only picked when no other is usable."""
    try:
        return int(size.get("width") or 0) * int(size.get("height") or 0)
    except (TypeError, ValueError, OverflowError):
        return 0


def _media_file(raw: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    for kind in _MEDIA_KINDS:
        value = raw.get(kind)
        if kind == "photo" and isinstance(value, list):
            sizes = [size for size in value if isinstance(size, dict)]
            if sizes:  # smallest first per the docs; pick by area in case the order changes
                return kind, max(sizes, key=_area)
        elif isinstance(value, dict):
            return kind, value
    return None


def _attachments(
    raw: dict[str, Any],
    account: ChannelAccount,
    text: str,
    parsed: TelegramDelivery,
    final_attempt: bool,
) -> tuple[tuple[IncomingAttachment, ...], str]:
    found = _media_file(raw)
    if found is None:
        return (), text
    kind, media = found
    file_id = str(media.get("file_id") or "")
    try:
        content = transport.file_download(account, file_id)
    except transport.MediaError as exc:
        if exc.retryable and not final_attempt:
            raise  # the event is retried with backoff; file_ids stay valid
        parsed.notes.append(f"file {file_id[:60]} gave up: {exc}")
        return (), (text + "\n[lampiran gagal diunduh]").strip()
    unique = str(media.get("file_unique_id") or file_id[-12:])
    name = str(media.get("file_name") or f"{kind}-{unique}")
    try:
        check_attachment(content, name=name)
    except DomainError as exc:
        # Keep the message, drop the file: a refused attachment must not lose the complaint.
        parsed.notes.append(f"file {file_id[:60]} refused: {exc.message}")
        return (), (text + f"\n[lampiran tidak diterima: {exc.message}]").strip()
    mime = str(media.get("mime_type") or ("image/jpeg" if kind == "photo" else ""))
    return (IncomingAttachment(content, name=name, declared_type=mime),), text


def _callback_query(
    query: dict[str, Any], account: ChannelAccount, parsed: TelegramDelivery
) -> None:
    """A tap on an inline button: its data is what the citizen "said"."""
    private = _private_sender(_dict(query.get("message")).get("chat"), query.get("from"), parsed)
    data = str(query.get("data") or "")
    if private is None:
        return
    if not data:
        parsed.notes.append(f"callback_query {query.get('id')} without data")
        return
    chat_id, user = private
    parsed.messages.append(
        (
            account,
            IncomingMessage(
                channel=ChannelKind.TELEGRAM,
                text=data,
                sender=_sender(user),
                external_id=f"tg:{account.external_id}:{chat_id}:cb:{query.get('id')}",
                data={
                    "type": "callback_query",
                    "chat_id": str(chat_id),
                    "username": user.get("username", ""),
                },
                account_id=account.pk,
            ),
        )
    )


def _chat_member(change: dict[str, Any], parsed: TelegramDelivery) -> None:
    """The user blocked ("kicked") or restarted the bot: reachability, never a case."""
    chat, user = _dict(change.get("chat")), _dict(change.get("from"))
    status = str(_dict(change.get("new_chat_member")).get("status") or "")
    if chat.get("type") != "private" or not user.get("id"):
        parsed.notes.append(f"my_chat_member in {chat.get('type')} chat {chat.get('id')} noted")
        return
    reachable = status not in _UNREACHABLE_STATUSES
    parsed.reachability.append((str(user["id"]), reachable))
    parsed.notes.append(
        f"user {user['id']} {'restarted' if reachable else 'blocked'} the bot ({status})"
    )
