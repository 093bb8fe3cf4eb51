"""Floods held back for review: per-contact rate limits and identical texts sent again and again.

A held case is stored like any other (nothing is ever dropped) and its acknowledgement rules
change, but it is not routed to an agency: it waits in the coordinator's triage queue with the
reasons on its `TriageResult` until the coordinator releases it (it is then routed as usual) or
confirms it as spam (it is rejected with the reason on its timeline).

Limits come from the Pemda's `TriagePolicy` row, else from settings (`SIGAP_HOLD_*`), else from
the defaults below. Emergencies are never held: five people sending "kebakaran!" within the hour
are an incident, not a flood.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Pemda, User
from sigap.agencies.selectors import StaffScope, staff_scope
from sigap.cases import permissions
from sigap.cases.models import Case, CaseStatus, EventKind
from sigap.cases.selectors import case_visible_q
from sigap.cases.services import (
    CaseWrites,
    case_changed,
    case_transition,
    case_writes,
    event_record,
)
from sigap.core.errors import DomainError, NotFound, PermissionDenied
from sigap.routing.detectors.text import plain_key
from sigap.routing.models import HoldResolution, TriagePolicy, TriageResult

if TYPE_CHECKING:
    from sigap.channels.models import OutboundMessage
    from sigap.contacts.models import ContactIdentity

# An identical short text from many people is a greeting ("Assalamualaikum min", "p"), not a
# campaign: the many-contacts rule needs at least this many words.
IDENTICAL_MIN_WORDS = 6


@dataclass(frozen=True)
class HoldPolicy:
    contact_max_per_hour: int = 5
    contact_max_per_day: int = 20
    flood_window_minutes: int = 60
    identical_max_per_contact: int = 2
    identical_max_contacts: int = 4
    ack_window_hours: int = 24
    incident_min_reporters: int = 5


_FIELDS = tuple(HoldPolicy.__dataclass_fields__)


def policy_for(pemda: Pemda) -> HoldPolicy:
    """The Pemda's own limits, or the deployment's (settings), or the defaults."""
    return _policy_read(pemda.pk)


def _policy_read(pemda_id: int) -> HoldPolicy:
    row = TriagePolicy.objects.filter(pemda_id=pemda_id).first()
    if row is not None:
        return HoldPolicy(**{name: getattr(row, name) for name in _FIELDS})
    defaults = HoldPolicy()
    return HoldPolicy(
        **{
            name: int(getattr(settings, f"SIGAP_HOLD_{name.upper()}", getattr(defaults, name)))
            for name in _FIELDS
        }
    )


# The limits as triage and the incident task apply them: re-read at most this often per
# process, like the router (`training.RECHECK_SECONDS`); an edited policy applies within that
# time (the admin clears this process's copy at once).
POLICY_TTL_SECONDS = 30.0
_policies: dict[int, tuple[float, HoldPolicy]] = {}


def policy_cached(pemda_id: int) -> HoldPolicy:
    """``policy_for``, read at most every ``POLICY_TTL_SECONDS`` per process."""
    cached = _policies.get(pemda_id)
    if cached is not None and time.monotonic() - cached[0] < POLICY_TTL_SECONDS:
        return cached[1]
    policy = _policy_read(pemda_id)
    _policies[pemda_id] = (time.monotonic(), policy)
    return policy


def policy_cache_clear() -> None:
    _policies.clear()


def hold_reasons(case: Case, text_key: str, policy: HoldPolicy) -> list[dict[str, Any]]:
    """Why the new `case` should be held, or [] (it is then triaged as usual)."""
    reasons = []
    minutes = policy.flood_window_minutes
    contact_id = case.contact_id
    many = len(plain_key(case.description).split()) >= IDENTICAL_MIN_WORDS
    counts = _flood_counts(case, text_key, policy, with_contacts=many)
    same = _same_text_counts(contact_id, counts.senders, with_contacts=many)
    if contact_id is not None:
        reasons += _contact_rate(counts, policy)
        repeats = same["from_contact"] + 1  # + this case
        if repeats > policy.identical_max_per_contact:
            message = _("Teks yang sama dikirim %(count)d kali oleh kontak ini dalam %(minutes)d "
                        "menit.") % {"count": repeats, "minutes": minutes}  # fmt: skip
            reasons.append(
                _reason("identical_contact", repeats, policy.identical_max_per_contact, message)
            )
    if many:
        contacts = same["contacts"] + same["anonymous"] + 1
        if contacts > policy.identical_max_contacts:
            message = _("Teks yang sama dikirim oleh %(count)d kontak berbeda dalam %(minutes)d "
                        "menit.") % {"count": contacts, "minutes": minutes}  # fmt: skip
            reasons.append(
                _reason("identical_contacts", contacts, policy.identical_max_contacts, message)
            )
    return reasons


def _reason(code: str, count: int, limit: int, message: str) -> dict[str, Any]:
    return {"code": code, "count": count, "limit": limit, "message": message}


@dataclass(frozen=True)
class _FloodCounts:
    senders: list[int | None]  # the contact of each other case with the same text lately
    hour: int  # the contact's cases in the hour up to this one (this one included)
    day: int  # and in the day


# One round trip for both questions, on every new case: the contact of every other case with
# the same text in the window (rows tagged "s"), and the contact's cases in the last day and
# hour (one row tagged "r"). Each part is left out when there is nothing to count.
_SAME_TEXT_SQL = """
SELECT 's', c.contact_id, 0 FROM routing_triageresult t
JOIN cases_case c ON c.id = t.case_id
WHERE t.text_key = %s AND t.created_at >= %s AND c.pemda_id = %s AND t.case_id <> %s"""
_CONTACT_RATE_SQL = """
SELECT 'r', COUNT(*), COUNT(CASE WHEN created_at > %s THEN 1 END) FROM cases_case
WHERE contact_id = %s AND created_at <= %s AND created_at > %s"""


def _flood_counts(
    case: Case, text_key: str, policy: HoldPolicy, *, with_contacts: bool
) -> _FloodCounts:
    """Counted from plain rows: usually there are no senders at all, and the ORM's aggregate
    with filters costs more than the counting (measured by ``bench.intake_profile``)."""
    adapt = connection.ops.adapt_datetimefield_value
    parts: list[str] = []
    params: list[Any] = []
    if case.contact_id is not None or with_contacts:
        since = timezone.now() - timedelta(minutes=policy.flood_window_minutes)
        parts.append(_SAME_TEXT_SQL)
        params += [text_key, adapt(since), case.pemda_id, case.pk]
    if case.contact_id is not None:
        at = case.created_at
        parts.append(_CONTACT_RATE_SQL)
        params += [
            adapt(at - timedelta(hours=1)), case.contact_id, adapt(at),
            adapt(at - timedelta(days=1)),
        ]  # fmt: skip
    senders: list[int | None] = []
    hour = day = 0
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for tag, first, second in cursor.fetchall():
                if tag == "s":
                    senders.append(first)
                else:
                    day, hour = first, second
    return _FloodCounts(senders=senders, hour=hour, day=day)


def _contact_rate(counts: _FloodCounts, policy: HoldPolicy) -> list[dict[str, Any]]:
    """The hour's limit first; the day's matters only when the hour is within its limit."""
    hour, limit = counts.hour, policy.contact_max_per_hour
    if hour > limit:
        message = _("Kontak ini mengirim %(count)d laporan baru dalam satu jam (batas "
                    "%(limit)d).") % {"count": hour, "limit": limit}  # fmt: skip
        return [_reason("contact_hour", hour, limit, message)]
    day, limit = counts.day, policy.contact_max_per_day
    if day > limit:
        message = _("Kontak ini mengirim %(count)d laporan baru dalam sehari (batas "
                    "%(limit)d).") % {"count": day, "limit": limit}  # fmt: skip
        return [_reason("contact_day", day, limit, message)]
    return []


def _same_text_counts(
    mine: int | None, senders: list[int | None], *, with_contacts: bool
) -> dict[str, int]:
    """How often this case's contact sent the same text, and how many other contacts did
    (cases without a contact count one each)."""
    others = {sender for sender in senders if sender is not None and sender != mine}
    return {
        "from_contact": sum(1 for sender in senders if mine is not None and sender == mine),
        "contacts": len(others) if with_contacts else 0,
        "anonymous": sum(1 for sender in senders if sender is None) if with_contacts else 0,
    }


def hold_record(
    case: Case,
    result: TriageResult,
    reasons: list[dict[str, Any]],
    *,
    writes: CaseWrites | None = None,
) -> None:
    """Mark the triage held and say why on the timeline (the result is saved by the caller;
    the case's flag and note with ``writes`` when the caller gathers its changes)."""
    result.held, result.hold_reasons, result.needs_review = True, reasons, True
    with case_writes(case, writes) as pending:
        # The case's copy of the flag keeps it out of agency inboxes (``Case.is_held``).
        pending.columns(is_held=True)
        pending.event(
            kind=EventKind.NOTE,
            note=_("Ditahan untuk ditinjau koordinator: %(reasons)s")
            % {"reasons": " ".join(r["message"] for r in reasons)},
            data={"triage": "held", "reasons": [r["code"] for r in reasons]},
        )


def held_case_list(scope: StaffScope) -> QuerySet[Case]:
    """Cases waiting for a hold decision that the viewer may see, oldest first."""
    return (
        Case.objects.filter(case_visible_q(scope), triage__held=True)
        .select_related("agency", "region", "triage")
        .order_by("created_at", "id")
    )


def _held_triage(case: Case, actor: User) -> TriageResult:
    """The case's held triage row, locked; only the Pemda's coordinator decides a hold."""
    scope = staff_scope(actor)
    if not permissions.can_view(scope, case):
        raise NotFound(_("Laporan tidak ditemukan."))
    if not scope.is_coordinator_of(case.pemda_id):
        raise PermissionDenied(_("Hanya koordinator yang dapat memutuskan laporan yang ditahan."))
    result = TriageResult.objects.select_for_update().filter(case_id=case.pk).first()
    if result is None or not result.held:
        raise DomainError(_("Laporan ini tidak sedang ditahan."), code="not_held")
    return result


def _resolve(result: TriageResult, actor: User, resolution: str) -> None:
    result.held, result.hold_resolution = False, resolution
    Case.objects.filter(pk=result.case_id).update(is_held=False)
    result.hold_resolved_by, result.hold_resolved_at = actor, timezone.now()


@transaction.atomic
def case_hold_release(*, case: Case, actor: User) -> TriageResult:
    """Not a flood after all: route the case as triage would have and put it in incidents."""
    from sigap.routing.incidents import incidents_lock  # incidents imports this module
    from sigap.routing.triage import triage_after_release  # triage imports this module

    incidents_lock(case.pemda_id)  # first: it joins an incident, as the incident task does
    result = _held_triage(case, actor)
    _resolve(result, actor, HoldResolution.RELEASED)
    event_record(
        case=case,
        kind=EventKind.NOTE,
        actor=actor,
        note=_("Dilepas dari penahanan; laporan diproses seperti biasa."),
        data={"triage": "hold_released"},
    )
    triage_after_release(case, result)
    result.save()
    case_changed(case, "hold_released")
    return result


@transaction.atomic
def case_hold_confirm_spam(*, case: Case, actor: User, note: str) -> TriageResult:
    """A flood indeed: reject the case with the coordinator's reason on its timeline."""
    if not note.strip():
        raise DomainError(_("Tuliskan alasan laporan ini dianggap spam."), code="note_required")
    result = _held_triage(case, actor)
    if case.status not in {CaseStatus.NEW, CaseStatus.VERIFIED}:
        raise DomainError(_("Laporan ini sudah diproses; tidak dapat ditolak sebagai spam."))
    case_transition(
        case=case,
        to_status=CaseStatus.REJECTED,
        actor=actor,
        note=_("Spam: %(note)s") % {"note": note.strip()},
    )
    _resolve(result, actor, HoldResolution.SPAM)
    result.needs_review = False
    result.save()
    return result


def acknowledgement_covering(
    case: Case, identity: ContactIdentity, *, held: bool | None = None
) -> OutboundMessage | None:
    """For a held case, the acknowledgement its contact already received within the window:
    that one stands for this case too, so a flood never makes Sigap flood back. None means
    this case gets its own acknowledgement. ``held`` spares the look-up when it is known."""
    from sigap.channels.models import OutboundMessage

    if held is None:
        held = TriageResult.objects.filter(case_id=case.pk, held=True).exists()
    if not held:
        return None
    since = timezone.now() - timedelta(hours=policy_for(case.pemda).ack_window_hours)
    return (
        OutboundMessage.objects.filter(
            purpose="ack", identity__contact_id=identity.contact_id, created_at__gte=since
        )
        .order_by("created_at", "id")
        .first()
    )
