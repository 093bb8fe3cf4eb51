"""Presentation helpers of the case page: delivery ticks, send errors and SLA clocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sigap.agencies.selectors import StaffScope
from sigap.cases import permissions
from sigap.cases.models import Case, CaseStatus, EventKind, Message, Priority
from sigap.cases.selectors import attachment_event_name
from sigap.routing.models import TriageResult

register = template.Library()

# Provider error codes staff see explained (the raw provider text stays as technical detail).
_SEND_ERRORS = {
    "131047": gettext_lazy(
        "Di luar jendela 24 jam WhatsApp; kirim ulang dengan template yang disetujui."
    ),
    "window_24h": gettext_lazy("Di luar jendela 24 jam Instagram untuk pesan otomatis."),
    "window_7d": gettext_lazy(
        "Lebih dari 7 hari sejak pesan terakhir warga di Instagram; gunakan kanal lain."
    ),
    "131026": gettext_lazy("Nomor warga tidak dapat menerima pesan WhatsApp."),
    "no_template": gettext_lazy(
        "Jendela 24 jam tertutup dan akun tidak punya template yang disetujui."
    ),
    "network": gettext_lazy("Layanan penyedia tidak dapat dihubungi; pesan akan dicoba lagi."),
    "190": gettext_lazy("Token akses akun kanal kedaluwarsa atau dicabut; hubungi admin sistem."),
    "empty": gettext_lazy("Pesan kosong tidak dapat dikirim."),
}


@register.filter
def delivery_tick(message: Message) -> str:
    """WhatsApp-like ticks for an outbound message's status."""
    return {
        "queued": "◷",
        "sent": "✓",
        "delivered": "✓✓",
        "read": "✓✓",
        "failed": "✕",
    }.get(message.status, "")


@register.filter
def send_error(message: Message) -> str:
    """Why an outbound message failed (or is being retried), in Indonesian; empty otherwise."""
    outbound = getattr(message, "outbound", None) if message.direction == "out" else None
    if outbound is None or not (outbound.last_error or outbound.error_code):
        return ""
    if message.status not in {"failed", "queued"}:
        return ""
    if outbound.error_code == "network" and message.status == "failed":
        return _("Layanan penyedia tidak dapat dihubungi; pengiriman dihentikan.")
    known = _SEND_ERRORS.get(outbound.error_code)
    if known:
        return str(known)
    if outbound.error_code:
        return _("Gagal terkirim (kode %(code)s).") % {"code": outbound.error_code}
    return _("Gagal terkirim.")


def duration_text(delta: timedelta) -> str:
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%d hari", "%d hari", days) % days)
    if hours:
        parts.append(ngettext("%d jam", "%d jam", hours) % hours)
    if mins or not parts:
        parts.append(ngettext("%d menit", "%d menit", mins) % mins)
    return " ".join(parts[:2])


@dataclass(frozen=True)
class Clock:
    label: str
    due: datetime | None
    state: str  # ok, soon, overdue, done, paused
    text: str


_SOON = timedelta(hours=1)


def _running(label: str, due: datetime | None, now: datetime, paused: bool) -> Clock:
    if paused:
        return Clock(label, due, "paused", _("Dijeda: menunggu jawaban warga"))
    if due is None:
        return Clock(label, None, "paused", _("Belum berjalan"))
    if due < now:
        return Clock(label, due, "overdue", _("Terlambat %(t)s") % {"t": duration_text(now - due)})
    state = "soon" if due - now <= _SOON else "ok"
    return Clock(label, due, state, _("Sisa %(t)s") % {"t": duration_text(due - now)})


def _done(label: str, due: datetime | None, at: datetime) -> Clock:
    late = due is not None and at > due
    text = _("Selesai, %(t)s lewat batas") % {"t": duration_text(at - due)} if late and due else ""
    return Clock(label, due, "overdue" if late else "done", text or _("Selesai tepat waktu"))


def sla_clocks(case: Case, now: datetime) -> list[Clock]:
    """The case's clocks from its stored deadline columns, with the time left or overdue."""
    paused = case.status == CaseStatus.WAITING_CITIZEN
    clocks: list[Clock] = []
    stages = [
        (_("Respons pertama"), case.first_response_due_at, case.first_response_at),
        (_("Verifikasi"), case.verification_due_at, case.verified_at),
        (_("Tindak lanjut"), case.followup_due_at, case.resolved_at),
        (_("Penyelesaian"), case.resolution_due_at, case.resolved_at),
    ]
    for label, due, done_at in stages:
        if due is None and done_at is None and not paused:
            continue
        if done_at is not None:
            clocks.append(_done(label, due, done_at))
        elif case.is_open:
            clocks.append(_running(label, due, now, paused))
    if case.status == CaseStatus.RESOLVED and case.autoclose_due_at is not None:
        left = case.autoclose_due_at - now
        clocks.append(
            Clock(
                _("Tutup otomatis"),
                case.autoclose_due_at,
                "ok",
                _("Dalam %(t)s bila warga tidak menanggapi") % {"t": duration_text(left)},
            )
        )
    return clocks


def location_source(case: Case, triage: TriageResult | None, timeline: list[Any]) -> str:
    """Where the case's place came from: the citizen's pin, the text, or staff."""
    if case.latitude is not None and case.longitude is not None:
        return _("Titik lokasi yang dibagikan warga")
    located = [e for e in timeline if e.kind == EventKind.LOCATION and e.data.get("source")]
    source = located[-1].data["source"] if located else ""
    if source == "gazetteer" or (triage is not None and triage.place):
        return _("Dikenali dari teks laporan")
    if case.region_id is not None:
        return _("Ditetapkan petugas atau formulir")
    return ""


@register.filter
def percent(value: float | None) -> str:
    """0.873 → "87 %" (confidences and similarity scores)."""
    if value is None:
        return "—"
    try:
        return f"{round(float(value) * 100)} %"
    except (TypeError, ValueError):
        return "—"


_STATUS_KINDS = {"created", "status_changed"}


_PURPOSES = {
    "ack": gettext_lazy("tanda terima otomatis"),
    "reply": gettext_lazy("balasan petugas"),
    "info_request": gettext_lazy("permintaan informasi"),
    "status_answer": gettext_lazy("jawaban status"),
    "faq": gettext_lazy("jawaban otomatis"),
}


@register.filter
def event_value(event: Any, value: str) -> str:
    """A timeline value for people: status codes and message purposes in Indonesian."""
    if event.kind in _STATUS_KINDS and value in CaseStatus.values:
        return str(CaseStatus(value).label)
    if event.kind == "priority_changed" and value in Priority.values:
        return str(Priority(value).label)
    if event.kind == "message_out" and value:
        return str(_PURPOSES.get(value, value))
    return value


@register.simple_tag(takes_context=True)
def attachment_name(context: template.Context, attachment: Any) -> str:
    """The attachment's file name as the viewer may read it (the page's ``attachment_names``,
    see ``case_attachment_names``); a page that did not provide them shows a neutral one."""
    names = context.get("attachment_names") or {}
    neutral = _("lampiran.%(extension)s") % {"extension": attachment.extension}
    return names.get(attachment.pk) or neutral


@register.simple_tag(takes_context=True)
def timeline_value(context: template.Context, event: Any) -> str:
    """An event's new value for people (``event_value``); for an attachment its file name as
    the viewer may read it: ``to_value`` holds the name the citizen gave the file."""
    if event.kind == EventKind.ATTACHMENT:
        return attachment_event_name(event, context.get("attachment_names") or {})
    return event_value(event, event.to_value)


def triage_context(scope: StaffScope, case: Case, timeline: list[Any]) -> dict[str, Any]:
    """The stored triage of the case and its duplicate candidates the viewer may open."""
    triage = TriageResult.objects.filter(case=case).first()
    duplicates: list[tuple[Case, float]] = []
    if triage is not None and triage.duplicates:
        scores = {row.get("case_id"): row.get("score", 0) for row in triage.duplicates}
        found = Case.objects.filter(pk__in=list(scores)).exclude(pk=case.pk)
        duplicates = [
            (other, scores[other.pk])
            for other in found.select_related("agency")
            if permissions.can_view(scope, other)
        ]
    return {
        "triage": triage,
        "duplicates": duplicates,
        "location_source": location_source(case, triage, timeline),
    }
