"""The case state machine: which status may follow which."""

from __future__ import annotations

from sigap.cases.models import CaseStatus

S = CaseStatus

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.VERIFIED, S.REJECTED, S.MERGED}),
    S.VERIFIED: frozenset({S.IN_PROGRESS, S.REJECTED, S.MERGED}),
    S.IN_PROGRESS: frozenset({S.WAITING_CITIZEN, S.RESOLVED, S.MERGED}),
    S.WAITING_CITIZEN: frozenset({S.IN_PROGRESS, S.RESOLVED, S.MERGED}),
    # Reopen: a resolved case goes back to work when the citizen disputes it.
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset(),
    S.REJECTED: frozenset(),
    S.MERGED: frozenset(),
}


def is_allowed(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED_TRANSITIONS.get(from_status, frozenset())
