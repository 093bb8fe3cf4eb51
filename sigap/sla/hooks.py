"""Who hears about a case at once: emergency alerts and assignments.

``notifications_case_changed`` is a ``case_hook_register`` subscriber. Like the SLA recompute
it works inline after the commit instead of only enqueueing: an emergency must reach the
command center within seconds, and the rows cost a handful of indexed queries. Delivery (email,
WhatsApp) is enqueued on commit; if the inline work fails, a task retries it.

Never twice: the case row is locked and recipients who already hold an EMERGENCY notification
for the case are left out. A case that becomes an emergency before it has an agency alerts the
operators at once, and the agency's on-duty staff when it is routed (or disposed to another
agency) later.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Role, User
from sigap.agencies.selectors import on_duty_staff
from sigap.cases.models import OPEN_STATUSES, Case, CaseEvent, EventKind
from sigap.cases.services import case_row_for_hooks, event_record
from sigap.catalog.models import Priority
from sigap.routing.detectors.pii import mask_personal_data
from sigap.sla.models import NotificationKind, SlaNotification
from sigap.sla.services.delivery import notifications_deliver_enqueue

logger = logging.getLogger(__name__)

# Changes after which a case may newly be an emergency or have new on-duty staff.
ALERT_ON = frozenset({"created", "priority", "routed", "disposed"})
EXCERPT_CHARS = 160


def notifications_case_changed(case_id: int, change: str) -> None:
    """The ``case_hook_register`` subscriber (wired in ``SlaConfig.ready``)."""
    if change not in ALERT_ON and change != "assigned":
        return
    try:
        if change == "assigned":
            case_assignment_notify(case_id=case_id)
        elif _is_open_emergency(case_id):
            case_emergency_alert(case_id=case_id)
    except Exception:
        logger.exception("notifications for case %s after %s failed; retrying", case_id, change)
        from sigap.sla.tasks import case_notifications_task

        case_notifications_task.enqueue(case_id=case_id, change=change)


def _is_open_emergency(case_id: int) -> bool:
    """From the committed row when its writer left it for the hooks (the channel intake),
    else one indexed query."""
    case = case_row_for_hooks(case_id)
    if case is not None:
        return case.priority == Priority.EMERGENCY and case.status in OPEN_STATUSES
    return Case.objects.filter(
        pk=case_id, priority=Priority.EMERGENCY, status__in=OPEN_STATUSES
    ).exists()


def emergency_recipients(case: Case, at: datetime) -> list[User]:
    """The Pemda's command-center operators, then the responsible agency's on-duty staff."""
    operators = (
        User.objects.filter(
            is_active=True,
            memberships__role=Role.OPERATOR,
            memberships__agency__pemda_id=case.pemda_id,
            memberships__agency__is_active=True,
        )
        .distinct()
        .order_by("pk")
    )
    recipients = {user.pk: user for user in operators}
    if case.agency is not None:
        for user in on_duty_staff(case.agency, at):
            recipients.setdefault(user.pk, user)
    return list(recipients.values())


@transaction.atomic
def case_emergency_alert(*, case_id: int, now: datetime | None = None) -> list[int]:
    """EMERGENCY notifications for everyone who must act and has not been alerted yet."""
    now = now or timezone.now()
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("agency", "region", "category")
        .filter(pk=case_id)
        .first()
    )
    if case is None or case.priority != Priority.EMERGENCY or case.status not in OPEN_STATUSES:
        return []
    alerted = set(
        SlaNotification.objects.filter(case=case, kind=NotificationKind.EMERGENCY).values_list(
            "recipient_id", flat=True
        )
    )
    recipients = [user for user in emergency_recipients(case, now) if user.pk not in alerted]
    if not recipients:
        return []
    text = emergency_text(case)
    ids = [
        SlaNotification.objects.create(
            recipient=user, case=case, kind=NotificationKind.EMERGENCY, text=text, created_at=now
        ).pk
        for user in recipients
    ]
    event_record(
        case=case,
        kind=EventKind.NOTE,
        note=_("Peringatan darurat dikirim ke %(names)s.")
        % {"names": ", ".join(str(user) for user in recipients)},
        data={"alert": "emergency", "recipients": [user.pk for user in recipients]},
    )
    notifications_deliver_enqueue(ids)
    return ids


def emergency_text(case: Case) -> str:
    parts = [
        _("DARURAT: laporan %(number)s (%(what)s).")
        % {
            "number": case.tracking_number,
            "what": case.category.name if case.category else case.get_kind_display(),
        },
        _("Instansi: %(agency)s.") % {"agency": case.agency or _("belum ditentukan")},
    ]
    place = _place(case)
    if place:
        parts.append(_("Lokasi: %(place)s.") % {"place": place})
    excerpt = mask_personal_data(case.description.strip())
    if excerpt:
        parts.append(f"“{excerpt[:EXCERPT_CHARS]}{'…' if len(excerpt) > EXCERPT_CHARS else ''}”")
    return " ".join(parts)


def _place(case: Case) -> str:
    pieces = []
    if case.region is not None:
        pieces.append(case.region.name)
    if case.location_text:
        pieces.append(case.location_text[:120])
    if case.latitude is not None and case.longitude is not None:
        pieces.append(f"https://maps.google.com/?q={case.latitude:.6f},{case.longitude:.6f}")
    return ", ".join(pieces)


@transaction.atomic
def case_assignment_notify(*, case_id: int) -> list[int]:
    """Tell the new assignee, unless they took the case themselves."""
    event = (
        CaseEvent.objects.filter(case_id=case_id, kind=EventKind.ASSIGNED)
        .select_related("case", "actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    assignee_id = (event.data or {}).get("assignee_id") if event else None
    if event is None or not assignee_id or event.actor_id == assignee_id:
        return []
    case = event.case
    if case.assignee_id != assignee_id:  # reassigned meanwhile: that change notifies
        return []
    duplicate = SlaNotification.objects.filter(
        case_id=case_id, recipient_id=assignee_id, kind=NotificationKind.ASSIGNED,
        created_at__gte=event.created_at,
    )  # fmt: skip
    if duplicate.exists():
        return []
    text = _("%(actor)s menugaskan Anda menangani laporan %(number)s: %(excerpt)s") % {
        "actor": event.actor or _("Sistem"),
        "number": case.tracking_number,
        "excerpt": mask_personal_data(case.description.strip())[:EXCERPT_CHARS],
    }
    notification = SlaNotification.objects.create(
        recipient_id=assignee_id, case=case, kind=NotificationKind.ASSIGNED, text=text,
        created_at=timezone.now(),
    )  # fmt: skip
    notifications_deliver_enqueue([notification.pk])
    return [notification.pk]
