"""Triage of one case: route it, place it, flag emergencies, personal data, abuse, duplicates."""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, AgencyKind, Pemda
from sigap.cases.models import OPEN_STATUSES, Case, EventKind
from sigap.cases.services import (
    case_route,
    case_set_priority,
    case_set_region,
    case_state_settled,
    event_record,
)
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

# What `case_state_settled` calls a committed triage (the routing hook then enqueues no task).
TRIAGED = "triage"
DUPLICATE_WINDOW = timedelta(days=7)
DUPLICATE_THRESHOLD = 0.45
GAZETTEER_TTL_SECONDS = 300.0


@dataclass(frozen=True)
class _Places:
    gazetteer: Gazetteer
    regions: dict[str, Region]  # the rows it was built from, by code: no look-up per match


_gazetteers: dict[int, tuple[float, _Places]] = {}


def gazetteer_for(pemda: Pemda) -> Gazetteer | None:
    places = _places_for(pemda)
    return places.gazetteer if places is not None else None


def _places_for(pemda: Pemda) -> _Places | None:
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
    places = _Places(gazetteer, {region.code: region for region in regions})
    _gazetteers[pemda.pk] = (time.monotonic(), places)
    return places


# The Pemda's hold limits as triage applies them: re-read at most this often per process, like
# the router (`training.RECHECK_SECONDS`); an edited policy applies within that time.
POLICY_TTL_SECONDS = 30.0
_policies: dict[int, tuple[float, holds.HoldPolicy]] = {}


def _policy_for(pemda: Pemda) -> holds.HoldPolicy:
    cached = _policies.get(pemda.pk)
    if cached is not None and time.monotonic() - cached[0] < POLICY_TTL_SECONDS:
        return cached[1]
    policy = holds.policy_for(pemda)
    _policies[pemda.pk] = (time.monotonic(), policy)
    return policy


def gazetteer_cache_clear() -> None:
    """Empty triage's per-process caches: gazetteers and hold policies."""
    _gazetteers.clear()
    _policies.clear()


def case_triage(case: Case) -> TriageResult:
    """Run once per case (idempotent): the result is stored and acted on at once."""
    # No savepoint of its own: inside the channel intake's transaction a failure undoes that
    # whole transaction anyway (and is retried), and the task path starts a real one here.
    with transaction.atomic(savepoint=False):
        # A new channel case is triaged inline, and a re-delivery racing it may try too: the
        # row lock lets one run and the other find its result. The look-up comes after the
        # lock, in a statement of its own: on PostgreSQL a subquery of the locking statement
        # would read from before the wait and miss the result the other one committed. No
        # look-up before the lock: nearly always the case was created a moment ago.
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("pemda", "region")
            .defer("region__boundary")  # a polygon, never read here
            .get(pk=case.pk)
        )
        existing = TriageResult.objects.filter(case=case).first()
        if existing is not None:
            return existing
        return _triage(locked, _policy_for(locked.pemda))


def _triage(case: Case, policy: holds.HoldPolicy) -> TriageResult:
    text = case.description
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
    case_state_settled(case.pk, TRIAGED)  # the queued triage task is not needed
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
    places = _places_for(case.pemda)
    match = places.gazetteer.locate(text) if places is not None else None
    if match is None or places is None:
        return
    result.place = {"code": match.code, "name": match.name, "score": match.score}
    region = places.regions.get(match.code)
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
    # Only what scoring reads, as plain values: no model rows, no JSON fields decoded, and each
    # stored signature parsed once per process (`similarity.signature_parsed`).
    views = []
    for case_id, signature, at, region_code, lat, lng, contact_id in _recent_triaged(case):
        parsed = similarity.signature_parsed(signature)
        if parsed is None:  # a signature of an older version: skip rather than guess
            continue
        views.append(
            similarity.IncidentView(
                id=case_id, signature=parsed, at=at, region_code=region_code, lat=lat, lng=lng,
                reporter=str(contact_id) if contact_id else None,
            )
        )  # fmt: skip
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


def _recent_triaged(case: Case) -> Any:
    """The Pemda's most recent open, triaged cases that could score as the same incident."""
    # No candidate further apart in time can reach the threshold, whatever its text and place.
    since = case.created_at - min(DUPLICATE_WINDOW, similarity.max_time_apart(DUPLICATE_THRESHOLD))
    # Held cases (floods) are left out until released: spam must not grow an incident.
    return (
        TriageResult.objects.filter(
            case__pemda=case.pemda, case__created_at__gte=since, case__status__in=OPEN_STATUSES
        )
        .exclude(case_id=case.pk)
        .exclude(held=True)
        .order_by("-created_at")
        .values_list(
            "case_id", "signature", "case__created_at", "case__region__code", "case__latitude",
            "case__longitude", "case__contact_id",
        )[:500]
    )  # fmt: skip


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
