"""Deadlines as stored columns, recomputed from the case's facts after every relevant change.

The case services announce changes with ``case_changed``; ``sla_case_changed`` (registered in
``SlaConfig.ready``) recomputes right after the commit, in the same process. That breaks the
hooks' "only enqueue" habit on purpose: the recompute is a handful of indexed queries, and the
page the officer sees next (and the acknowledgement the citizen gets) must show the new clock.
If it fails, a task retries it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from sigap.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Disposition,
    EventKind,
    Message,
    MessageDirection,
)
from sigap.cases.services import case_state_is_settled, case_state_settled
from sigap.sla.calendar import Pause
from sigap.sla.clocks import CaseClocks, deadline_columns, office_calendar_for
from sigap.sla.models import SlaPause, Stage
from sigap.sla.selectors import calendar_for_agency, sla_policy_for_case
from sigap.sla.services.setup import sla_setup_for

logger = logging.getLogger(__name__)

# Changes (``case_changed`` names) after which deadlines may move.
RECOMPUTE_ON = frozenset(
    {
        "created",
        "status",
        "disposed",
        "category",
        "priority",
        "message_in",
        "message_out",
        "merged",
        "flags",
    }
)
# What counts as the first response: a human's reply to the citizen (an outbound message with an
# author; the automatic acknowledgement has none) or a staff member's status action (verify,
# reject, start work, ask for information, resolve). Notes, assignments and dispositions are
# internal and do not count.
FIRST_RESPONSE_KINDS = (EventKind.MESSAGE_OUT, EventKind.STATUS_CHANGED)
_WAITING = CaseStatus.WAITING_CITIZEN.value
# What ``case_state_settled`` calls the deadlines.
SETTLED = "sla_deadlines"


def sla_case_changed(case_id: int, change: str) -> None:
    """The ``case_hook_register`` subscriber: recompute, or leave it to a retrying task.

    Skipped when a recompute committed after the case's last change already (the channel
    intake computes the clock for its acknowledgement; see ``case_changes_deferred``).
    """
    if change not in RECOMPUTE_ON or case_state_is_settled(case_id, SETTLED):
        return
    try:
        if change == "status" and _closed_settle(case_id):
            return
        case_deadlines_recompute(case=case_id)
    except Exception:
        logger.exception(
            "SLA recompute failed for case %s after %s; retrying in a task", case_id, change
        )
        from sigap.sla.tasks import case_deadlines_recompute_task

        case_deadlines_recompute_task.enqueue(case_id=case_id)


def _closed_settle(case_id: int) -> bool:
    """A closed case (only ever reached from resolved, whose deadlines are final) just stops
    the sweeper: one UPDATE instead of a recompute, which matters for auto-closure in bulk."""
    closed = Case.objects.filter(pk=case_id, status=CaseStatus.CLOSED)
    return closed.update(autoclose_due_at=None, sla_next_at=None) == 1


# Inside a caller's transaction no savepoint: nobody recovers from a failed recompute there
# (the hook recomputes on its own, after the commit), so one would only cost two statements.
@transaction.atomic(savepoint=False)
def case_deadlines_recompute(*, case: Case | int) -> Case:
    """Bring every SLA column of the case up to date; returns the locked, updated row (with
    its Pemda, agency and category loaded).

    When given a ``Case`` instance its attributes are updated too (the acknowledgement reads
    ``first_response_due_at`` from the object it holds).
    """
    case_id = case if isinstance(case, int) else case.pk
    locked = (
        Case.objects.select_for_update(of=("self",))
        .select_related("pemda", "agency", "category__sla_policy")
        .get(pk=case_id)
    )
    _recompute(locked, also=case if isinstance(case, Case) else None)
    return locked


def case_deadlines_recompute_locked(*, case: Case) -> Case:
    """``case_deadlines_recompute`` on the row the caller locked in its transaction, with its
    Pemda and agency loaded (a category, if any, is read here): the channel intake after
    triage. No second read of the row; ``case`` is updated in place and returned."""
    _recompute(case)
    return case


def _recompute(locked: Case, also: Case | None = None) -> None:
    """The recompute proper, on a locked row (``also``: another object of it to update)."""
    facts = _timeline_facts(locked.pk)
    # Most cases never waited for the citizen: no timeline to replay, no rows to compare.
    pauses = pauses_sync(locked) if facts.has_waited or facts.has_pauses else ()
    changes: dict[str, object] = {}
    if locked.first_response_at is None and (responded := facts.first_response_at):
        changes["first_response_at"] = locked.first_response_at = responded
    if locked.status == CaseStatus.CLOSED:
        # Closed comes only from resolved, whose deadlines are final: nothing left to run.
        changes |= {
            name: None for name in ("autoclose_due_at", "sla_next_at") if getattr(locked, name)
        }
    else:
        changes |= _deadline_changes(locked, pauses)
    if changes:
        Case.objects.filter(pk=locked.pk).update(**changes)
        for name, value in changes.items():
            setattr(locked, name, value)
            if also is not None:
                setattr(also, name, value)
    case_state_settled(locked.pk, SETTLED)


@dataclass(frozen=True)
class _TimelineFacts:
    first_response_at: datetime | None  # the first staff response on the timeline
    has_waited: bool  # status events into or out of waiting for the citizen
    has_pauses: bool  # stored SlaPause rows


def _timeline_facts(case_id: int) -> _TimelineFacts:
    """What the recompute reads of the case's timeline, in one statement: the first staff
    response (``_first_responses``), whether it ever waited for the citizen
    (``_waiting_events``) and whether there are pauses to synchronise. Read after the row
    lock, not in the locking statement: on PostgreSQL its subqueries would see the timeline as
    it was before waiting for the lock.

    Written out rather than assembled by the ORM: this runs on every recompute (every new
    case, every relevant change), and building three subqueries cost more CPU than the
    database spends answering them.
    """
    responses, waits = [str(k) for k in FIRST_RESPONSE_KINDS], [str(k) for k in _WAIT_KINDS]
    params: list[str | int] = [*responses, case_id, *waits, _WAITING, _WAITING, case_id, case_id]
    with connection.cursor() as cursor:
        cursor.execute(_FACTS_SQL, params)
        responded, waited, paused = cursor.fetchone()
    return _TimelineFacts(_aware(responded), bool(waited), bool(paused))


_FACTS_SQL = """
SELECT
  (SELECT e.created_at FROM cases_caseevent e
    WHERE e.kind IN (%s, %s) AND e.actor_id IS NOT NULL AND e.case_id = %s
    ORDER BY e.created_at LIMIT 1),
  EXISTS (SELECT 1 FROM cases_caseevent e
    WHERE e.kind IN (%s, %s) AND (e.to_value = %s OR e.from_value = %s) AND e.case_id = %s),
  EXISTS (SELECT 1 FROM sla_slapause p WHERE p.case_id = %s)
"""


def _aware(value: object) -> datetime | None:
    """A timestamp from a bare cursor: PostgreSQL gives an aware datetime, SQLite the text
    Django stored (UTC)."""
    if value is None:
        return None
    moment = CaseEvent._meta.get_field("created_at").to_python(value)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)


def _deadline_changes(locked: Case, pauses: tuple[Pause, ...]) -> dict[str, object]:
    setup = sla_setup_for(locked.pemda_id)
    policy = setup.policy_for(locked)
    office = office_calendar_for(locked, setup.calendar_for(locked.agency))
    return deadline_columns(
        locked,
        policy,
        office,
        pauses=pauses,
        followup_started_at=followup_started_at(locked),
        last_reply_at=_last_reply_at(locked),
    )


def pauses_sync(case: Case) -> tuple[Pause, ...]:
    """Pause intervals derived from the timeline, stored as ``SlaPause`` rows.

    Rebuilt from the status events rather than patched per change, so that hooks running late
    or out of order (two quick transitions from two requests) can never lose a pause.
    """
    events = _waiting_events(case).values_list("kind", "from_value", "to_value", "created_at")
    intervals: list[Pause] = []
    started: datetime | None = None
    for kind, from_value, to_value, at in events:
        if kind == EventKind.STATUS_CHANGED and to_value == _WAITING and started is None:
            started = at
        elif from_value == _WAITING and started is not None:
            intervals.append((started, at))
            started = None
    if started is not None and case.status == _WAITING:
        intervals.append((started, None))
    stored = list(
        SlaPause.objects.filter(case=case)
        .order_by("started_at")
        .values_list("started_at", "ended_at")
    )
    if stored != intervals:
        SlaPause.objects.filter(case=case).delete()
        SlaPause.objects.bulk_create(
            SlaPause(case=case, started_at=begin, ended_at=end) for begin, end in intervals
        )
    return tuple(intervals)


_WAIT_KINDS = (EventKind.STATUS_CHANGED, EventKind.MERGED)


def _waiting_events(case: Any) -> QuerySet[CaseEvent]:
    """Status events into and out of waiting for the citizen, in order."""
    return (
        CaseEvent.objects.filter(case=case, kind__in=_WAIT_KINDS)
        .filter(Q(to_value=_WAITING) | Q(from_value=_WAITING))
        .order_by("created_at", "id")
    )


def _first_responses(case: Any) -> QuerySet[CaseEvent]:
    """Staff responses on the timeline, earliest first (see ``FIRST_RESPONSE_KINDS``)."""
    return CaseEvent.objects.filter(
        case=case, kind__in=FIRST_RESPONSE_KINDS, actor__isnull=False
    ).order_by("created_at")


def first_response_at(case: Case) -> datetime | None:
    """When staff first answered, from the timeline (see ``FIRST_RESPONSE_KINDS``)."""
    return _first_responses(case).values_list("created_at", flat=True).first()


def followup_started_at(case: Case) -> datetime | None:
    """Start of the handling agency's follow-up clock: the latest of verification, the last
    disposition (every hop restarts it) and a reopening. None until verified at an agency."""
    if case.agency_id is None or case.verified_at is None:
        return None
    last_hop = Disposition.objects.filter(case=case).aggregate(at=Max("created_at"))["at"]
    reopened = CaseEvent.objects.filter(
        case=case,
        kind=EventKind.STATUS_CHANGED,
        from_value=CaseStatus.RESOLVED.value,
        to_value=CaseStatus.IN_PROGRESS.value,
    ).aggregate(at=Max("created_at"))["at"]
    return max(moment for moment in (case.verified_at, last_hop, reopened) if moment is not None)


def _last_reply_at(case: Case) -> datetime | None:
    if case.status != CaseStatus.RESOLVED or case.resolved_at is None:
        return None
    return Message.objects.filter(
        case=case, direction=MessageDirection.INBOUND, created_at__gt=case.resolved_at
    ).aggregate(at=Max("created_at"))["at"]


def case_first_response_due(case: Case) -> datetime | None:
    """When the first answer is due under the case's policy (no write; for previews)."""
    policy = sla_policy_for_case(case)
    office = office_calendar_for(case, calendar_for_agency(case.agency))
    clock = CaseClocks(case=case, policy=policy, office=office).stages.get(Stage.FIRST_RESPONSE)
    return clock.due if clock is not None else None


def case_first_response_due_set(case: Case) -> datetime | None:
    """Recompute everything and return the first response's due time."""
    return case_deadlines_recompute(case=case).first_response_due_at
