"""Timeline events and staff notifications for SLA warnings and escalations.

Notifications are rows the console shows; delivering them by email and WhatsApp (through the
channels outbox, to the on-duty officer) is a later step that will read these same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from sigap.agencies.models import User
from sigap.cases.models import Case, CaseEvent, EventKind
from sigap.sla.clocks import WARNED
from sigap.sla.models import EscalationRole, NotificationKind, SlaNotification, Stage

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
