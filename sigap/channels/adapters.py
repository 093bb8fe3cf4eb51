"""What every channel kind provides: parse a raw delivery, send one outbound message."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sigap.cases.services import IncomingMessage
from sigap.channels.models import ChannelAccount, InboundEvent, OutboundMessage


@dataclass(frozen=True)
class StatusUpdate:
    """A provider's delivery report for one of our outbound messages."""

    provider_message_id: str
    status: str  # sent, delivered, read, failed
    at: datetime | None = None
    error_code: str = ""
    error_title: str = ""
    callback_data: str = ""


@dataclass(frozen=True)
class IdentityChange:
    """The provider says a user's id changed (WhatsApp ``user_changed_number``)."""

    old_external_id: str
    new_external_id: str


@dataclass
class ParsedDelivery:
    messages: list[tuple[ChannelAccount, IncomingMessage]] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)
    identity_changes: list[IdentityChange] = field(default_factory=list)
    # Shapes we do not handle and provider-level errors: logged and kept on the event.
    notes: list[str] = field(default_factory=list)
    # Messages left out of this attempt because something they need may come later (a media
    # file the provider could not serve yet): the rest is handled now, the event is retried.
    deferred: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str
    used_template: str = ""


class SendError(Exception):
    """A send failed; ``retryable`` says whether the outbox should try again."""

    retryable = True

    def __init__(self, message: str, *, code: str = "", retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.retry_after = retry_after


class PermanentSendError(SendError):
    retryable = False


class WindowClosedError(SendError):
    """Free-form text is not allowed now (WhatsApp 24 h, Instagram 24 h / 7 days)."""

    retryable = True


class RecipientUnreachableError(PermanentSendError):
    """The citizen can no longer be reached on this identity (blocked bot, not on WhatsApp)."""


class ChannelAdapter(Protocol):
    kind: str

    def parse(self, event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery: ...

    def send(self, outbound: OutboundMessage, *, window_open: bool) -> SendResult: ...


_adapters: dict[str, ChannelAdapter] = {}


def adapter_register(adapter: ChannelAdapter) -> None:
    _adapters[adapter.kind] = adapter


def adapter_for(kind: str) -> ChannelAdapter:
    try:
        return _adapters[kind]
    except KeyError:
        raise LookupError(f"no channel adapter for {kind!r}") from None
