"""What a staff member may do to one case, derived from their ``StaffScope``."""

from __future__ import annotations

from sigap.agencies.models import Role
from sigap.agencies.selectors import StaffScope
from sigap.cases.models import Case
from sigap.catalog.models import Priority

# Roles that work cases and so may record new ones (walk-in form, API). Leaders read everything
# and system administrators configure; neither records cases.
CASE_RECORDING_ROLES = frozenset(
    {Role.COORDINATOR, Role.AGENCY_ADMIN, Role.AGENCY_OFFICER, Role.OPERATOR}
)


def can_record_cases(scope: StaffScope) -> bool:
    return scope.is_superuser or bool(scope.roles & CASE_RECORDING_ROLES)


def _in_agency_subtree(scope: StaffScope, case: Case) -> bool:
    if case.agency is None:
        return False
    return any(case.agency.path.startswith(path) for path in scope.agency_paths)


def can_view(scope: StaffScope, case: Case) -> bool:
    if scope.is_superuser or case.pemda_id in scope.pemda_wide:
        return True
    if case.pemda_id in scope.operator_pemdas and case.priority == Priority.EMERGENCY:
        return True
    return _in_agency_subtree(scope, case)


def can_act(scope: StaffScope, case: Case) -> bool:
    """Work the case: reply, note, assign, change status. Leaders only read."""
    if scope.is_superuser or scope.is_coordinator_of(case.pemda_id):
        return True
    if case.pemda_id in scope.operator_pemdas and case.priority == Priority.EMERGENCY:
        return True
    return _in_agency_subtree(scope, case)


def can_manage_flags(scope: StaffScope, case: Case) -> bool:
    """Anonymity and confidentiality are reviewed by the coordinator only."""
    return scope.is_coordinator_of(case.pemda_id)


def can_see_reporter(scope: StaffScope, case: Case) -> bool:
    """Anonymous cases never reveal the reporter to agencies; the coordinator may see it."""
    if not can_view(scope, case):
        return False
    if case.is_anonymous:
        return scope.can_reveal_reporter(case.pemda_id)
    return True


def must_mask_personal_data(scope: StaffScope, case: Case) -> bool:
    """Agencies read anonymous cases with NIK, phone numbers and e-mails masked in the text."""
    return case.is_anonymous and not can_see_reporter(scope, case)
