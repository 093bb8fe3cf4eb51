"""One incident, many reporters: suggested links at triage, staff confirm or reject them.

At triage a new case's likely duplicates (`similarity.cluster_candidates`: text, place and
time) become suggested `CaseLink`s and the case joins the incident of the best one. A link to
the same reporter's open case is confirmed at once (someone re-sending). Staff confirm or reject
links; merging a duplicate uses `case_merge`. The incident's size, counted in distinct
reporters, is a priority signal: from `incident_min_reporters` on, its open cases become high
priority (never lowered, emergencies untouched), with a note on each timeline.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Pemda, User
from sigap.agencies.selectors import StaffScope, staff_scope
from sigap.cases import permissions
from sigap.cases.models import OPEN_STATUSES, Case, CaseStatus, EventKind
from sigap.cases.selectors import case_visible_q
from sigap.cases.services import (
    CaseWrites,
    case_merge,
    case_set_priority,
    case_set_priority_locked,
    case_writes,
    event_record,
)
from sigap.catalog.models import Priority
from sigap.core.errors import DomainError, NotFound, PermissionDenied
from sigap.routing.holds import HoldPolicy, policy_cached, policy_for
from sigap.routing.models import (
    CaseLink,
    Incident,
    IncidentMember,
    LinkReason,
    LinkStatus,
    TriageResult,
)

logger = logging.getLogger(__name__)

_RAISABLE = (Priority.LOW, Priority.NORMAL)


def incident_suggest(
    *,
    case: Case,
    duplicates: list[dict[str, Any]],
    policy: HoldPolicy,
    writes: CaseWrites | None = None,
) -> Incident | None:
    """Store triage's duplicate candidates (``TriageResult.duplicates``) as links and join the
    best one's incident; a case in an incident already keeps it (None).

    ``case`` is the row the caller holds locked: its note, and a priority raised by the
    incident's size, are set on it in place (written with ``writes`` when the caller gathers
    its changes)."""
    scores = {int(d["case_id"]): float(d["score"]) for d in duplicates}
    if not scores:
        return None
    # The candidates staff did not reject, and `case`, each with its incident: one query.
    rows = list(
        _not_rejected(
            _open_or(case).filter(pk__in=[*scores, case.pk], pemda_id=case.pemda_id), case
        )
        .select_related("incident_member__incident")
        .only("pk", "pemda_id", "contact_id", "status", *_MEMBER_FIELDS)
    )
    incident_of = {row.pk: incident for row in rows if (incident := _incident_loaded(row))}
    joined = sorted((row for row in rows if row.pk != case.pk), key=lambda o: -scores[o.pk])
    if not joined or case.pk in incident_of:
        return None
    _links_store(case, joined, scores)
    incident = _incident_join(case, joined, incident_of)
    counts = _incident_counts(incident)
    with case_writes(case, writes) as pending:
        _members_noted(incident, pending, counts["members"] - 1)
        return incident_refresh(incident, policy, counts=counts, writes=pending)


def incidents_lock(pemda_id: int) -> None:
    """Serialise the changes to one Pemda's incidents: the incident task, staff confirming or
    rejecting links, a held case released. Two of them at once lock the same cases in opposite
    orders (each its own case, then the members whose priority the incident raises) and
    deadlock. FOR NO KEY UPDATE of the Pemda row: inserting a case takes only KEY SHARE on it
    (its foreign key), so the intake never waits on this; SQLite serialises writers anyway."""
    Pemda.objects.select_for_update(no_key=True).filter(pk=pemda_id).values_list("pk").first()


def case_incident_link(case_id: int) -> Incident | None:
    """The incident bookkeeping triage leaves to a task (``case_incident_task``): the case's
    stored duplicates become links and an incident, in one transaction.

    Runs once per case: a case already in an incident (a repeated task, or staff who linked it
    meanwhile), held as a flood since, closed, or gone, is left as it is (None)."""
    stored = TriageResult.objects.filter(case_id=case_id, held=False)
    found = stored.values_list("case__pemda_id", "duplicates").first()
    if found is None or not found[1]:
        return None
    pemda_id, duplicates = found
    with transaction.atomic():
        incidents_lock(pemda_id)
        case = Case.objects.select_for_update(of=("self",)).filter(pk=case_id).first()
        if case is None:
            return None
        stored.update(incidents_checked_at=timezone.now())  # done, whatever comes of it
        if not case.is_open or case.is_held:  # closed or held as a flood since
            return None
        return incident_suggest(case=case, duplicates=duplicates, policy=policy_cached(pemda_id))


# A task that failed (an error, a worker killed) is made good after this long; before that it
# may simply be waiting behind a burst of intake.
CATCH_UP_AFTER = timedelta(minutes=10)
CATCH_UP_WINDOW = timedelta(days=2)
CATCH_UP_BATCH = 100


def incidents_catch_up(*, now: datetime | None = None) -> int:
    """Link the recent triaged cases whose incident task never finished; how many were linked.

    The database task backend does not retry a failed task, and a task whose worker was
    killed stays claimed: without this, such a report would never join its incident. A case
    counts as missed when triage found duplicates, it is open, not held, and neither in an
    incident nor in any link, and no task has checked it (``incidents_checked_at``: a case
    whose candidates all closed meanwhile is checked once, not every few minutes)."""
    now = now or timezone.now()
    in_incident = IncidentMember.objects.filter(case_id=OuterRef("case_id"))
    in_link = CaseLink.objects.filter(
        Q(low_id=OuterRef("case_id")) | Q(high_id=OuterRef("case_id"))
    )
    missed = (
        TriageResult.objects.filter(
            incidents_checked_at__isnull=True,
            held=False,
            created_at__gte=now - CATCH_UP_WINDOW,
            created_at__lte=now - CATCH_UP_AFTER,
            case__status__in=OPEN_STATUSES,
        )
        .exclude(duplicates=[])
        .filter(~Exists(in_incident), ~Exists(in_link))
        .order_by("created_at")
        .values_list("case_id", flat=True)[:CATCH_UP_BATCH]
    )
    linked = 0
    for case_id in list(missed):
        try:
            linked += case_incident_link(case_id) is not None
        except DatabaseError:  # the next run tries again; one case must not stop the rest
            logger.exception("incident catch-up failed for case %s", case_id)
    if linked:
        logger.warning("incident catch-up linked %d cases whose task never finished", linked)
    return linked


# What `incident_suggest` reads of a candidate's membership and incident.
_MEMBER_FIELDS = (
    "incident_member__case_id",
    "incident_member__incident_id",
    "incident_member__incident__pemda_id",
    "incident_member__incident__reporter_count",
    "incident_member__incident__priority_raised_at",
    "incident_member__incident__created_at",
)


def _incident_loaded(case: Case) -> Incident | None:
    """The incident of a case fetched with ``select_related("incident_member__incident")``."""
    try:
        return case.incident_member.incident
    except IncidentMember.DoesNotExist:
        return None


def _open_or(case: Case) -> QuerySet[Case]:
    """Open cases, and ``case`` whatever its status: a candidate closed since triage found it
    no longer joins (triage only considers open ones)."""
    return Case.objects.filter(Q(pk=case.pk) | Q(status__in=OPEN_STATUSES))


def _not_rejected(cases: QuerySet[Case], case: Case) -> QuerySet[Case]:
    """Leave out the cases staff said are not the same incident as `case` (subqueries)."""
    rejected = CaseLink.objects.filter(status=LinkStatus.REJECTED)
    return cases.exclude(pk__in=rejected.filter(low_id=case.pk).values("high_id")).exclude(
        pk__in=rejected.filter(high_id=case.pk).values("low_id")
    )


def _pair(a: Case, b: Case) -> tuple[Case, Case]:
    return (a, b) if a.pk < b.pk else (b, a)


def _links_store(case: Case, others: list[Case], scores: dict[int, float]) -> None:
    """Suggested links in one INSERT; a pair linked before keeps its link and decision."""
    links = []
    for other in others:
        # Re-sending is not a judgement call: the reporter's own open cases are linked at once.
        same = case.contact_id is not None and other.contact_id == case.contact_id and other.is_open
        low, high = _pair(case, other)
        links.append(
            CaseLink(
                low=low, high=high, score=scores[other.pk],
                reason=LinkReason.SAME_REPORTER if same else LinkReason.SIMILAR,
                status=LinkStatus.CONFIRMED if same else LinkStatus.SUGGESTED,
            )
        )  # fmt: skip
    CaseLink.objects.bulk_create(links, ignore_conflicts=True)


def _incident_join(case: Case, joined: list[Case], incident_of: dict[int, Incident]) -> Incident:
    """The best candidate's incident (made when it has none), joined by `case` and by every
    candidate not in an incident yet; a candidate in another incident stays there."""
    incident = incident_of.get(joined[0].pk) or Incident.objects.create(pemda_id=case.pemda_id)
    # ``incident_of`` was read without locking the candidates: two new reports of the same
    # thing, triaged at once, both find a candidate outside any incident and both add it. The
    # first to commit keeps it (a case is in one incident); the other skips it, not fails.
    IncidentMember.objects.bulk_create(
        (
            IncidentMember(incident=incident, case=c)
            for c in [case, *joined]
            if c.pk not in incident_of
        ),
        ignore_conflicts=True,
    )
    return incident


def _incident_of(case: Case) -> Incident | None:
    member = IncidentMember.objects.select_related("incident").filter(case_id=case.pk).first()
    return member.incident if member else None


def _incident_create(*cases: Case) -> Incident:
    incident = Incident.objects.create(pemda_id=cases[0].pemda_id)
    for case in cases:
        if _incident_of(case) is None:
            IncidentMember.objects.create(incident=incident, case=case)
    return incident


def _members_noted(incident: Incident, writes: CaseWrites, others: int) -> None:
    writes.event(
        kind=EventKind.NOTE,
        note=_("Kemungkinan kejadian yang sama dengan %(count)d laporan lain; periksa tautannya.")
        % {"count": others},
        data={"triage": "incident", "incident_id": incident.pk},
    )


def _incident_counts(incident: Incident) -> dict[str, int]:
    """Its members, and its distinct reporters (rejected cases left out), in one query."""
    kept = ~Q(status=CaseStatus.REJECTED)
    return Case.objects.filter(incident_member__incident=incident).aggregate(
        members=Count("pk"),
        known=Count("contact_id", distinct=True, filter=kept),
        anonymous=Count("pk", filter=kept & Q(contact__isnull=True)),
    )


def incident_refresh(
    incident: Incident,
    policy: HoldPolicy | None = None,
    *,
    counts: dict[str, int] | None = None,
    writes: CaseWrites | None = None,
) -> Incident:
    """Recount distinct reporters; a large incident makes its open cases high priority.
    ``counts``: ``_incident_counts`` when the caller has them already; ``writes``: the
    pending writes of a member whose row the caller holds locked (triage), raised in place."""
    counts = counts or _incident_counts(incident)
    incident.reporter_count = counts["known"] + counts["anonymous"]
    policy = policy or policy_for(incident.pemda)
    if incident.reporter_count >= policy.incident_min_reporters:
        raisable = Case.objects.filter(
            incident_member__incident=incident, status__in=OPEN_STATUSES, priority__in=_RAISABLE
        )
        # case_set_priority locks and reads each row itself: the id is all it needs here.
        _raise_priority(incident, raisable.only("pk"), writes)
    incident.save(update_fields=["reporter_count", "priority_raised_at"])
    return incident


def _raise_priority(incident: Incident, cases: Any, writes: CaseWrites | None) -> None:
    note = _("Dilaporkan oleh %(count)d warga sebagai satu kejadian: prioritas dinaikkan.") % {
        "count": incident.reporter_count
    }
    for case in cases:
        if writes is None or case.pk != writes.case.pk:
            case_set_priority(case=case, priority=Priority.HIGH, actor=None, note=note)
        # The locked row's priority may be pending (an emergency found by triage): its own.
        elif writes.case.priority in _RAISABLE:
            case_set_priority_locked(
                case=writes.case, priority=Priority.HIGH, actor=None, note=note, writes=writes
            )
    if incident.priority_raised_at is None:
        incident.priority_raised_at = timezone.now()


def _ensure_can_act(actor: User, *cases: Case) -> None:
    scope = staff_scope(actor)
    for case in cases:
        if not permissions.can_view(scope, case):
            raise NotFound(_("Laporan tidak ditemukan."))
        if not permissions.can_act(scope, case):
            raise PermissionDenied(_("Peran Anda hanya dapat membaca laporan ini."))


def _validate_pair(case: Case, other: Case, actor: User) -> None:
    if case.pk == other.pk:
        raise DomainError(_("Laporan tidak dapat ditautkan dengan dirinya sendiri."))
    if case.pemda_id != other.pemda_id:
        raise NotFound(_("Laporan tidak ditemukan."))
    _ensure_can_act(actor, case, other)


def _decide(case: Case, other: Case, actor: User, status: str) -> CaseLink:
    low, high = _pair(case, other)
    link, _created = CaseLink.objects.select_for_update().get_or_create(
        low=low, high=high, defaults={"score": 0.0, "reason": LinkReason.SIMILAR}
    )
    link.status, link.decided_by, link.decided_at = status, actor, timezone.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    return link


def _note_both(case: Case, other: Case, actor: User, message: str, kind: str) -> None:
    for one, two in ((case, other), (other, case)):
        event_record(
            case=one,
            kind=EventKind.NOTE,
            actor=actor,
            note=message % {"number": two.tracking_number},
            data={"triage": kind, "case_id": two.pk},
        )


@transaction.atomic
def incident_link_confirm(*, case: Case, other: Case, actor: User) -> Incident:
    """Staff say: one incident. Both cases end up in the same incident (incidents merge)."""
    incidents_lock(case.pemda_id)
    _validate_pair(case, other, actor)
    _decide(case, other, actor, LinkStatus.CONFIRMED)
    incident = _incidents_join(case, other)
    _note_both(case, other, actor, _("Dikonfirmasi satu kejadian dengan %(number)s."), "linked")
    return incident_refresh(incident)


def _incidents_join(case: Case, other: Case) -> Incident:
    """The one incident holding both cases afterwards: made, extended, or two merged."""
    mine, theirs = _incident_of(case), _incident_of(other)
    if mine is None and theirs is None:
        return _incident_create(case, other)
    if mine is None or theirs is None:
        incident = mine or theirs
        assert incident is not None
        IncidentMember.objects.create(incident=incident, case=other if theirs is None else case)
        return incident
    if theirs.pk != mine.pk:
        IncidentMember.objects.filter(incident=theirs).update(incident=mine)
        theirs.delete()
    return mine


@transaction.atomic
def incident_link_reject(*, case: Case, other: Case, actor: User) -> CaseLink:
    """Staff say: different incidents. The link is never suggested again and `case` leaves
    the shared incident unless a confirmed link holds it there (priority is never lowered)."""
    incidents_lock(case.pemda_id)
    _validate_pair(case, other, actor)
    link = _decide(case, other, actor, LinkStatus.REJECTED)
    mine, theirs = _incident_of(case), _incident_of(other)
    if mine is not None and theirs is not None and mine.pk == theirs.pk:
        leaving = other if _confirmed_in(case, mine) else case
        if not _confirmed_in(leaving, mine):
            IncidentMember.objects.filter(case=leaving).delete()
            _incident_tidy(mine)
    _note_both(case, other, actor, _("Bukan kejadian yang sama dengan %(number)s."), "unlinked")
    return link


def _confirmed_in(case: Case, incident: Incident) -> bool:
    members = IncidentMember.objects.filter(incident=incident).exclude(case=case)
    ids = list(members.values_list("case_id", flat=True))
    return CaseLink.objects.filter(
        Q(low=case, high_id__in=ids) | Q(high=case, low_id__in=ids), status=LinkStatus.CONFIRMED
    ).exists()


def _incident_tidy(incident: Incident) -> None:
    if incident.members.count() < 2:
        incident.delete()
    else:
        incident_refresh(incident)


@transaction.atomic
def incident_merge(*, case: Case, into: Case, actor: User, note: str = "") -> Case:
    """Staff fold a duplicate into the main case: a confirmed link, then `case_merge`."""
    incident_link_confirm(case=case, other=into, actor=actor)
    return case_merge(case=case, into=into, actor=actor, note=note)


@dataclass(frozen=True)
class RelatedCase:
    """A case related to the one on screen. `relation`: confirmed, suggested or incident (in
    the same incident without a direct link); `reason`: a `LinkReason` value or ""."""

    case: Case
    relation: str
    score: float | None
    reason: str


def case_related(scope: StaffScope, case: Case) -> list[RelatedCase]:
    """Confirmed and suggested related cases the viewer may see, confirmed first (4 queries)."""
    found: dict[int, tuple[str, float | None, str]] = {}
    rejected: set[int] = set()
    for link in CaseLink.objects.filter(Q(low=case) | Q(high=case)):
        other = link.high_id if link.low_id == case.pk else link.low_id
        if link.status == LinkStatus.REJECTED:
            rejected.add(other)
        else:
            found[other] = (link.status, link.score, link.reason)
    incident_id = IncidentMember.objects.filter(case=case).values_list("incident_id", flat=True)
    members = IncidentMember.objects.filter(incident_id__in=incident_id).exclude(case=case)
    for other in members.values_list("case_id", flat=True):
        if other not in rejected:
            found.setdefault(other, ("incident", None, ""))
    visible = Case.objects.filter(case_visible_q(scope), pk__in=found).select_related(
        "agency", "region"
    )
    related = [RelatedCase(c, *found[c.pk]) for c in visible]
    order = {LinkStatus.CONFIRMED: 0, LinkStatus.SUGGESTED: 1, "incident": 2}
    return sorted(related, key=lambda r: (order[r.relation], -(r.score or 0.0), r.case.pk))


def case_incident_size(case: Case) -> int:
    """Distinct reporters of the case's incident (1 when it stands alone)."""
    count = (
        Incident.objects.filter(members__case=case).values_list("reporter_count", flat=True).first()
    )
    return count or 1
