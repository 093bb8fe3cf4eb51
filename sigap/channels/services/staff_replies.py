"""Staff replies on the citizen's own channel, aware of the provider's reply window.

WhatsApp allows free text only within 24 hours of the citizen's last message; after that only an
approved template (configured per account in ``ChannelAccount.config["templates"]``) may go out.
Instagram lets a human agent answer for 7 days and has no templates. Other channels have no
window. The console shows the state computed here and offers templates when free text would be
refused, so an officer never writes a reply the provider will reject.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import User
from sigap.cases.models import Case, Message, MessageDirection
from sigap.channels.models import ChannelAccount, ChannelKind, Conversation, OutboundMessage
from sigap.channels.services.outbox import outbound_create
from sigap.contacts.models import ContactIdentity
from sigap.core.errors import DomainError

MAX_REPLY_LENGTH = 4000
# Template parameters are one short line (see whatsapp.transport._template_body).
MAX_TEMPLATE_TEXT = 900
# The Send API accepts human-agent replies this long after the citizen's last message.
INSTAGRAM_HUMAN_AGENT_WINDOW = timedelta(days=7)
_PURPOSE_MAX = 24  # OutboundMessage.purpose max_length


@dataclass(frozen=True)
class ReplyTemplate:
    key: str  # the key in the account's templates config; sent as the outbound purpose
    name: str
    language: str


@dataclass(frozen=True)
class ReplyChannel:
    """Where a staff reply to this case goes and what may be sent there now."""

    account: ChannelAccount | None = None
    identity: ContactIdentity | None = None
    # Why no reply is possible (no messaging channel, identity gone); empty when it is.
    unavailable: str = ""
    has_window: bool = False
    window_open: bool = True
    window_closes_at: datetime | None = None
    templates: tuple[ReplyTemplate, ...] = field(default_factory=tuple)

    @property
    def can_reply(self) -> bool:
        return not self.unavailable

    @property
    def needs_template(self) -> bool:
        """Free text is refused now; only an approved template may be sent."""
        return self.has_window and not self.window_open

    @property
    def channel_label(self) -> str:
        return self.account.get_kind_display() if self.account else ""


def reply_channel_for(case: Case) -> ReplyChannel:
    """The account and identity the citizen last wrote from, and the window's state."""
    last_inbound = (
        Message.objects.filter(case=case, direction=MessageDirection.INBOUND, account__isnull=False)
        .select_related("account")
        .order_by("-created_at", "-id")
        .first()
    )
    if last_inbound is None or last_inbound.account is None or case.contact_id is None:
        return ReplyChannel(
            unavailable=_(
                "Laporan ini tidak datang dari kanal pesan; hubungi warga lewat telepon/surat."
            )
        )
    account = last_inbound.account
    identity = ContactIdentity.objects.filter(
        contact_id=case.contact_id, channel=last_inbound.channel
    ).first()
    if identity is None:
        return ReplyChannel(
            account=account, unavailable=_("Identitas warga di kanal ini tidak ditemukan.")
        )
    if not identity.is_reachable:
        return ReplyChannel(
            account=account,
            identity=identity,
            unavailable=_("Warga tidak dapat dihubungi lagi lewat %(channel)s.")
            % {"channel": account.get_kind_display()},
        )
    return _with_window(account, identity)


def _with_window(account: ChannelAccount, identity: ContactIdentity) -> ReplyChannel:
    if account.kind not in {ChannelKind.WHATSAPP, ChannelKind.INSTAGRAM}:
        return ReplyChannel(account=account, identity=identity)
    conversation = Conversation.objects.filter(account=account, identity=identity).first()
    last_in = conversation.last_inbound_at if conversation else None
    hours = account.config.get("window_hours", settings.SIGAP_REPLY_WINDOW_HOURS)
    span = timedelta(hours=hours)
    if account.kind == ChannelKind.INSTAGRAM:
        span = max(span, INSTAGRAM_HUMAN_AGENT_WINDOW)  # staff replies are human-agent replies
    closes = last_in + span if last_in else None
    is_open = closes is not None and timezone.now() < closes
    templates = account_templates(account) if account.kind == ChannelKind.WHATSAPP else ()
    unavailable = ""
    if not is_open and not templates:
        unavailable = _(
            "Jendela balasan %(channel)s sudah tertutup dan akun ini tidak punya template yang "
            "disetujui. Tunggu warga menghubungi lagi atau gunakan kanal lain."
        ) % {"channel": account.get_kind_display()}
    return ReplyChannel(
        account=account,
        identity=identity,
        unavailable=unavailable,
        has_window=True,
        window_open=is_open,
        window_closes_at=closes,
        templates=templates,
    )


def account_templates(account: ChannelAccount) -> tuple[ReplyTemplate, ...]:
    """The approved templates configured on the account (malformed entries are skipped)."""
    raw = account.config.get("templates") or {}
    if not isinstance(raw, dict):
        return ()
    found = []
    for key, value in sorted(raw.items()):
        if isinstance(value, dict) and value.get("name") and len(str(key)) <= _PURPOSE_MAX:
            found.append(
                ReplyTemplate(
                    key=str(key), name=str(value["name"]), language=str(value.get("language", "id"))
                )
            )
    return tuple(found)


def staff_reply_send(
    *,
    case: Case,
    actor: User | None,
    text: str,
    key: str,
    template: str = "",
    purpose: str = "reply",
    data: dict[str, Any] | None = None,
) -> OutboundMessage:
    """Queue a staff reply through the outbox; the same ``key`` never sends twice.

    Outside the WhatsApp window ``template`` (a key of the account's templates) is required and
    becomes the outbound purpose, which is how the transport picks that template.
    """
    text = text.strip()
    channel = reply_channel_for(case)
    if not channel.can_reply:
        raise DomainError(channel.unavailable, code="no_reply_channel")
    if not text:
        raise DomainError(_("Balasan tidak boleh kosong."), code="empty")
    if len(text) > MAX_REPLY_LENGTH:
        raise DomainError(
            _("Balasan terlalu panjang (maksimal %(max)d karakter).") % {"max": MAX_REPLY_LENGTH},
            code="too_long",
        )
    if channel.needs_template:
        purpose = _template_purpose(channel, template, text)
    assert channel.account is not None and channel.identity is not None
    return outbound_create(
        case=case,
        account=channel.account,
        identity=channel.identity,
        text=text,
        purpose=purpose,
        idempotency_key=f"reply:{case.pk}:{key}"[:120],
        author=actor,
        data={"tracking_number": case.tracking_number, **(data or {})},
    )


def _template_purpose(channel: ReplyChannel, template: str, text: str) -> str:
    keys = {t.key for t in channel.templates}
    if not template:
        raise DomainError(
            _("Jendela 24 jam sudah tertutup: pilih template yang disetujui."),
            code="template_required",
        )
    if template not in keys:
        raise DomainError(_("Template tidak dikenal untuk akun ini."), code="unknown_template")
    if "\n" in text or len(text) > MAX_TEMPLATE_TEXT:
        raise DomainError(
            _("Isi template harus satu baris, paling banyak %(max)d karakter.")
            % {"max": MAX_TEMPLATE_TEXT},
            code="template_text",
        )
    return template
