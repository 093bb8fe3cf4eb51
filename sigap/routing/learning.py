"""The learning loop: every staff routing decision becomes a training example."""

from __future__ import annotations

from sigap.cases.models import Case, CaseStatus, DispositionReason
from sigap.routing.models import ExampleSource, RoutingExample

# A person moving a case to another agency corrects the router.
_CORRECTING = {
    DispositionReason.INITIAL,  # the coordinator routed a case the router was unsure of
    DispositionReason.NOT_OUR_AUTHORITY,
    DispositionReason.WRONG_AREA,
    DispositionReason.REASSIGNED,
}


def case_learn(case_id: int, change: str) -> RoutingExample | None:
    """Record the case's agency as the right answer when a person decided or confirmed it."""
    case = Case.objects.select_related("agency", "pemda").filter(pk=case_id).first()
    if case is None or case.agency is None or case.agency.is_external:
        return None
    source = _source(case, change)
    if source is None:
        return None
    example, _created = RoutingExample.objects.update_or_create(
        pemda=case.pemda,
        case=case,
        defaults={"text": case.description, "label": case.agency.code, "source": source},
    )
    return example


def _source(case: Case, change: str) -> str | None:
    if change in {"disposed", "routed"}:
        hop = case.dispositions.order_by("-created_at", "-id").first()
        if hop is not None and hop.actor_id is not None and hop.reason in _CORRECTING:
            return ExampleSource.CORRECTED
        return None
    if change == "status" and case.status == CaseStatus.VERIFIED:
        return ExampleSource.CONFIRMED  # the coordinator verified the case where it is
    return None
