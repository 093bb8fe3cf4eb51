from __future__ import annotations

import pytest

from sigap.cases.models import CaseEvent, CaseStatus, Disposition, EventKind
from sigap.cases.services import (
    case_add_note,
    case_assign,
    case_dispose,
    case_merge,
    case_rate,
    case_set_category,
    case_set_flags,
    case_set_priority,
    case_transition,
)
from sigap.core.errors import DomainError, NotFound, PermissionDenied


def test_dispose_records_the_hop_and_clears_assignee(case_a, staff_a, agency_b):
    case_assign(case=case_a, assignee=staff_a, actor=staff_a)
    case_dispose(
        case=case_a,
        to_agency=agency_b,
        reason="not_our_authority",
        actor=staff_a,
        note="Urusan puskesmas",
    )
    case_a.refresh_from_db()
    assert case_a.agency == agency_b and case_a.assignee is None
    hop = Disposition.objects.filter(case=case_a).order_by("-id").first()
    assert (hop.from_agency.code, hop.to_agency.code, hop.reason, hop.actor) == (
        "dputr",
        "dinkes",
        "not_our_authority",
        staff_a,
    )
    event = CaseEvent.objects.filter(case=case_a, kind=EventKind.DISPOSED).order_by("-id").first()
    assert event.data["reason"] == "not_our_authority" and event.note == "Urusan puskesmas"


def test_dispose_needs_reason_and_note(case_a, staff_a, agency_b):
    with pytest.raises(DomainError) as error:
        case_dispose(case=case_a, to_agency=agency_b, reason="", actor=staff_a, note="x")
    assert error.value.code == "reason_required"
    with pytest.raises(DomainError) as error:
        case_dispose(
            case=case_a, to_agency=agency_b, reason="not_our_authority", actor=staff_a, note=" "
        )
    assert error.value.code == "note_required"
    assert Disposition.objects.filter(case=case_a).count() == 1  # only the initial routing


def test_external_forward_needs_an_external_body(case_a, coordinator, agency_b, external_body):
    with pytest.raises(DomainError):
        case_dispose(
            case=case_a, to_agency=agency_b, reason="external", actor=coordinator, note="x"
        )
    case_dispose(
        case=case_a,
        to_agency=external_body,
        reason="external",
        actor=coordinator,
        note="gangguan listrik",
    )
    case_a.refresh_from_db()
    assert case_a.agency == external_body


def test_staff_of_another_agency_cannot_act_and_learns_nothing(case_a, staff_b, agency_b):
    with pytest.raises(NotFound):
        case_add_note(case=case_a, actor=staff_b, text="intip")
    with pytest.raises(NotFound):
        case_dispose(
            case=case_a, to_agency=agency_b, reason="not_our_authority", actor=staff_b, note="x"
        )
    assert not CaseEvent.objects.filter(case=case_a, kind=EventKind.NOTE).exists()


def test_leader_reads_but_cannot_act(case_a, leader):
    with pytest.raises(PermissionDenied):
        case_transition(case=case_a, to_status="verified", actor=leader)


def test_assign_only_to_staff_of_the_case_agency(case_a, staff_a, staff_b, admin_a):
    with pytest.raises(DomainError) as error:
        case_assign(case=case_a, assignee=staff_b, actor=admin_a)
    assert error.value.code == "assignee_not_member"
    case_assign(case=case_a, assignee=staff_a, actor=admin_a)
    case_a.refresh_from_db()
    assert case_a.assignee == staff_a
    assert CaseEvent.objects.filter(case=case_a, kind=EventKind.ASSIGNED).get().actor == admin_a


def test_unit_staff_case_is_visible_to_parent_agency_staff(make_case, unit_a, staff_a):
    case = make_case(agency=unit_a)
    case_add_note(case=case, actor=staff_a, text="dicek bidang")
    assert CaseEvent.objects.filter(case=case, kind=EventKind.NOTE).get().note == "dicek bidang"


def test_merge_marks_duplicate_and_records_both_timelines(make_case, coordinator, category_a):
    main = make_case(category=category_a)
    duplicate = make_case(category=category_a)
    case_merge(case=duplicate, into=main, actor=coordinator, note="kejadian sama")
    duplicate.refresh_from_db()
    assert duplicate.status == CaseStatus.MERGED and duplicate.merged_into == main
    assert CaseEvent.objects.filter(case=main, kind=EventKind.MERGED).exists()
    assert CaseEvent.objects.filter(case=duplicate, kind=EventKind.MERGED).exists()
    with pytest.raises(DomainError):
        case_merge(case=main, into=duplicate, actor=coordinator)
    with pytest.raises(DomainError):
        case_merge(case=main, into=main, actor=coordinator)


def test_category_and_priority_changes_are_recorded(case_a, coordinator, pemda, agency_b):
    from sigap.catalog.models import Category

    health = Category.objects.create(
        pemda=pemda, code="puskesmas", name="Puskesmas", kind="complaint", default_agency=agency_b
    )
    case_set_category(case=case_a, category=health, actor=coordinator)
    case_set_priority(case=case_a, priority="high", actor=coordinator)
    case_a.refresh_from_db()
    assert case_a.category == health and case_a.priority == "high"
    kinds = set(CaseEvent.objects.filter(case=case_a).values_list("kind", flat=True))
    assert {EventKind.CATEGORY_CHANGED, EventKind.PRIORITY_CHANGED} <= kinds
    with pytest.raises(DomainError):
        case_set_priority(case=case_a, priority="urgent-ish", actor=coordinator)


def test_only_coordinator_changes_anonymity_and_confidentiality(case_a, coordinator, admin_a):
    with pytest.raises(PermissionDenied):
        case_set_flags(case=case_a, actor=admin_a, is_anonymous=True, is_confidential=True)
    case_set_flags(
        case=case_a,
        actor=coordinator,
        is_anonymous=True,
        is_confidential=True,
        note="permintaan pelapor",
    )
    case_a.refresh_from_db()
    assert case_a.is_anonymous and case_a.is_confidential
    event = CaseEvent.objects.get(case=case_a, kind=EventKind.FLAGS_CHANGED)
    assert event.data["after"] == {"is_anonymous": True, "is_confidential": True}


def test_rating_after_resolution_only(case_a, coordinator):
    with pytest.raises(DomainError):
        case_rate(case=case_a, rating=5)
    for status in ("verified", "in_progress"):
        case_transition(case=case_a, to_status=status, actor=coordinator)
    case_transition(case=case_a, to_status="resolved", actor=coordinator, note="sudah ditambal")
    with pytest.raises(DomainError):
        case_rate(case=case_a, rating=6)
    case_rate(case=case_a, rating=4, comment="cepat")
    case_a.refresh_from_db()
    assert (case_a.rating, case_a.rating_comment) == (4, "cepat")
    assert CaseEvent.objects.filter(case=case_a, kind=EventKind.RATED).count() == 1
