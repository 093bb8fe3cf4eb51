"""Timeline events and staff notifications for SLA warnings and escalations.

Notifications are rows the console shows (listed here for ``console:notifications``); their
delivery by email and WhatsApp is ``sla.services.delivery``, which reads these same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from sigap.agencies.models import User
from sigap.cases.models import Case, CaseEvent, EventKind
from sigap.core.errors import DomainError
from sigap.sla.clocks import WARNED
from sigap.sla.models import (
    ALWAYS_WHATSAPP_KINDS,
    EscalationRole,
    NotificationKind,
    NotificationPreference,
    SlaNotification,
    Stage,
)

_ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@dataclass(frozen=True)
class Step:
    """One claimed step of one stage: the warning (level 0) or escalation level >= 1."""

    case: Case
    stage: str
    column_level: int  # the stored level: 1 warned, n >= 2 escalated to chain level n - 1
    due_at: datetime
    role: str
    recipients: tuple[int, ...]

    @property
    def level(self) -> int:
        return self.column_level - WARNED

    @property
    def is_warning(self) -> bool:
        return self.column_level == WARNED


def local_time(moment: datetime, tz_name: str) -> str:
    return _local_time(moment, tz_name, translation.get_language())


@lru_cache(maxsize=4096)  # steps of one sweep share a few deadlines (closing times)
def _local_time(moment: datetime, tz_name: str, _language: str | None) -> str:
    local = moment.astimezone(ZoneInfo(tz_name))
    return f"{formats.date_format(local, 'j M Y H.i')} {_ZONE_NAMES.get(tz_name, '')}".strip()


def step_text(step: Step) -> str:
    values = {
        "number": step.case.tracking_number,
        "stage": Stage(step.stage).label.lower(),
        "due": local_time(step.due_at, step.case.pemda.timezone),
        "level": step.level,
        "role": EscalationRole(step.role).label.lower(),
    }
    if step.is_warning:
        return _("Laporan %(number)s hampir melewati batas %(stage)s (%(due)s).") % values
    return (
        _(
            "Eskalasi level %(level)d ke %(role)s: laporan %(number)s melewati batas "
            "%(stage)s (%(due)s)."
        )
        % values
    )


def step_rows(steps: list[Step], now: datetime) -> tuple[list[CaseEvent], list[SlaNotification]]:
    """The timeline event and the notification rows of each step, ready for bulk insert."""
    events: list[CaseEvent] = []
    notifications: list[SlaNotification] = []
    for step in steps:
        text = step_text(step)
        events.append(
            CaseEvent(
                case_id=step.case.pk,
                actor=None,
                kind=EventKind.SLA if step.is_warning else EventKind.ESCALATED,
                to_value=step.stage,
                note=text,
                data={
                    "stage": step.stage,
                    "level": step.level,
                    "due_at": step.due_at.isoformat(),
                    "role": step.role,
                    "recipients": list(step.recipients),
                },
                created_at=now,
            )
        )
        kind = NotificationKind.WARNING if step.is_warning else NotificationKind.ESCALATION
        notifications.extend(
            SlaNotification(
                recipient_id=user_id,
                case_id=step.case.pk,
                kind=kind,
                stage=step.stage,
                level=step.level,
                text=text,
                created_at=now,
            )
            for user_id in step.recipients
        )
    return events, notifications


@transaction.atomic
def sla_notification_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Mark the user's notifications read (all unread ones when ``ids`` is None)."""
    unread = SlaNotification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def notification_list_for_user(user: User) -> QuerySet[SlaNotification]:
    """The user's own notifications, unread first, each with its case and WhatsApp outbox row."""
    return (
        SlaNotification.objects.filter(recipient=user)
        .annotate(is_unread=ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField()))
        .select_related("case", "whatsapp_outbound")
        .order_by("-is_unread", "-created_at", "-id")
    )


@transaction.atomic
def notification_preference_set(
    *, user: User, email_kinds: list[str], whatsapp_kinds: list[str]
) -> NotificationPreference:
    """Store which kinds also go by email and by WhatsApp (emergencies always by WhatsApp)."""
    known = set(NotificationKind.values)
    unknown = (set(email_kinds) | set(whatsapp_kinds)) - known
    if unknown:
        raise DomainError(_("Jenis notifikasi tidak dikenal."), code="unknown_kind")
    whatsapp = set(whatsapp_kinds) | ALWAYS_WHATSAPP_KINDS
    preference, _created = NotificationPreference.objects.select_for_update().get_or_create(
        user=user
    )
    # Stored in the kinds' declared order, so the page and the admin read them the same way.
    preference.email_kinds = [kind for kind in NotificationKind.values if kind in email_kinds]
    preference.whatsapp_kinds = [kind for kind in NotificationKind.values if kind in whatsapp]
    preference.save(update_fields=["email_kinds", "whatsapp_kinds", "updated_at"])
    return preference
