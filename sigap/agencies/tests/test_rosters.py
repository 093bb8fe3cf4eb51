"""Standby rosters: who is on duty (office hours, after hours, time zones), caps, round robin,
rebalancing and the auto-assignment hook."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sigap.agencies.models import (
    Agency,
    DutyKind,
    DutyShift,
    Pemda,
    Role,
    RosterMember,
    RosterSetting,
    User,
)
from sigap.agencies.rosters import (
    case_autoassign,
    duty_override_create,
    duty_shift_create,
    duty_shift_delete,
    duty_shift_update,
    roster_case_changed,
    roster_member_cap_set,
    roster_rebalance,
    roster_rebalance_all,
    roster_setting_update,
)
from sigap.agencies.selectors import on_duty_kind, on_duty_staff
from sigap.agencies.services import membership_add
from sigap.agencies.tasks import case_autoassign_task
from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind
from sigap.cases.services import case_assign, case_hook_register, case_route, case_transition
from sigap.cases.services import common as case_services_common
from sigap.core.errors import DomainError, PermissionDenied
from sigap.sla.models import BusinessCalendar

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")


def wib(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """November 2025: the 17th is a Monday."""
    return datetime(2025, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    def set_now(moment: datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(UTC))

    set_now(wib(17, 9))
    return set_now


@pytest.fixture
def roster_hook() -> Iterator[None]:
    """The hook as ``AgenciesConfig.ready`` registers it, removed again afterwards."""
    added = roster_case_changed not in case_services_common._case_hooks
    case_hook_register(roster_case_changed)
    yield
    if added:
        case_services_common._case_hooks.remove(roster_case_changed)


def officer(username: str, agency: Agency, role: str = Role.AGENCY_OFFICER) -> User:
    user = User.objects.create_user(username=username, password="x", full_name=username)
    membership_add(user=user, agency=agency, role=role)
    return user


def shift(agency: Agency, user: User, weekday: int, start: str, end: str, **kw: Any) -> DutyShift:
    return duty_shift_create(
        agency=agency,
        user=user,
        weekday=weekday,
        starts_at=time.fromisoformat(start),
        ends_at=time.fromisoformat(end),
        actor=None,
        **kw,
    )


def autoassign_on(agency: Agency, cap: int = 10) -> RosterSetting:
    return roster_setting_update(agency=agency, autoassign=True, default_cap=cap, actor=None)


# --- who is on duty -------------------------------------------------------------------------------


def test_without_roster_every_officer_and_admin_is_on_duty(agency_a, staff_a, admin_a, operator):
    assert on_duty_staff(agency_a, wib(17, 10)) == [admin_a, staff_a]
    # Outside office hours too: an agency without an after-hours roster misses nothing.
    assert on_duty_staff(agency_a, wib(17, 22)) == [admin_a, staff_a]


def test_office_shifts_decide_during_office_hours(agency_a, staff_a, admin_a):
    shift(agency_a, staff_a, 0, "07:30", "12:00")
    shift(agency_a, admin_a, 0, "12:00", "16:00")
    assert on_duty_staff(agency_a, wib(17, 9)) == [staff_a]
    assert on_duty_staff(agency_a, wib(17, 12, 30)) == [admin_a]  # lunch is not "after hours"
    assert on_duty_kind(agency_a, wib(17, 12, 30)) == DutyKind.OFFICE
    assert on_duty_staff(agency_a, wib(18, 9)) == []  # Tuesday: a gap in the roster


def test_after_hours_officer_takes_over_after_closing_and_on_days_off(agency_a, staff_a, admin_a):
    shift(agency_a, staff_a, 0, "07:30", "16:00")
    shift(agency_a, admin_a, 0, "16:00", "07:30", kind=DutyKind.AFTER_HOURS)  # overnight
    shift(agency_a, admin_a, 5, "08:00", "20:00", kind=DutyKind.AFTER_HOURS)  # Saturday
    assert on_duty_kind(agency_a, wib(17, 16, 30)) == DutyKind.AFTER_HOURS
    assert on_duty_staff(agency_a, wib(17, 20)) == [admin_a]
    assert on_duty_staff(agency_a, wib(18, 6)) == [admin_a]  # Tuesday early morning
    assert on_duty_staff(agency_a, wib(22, 10)) == [admin_a]  # Saturday
    assert on_duty_staff(agency_a, wib(23, 10)) == []  # Sunday: nobody rostered
    # Christmas Day 2025 is a Thursday and a national holiday: no office roster that day.
    assert on_duty_kind(agency_a, wib(25, 10, month=12)) == DutyKind.AFTER_HOURS


def test_sunday_night_shift_runs_into_monday_morning(agency_a, staff_a, admin_a):
    shift(agency_a, admin_a, 6, "20:00", "06:00", kind=DutyKind.AFTER_HOURS)
    assert on_duty_staff(agency_a, wib(17, 5)) == [admin_a]
    assert on_duty_staff(agency_a, wib(17, 6, 30)) == []


def test_shifts_follow_the_calendar_time_zone(agency_a, staff_a, admin_a):
    agency_a.calendar = BusinessCalendar.objects.create(name="WITA", timezone="Asia/Makassar")
    agency_a.save(update_fields=["calendar"])
    shift(agency_a, staff_a, 0, "08:00", "12:00")  # 08:00 WITA is 07:00 WIB
    at = datetime(2025, 11, 17, 8, 30, tzinfo=WITA)
    assert on_duty_staff(agency_a, at) == [staff_a]
    assert on_duty_staff(agency_a, at.astimezone(UTC)) == [staff_a]
    # 07:15 WITA: before the office opens at 07:30 local time, so after-hours (nobody rostered:
    # everyone is on duty).
    assert on_duty_kind(agency_a, datetime(2025, 11, 17, 7, 15, tzinfo=WITA)) == "after_hours"


def test_pemda_time_zone_applies_without_a_calendar(pemda: Pemda, agency_a, staff_a):
    pemda.timezone = "Asia/Jayapura"
    pemda.save(update_fields=["timezone"])
    # 07:45 WIT is 05:45 WIB: the office is open in Papua although it is dawn in Jakarta.
    papua = datetime(2025, 11, 17, 7, 45, tzinfo=ZoneInfo("Asia/Jayapura"))
    assert on_duty_kind(agency_a, papua) == DutyKind.OFFICE
    assert on_duty_kind(agency_a, wib(17, 5, 45)) == DutyKind.OFFICE
    assert on_duty_kind(agency_a, wib(17, 6, 15)) == DutyKind.OFFICE  # 08:15 WIT


def test_subunit_uses_the_calendar_of_its_opd(agency_a, unit_a, staff_a):
    agency_a.calendar = BusinessCalendar.objects.create(name="24 jam", always_open=True)
    agency_a.save(update_fields=["calendar"])
    assert on_duty_kind(unit_a, wib(23, 3)) == DutyKind.OFFICE  # always open: no after hours


def test_absence_and_extra_duty_overrides(agency_a, staff_a, admin_a):
    shift(agency_a, staff_a, 0, "07:30", "16:00")
    duty_override_create(
        agency=agency_a, user=staff_a, starts_at=wib(17, 7), ends_at=wib(17, 17),
        is_absence=True, note="Cuti", actor=None,
    )  # fmt: skip
    duty_override_create(
        agency=agency_a, user=admin_a, starts_at=wib(17, 7), ends_at=wib(17, 17), actor=None
    )
    assert on_duty_staff(agency_a, wib(17, 10)) == [admin_a]
    assert on_duty_staff(agency_a, wib(24, 10)) == [staff_a]  # the next Monday: back to normal


# --- shift validation -----------------------------------------------------------------------------


def test_shift_validation_in_indonesian(agency_a, agency_b, staff_a, staff_b, admin_a):
    shift(agency_a, staff_a, 0, "07:30", "12:00")
    with pytest.raises(DomainError, match="bertabrakan"):
        shift(agency_a, staff_a, 0, "11:00", "13:00")
    with pytest.raises(DomainError, match="Jam selesai harus setelah jam mulai"):
        shift(agency_a, staff_a, 1, "12:00", "08:00")
    with pytest.raises(DomainError, match="bukan petugas"):
        shift(agency_a, staff_b, 1, "08:00", "12:00")
    with pytest.raises(PermissionDenied, match="Hanya admin instansi"):
        duty_shift_create(
            agency=agency_a, user=staff_a, weekday=2, starts_at=time(8), ends_at=time(12),
            actor=staff_a,
        )  # fmt: skip
    with pytest.raises(PermissionDenied):  # an admin of another agency
        duty_shift_create(
            agency=agency_b, user=staff_b, weekday=2, starts_at=time(8), ends_at=time(12),
            actor=admin_a,
        )  # fmt: skip
    # An overnight after-hours slot on Sunday overlaps Monday morning of the same person.
    shift(agency_a, admin_a, 0, "06:00", "07:00", kind=DutyKind.AFTER_HOURS)
    with pytest.raises(DomainError, match="bertabrakan"):
        shift(agency_a, admin_a, 6, "22:00", "06:30", kind=DutyKind.AFTER_HOURS)
    assert DutyShift.objects.count() == 2  # nothing stored by the refused attempts


def test_admin_updates_and_deletes_shifts(agency_a, staff_a, admin_a):
    first = shift(agency_a, staff_a, 0, "07:30", "12:00")
    second = shift(agency_a, staff_a, 1, "07:30", "12:00")
    with pytest.raises(DomainError, match="bertabrakan"):
        duty_shift_update(shift=second, weekday=0, starts_at=time(9), ends_at=time(10),
                          kind=DutyKind.OFFICE, actor=admin_a)  # fmt: skip
    duty_shift_update(shift=first, weekday=0, starts_at=time(8), ends_at=time(12),
                      kind=DutyKind.OFFICE, actor=admin_a)  # fmt: skip
    first.refresh_from_db()
    assert first.starts_at == time(8)
    duty_shift_delete(shift=second, actor=admin_a)
    assert list(DutyShift.objects.all()) == [first]


# --- auto-assignment ------------------------------------------------------------------------------


def test_round_robin_is_fair(agency_a, make_case, frozen):
    team = [officer(name, agency_a) for name in ("andi", "budi", "citra")]
    autoassign_on(agency_a)
    for index in range(6):
        frozen(wib(17, 9, index))
        case = make_case(f"Lampu jalan mati nomor {index}", agency=agency_a)
        case_autoassign(case=case)
    loads = {user.username: Case.objects.filter(assignee=user).count() for user in team}
    assert loads == {"andi": 2, "budi": 2, "citra": 2}
    # Equal loads: the turn goes to whoever waited longest (andi, budi, citra, andi, ...).
    order = list(
        Case.objects.order_by("created_at", "id").values_list("assignee__username", flat=True)
    )
    assert order == ["andi", "budi", "citra", "andi", "budi", "citra"]


def test_fewest_open_cases_first_and_caps(agency_a, make_case, frozen):
    andi, budi = officer("andi", agency_a), officer("budi", agency_a)
    autoassign_on(agency_a, cap=2)
    roster_member_cap_set(agency=agency_a, user=budi, case_cap=1, actor=None)
    busy = make_case("Sudah ditangani", agency=agency_a)
    case_assign(case=busy, assignee=andi, actor=None)
    assigned = [case_autoassign(case=make_case(f"Aduan {n}", agency=agency_a)) for n in range(3)]
    assert assigned == [budi, andi, None]  # budi at 1/1 and andi at 2/2: the third waits
    assert Case.objects.filter(assignee__isnull=True).count() == 1
    member = RosterMember.objects.get(agency=agency_a, user=budi)
    assert member.case_cap == 1 and member.last_assigned_at is not None


def test_autoassign_never_takes_a_case_away(agency_a, staff_a, admin_a, make_case):
    autoassign_on(agency_a)
    case = make_case(agency=agency_a)
    case_assign(case=case, assignee=admin_a, actor=admin_a)
    assert case_autoassign(case=case) is None
    case.refresh_from_db()
    assert case.assignee == admin_a
    assert CaseEvent.objects.filter(case=case, kind=EventKind.ASSIGNED).count() == 1


def test_autoassign_is_opt_in(agency_a, staff_a, make_case):
    case = make_case(agency=agency_a)
    assert case_autoassign(case=case) is None
    case.refresh_from_db()
    assert case.assignee is None


def test_hook_enqueues_once_and_task_assigns_once(
    agency_a, staff_a, make_case, roster_hook, django_capture_on_commit_callbacks
):
    autoassign_on(agency_a)
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(agency=agency_a)
    queued = DBTaskResult.objects.filter(task_path__endswith="case_autoassign_task")
    assert queued.count() == 1
    assert queued.get().args_kwargs["kwargs"] == {"case_id": case.pk}

    with django_capture_on_commit_callbacks(execute=True):
        assert case_autoassign_task.call(case_id=case.pk) == staff_a.pk
        assert case_autoassign_task.call(case_id=case.pk) is None  # a retry changes nothing
    case.refresh_from_db()
    assert case.assignee == staff_a
    event = CaseEvent.objects.get(case=case, kind=EventKind.ASSIGNED)
    assert event.actor is None and event.data == {"assignee_id": staff_a.pk}
    # The assignment itself enqueues no second auto-assignment.
    assert queued.count() == 1


def test_hook_fires_when_triage_or_coordinator_routes(
    agency_a, agency_b, staff_a, coordinator, make_case, roster_hook,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    autoassign_on(agency_a)
    case = make_case("Sampah menumpuk")
    with django_capture_on_commit_callbacks(execute=True):
        case_route(case=case, agency=agency_a, actor=coordinator)
    queued = DBTaskResult.objects.filter(task_path__endswith="case_autoassign_task")
    assert queued.count() == 1
    # Agencies that do not assign automatically cost no task row.
    other = make_case("Puskesmas tutup")
    with django_capture_on_commit_callbacks(execute=True):
        case_route(case=other, agency=agency_b, actor=coordinator)
    assert queued.count() == 1


# --- rebalancing ----------------------------------------------------------------------------------


def test_rebalance_moves_unstarted_cases_of_staff_gone_off_duty(agency_a, make_case, frozen):
    pagi, siang = officer("pagi", agency_a), officer("siang", agency_a)
    shift(agency_a, pagi, 0, "07:30", "12:00")
    shift(agency_a, siang, 0, "12:00", "16:00")
    autoassign_on(agency_a)
    frozen(wib(17, 9))
    waiting, working, answered = (make_case(f"Aduan {n}", agency=agency_a) for n in range(3))
    for case in (waiting, working, answered):
        assert case_autoassign(case=case) == pagi
    case_transition(case=working, to_status=CaseStatus.VERIFIED, actor=pagi)
    case_transition(case=working, to_status=CaseStatus.IN_PROGRESS, actor=pagi)
    Case.objects.filter(pk=answered.pk).update(first_response_at=wib(17, 9, 30))

    frozen(wib(17, 13))
    assert roster_rebalance(agency=agency_a, now=wib(17, 13)) == 1
    for case in (waiting, working, answered):
        case.refresh_from_db()
    assert (waiting.assignee, working.assignee, answered.assignee) == (siang, pagi, pagi)
    moved = CaseEvent.objects.filter(case=waiting).order_by("id")
    assert [e.kind for e in moved][-2:] == [EventKind.ASSIGNED, EventKind.NOTE]
    assert moved.last().note == "Dialihkan otomatis dari pagi yang tidak sedang piket."
    assert roster_rebalance(agency=agency_a, now=wib(17, 13, 5)) == 0  # nothing left to move


def test_rebalance_assigns_waiting_cases_and_keeps_cases_when_nobody_is_on_duty(
    agency_a, make_case, frozen
):
    pagi = officer("pagi", agency_a)
    shift(agency_a, pagi, 0, "07:30", "12:00")
    autoassign_on(agency_a, cap=1)
    first, second = make_case("Satu", agency=agency_a), make_case("Dua", agency=agency_a)
    assert roster_rebalance_all(now=wib(17, 9)) == 1  # the cap leaves the second one waiting
    first.refresh_from_db()
    assert first.assignee == pagi
    assert roster_rebalance(agency=agency_a, now=wib(17, 13)) == 0  # a gap: nobody to take it
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.assignee == pagi and second.assignee is None


def test_the_clock_rebalances_every_five_minutes():
    from django.utils.module_loading import import_string

    from sigap.agencies.tasks import roster_rebalance_task
    from sigap.core.periodic import PERIODIC_JOBS

    job = next(job for job in PERIODIC_JOBS if job.name == "roster-rebalance")
    assert job.every_seconds == 300
    assert import_string(job.task_path) is roster_rebalance_task


# --- races (PostgreSQL: real parallel connections) ------------------------------------------------


@pytest.mark.postgres_only
def test_parallel_tasks_share_fairly_and_never_assign_twice(transactional_db, agency_a, make_case):
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("SKIPPED: real parallel writers need PostgreSQL (SQLite serialises writers)")
    team = [officer(name, agency_a) for name in ("andi", "budi", "citra", "dewi")]
    autoassign_on(agency_a)
    cases = [make_case(f"Aduan paralel {n}", agency=agency_a) for n in range(8)]
    # Every case twice: a retried task runs next to the first delivery.
    jobs = [case for case in cases for _copy in range(2)]
    barrier, errors = threading.Barrier(len(jobs)), []

    def run(case: Case) -> None:
        try:
            barrier.wait(timeout=10)
            case_autoassign_task.call(case_id=case.pk)
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(case,)) for case in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert CaseEvent.objects.filter(kind=EventKind.ASSIGNED).count() == 8
    loads = sorted(Case.objects.filter(assignee=user).count() for user in team)
    assert loads == [2, 2, 2, 2]
