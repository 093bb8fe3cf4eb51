"""The SLA clocks of one case as plain arithmetic: deadlines, warning and escalation times.

No queries here. ``sla.services`` loads the facts (policy, calendar, pauses, the follow-up start)
and both the recompute on every change and the sweeper call into this module, so that they can
never disagree about when something is due.

A stage's clock is a budget of working minutes on a calendar, started at one instant, stopped
during pauses (waiting for the citizen). Everything is a point on that one budget:

* the deadline is where the budget runs out;
* the warning is where ``warn_percent`` of it is used or ``warn_minutes_before`` remain,
  whichever comes first (the minutes rule only for budgets longer than those minutes);
* escalation level k fires once k budgets have been used: level 1 at the deadline, level 2 one
  breach period (one more budget) later, and so on along the policy's chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from sigap.cases.models import OPEN_STATUSES, Case, CaseStatus
from sigap.catalog.models import Priority
from sigap.sla.calendar import ALWAYS_OPEN, BusinessCalendar, Pause
from sigap.sla.models import SlaPolicy, Stage

# Column names per stage on ``Case``.
DUE_FIELD: dict[str, str] = {
    Stage.FIRST_RESPONSE: "first_response_due_at",
    Stage.VERIFICATION: "verification_due_at",
    Stage.FOLLOWUP: "followup_due_at",
    Stage.RESOLUTION: "resolution_due_at",
}
LEVEL_FIELD: dict[str, str] = {
    Stage.FIRST_RESPONSE: "first_response_sla_level",
    Stage.VERIFICATION: "verification_sla_level",
    Stage.FOLLOWUP: "followup_sla_level",
    Stage.RESOLUTION: "resolution_sla_level",
}
WARNED = 1  # level value after the warning; n >= 2 means escalated to chain level n - 1
_FOLLOWUP_STATUSES = frozenset(
    {CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CITIZEN}
)
_DAY_MINUTES = 24 * 60


def minute_floor(moment: datetime) -> datetime:
    """Clocks count whole minutes from the minute a case arrived (deadlines land on minutes)."""
    return moment.replace(second=0, microsecond=0)


@dataclass(frozen=True)
class StageClock:
    """One running budget: ``budget`` working minutes on ``calendar`` from ``start``."""

    stage: str
    calendar: BusinessCalendar
    start: datetime
    budget: int
    pauses: tuple[Pause, ...] = ()
    warn_after: int | None = None  # minutes used when the warning fires; None = no warning
    chain_length: int = 4
    _memo: dict[int, datetime | None] = field(default_factory=dict, compare=False, repr=False)

    def at(self, minutes: int) -> datetime | None:
        """When ``minutes`` of the budget are used; None while a pause holds the clock."""
        if minutes not in self._memo:
            self._memo[minutes] = self.calendar.due_with_pauses(self.start, minutes, self.pauses)
        return self._memo[minutes]

    @cached_property
    def due(self) -> datetime | None:
        return self.at(self.budget)

    @property
    def max_level(self) -> int:
        return WARNED + self.chain_length

    def step_at(self, level: int) -> datetime | None:
        """When the sweeper should reach ``level`` (None: never, or not while paused)."""
        if level == WARNED:
            return None if self.warn_after is None else self.at(self.warn_after)
        if level < WARNED or level > self.max_level:
            return None
        return self.at(self.budget * (level - WARNED))

    def target_level(self, current: int, now: datetime) -> tuple[int, datetime | None]:
        """The highest level due at ``now`` (>= ``current``) and when the one after is due.

        A sweeper that was down, or a case imported late, jumps straight to the level it has
        reached instead of replaying each step (a warning after the breach helps nobody).
        """
        target = current
        for level in range(current + 1, self.max_level + 1):
            moment = self.step_at(level)
            if moment is None:
                continue
            if moment > now:
                return target, moment
            target = level
        return target, None


def warn_after(budget: int, policy: SlaPolicy) -> int | None:
    """Minutes used when the warning fires: the earlier of the two rules, None without one."""
    candidates = []
    if policy.warn_percent:
        candidates.append(budget * policy.warn_percent // 100)
    if policy.warn_minutes_before and budget > policy.warn_minutes_before:
        candidates.append(budget - policy.warn_minutes_before)
    usable = [minutes for minutes in candidates if 0 < minutes < budget]
    return min(usable) if usable else None


def working_days_budget(calendar: BusinessCalendar, start: datetime, days: int) -> int:
    """The LAPOR! "N working days" deadline (closing time of the N-th working day after
    receipt, see ``add_working_days``) as a budget of working minutes, so pauses can stretch it."""
    return calendar.working_minutes_between(start, calendar.add_working_days(start, days))


@dataclass(frozen=True)
class CaseClocks:
    """All clocks of one case, computed from its row and the loaded facts."""

    case: Case
    policy: SlaPolicy
    office: BusinessCalendar  # the handling agency's calendar (24 hours for emergencies)
    pauses: tuple[Pause, ...] = ()
    followup_started_at: datetime | None = None
    running_only: bool = False  # the sweeper skips the arithmetic of stopped clocks
    stages: dict[str, StageClock] = field(init=False)
    _chain_length: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_chain_length", len(self.policy.chain()))
        object.__setattr__(self, "stages", self._build())

    def _clock(
        self, stage: str, calendar: BusinessCalendar, start: datetime, budget: int
    ) -> StageClock:
        return StageClock(
            stage=stage,
            calendar=calendar,
            start=minute_floor(start),
            budget=budget,
            pauses=self.pauses,
            warn_after=warn_after(budget, self.policy),
            chain_length=self._chain_length,
        )

    def _days(self, stage: str, start: datetime, days: int) -> StageClock:
        start = minute_floor(start)
        return self._clock(stage, self.office, start, working_days_budget(self.office, start, days))

    def _build(self) -> dict[str, StageClock]:
        case, policy = self.case, self.policy
        clocks: dict[str, StageClock] = {}
        wanted = [stage for stage in LEVEL_FIELD if not self.running_only or self._runs(stage)]
        if Stage.FIRST_RESPONSE in wanted and policy.first_response_minutes:
            clocks[Stage.FIRST_RESPONSE] = self._clock(
                Stage.FIRST_RESPONSE, self.office, case.created_at, policy.first_response_minutes
            )
        if Stage.VERIFICATION in wanted and policy.verification_days:
            clocks[Stage.VERIFICATION] = self._days(
                Stage.VERIFICATION, case.created_at, policy.verification_days
            )
        if Stage.FOLLOWUP in wanted and policy.followup_days and self.followup_started_at:
            clocks[Stage.FOLLOWUP] = self._days(
                Stage.FOLLOWUP, self.followup_started_at, policy.followup_days
            )
        if Stage.RESOLUTION in wanted and policy.resolution_days:
            # Resolution tiers are calendar days: elapsed time, still stopped by pauses.
            budget = policy.resolution_days * _DAY_MINUTES
            clocks[Stage.RESOLUTION] = self._clock(
                Stage.RESOLUTION, ALWAYS_OPEN, case.created_at, budget
            )
        return clocks

    def is_running(self, stage: str) -> bool:
        """Whether the sweeper watches ``stage`` now (never while waiting for the citizen)."""
        return stage in self.stages and self._runs(stage)

    def _runs(self, stage: str) -> bool:
        case = self.case
        if case.status == CaseStatus.WAITING_CITIZEN:
            return False
        if stage == Stage.FIRST_RESPONSE:
            return case.status in OPEN_STATUSES and case.first_response_at is None
        if stage == Stage.VERIFICATION:
            return case.status == CaseStatus.NEW
        if stage == Stage.FOLLOWUP:
            return case.status in _FOLLOWUP_STATUSES
        return case.status in OPEN_STATUSES

    def level(self, stage: str) -> int:
        return int(getattr(self.case, LEVEL_FIELD[stage]))

    def next_at(
        self, levels: dict[str, int] | None = None, autoclose_due_at: datetime | None = None
    ) -> datetime | None:
        """The earliest moment the sweeper has work on this case: a step or the auto-closure."""
        moments = []
        for stage, clock in self.stages.items():
            if not self.is_running(stage):
                continue
            current = (levels or {}).get(stage, self.level(stage))
            for level in range(current + 1, clock.max_level + 1):
                moment = clock.step_at(level)
                if moment is not None:
                    moments.append(moment)
                    break
        if self.case.status == CaseStatus.RESOLVED and autoclose_due_at is not None:
            moments.append(autoclose_due_at)
        return min(moments, default=None)


def office_calendar_for(case: Case, agency_calendar: BusinessCalendar) -> BusinessCalendar:
    """Emergencies run on the 24-hour clock whatever the agency's office hours."""
    return ALWAYS_OPEN if case.priority == Priority.EMERGENCY else agency_calendar


def autoclose_due(
    calendar: BusinessCalendar,
    resolved_at: datetime | None,
    last_reply_at: datetime | None,
    days: int,
) -> datetime | None:
    """N working days of silence after resolution: a citizen's reply restarts the count."""
    if resolved_at is None or not days:
        return None
    start = max(resolved_at, last_reply_at) if last_reply_at else resolved_at
    return calendar.add_working_days(start, days)


def _recomputes(stage: str, case: Case) -> bool:
    """Whether ``stage``'s column follows changes; a finished stage keeps its last deadline
    (dashboards compare it with ``first_response_at``, ``verified_at``, ``resolved_at``)."""
    if stage == Stage.FIRST_RESPONSE:
        return case.first_response_at is None
    if stage == Stage.VERIFICATION:
        return case.status == CaseStatus.NEW
    return True


def deadline_columns(
    case: Case,
    policy: SlaPolicy,
    office: BusinessCalendar,
    *,
    pauses: tuple[Pause, ...],
    followup_started_at: datetime | None,
    last_reply_at: datetime | None = None,
) -> dict[str, Any]:
    """Every SLA column of ``case`` as it should be stored now (changed ones only)."""
    clocks = CaseClocks(
        case=case, policy=policy, office=office, pauses=pauses,
        followup_started_at=followup_started_at,
    )  # fmt: skip
    levels: dict[str, int] = {stage: clocks.level(stage) for stage in LEVEL_FIELD}
    values: dict[str, Any] = {"followup_started_at": followup_started_at}
    if followup_started_at != case.followup_started_at:
        levels[Stage.FOLLOWUP] = 0  # a new hop is a new, separately accountable clock
    for stage, column in DUE_FIELD.items():
        if _recomputes(stage, case):
            clock = clocks.stages.get(stage)
            values[column] = clock.due if clock is not None else None
    values["autoclose_due_at"] = (
        autoclose_due(office, case.resolved_at, last_reply_at, policy.autoclose_days)
        if case.status == CaseStatus.RESOLVED
        else None
    )
    values.update({LEVEL_FIELD[stage]: level for stage, level in levels.items()})
    values["sla_next_at"] = clocks.next_at(levels, values["autoclose_due_at"])
    return {name: value for name, value in values.items() if getattr(case, name) != value}
