"""What Sigap says to citizens on their own channel: acknowledgements and status answers."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import User
from sigap.cases.models import Case, Message, MessageDirection
from sigap.catalog.models import CaseKind, Priority
from sigap.channels.models import ChannelAccount, ChannelKind, OutboundMessage
from sigap.channels.services.outbox import outbound_create
from sigap.contacts.models import ContactIdentity
from sigap.core.errors import DomainError
from sigap.routing.models import KnowledgeArticle

EMERGENCY_NUMBERS = "112 (darurat), 113 (pemadam kebakaran), 119 (ambulans), 110 (polisi)"


def status_link(case: Case) -> str:
    return settings.SIGAP_BASE_URL + reverse("portal:track", args=[case.citizen_token])


def _local(moment: datetime, case: Case) -> str:
    local = moment.astimezone(ZoneInfo(case.pemda.timezone))
    zone = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}.get(
        case.pemda.timezone, ""
    )
    return f"{formats.date_format(local, 'j F Y H.i')} {zone}".strip()


def acknowledgement_text(case: Case) -> str:
    emergency = case.priority == Priority.EMERGENCY or case.kind == CaseKind.EMERGENCY
    lines = []
    if emergency:
        # First thing read in a panic: whom to call now; the tracking details can wait.
        lines.append(
            _("DARURAT: jika keadaan ini sedang terjadi, segera hubungi %(numbers)s.")
            % {"numbers": EMERGENCY_NUMBERS}
        )
        if case.channel != ChannelKind.SMS:  # an SMS cannot carry a location pin
            lines.append(_("Mohon bagikan lokasi Anda (share location) agar petugas cepat tiba."))
    lines.append(
        _("Terima kasih, laporan Anda sudah kami terima dengan nomor %(number)s.")
        % {"number": case.tracking_number}
    )
    if case.agency is not None:
        lines.append(_("Ditangani oleh: %(agency)s.") % {"agency": case.agency.name})
    else:
        lines.append(_("Laporan sedang diverifikasi dan akan diteruskan ke instansi yang tepat."))
    if case.first_response_due_at is not None:
        lines.append(
            _("Petugas akan menanggapi paling lambat %(due)s.")
            % {"due": _local(case.first_response_due_at, case)}
        )
    lines.append(_("Pantau perkembangan: %(link)s") % {"link": status_link(case)})
    lines.append(
        _("Cek status kapan saja dengan membalas: cek status %(number)s")
        % {"number": case.tracking_number}
    )
    return "\n".join(lines)


def acknowledgement_key(case: Case) -> str:
    return f"ack:{case.pk}"


def acknowledgement_send(
    *,
    case: Case,
    account: ChannelAccount,
    identity: ContactIdentity,
    held: bool | None = None,
    first: bool = False,
) -> OutboundMessage:
    """One acknowledgement per case, whatever happens to the event that created it.

    A case held for review (a flood) gets one only when its contact had none within the
    window; otherwise the earlier acknowledgement is returned and nothing new is sent.
    ``held``: whether triage held the case, when the caller has the triage at hand.
    ``first``: the caller triaged the case just now, under the row lock it still holds; the
    acknowledgement is written only after triage in that same transaction, so none can exist
    yet and its rows need no savepoint (see ``outbound_create``).
    """
    # Imported here: the hold rules live in routing, and only this function needs them.
    from sigap.routing.holds import acknowledgement_covering

    earlier = acknowledgement_covering(case, identity, held=held)
    if earlier is not None:
        return earlier
    return outbound_create(
        case=case,
        account=account,
        identity=identity,
        text=acknowledgement_text(case),
        purpose="ack",
        idempotency_key=acknowledgement_key(case),
        data={"tracking_number": case.tracking_number},
        enqueue=False,  # sent inline by the event processor; the sweeper covers a crash
        savepoint=not first,
    )


def status_text(case: Case | None, tracking_number: str) -> str:
    if case is None:
        return _(
            "Laporan %(number)s tidak ditemukan untuk akun Anda. Periksa kembali nomornya."
        ) % {"number": tracking_number}
    lines = [
        _("Status laporan %(number)s: %(status)s.")
        % {"number": case.tracking_number, "status": case.get_status_display()}
    ]
    if case.agency is not None:
        lines.append(_("Ditangani oleh: %(agency)s.") % {"agency": case.agency.name})
    lines.append(
        _("Terakhir diperbarui %(when)s.")
        % {"when": _local(case.updated_at or timezone.now(), case)}
    )
    lines.append(_("Rincian: %(link)s") % {"link": status_link(case)})
    return "\n".join(lines)


def status_answer_send(
    *,
    case: Case | None,
    tracking_number: str,
    account: ChannelAccount,
    identity: ContactIdentity,
    question_id: str,
) -> OutboundMessage:
    return outbound_create(
        case=case,
        account=account,
        identity=identity,
        text=status_text(case, tracking_number),
        purpose="status_answer",
        idempotency_key=f"status:{account.pk}:{question_id}",
        enqueue=False,
    )


def case_reply_send(*, case: Case, text: str, actor: User | None, key: str) -> OutboundMessage:
    """A staff reply on the citizen's own channel (the account and identity they last used)."""
    last_inbound = (
        Message.objects.filter(case=case, direction=MessageDirection.INBOUND, account__isnull=False)
        .select_related("account")
        .order_by("-created_at")
        .first()
    )
    if last_inbound is None or last_inbound.account is None or case.contact is None:
        raise DomainError(
            _("Laporan ini tidak datang dari kanal pesan; balas lewat telepon/surat.")
        )
    identity = ContactIdentity.objects.filter(
        contact=case.contact, channel=last_inbound.channel
    ).first()
    if identity is None:
        raise DomainError(_("Identitas warga di kanal ini tidak ditemukan."))
    if not text.strip():
        raise DomainError(_("Balasan tidak boleh kosong."), code="empty")
    return outbound_create(
        case=case,
        account=last_inbound.account,
        identity=identity,
        text=text.strip(),
        purpose="reply",
        idempotency_key=f"reply:{case.pk}:{key}",
        author=actor,
    )


def faq_answer_send(
    *,
    article: KnowledgeArticle,
    account: ChannelAccount,
    identity: ContactIdentity,
    question_id: str,
) -> OutboundMessage:
    lines = [article.answer.strip()]
    if article.source_url:
        lines.append(_("Sumber: %(url)s") % {"url": article.source_url})
    lines.append(
        _("Belum terjawab? Balas PETUGAS agar pertanyaan Anda diteruskan ke petugas %(agency)s.")
        % {"agency": article.agency.short_name}
    )
    return outbound_create(
        case=None,
        account=account,
        identity=identity,
        text="\n\n".join(lines),
        purpose="faq",
        idempotency_key=f"faq:{account.pk}:{question_id}",
        data={"article_id": article.pk},
        enqueue=False,
    )
