"""Triage of one case: route it, place it, flag emergencies, personal data, abuse, duplicates."""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sigap.agencies.models import Agency, AgencyKind, Pemda
from sigap.cases.models import OPEN_STATUSES, Case, EventKind
from sigap.cases.services import (
    CaseWrites,
    case_route_locked,
    case_set_priority_locked,
    case_set_region_locked,
    case_state_settled,
)
from sigap.catalog.models import Priority
from sigap.regions.models import Region
from sigap.routing import holds, incidents, similarity
from sigap.routing.detectors import detect_abuse, detect_emergency, find_personal_data
from sigap.routing.detectors.emergency import EmergencySignal
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


def gazetteer_cache_clear() -> None:
    """Empty triage's per-process caches: gazetteers and hold policies."""
    _gazetteers.clear()
    holds.policy_cache_clear()


# What triage and, after it, the intake's SLA clock and acknowledgement read of the case; the
# agency's roster setting is what the auto-assignment hook asks (``case_row_for_hooks``). No
# category: a channel case has none yet (one set meanwhile is read when the clock needs it).
_LOCKED_WITH = ("pemda", "region", "agency__roster_setting")


@dataclass(frozen=True)
class TriageRun:
    """A triage and the case row it locked, as triage left it: the caller's transaction holds
    the lock, so the channel intake goes on with this row (SLA clock, acknowledgement)."""

    case: Case  # with its Pemda, region and agency loaded
    result: TriageResult
    fresh: bool  # triaged by this run; False: an earlier run's result was found


def case_triage(case: Case) -> TriageResult:
    """Run once per case (idempotent): the result is stored and acted on at once."""
    return case_triage_run(case).result


def case_triage_run(case: Case) -> TriageRun:
    """``case_triage``, handing back the locked row too (see ``TriageRun``)."""
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
            .select_related(*_LOCKED_WITH)
            .defer("region__boundary")  # a polygon, never read here
            .get(pk=case.pk)
        )
        # Nearly always none: the id only, the row (its JSON) read only when there is one.
        existing = TriageResult.objects.filter(case_id=case.pk).values_list("pk", flat=True)
        if (existing_id := existing.first()) is not None:
            return TriageRun(locked, TriageResult.objects.get(pk=existing_id), fresh=False)
        return TriageRun(locked, _triage(locked, holds.policy_cached(locked.pemda_id)), fresh=True)


def _triage(case: Case, policy: holds.HoldPolicy) -> TriageResult:
    text = case.description
    result = TriageResult(
        case=case,
        signature=similarity.text_signature(text).to_json(),
        text_key=identical_text_key(text),
    )
    # The case's own changes (place, priority, routing, notes) are written together at the
    # end: one UPDATE and one INSERT of timeline events. What triage reads from the database
    # meanwhile never depends on them (other cases, counts by contact and text, incidents).
    writes = CaseWrites(case)
    _place(case, text, result, writes)
    _emergency(case, text, result, writes)
    result.personal_data = [asdict(m) for m in find_personal_data(text)]
    _abuse(case, text, result, writes)
    result.duplicates = _duplicates(case, result)
    # An emergency is never held: many people sending "kebakaran!" is an incident, not a flood.
    emergency = case.priority == Priority.EMERGENCY
    reasons = [] if emergency else holds.hold_reasons(case, result.text_key, policy)
    if reasons:
        holds.hold_record(case, result, reasons, writes=writes)
    else:
        _route(case, text, result, writes)
    result.save()
    writes.flush()
    if result.duplicates and not result.held:
        # After the flush: a backend that runs tasks at once must find triage's writes done.
        _incident_bookkeeping_enqueue(case)
    case_state_settled(case.pk, TRIAGED)  # the queued triage task is not needed
    return result


def _incident_bookkeeping_enqueue(case: Case) -> None:
    """Linking the duplicates into an incident runs as its own task, after the citizen has
    been acknowledged: it writes rows that other reports of the incident share (their
    incident, its count, their priority), so inline it made every report of a busy incident
    wait on the others, and it was the largest part of triage (about 4 ms of 11 ms CPU). The
    task row is written in this transaction, committed with the triage; a task that fails or
    dies is made good by ``incidents.incidents_catch_up``."""
    from sigap.routing.tasks import case_incident_task  # the tasks module imports this one

    case_incident_task.enqueue(case_id=case.pk)


def triage_after_release(case: Case, result: TriageResult) -> None:
    """A held case released by the coordinator: route it and link it as triage would have
    (inside the release's transaction, holding the case's row lock as triage does)."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("pemda__region", "agency")
        .get(pk=case.pk)
    )
    _route(case, case.description, result)
    result.duplicates = _duplicates(case, result)
    incidents.incident_suggest(
        case=case, duplicates=result.duplicates, policy=holds.policy_for(case.pemda)
    )


def _abuse(case: Case, text: str, result: TriageResult, writes: CaseWrites) -> None:
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
    writes.event(
        kind=EventKind.NOTE,
        note=note % {"terms": ", ".join(abuse.terms)},
        data={"triage": "abuse", "severity": abuse.severity},
    )


def _place(case: Case, text: str, result: TriageResult, writes: CaseWrites) -> None:
    places = _places_for(case.pemda)
    match = places.gazetteer.locate(text) if places is not None else None
    if match is None or places is None:
        return
    result.place = {"code": match.code, "name": match.name, "score": match.score}
    region = places.regions.get(match.code)
    if region is not None and case.region_id is None:
        case_set_region_locked(
            case=case, region=region, actor=None, source="gazetteer", writes=writes
        )


def _emergency(case: Case, text: str, result: TriageResult, writes: CaseWrites) -> None:
    signal = detect_emergency(text)
    result.emergency = {
        "is_emergency": signal.is_emergency,
        "kind": signal.kind,
        "confidence": signal.confidence,
        "reason": signal.reason,
    }
    if signal.is_emergency:
        result.emergency["summary"] = emergency_summary(signal)
    if signal.is_emergency and case.priority != Priority.EMERGENCY:
        case_set_priority_locked(
            case=case,
            priority=Priority.EMERGENCY,
            actor=None,
            note=result.emergency["summary"],
            writes=writes,
        )


EMERGENCY_KINDS = {
    "fire": gettext_lazy("kebakaran"),
    "flood": gettext_lazy("banjir"),
    "landslide": gettext_lazy("tanah longsor"),
    "traffic_accident": gettext_lazy("kecelakaan lalu lintas"),
    "violence": gettext_lazy("kekerasan"),
    "medical": gettext_lazy("kedaruratan medis"),
    "other": gettext_lazy("kedaruratan lain"),
}


def emergency_summary(signal: EmergencySignal) -> str:
    """Why the message was read as an emergency, for the command center in its own words; the
    detector's reason (scores and rule names) stays in the triage result as technical detail."""
    kind = EMERGENCY_KINDS.get(signal.kind or "", signal.kind or "")
    if signal.reason.startswith("text model"):
        return _("Darurat terdeteksi: %(kind)s (dikenali model teks, keyakinan %(score)s%%).") % {
            "kind": kind,
            "score": round(signal.confidence * 100),
        }
    words = ", ".join(f"“{word}”" for word in signal.matched[:6])
    return _("Darurat terdeteksi: %(kind)s, dari kata %(words)s.") % {"kind": kind, "words": words}


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


# The Pemda's most recent open, triaged cases that could score as the same incident: as plain
# values, in SQL written out once (the ORM built this statement afresh for every new case,
# ~1 ms of the triage). Held cases (floods) are left out until released: spam must not grow
# an incident.
_RECENT_TRIAGED_SQL = """
SELECT t.case_id, t.signature, c.created_at, r.code, c.latitude, c.longitude, c.contact_id
FROM routing_triageresult t
JOIN cases_case c ON c.id = t.case_id
LEFT JOIN regions_region r ON r.id = c.region_id
WHERE c.pemda_id = %s AND c.created_at >= %s AND c.status IN ({statuses})
  AND t.held = %s AND t.case_id <> %s{place}
ORDER BY t.created_at DESC
LIMIT 500"""
_IN_KECAMATAN = "c.region_id IS NULL OR r.code LIKE %s"
_WITH_POINT = " OR (c.latitude IS NOT NULL AND c.longitude IS NOT NULL)"


def _recent_triaged(case: Case) -> list[tuple[Any, ...]]:
    """Rows of (case id, signature, created at, region code, lat, lng, contact id)."""
    # No candidate further apart in time can reach the threshold, whatever its text and place.
    since = case.created_at - min(DUPLICATE_WINDOW, similarity.max_time_apart(DUPLICATE_THRESHOLD))
    place, place_params = _places_that_can_match(case)
    sql = _RECENT_TRIAGED_SQL.format(statuses=", ".join(["%s"] * len(OPEN_STATUSES)), place=place)
    params = [
        case.pemda_id, connection.ops.adapt_datetimefield_value(since), *OPEN_STATUSES,
        False, case.pk, *place_params,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [(row[0], row[1], _aware(row[2]), *row[3:]) for row in rows]


def _aware(value: Any) -> datetime:
    """A timestamp as the ORM would give it: SQLite hands back naive UTC (or text)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


def _places_that_can_match(case: Case) -> tuple[str, list[str]]:
    """Where a candidate must be to reach the threshold at all: an SQL condition (empty:
    anywhere) and its parameters.

    Two reports placed in different kecamatan get the place factor
    ``PLACE_DIFFERENT_KECAMATAN``; text and time are at most 1, so when that factor alone
    keeps the score under the threshold their rows need not be read: on a busy day most of
    the window lies elsewhere in the kabupaten. Kept: the kecamatan's own reports, reports
    without a region (an unknown place), and reports with a point when this one has a point
    too (two points are compared by distance, not by region).
    """
    ceiling = similarity.PLACE_DIFFERENT_KECAMATAN**similarity.PLACE_WEIGHT
    if case.region is None or ceiling >= DUPLICATE_THRESHOLD:
        return "", []
    # The kecamatan's code is the first 8 characters (PP.KK.CC), as similarity compares them;
    # region codes are digits and dots, nothing LIKE treats specially.
    condition = _IN_KECAMATAN
    if case.latitude is not None and case.longitude is not None:
        condition += _WITH_POINT
    return f" AND ({condition})", [case.region.code[:8] + "%"]


def _route(case: Case, text: str, result: TriageResult, writes: CaseWrites | None = None) -> None:
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
        case_route_locked(
            case=case, agency=top, actor=None, confidence=decision.probability, writes=writes
        )
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
    # With the roster setting, as the locked row's own agency (see ``_LOCKED_WITH``).
    found = Agency.objects.filter(pemda=case.pemda, code__in=labels, is_active=True)
    agencies = {a.code: a for a in found.select_related("roster_setting")}
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
    return (
        Agency.objects.filter(
            pemda=case.pemda, kind=AgencyKind.KECAMATAN, region__code=code, is_active=True
        )
        .select_related("roster_setting")
        .first()
    )
