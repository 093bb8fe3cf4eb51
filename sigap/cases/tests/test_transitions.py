from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind
from sigap.cases.services import case_transition
from sigap.cases.transitions import ALLOWED_TRANSITIONS, is_allowed
from sigap.core.errors import DomainError

TARGETS = [s for s in CaseStatus.values if s != CaseStatus.MERGED]


def test_the_documented_lifecycle_is_allowed():
    path = [
        "new",
        "verified",
        "in_progress",
        "waiting_citizen",
        "in_progress",
        "resolved",
        "closed",
    ]
    assert all(is_allowed(a, b) for a, b in pairwise(path))
    assert is_allowed("resolved", "in_progress")  # reopen
    assert not is_allowed("closed", "in_progress")
    assert not is_allowed("new", "resolved")
    assert all(not ALLOWED_TRANSITIONS[s] for s in ("closed", "rejected", "merged"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(st.sampled_from(TARGETS), min_size=1, max_size=8))
def test_transitions_follow_the_state_machine(make_case, coordinator, steps):
    case = make_case()
    expected = CaseStatus.NEW
    events_before = CaseEvent.objects.filter(case=case).count()
    accepted = 0
    for target in steps:
        if is_allowed(expected, target):
            case = case_transition(case=case, to_status=target, actor=coordinator, note="ok")
            expected = target
            accepted += 1
        else:
            with pytest.raises(DomainError):
                case_transition(case=case, to_status=target, actor=coordinator, note="x")
    case = Case.objects.get(pk=case.pk)
    assert case.status == expected
    changes = CaseEvent.objects.filter(case=case, kind=EventKind.STATUS_CHANGED)
    assert changes.count() == accepted
    assert CaseEvent.objects.filter(case=case).count() == events_before + accepted
    assert case.version == 1 + accepted


def test_transition_records_from_to_actor_and_note(case_a, coordinator):
    case_transition(case=case_a, to_status="verified", actor=coordinator, note="sudah dicek")
    event = CaseEvent.objects.filter(case=case_a, kind=EventKind.STATUS_CHANGED).get()
    assert (event.from_value, event.to_value, event.actor, event.note) == (
        "new",
        "verified",
        coordinator,
        "sudah dicek",
    )
    case_a.refresh_from_db()
    assert case_a.verified_at is not None


def test_reject_and_resolve_need_a_reason(case_a, coordinator):
    with pytest.raises(DomainError) as error:
        case_transition(case=case_a, to_status="rejected", actor=coordinator)
    assert error.value.code == "note_required"


def test_invalid_transition_message_is_indonesian(case_a, coordinator):
    with pytest.raises(DomainError) as error:
        case_transition(case=case_a, to_status="closed", actor=coordinator)
    assert error.value.code == "invalid_transition"
    assert "tidak dapat diubah" in error.value.message


def test_stale_version_is_a_conflict(case_a, coordinator):
    case_transition(case=case_a, to_status="verified", actor=coordinator, expected_version=1)
    with pytest.raises(DomainError) as error:
        case_transition(
            case=case_a, to_status="rejected", actor=coordinator, note="x", expected_version=1
        )
    assert error.value.code == "conflict"
    case_a.refresh_from_db()
    assert case_a.status == "verified"


def test_merge_must_use_the_merge_service(case_a, coordinator):
    with pytest.raises(DomainError, match="penggabungan"):
        case_transition(case=case_a, to_status="merged", actor=coordinator)
