"""The sweeper: warn, escalate one level per breach period, never twice, auto-close."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from sigap.agencies.models import User
from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind
from sigap.cases.services import case_assign, case_transition, event_record
from sigap.core.testing import run_in_parallel
from sigap.sla.models import NotificationKind, SlaNotification, Stage
from sigap.sla.selectors import (
    case_at_risk_q,
    case_overdue_q,
    sla_notification_list_for_user,
    sla_notification_unread_count,
)
from sigap.sla.services import (
    case_autoclose,
    sla_notification_mark_read,
    sla_step_claim,
    sla_sweep,
)
from sigap.sla.tasks import sla_autoclose_task
from sigap.sla.tests.conftest import wib

RECEIVED = wib(2025, 11, 17, 9, 0)  # Monday; first response due 09:15, warning at 09:12


@pytest.fixture
def assigned(receive, lapor, clock, committed, staff_a, admin_a, coordinator, leader) -> Case:
    """A complaint at DPUTR, assigned to its officer; the whole chain is staffed."""
    case = receive(RECEIVED, category=lapor)
    case_assign(case=case, assignee=staff_a, actor=coordinator)
    case.refresh_from_db()
    return case


def sweep(clock, committed, at) -> Any:
    clock.set(at)
    with committed():
        return sla_sweep(now=clock.now)


def _steps(case: Case) -> list[tuple[str, str, int, str]]:
    events = CaseEvent.objects.filter(case=case, kind__in=[EventKind.SLA, EventKind.ESCALATED])
    return [(e.kind, e.data["stage"], e.data["level"], e.data["role"]) for e in events]


def _recipients(case: Case) -> list[tuple[str, int, str]]:
    rows = SlaNotification.objects.filter(case=case).order_by("id")
    return [(n.kind, n.level, n.recipient.username) for n in rows]


def test_warn_then_escalate_one_level_per_breach_period(assigned, clock, committed):
    case = assigned
    assert sweep(clock, committed, wib(2025, 11, 17, 9, 11)).due == 0  # nothing due: not read

    result = sweep(clock, committed, wib(2025, 11, 17, 9, 12))
    assert (result.warnings, result.escalations) == (1, 0)
    event = CaseEvent.objects.get(case=case, kind=EventKind.SLA)
    assert event.actor is None
    assert event.data["stage"] == Stage.FIRST_RESPONSE and event.data["level"] == 0
    assert datetime.fromisoformat(event.data["due_at"]) == wib(2025, 11, 17, 9, 15)
    assert "hampir melewati batas respons pertama" in event.note

    for minute in (15, 30, 45, 60):  # one more breach period (15 working minutes) each
        sweep(clock, committed, RECEIVED + timedelta(minutes=minute))
    sweep(clock, committed, wib(2025, 11, 17, 11, 0))  # the chain is exhausted

    assert _steps(case) == [
        ("sla", "first_response", 0, "assignee"),
        ("escalated", "first_response", 1, "assignee"),
        ("escalated", "first_response", 2, "agency_admin"),
        ("escalated", "first_response", 3, "coordinator"),
        ("escalated", "first_response", 4, "leader"),
    ]
    assert _recipients(case) == [
        ("sla_warning", 0, "petugas.a"),
        ("sla_escalation", 1, "petugas.a"),
        ("sla_escalation", 2, "admin.a"),
        ("sla_escalation", 3, "koordinator"),
        ("sla_escalation", 4, "bupati"),
    ]
    case.refresh_from_db()
    assert case.first_response_sla_level == 5
    assert case.sla_next_at > clock.now  # next: the verification warning, days away


def test_a_sweep_run_twice_in_a_row_never_repeats_a_step(assigned, clock, committed):
    first = sweep(clock, committed, wib(2025, 11, 17, 9, 40))
    second = sweep(clock, committed, wib(2025, 11, 17, 9, 40))

    # The sweeper was away: it jumps to the level reached (agency head), once.
    assert (first.warnings, first.escalations) == (0, 1)
    assert (second.due, second.warnings, second.escalations) == (0, 0, 0)
    assert _steps(assigned) == [("escalated", "first_response", 2, "agency_admin")]
    assert SlaNotification.objects.filter(case=assigned).count() == 1


def test_a_staff_reply_stops_the_first_response_clock(assigned, clock, committed, staff_a):
    clock.set(wib(2025, 11, 17, 9, 10))
    # What the outbox records for a staff reply (no case_changed is announced for it yet).
    event_record(case=assigned, kind=EventKind.MESSAGE_OUT, actor=staff_a, to_value="reply")

    result = sweep(clock, committed, wib(2025, 11, 17, 9, 20))

    assert (result.warnings, result.escalations) == (0, 0)
    assigned.refresh_from_db()
    assert assigned.first_response_at == wib(2025, 11, 17, 9, 10)
    assert assigned.sla_next_at > clock.now
    assert _steps(assigned) == []


def test_no_escalation_while_waiting_for_the_citizen(assigned, clock, committed, staff_a):
    for minute, status in [
        (1, CaseStatus.VERIFIED),
        (2, CaseStatus.IN_PROGRESS),
        (3, CaseStatus.WAITING_CITIZEN),
    ]:
        clock.set(wib(2025, 11, 17, 9, minute))
        with committed():
            case_transition(case=assigned, to_status=status, actor=staff_a, note="Mohon data")
    assigned.refresh_from_db()
    assert assigned.sla_next_at is None

    result = sweep(clock, committed, wib(2025, 12, 31, 9, 0))
    assert result.due == 0 and _steps(assigned) == []


def test_unassigned_cases_warn_the_agency_officers_and_untriaged_ones_the_coordinator(
    receive, lapor, clock, committed, staff_a, admin_a, coordinator
):
    at_agency = receive(RECEIVED, category=lapor)
    untriaged = receive(RECEIVED, "Ada pungli di kantor desa")

    sweep(clock, committed, wib(2025, 11, 17, 9, 12))

    assert _recipients(at_agency) == [("sla_warning", 0, "petugas.a")]
    assert _recipients(untriaged) == [("sla_warning", 0, "koordinator")]
    sweep(clock, committed, wib(2025, 11, 17, 9, 30))
    assert _recipients(at_agency)[-1] == ("sla_escalation", 2, "admin.a")


def test_stale_deadlines_are_recomputed_instead_of_acted_on(assigned, clock, committed):
    Case.objects.filter(pk=assigned.pk).update(
        first_response_due_at=wib(2025, 11, 17, 8, 0), sla_next_at=wib(2025, 11, 17, 8, 0)
    )
    result = sweep(clock, committed, wib(2025, 11, 17, 9, 5))

    assert result.recomputed == 1 and _steps(assigned) == []
    assigned.refresh_from_db()
    assert assigned.first_response_due_at == wib(2025, 11, 17, 9, 15)
    assert assigned.sla_next_at == wib(2025, 11, 17, 9, 12)


def _resolve(case: Case, clock, committed, actor: User) -> Case:
    for minute, status in [
        (5, CaseStatus.VERIFIED),
        (6, CaseStatus.IN_PROGRESS),
        (30, CaseStatus.RESOLVED),
    ]:
        clock.set(wib(2025, 11, 17, 9, minute))
        with committed():
            case_transition(case=case, to_status=status, actor=actor, note="Sudah ditambal")
    case.refresh_from_db()
    return case


def test_autoclose_ten_working_days_after_resolution(assigned, clock, committed, staff_a):
    case = _resolve(assigned, clock, committed, staff_a)
    assert case.autoclose_due_at == wib(2025, 12, 1, 16, 0)

    assert sweep(clock, committed, wib(2025, 12, 1, 15, 59)).autoclose_enqueued == 0
    assert sweep(clock, committed, wib(2025, 12, 1, 16, 0)).autoclose_enqueued == 1
    # Handed to a task: the next sweeps leave it alone while the task holds its lease.
    assert sweep(clock, committed, wib(2025, 12, 1, 16, 1)).autoclose_enqueued == 0
    queued = DBTaskResult.objects.get(task_path__endswith="sla_autoclose_task")
    assert queued.args_kwargs["kwargs"] == {"case_ids": [case.pk]}

    with committed():
        assert sla_autoclose_task.call(case_ids=[case.pk]) == 1
        assert sla_autoclose_task.call(case_ids=[case.pk]) == 0  # a retried task closes nothing

    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.closed_at == wib(2025, 12, 1, 16, 1)
    assert case.sla_next_at is None and case.autoclose_due_at is None
    closing = CaseEvent.objects.get(case=case, kind=EventKind.STATUS_CHANGED, to_value="closed")
    assert closing.actor is None and "otomatis" in closing.note


def test_autoclose_inline_and_never_early(assigned, clock, committed, staff_a):
    case = _resolve(assigned, clock, committed, staff_a)
    clock.set(wib(2025, 12, 1, 15, 59))
    with committed():
        assert sla_sweep(now=clock.now, close_inline=True).autoclosed == 0
        assert case_autoclose(case_id=case.pk) is False  # not due yet, even when asked directly
    clock.set(wib(2025, 12, 1, 16, 0))
    with committed():
        assert sla_sweep(now=clock.now, close_inline=True).autoclosed == 1
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_at_risk_overdue_and_notification_reads(assigned, clock, committed, staff_a: User):
    sweep(clock, committed, wib(2025, 11, 17, 9, 12))
    now = clock.now
    assert list(Case.objects.filter(case_at_risk_q(now))) == [assigned]
    assert not Case.objects.filter(case_overdue_q(now)).exists()
    assert Case.objects.filter(case_overdue_q(wib(2025, 11, 17, 9, 16))).get() == assigned

    assert sla_notification_unread_count(staff_a) == 1
    notification = sla_notification_list_for_user(staff_a, unread_only=True).get()
    assert notification.kind == NotificationKind.WARNING and notification.case == assigned
    assert sla_notification_mark_read(user=staff_a) == 1
    assert sla_notification_unread_count(staff_a) == 0


# --- several workers at once, on PostgreSQL -------------------------------------------------------


@pytest.fixture
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "SKIPPED LOUDLY: parallel sweepers need real concurrent connections on PostgreSQL "
            "(SQLite serialises writers); run with DATABASE_URL=postgres://..."
        )


@pytest.mark.postgres_only
def test_parallel_sweepers_never_duplicate_a_step(
    _needs_postgres, transactional_db, receive, lapor, clock, staff_a, admin_a, coordinator
):
    cases = [receive(RECEIVED, category=lapor) for _ in range(40)]

    for at, level, expected in [((9, 12), 0, "petugas.a"), ((9, 31), 2, "admin.a")]:
        now = clock.set(wib(2025, 11, 17, *at))

        def sweep_at(_index: int, now: datetime = now) -> Any:
            return sla_sweep(now=now, batch_size=7)

        results = run_in_parallel(6, sweep_at)

        assert sum(r.warnings + r.escalations for r in results) == len(cases)
        for case in cases:
            steps = CaseEvent.objects.filter(
                case=case, kind__in=[EventKind.SLA, EventKind.ESCALATED], data__level=level
            )
            assert steps.count() == 1
        notified = SlaNotification.objects.filter(level=level)
        assert notified.count() == len(cases)
        assert set(notified.values_list("recipient__username", flat=True)) == {expected}


@pytest.mark.postgres_only
def test_parallel_claims_of_one_step_have_exactly_one_winner(
    _needs_postgres, transactional_db, receive, lapor, clock
):
    case = receive(RECEIVED, category=lapor)
    snapshot = Case.objects.get(pk=case.pk)  # every worker decided from this same row
    due = snapshot.first_response_due_at

    wins = run_in_parallel(
        8,
        lambda _i: sla_step_claim(
            case=copy.copy(snapshot), levels={Stage.FIRST_RESPONSE: 2}, next_at=due
        ),
    )

    assert wins.count(True) == 1
    assert Case.objects.get(pk=case.pk).first_response_sla_level == 2
