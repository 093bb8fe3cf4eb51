"""Triage of one case: route it, place it, flag emergencies, personal data, abuse, duplicates."""

from __future__ import annotations

import logging
import time
from dataclasses import asdict
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, AgencyKind, Pemda
from sigap.cases.models import OPEN_STATUSES, Case, EventKind
from sigap.cases.services import case_route, case_set_priority, case_set_region, event_record
from sigap.catalog.models import Priority
from sigap.regions.models import Region
from sigap.routing import holds, incidents, similarity
from sigap.routing.detectors import detect_abuse, detect_emergency, find_personal_data
from sigap.routing.detectors.repeats import identical_text_key
from sigap.routing.engine import AREA_OFFICE
from sigap.routing.gazetteer import Gazetteer, RegionName
from sigap.routing.gazetteer.aliases import region_aliases
from sigap.routing.models import TriageResult
from sigap.routing.training import router_for

logger = logging.getLogger(__name__)

DUPLICATE_WINDOW = timedelta(days=7)
DUPLICATE_THRESHOLD = 0.45
_gazetteers: dict[int, tuple[float, Gazetteer]] = {}
GAZETTEER_TTL_SECONDS = 300.0


def gazetteer_for(pemda: Pemda) -> Gazetteer | None:
    cached = _gazetteers.get(pemda.pk)
    if cached is not None and time.monotonic() - cached[0] < GAZETTEER_TTL_SECONDS:
        return cached[1]
    if pemda.region is None:
        return None
    regions = Region.objects.filter(code__startswith=pemda.region.code + ".").select_related(
        "parent"
    )
    names = [
        RegionName(r.code, r.name, r.level, r.parent.code if r.parent else None) for r in regions
    ]
    if not names:
        return None
    gazetteer = Gazetteer.from_regions(names, aliases=region_aliases(pemda))
    _gazetteers[pemda.pk] = (time.monotonic(), gazetteer)
    return gazetteer


def gazetteer_cache_clear() -> None:
    _gazetteers.clear()


def case_triage(case: Case) -> TriageResult:
    """Run once per case (idempotent): the result is stored and acted on at once."""
    existing = TriageResult.objects.filter(case=case).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        # A new channel case is triaged inline and by the queued task: the row lock lets one
        # run and the other find its result.
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("pemda__region", "agency")
            .get(pk=case.pk)
        )
        existing = TriageResult.objects.filter(case=case).first()
        if existing is not None:
            return existing
        return _triage(locked)


def _triage(case: Case) -> TriageResult:
    text = case.description
    policy = holds.policy_for(case.pemda)
    result = TriageResult(
        case=case,
        signature=similarity.text_signature(text).to_json(),
        text_key=identical_text_key(text),
    )
    _place(case, text, result)
    _emergency(case, text, result)
    result.personal_data = [asdict(m) for m in find_personal_data(text)]
    _abuse(case, text, result)
    result.duplicates = _duplicates(case, result)
    # An emergency is never held: many people sending "kebakaran!" is an incident, not a flood.
    emergency = case.priority == Priority.EMERGENCY
    reasons = [] if emergency else holds.hold_reasons(case, result.text_key, policy)
    if reasons:
        holds.hold_record(case, result, reasons)
    else:
        _route(case, text, result)
    result.save()
    if not result.held:
        incidents.incident_suggest(case=case, result=result, policy=policy)
    return result


def triage_after_release(case: Case, result: TriageResult) -> None:
    """A held case released by the coordinator: route it and link it as triage would have."""
    case = Case.objects.select_related("pemda__region", "agency").get(pk=case.pk)
    _route(case, case.description, result)
    result.duplicates = _duplicates(case, result)
    incidents.incident_suggest(case=case, result=result, policy=holds.policy_for(case.pemda))


def _abuse(case: Case, text: str, result: TriageResult) -> None:
    """Flag insults for the staff who will read the case; the case is served all the same."""
    abuse = detect_abuse(text)
    result.abuse = {
        "is_abusive": abuse.is_abusive,
        "terms": list(abuse.terms),
        "severity": abuse.severity,
    }
    if not abuse.is_abusive:
        return
    note = (
        _("Pesan berisi kata kasar berat: %(terms)s. Tetap layani laporannya.")
        if abuse.severity == "severe"
        else _("Pesan bernada kasar: %(terms)s. Tetap layani laporannya.")
    )
    event_record(
        case=case,
        kind=EventKind.NOTE,
        note=note % {"terms": ", ".join(abuse.terms)},
        data={"triage": "abuse", "severity": abuse.severity},
    )


def _place(case: Case, text: str, result: TriageResult) -> None:
    gazetteer = gazetteer_for(case.pemda)
    match = gazetteer.locate(text) if gazetteer is not None else None
    if match is None:
        return
    result.place = {"code": match.code, "name": match.name, "score": match.score}
    region = Region.objects.filter(code=match.code).first()
    if region is not None and case.region_id is None:
        case_set_region(case=case, region=region, actor=None, source="gazetteer")
        case.region = region


def _emergency(case: Case, text: str, result: TriageResult) -> None:
    signal = detect_emergency(text)
    result.emergency = {
        "is_emergency": signal.is_emergency,
        "kind": signal.kind,
        "confidence": signal.confidence,
        "reason": signal.reason,
    }
    if signal.is_emergency and case.priority != Priority.EMERGENCY:
        case_set_priority(case=case, priority=Priority.EMERGENCY, actor=None, note=signal.reason)
        case.priority = Priority.EMERGENCY


def _duplicates(case: Case, result: TriageResult) -> list[dict[str, Any]]:
    since = case.created_at - DUPLICATE_WINDOW
    # Held cases (floods) are left out until released: spam must not grow an incident.
    recent = (
        TriageResult.objects.filter(
            case__pemda=case.pemda, case__created_at__gte=since, case__status__in=OPEN_STATUSES
        )
        .exclude(case_id=case.pk)
        .exclude(held=True)
        .select_related("case__region")
        .order_by("-created_at")[:500]
    )
    views = []
    for row in recent:
        try:
            views.append(_incident(row.case, row.signature))
        except ValueError:  # a signature of an older version: skip rather than guess
            continue
    candidates = similarity.cluster_candidates(
        _incident(case, result.signature), views, threshold=DUPLICATE_THRESHOLD
    )
    return [{"case_id": case_id, "score": round(score, 3)} for case_id, score in candidates[:5]]


def _incident(case: Case, signature: str) -> similarity.IncidentView:
    return similarity.IncidentView(
        id=case.pk,
        signature=similarity.Signature.from_json(signature),
        at=case.created_at,
        region_code=case.region.code if case.region else None,
        lat=case.latitude,
        lng=case.longitude,
        reporter=str(case.contact_id) if case.contact_id else None,
    )


def _route(case: Case, text: str, result: TriageResult) -> None:
    loaded = router_for(case.pemda)
    if loaded is None:
        result.needs_review = case.agency_id is None
        return
    decision = loaded.router.route(text, k=3)
    result.model_version, result.confidence = loaded.version, decision.probability
    agencies = _agencies_for(case, [label for label, _p in decision.ranked])
    result.suggestions = [
        _suggestion(label, p, agencies.get(label)) for label, p in decision.ranked
    ]
    top = agencies.get(decision.label)
    confident = decision.probability >= effective_threshold(loaded.threshold, case.pemda)
    if case.agency_id is None and confident and top is not None:
        case_route(case=case, agency=top, actor=None, confidence=decision.probability)
        result.auto_routed = True
    result.needs_review = case.agency_id is None and not result.auto_routed


def effective_threshold(model_threshold: float, pemda: Pemda) -> float:
    """The model's own threshold (chosen by cross-validation for 95 % precision); when no
    threshold reaches that precision yet (a cold start on catalog examples), the Pemda's
    configured threshold decides, so the router still routes what it is very sure of."""
    return model_threshold if model_threshold < 1.0 else pemda.routing_threshold


def _suggestion(label: str, probability: float, agency: Agency | None) -> dict[str, Any]:
    return {
        "label": label,
        "probability": round(probability, 4),
        "agency_id": agency.pk if agency else None,
        "agency": agency.short_name if agency else None,
    }


def _agencies_for(case: Case, labels: list[str]) -> dict[str, Agency]:
    agencies = {
        a.code: a for a in Agency.objects.filter(pemda=case.pemda, code__in=labels, is_active=True)
    }
    if AREA_OFFICE in labels:
        office = _area_office(case)
        if office is not None:
            agencies[AREA_OFFICE] = office
    return agencies


def _area_office(case: Case) -> Agency | None:
    """Area-office work goes to the kecamatan office of the case's place, when known."""
    code = case.region.kecamatan_code if case.region else None
    if code is None:
        return None
    return Agency.objects.filter(
        pemda=case.pemda, kind=AgencyKind.KECAMATAN, region__code=code, is_active=True
    ).first()
