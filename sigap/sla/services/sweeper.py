"""The SLA sweeper: warnings before a breach, escalation after it, auto-closure after silence.

Scale: the sweeper only reads rows whose ``sla_next_at`` has passed, through a partial index
that holds nothing but cases with pending SLA work, so 1,000,000 open cases cost the same as a
thousand. It snapshots those ids once, then takes them in batches with ``FOR UPDATE SKIP
LOCKED`` (on PostgreSQL), so several workers share the work instead of queueing on it.

Never twice: each case's steps are claimed with one conditional UPDATE that names the levels,
deadlines, status and version the decision was made from. The timeline events and notifications
are inserted in the same transaction, so a step either happened once with its event, or not at
all. The row lock is only an optimisation; the conditional UPDATE is what makes it safe.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.cases.models import Case, CaseEvent, CaseStatus
from sigap.cases.services import case_transition
from sigap.core.errors import DomainError
from sigap.sla.calendar import Pause
from sigap.sla.clocks import DUE_FIELD, WARNED, CaseClocks, office_calendar_for
from sigap.sla.models import SlaNotification
from sigap.sla.selectors import SlaContext, pauses_for_cases
from sigap.sla.services.claims import Claim, sla_steps_claim
from sigap.sla.services.deadlines import FIRST_RESPONSE_KINDS, case_deadlines_recompute
from sigap.sla.services.notifications import Step, step_rows

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# An auto-closure handed to a task is not handed out again for this long (a lease: if the task
# is lost, the case comes back to the sweeper afterwards).
AUTOCLOSE_LEASE = timedelta(minutes=10)
# One sweep takes at most this many due cases; the next minute's sweep continues.
MAX_CASES_PER_SWEEP = 50_000


@dataclass
class SweepResult:
    due: int = 0
    warnings: int = 0
    escalations: int = 0
    notifications: int = 0
    autoclosed: int = 0
    autoclose_enqueued: int = 0
    recomputed: int = 0
    lost_claims: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def sla_sweep(
    *,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
    limit: int = MAX_CASES_PER_SWEEP,
    close_inline: bool = False,
) -> SweepResult:
    """One pass over every case with SLA work due at ``now``. Safe to run in several workers.

    Auto-closures go to ``sla_autoclose_task`` (one per batch), so that a burst of them (every
    case resolved on one day falls due at the same closing time) never delays a warning and
    runs on all workers at once; ``close_inline`` closes them here instead.
    """
    now = now or timezone.now()
    result = SweepResult()
    due_ids = list(
        Case.objects.filter(sla_next_at__lte=now)
        .order_by("sla_next_at")
        .values_list("pk", flat=True)[:limit]
    )
    due_ids.sort()  # one lock order for every worker: no deadlocks between batches
    context = SlaContext()
    for offset in range(0, len(due_ids), batch_size):
        to_close = _sweep_batch(context, due_ids[offset : offset + batch_size], now, result)
        if to_close and close_inline:
            result.autoclosed += sum(case_autoclose(case_id=pk, now=now) for pk in to_close)
        elif to_close:
            from sigap.sla.tasks import sla_autoclose_task

            sla_autoclose_task.enqueue(case_ids=to_close)
            result.autoclose_enqueued += len(to_close)
    return result


@transaction.atomic
def _sweep_batch(
    context: SlaContext, ids: list[int], now: datetime, result: SweepResult
) -> list[int]:
    cases = list(
        Case.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("agency", "category", "pemda")
        .filter(pk__in=ids, sla_next_at__lte=now)
        .order_by("pk")
    )
    result.due += len(cases)
    pauses = pauses_for_cases(case.pk for case in cases)
    responded = _first_responses([case.pk for case in cases if case.first_response_at is None])
    decisions: list[_Decision] = []
    for case in cases:
        decision = _decide(context, case, pauses.get(case.pk, ()), responded.get(case.pk), now)
        if decision is None:
            result.recomputed += 1
        else:
            decisions.append(decision)
    won = sla_steps_claim([decision.claim for decision in decisions])
    result.lost_claims += len(decisions) - len(won)
    steps = [step for decision in decisions if decision.claim.case.pk in won
             for step in decision.steps(context)]  # fmt: skip
    events, notifications = step_rows(steps, now)
    CaseEvent.objects.bulk_create(events)
    SlaNotification.objects.bulk_create(notifications)
    result.warnings += sum(1 for step in steps if step.is_warning)
    result.escalations += sum(1 for step in steps if not step.is_warning)
    result.notifications += len(notifications)
    return [
        case.pk
        for case in cases
        if case.pk in won
        and case.status == CaseStatus.RESOLVED
        and case.autoclose_due_at is not None
        and case.autoclose_due_at <= now
    ]


def _first_responses(case_ids: list[int]) -> dict[int, datetime]:
    """First staff replies not yet copied to ``first_response_at`` (outbound messages are not
    announced through ``case_changed`` yet, so the sweeper picks them up from the timeline)."""
    if not case_ids:
        return {}
    rows = (
        CaseEvent.objects.filter(case_id__in=case_ids, kind__in=FIRST_RESPONSE_KINDS)
        .filter(actor__isnull=False)
        .values("case_id")
        .annotate(at=Min("created_at"))
    )
    return {row["case_id"]: row["at"] for row in rows}


@dataclass(frozen=True)
class _Decision:
    claim: Claim
    clocks: CaseClocks
    fired: tuple[tuple[str, int], ...]

    def steps(self, context: SlaContext) -> list[Step]:
        chain = self.clocks.policy.chain()
        return [_step(context, self.clocks, stage, level, chain) for stage, level in self.fired]


def _decide(
    context: SlaContext,
    case: Case,
    pauses: tuple[Pause, ...],
    responded_at: datetime | None,
    now: datetime,
) -> _Decision | None:
    """What the sweeper should do with one case; None when its stored deadlines were stale."""
    if responded_at is not None:
        case.first_response_at = responded_at
    policy = context.policy_for(case)
    office = office_calendar_for(case, context.calendar_for(case))
    clocks = CaseClocks(
        case=case, policy=policy, office=office, pauses=pauses,
        followup_started_at=case.followup_started_at, running_only=True,
    )  # fmt: skip
    running = [stage for stage in clocks.stages if clocks.is_running(stage)]
    if any(clocks.stages[stage].due != getattr(case, DUE_FIELD[stage]) for stage in running):
        # Stored deadlines lag behind (an edited calendar or policy, a lost hook): fix the row;
        # the next sweep acts on the corrected clocks.
        case_deadlines_recompute(case=case.pk)
        return None
    levels = {stage: clocks.level(stage) for stage in clocks.stages}
    fired = []
    for stage in running:
        target, _next = clocks.stages[stage].target_level(levels[stage], now)
        if target > levels[stage]:
            fired.append((stage, target))
            levels[stage] = target
    next_at = clocks.next_at(levels, case.autoclose_due_at)
    if next_at is not None and next_at <= now and case.status == CaseStatus.RESOLVED:
        next_at = now + AUTOCLOSE_LEASE  # the closure is on its way (see ``sla_sweep``)
    claim = Claim(case=case, levels=levels, next_at=next_at, first_response_at=responded_at)
    return _Decision(claim=claim, clocks=clocks, fired=tuple(fired))


def _step(
    context: SlaContext, clocks: CaseClocks, stage: str, level: int, chain: tuple[str, ...]
) -> Step:
    role = chain[0] if level == WARNED else chain[level - WARNED - 1]
    due = clocks.stages[stage].due
    assert due is not None  # a running, unpaused clock always has a deadline
    return Step(
        case=clocks.case,
        stage=stage,
        column_level=level,
        due_at=due,
        role=role,
        recipients=tuple(context.recipients(clocks.case, role)),
    )


def case_autoclose(*, case_id: int, now: datetime | None = None) -> bool:
    """Close a resolved case whose citizen stayed silent past ``autoclose_due_at``."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            still_due = (
                Case.objects.select_for_update()
                .filter(pk=case_id, status=CaseStatus.RESOLVED, autoclose_due_at__lte=now)
                .values_list("pk", flat=True)
            )
            if not still_due:
                return False  # closed, reopened or answered meanwhile
            case_transition(
                case=Case(pk=case_id),  # case_transition reloads and locks the row itself
                to_status=CaseStatus.CLOSED,
                actor=None,
                note=_("Ditutup otomatis: tidak ada tanggapan warga setelah laporan diselesaikan."),
            )
    except DomainError:
        logger.warning("auto-closure of case %s refused", case_id, exc_info=True)
        return False
    return True
