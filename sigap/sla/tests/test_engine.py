"""Deadlines as stored columns: policies, LAPOR! stages, holidays, emergencies, hops and pauses."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from sigap.agencies.models import Agency, Pemda
from sigap.cases.models import Case, CaseStatus, DispositionReason, EventKind
from sigap.cases.services import (
    IncomingMessage,
    case_dispose,
    case_message_add,
    case_set_category,
    case_set_priority,
    case_transition,
    event_record,
)
from sigap.catalog.models import CaseKind, Category, Priority
from sigap.contacts.services import SenderIdentity
from sigap.sla.calendar import ALWAYS_OPEN, indonesian_calendar
from sigap.sla.clocks import StageClock
from sigap.sla.models import SlaPause, SlaPolicy, SlaRule, Stage
from sigap.sla.selectors import sla_policy_for_case
from sigap.sla.services import case_deadlines_recompute
from sigap.sla.tests.conftest import FrozenClock, wib

Committed = Callable[[], AbstractContextManager[Any]]
OFFICE = indonesian_calendar()


def _act(committed: Committed, clock: FrozenClock, at: datetime, action: Callable[[], Any]) -> None:
    clock.set(at)
    with committed():
        action()


def _move(
    committed: Committed, clock: FrozenClock, at: datetime, case: Case, status: str, actor: Any
) -> None:
    clock.set(at)
    with committed():
        case_transition(case=case, to_status=status, actor=actor, note="Sudah ditindaklanjuti")


# --- when the clocks run out ----------------------------------------------------------------------


def test_case_received_friday_1555_wib(receive, lapor):
    case = receive(wib(2025, 11, 21, 15, 55), category=lapor)

    assert case.first_response_due_at == wib(2025, 11, 21, 16, 10)  # Friday closes at 16:30
    # Receipt day Friday; three working days after it: Mon, Tue, Wed -> Wednesday's closing.
    assert case.verification_due_at == wib(2025, 11, 26, 16, 0)
    assert case.resolution_due_at == wib(2025, 12, 5, 15, 55)  # 14 calendar days
    assert case.followup_due_at is None  # not verified at an agency yet
    assert case.autoclose_due_at is None
    # The sweeper's next look: the first-response warning, 80 % of 15 minutes in.
    assert case.sla_next_at == wib(2025, 11, 21, 16, 7)


def test_first_response_spills_over_the_weekend(receive, lapor):
    case = receive(wib(2025, 11, 21, 16, 25), category=lapor)

    # Five minutes left on Friday, ten on Monday morning.
    assert case.first_response_due_at == wib(2025, 11, 24, 7, 40)


def test_idul_fitri_cuti_bersama_are_not_working_days(receive, lapor):
    before = receive(wib(2025, 3, 27, 10, 0), category=lapor)
    during = receive(wib(2025, 4, 3, 9, 0), category=lapor)

    assert before.first_response_due_at == wib(2025, 3, 27, 10, 15)
    # Closed: 28 Mar (cuti Nyepi), 31 Mar-1 Apr (Idul Fitri), 2-4 and 7 Apr (cuti bersama).
    assert before.verification_due_at == wib(2025, 4, 10, 16, 0)
    # Received during cuti bersama: the clock starts Tuesday 8 April at opening.
    assert during.first_response_due_at == wib(2025, 4, 8, 7, 45)
    assert during.verification_due_at == wib(2025, 4, 11, 16, 30)
    assert during.resolution_due_at == wib(2025, 4, 17, 9, 0)  # calendar days ignore holidays


def test_emergency_at_night_runs_on_the_24_hour_clock(receive, lapor, agency_b):
    fire = receive(
        wib(2025, 11, 22, 23, 0),
        "Kebakaran rumah di Baleendah sekarang!",
        kind=CaseKind.EMERGENCY,
        priority=Priority.EMERGENCY,
        agency=agency_b,
    )
    ordinary = receive(wib(2025, 11, 22, 23, 0), category=lapor)

    assert fire.first_response_due_at == wib(2025, 11, 22, 23, 5)
    assert fire.verification_due_at is None  # 0 days: the emergency policy does not measure it
    assert fire.resolution_due_at == wib(2025, 11, 25, 23, 0)
    assert fire.sla_next_at == wib(2025, 11, 22, 23, 4)
    # The same night, an ordinary complaint waits for Monday's office hours.
    assert ordinary.first_response_due_at == wib(2025, 11, 24, 7, 45)


# --- what moves them ------------------------------------------------------------------------------


def test_disposition_restarts_the_followup_clock_per_hop(
    receive, lapor, clock, committed, staff_a, coordinator, agency_b
):
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    _act(
        committed,
        clock,
        wib(2025, 11, 17, 10, 0),
        lambda: case_transition(case=case, to_status=CaseStatus.VERIFIED, actor=staff_a),
    )
    case.refresh_from_db()
    assert case.followup_started_at == wib(2025, 11, 17, 10, 0)
    assert case.followup_due_at == wib(2025, 11, 24, 16, 0)  # Tue..Mon, five working days
    verification_due = case.verification_due_at
    Case.objects.filter(pk=case.pk).update(followup_sla_level=3)  # the first hop was escalated

    _act(
        committed,
        clock,
        wib(2025, 11, 19, 11, 0),
        lambda: case_dispose(
            case=case,
            to_agency=agency_b,
            reason=DispositionReason.NOT_OUR_AUTHORITY,
            actor=coordinator,
            note="Urusan Dinkes",
        ),
    )
    case.refresh_from_db()

    assert case.agency == agency_b
    assert case.followup_started_at == wib(2025, 11, 19, 11, 0)
    assert case.followup_due_at == wib(2025, 11, 26, 16, 0)  # Thu..Wed
    assert case.followup_sla_level == 0  # the new agency starts with a clean slate
    assert case.verification_due_at == verification_due  # a finished stage keeps its deadline


def test_waiting_for_the_citizen_pauses_and_resuming_pushes_by_the_paused_time(
    receive, lapor, clock, committed, staff_a
):
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    for at, status in [((9, 30), CaseStatus.VERIFIED), ((9, 40), CaseStatus.IN_PROGRESS)]:
        _move(committed, clock, wib(2025, 11, 17, *at), case, status, staff_a)
    case.refresh_from_db()
    followup_before, resolution_before = case.followup_due_at, case.resolution_due_at
    assert followup_before == wib(2025, 11, 24, 16, 0)

    paused_at, resumed_at = wib(2025, 11, 18, 10, 0), wib(2025, 11, 20, 14, 0)
    _act(
        committed,
        clock,
        paused_at,
        lambda: case_transition(
            case=case,
            to_status=CaseStatus.WAITING_CITIZEN,
            actor=staff_a,
            note="Mohon foto lokasi",
        ),
    )
    case.refresh_from_db()
    assert case.followup_due_at is None and case.resolution_due_at is None  # clocks stopped
    assert case.sla_next_at is None
    assert list(SlaPause.objects.filter(case=case).values_list("started_at", "ended_at")) == [
        (paused_at, None)
    ]

    reply = IncomingMessage(
        channel="whatsapp",
        text="Ini fotonya",
        external_id="wamid.R1",
        sender=SenderIdentity(external_id="x"),
    )
    _act(committed, clock, resumed_at, lambda: case_message_add(case=case, message=reply))
    case.refresh_from_db()

    assert case.status == CaseStatus.IN_PROGRESS
    paused_working = OFFICE.working_minutes_between(paused_at, resumed_at)
    assert paused_working == 300 + 450 + 330  # Tue from 10:00, all Wednesday, Thu to 14:00
    assert OFFICE.working_minutes_between(followup_before, case.followup_due_at) == paused_working
    assert case.followup_due_at == wib(2025, 11, 27, 10, 30)
    assert case.resolution_due_at == resolution_before + (resumed_at - paused_at)
    assert SlaPause.objects.get(case=case).ended_at == resumed_at


def test_category_and_priority_changes_recompute(
    receive, lapor, clock, committed, coordinator, pemda, supervision
):
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    assert case.first_response_due_at == wib(2025, 11, 17, 9, 15)

    _act(
        committed,
        clock,
        wib(2025, 11, 17, 9, 2),
        lambda: case_set_priority(case=case, priority=Priority.EMERGENCY, actor=coordinator),
    )
    case.refresh_from_db()
    assert case.first_response_due_at == wib(2025, 11, 17, 9, 5)  # the emergency rule
    assert case.resolution_due_at == wib(2025, 11, 20, 9, 0)

    _act(
        committed,
        clock,
        wib(2025, 11, 17, 9, 3),
        lambda: case_set_priority(case=case, priority=Priority.NORMAL, actor=coordinator),
    )
    audit = Category.objects.create(
        pemda=pemda,
        code="pungli",
        name="Pungutan liar",
        kind=CaseKind.COMPLAINT,
        sla_policy=supervision,
    )
    _act(
        committed,
        clock,
        wib(2025, 11, 17, 9, 4),
        lambda: case_set_category(case=case, category=audit, actor=coordinator),
    )
    case.refresh_from_db()
    assert case.first_response_due_at == wib(2025, 11, 17, 9, 15)
    assert case.resolution_due_at == wib(2026, 1, 16, 9, 0)  # the 60-day supervision tier


def test_first_response_is_a_human_reply_or_a_staff_status_action(
    receive, lapor, clock, committed, staff_a
):
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    clock.set(wib(2025, 11, 17, 9, 1))
    event_record(case=case, kind=EventKind.MESSAGE_OUT, to_value="ack")  # automatic: no author
    assert case_deadlines_recompute(case=case.pk).first_response_at is None

    clock.set(wib(2025, 11, 17, 9, 7))
    event_record(case=case, kind=EventKind.MESSAGE_OUT, actor=staff_a, to_value="reply")
    clock.set(wib(2025, 11, 17, 9, 9))
    case = case_deadlines_recompute(case=case.pk)
    assert case.first_response_at == wib(2025, 11, 17, 9, 7)
    assert case.first_response_due_at == wib(2025, 11, 17, 9, 15)  # kept for the statistics

    other = receive(wib(2025, 11, 17, 10, 0), category=lapor)
    _act(
        committed,
        clock,
        wib(2025, 11, 17, 10, 20),
        lambda: case_transition(case=other, to_status=CaseStatus.VERIFIED, actor=staff_a),
    )
    other.refresh_from_db()
    assert other.first_response_at == wib(2025, 11, 17, 10, 20)


def test_resolution_starts_the_autoclose_clock(receive, lapor, clock, committed, staff_a):
    case = receive(wib(2025, 11, 17, 9, 0), category=lapor)
    for minute, status in [
        (10, CaseStatus.VERIFIED),
        (20, CaseStatus.IN_PROGRESS),
        (30, CaseStatus.RESOLVED),
    ]:
        _move(committed, clock, wib(2025, 11, 17, 9, minute), case, status, staff_a)
    case.refresh_from_db()

    # Ten working days after Monday: 18-21 Nov, 24-28 Nov, 1 Dec.
    assert case.autoclose_due_at == wib(2025, 12, 1, 16, 0)
    assert case.sla_next_at == case.autoclose_due_at


# --- which policy ---------------------------------------------------------------------------------


@pytest.fixture
def policies(db: None) -> dict[str, SlaPolicy]:
    return {
        code: SlaPolicy.objects.create(code=code, name=code)
        for code in [
            "cat_agency_prio",
            "cat_agency",
            "cat_prio",
            "cat",
            "agency_prio",
            "agency",
            "prio",
            "default",
            "unit",
            "category_own",
        ]
    }


def _policy(case: Case) -> str:
    return sla_policy_for_case(case).code


def test_rules_pick_the_most_specific_policy(
    pemda: Pemda,
    agency_a: Agency,
    unit_a: Agency,
    agency_b: Agency,
    category_a: Category,
    policies: dict[str, SlaPolicy],
    make_case,
):
    category_a.sla_policy = policies["category_own"]
    category_a.save()
    high = Priority.HIGH
    case = make_case(category=category_a, agency=agency_a, priority=high)
    assert _policy(case) == "category_own"  # no rule: the category's own policy

    rules = [
        ("default", {}),
        ("prio", {"priority": high}),
        ("agency", {"agency": agency_a}),
        ("agency_prio", {"agency": agency_a, "priority": high}),
        ("cat", {"category": category_a}),
        ("cat_prio", {"category": category_a, "priority": high}),
        ("cat_agency", {"category": category_a, "agency": agency_a}),
        ("cat_agency_prio", {"category": category_a, "agency": agency_a, "priority": high}),
    ]
    # Added from least to most specific, each time the newest must win.
    for code, match in rules:
        SlaRule.objects.create(pemda=pemda, policy=policies[code], **match)
        assert _policy(case) == code
    # Removed again from the most specific end, each time the next one down takes over.
    for (code, _match), (below, _) in zip(rules[::-1], rules[::-1][1:], strict=False):
        SlaRule.objects.filter(policy=policies[code]).delete()
        assert _policy(case) == below

    other = make_case(category=category_a, agency=agency_b, priority=Priority.LOW)
    assert _policy(other) == "default"  # the catch-all rule outranks the category's own policy
    SlaRule.objects.all().delete()
    assert _policy(other) == "category_own"
    category_a.sla_policy = None
    category_a.save()
    assert _policy(other) == "bawaan"  # built-in LAPOR! default


def test_a_rule_on_an_opd_covers_its_units_and_the_nearest_wins(
    pemda, agency_a, unit_a, policies, make_case
):
    SlaRule.objects.create(pemda=pemda, agency=agency_a, policy=policies["agency"])
    case = make_case(agency=unit_a)
    assert _policy(case) == "agency"
    SlaRule.objects.create(pemda=pemda, agency=unit_a, policy=policies["unit"], order=9)
    assert _policy(case) == "unit"


def test_ties_go_to_the_lower_order(pemda, policies, make_case):
    SlaRule.objects.create(pemda=pemda, priority=Priority.NORMAL, policy=policies["prio"], order=5)
    SlaRule.objects.create(
        pemda=pemda, priority=Priority.NORMAL, policy=policies["agency"], order=2
    )
    assert _policy(make_case()) == "agency"


# --- the arithmetic, property-tested --------------------------------------------------------------

_MONDAY = datetime(2025, 11, 17, 0, 0, tzinfo=UTC)
minutes_in_a_month = st.integers(min_value=0, max_value=30 * 24 * 60)


@settings(max_examples=150, deadline=None)
@given(
    start=minutes_in_a_month,
    budget=st.integers(min_value=1, max_value=5 * 450),
    pause_offset=minutes_in_a_month,
    pause_length=st.integers(min_value=0, max_value=10 * 24 * 60),
    always_open=st.booleans(),
)
def test_a_pause_inside_the_budget_pushes_the_deadline_by_its_working_time(
    start, budget, pause_offset, pause_length, always_open
):
    calendar = ALWAYS_OPEN if always_open else OFFICE
    begin = _MONDAY + timedelta(minutes=start)
    plain = StageClock(stage=Stage.FOLLOWUP, calendar=calendar, start=begin, budget=budget)
    assert plain.due is not None
    paused_at = begin + timedelta(minutes=pause_offset)
    resumed_at = paused_at + timedelta(minutes=pause_length)
    paused = StageClock(
        stage=Stage.FOLLOWUP,
        calendar=calendar,
        start=begin,
        budget=budget,
        pauses=((paused_at, resumed_at),),
    )
    assert paused.due is not None
    if paused_at >= plain.due:
        assert paused.due == plain.due  # a pause after the breach excuses nothing
    else:
        pushed = calendar.working_minutes_between(plain.due, paused.due)
        assert pushed == calendar.working_minutes_between(max(paused_at, begin), resumed_at)
    still_paused = StageClock(
        stage=Stage.FOLLOWUP,
        calendar=calendar,
        start=begin,
        budget=budget,
        pauses=((paused_at, None),),
    )
    assert (still_paused.due is None) == (paused_at < plain.due)


@settings(max_examples=150, deadline=None)
@given(
    start=minutes_in_a_month,
    budget=st.integers(min_value=1, max_value=5 * 450),
    warn_after=st.one_of(st.none(), st.integers(min_value=1, max_value=5 * 450)),
    probes=st.lists(st.integers(min_value=0, max_value=60 * 24 * 60), min_size=2, max_size=6),
)
def test_levels_only_climb_and_the_next_step_is_always_in_the_future(
    start, budget, warn_after, probes
):
    clock = StageClock(
        stage=Stage.RESOLUTION,
        calendar=OFFICE,
        start=_MONDAY + timedelta(minutes=start),
        budget=budget,
        warn_after=warn_after if warn_after and warn_after < budget else None,
    )
    level = 0
    for offset in sorted(probes):
        now = _MONDAY + timedelta(minutes=offset)
        target, next_at = clock.target_level(level, now)
        assert target >= level
        assert next_at is None or next_at > now
        if target >= 2:
            assert clock.due is not None and clock.due <= now  # escalation only after the breach
        level = target
    assert level <= clock.max_level


def test_sla_recompute_command_restores_lost_deadlines(receive, lapor):
    case = receive(wib(2025, 11, 21, 15, 55), category=lapor)
    Case.objects.filter(pk=case.pk).update(
        first_response_due_at=None, verification_due_at=None, sla_next_at=None
    )

    call_command("sla_recompute", stdout=StringIO())

    case.refresh_from_db()
    assert case.first_response_due_at == wib(2025, 11, 21, 16, 10)
    assert case.verification_due_at == wib(2025, 11, 26, 16, 0)
    assert case.sla_next_at == wib(2025, 11, 21, 16, 7)
