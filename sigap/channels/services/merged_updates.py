"""Reporters whose case was merged into another hear what happens to it.

A merge folds a duplicate into the main case: the duplicate is closed as *digabung* and its
reporter would otherwise hear nothing again, though their problem is still being handled.
They are told when the merge happens (which case carries on, who handles it) and, when the main
case is resolved, what was done. Messages go on the channel each reporter last wrote from;
walk-in and letter reporters have none and are told by staff.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from sigap.cases.models import Case, CaseStatus
from sigap.channels.models import OutboundMessage
from sigap.channels.services.outbox import outbound_create
from sigap.channels.services.ratings import citizen_channel, resolution_text
from sigap.routing.detectors.pii import mask_personal_data

logger = logging.getLogger(__name__)

PURPOSE = "status_update"


def merged_case_changed(case_id: int, change: str) -> None:
    """The case hook: a merge tells the merged reporter (the resolution of the main case is
    passed on by the rating hook, which reads the resolved case anyway)."""
    if change != "merged":
        return
    try:
        case = Case.objects.select_related("merged_into__agency").get(pk=case_id)
        if case.status == CaseStatus.MERGED:
            merged_notice_send(case=case)
    except Exception:  # the merge stands; the timeline shows no message
        logger.exception("merge notice for case %s failed", case_id)


def merged_resolutions_send(*, into: Case) -> list[OutboundMessage]:
    """The resolution of ``into`` to each reporter whose case was merged into it."""
    merged = into.merged_cases.filter(status=CaseStatus.MERGED)
    sent = [merged_resolution_send(merged=case, into=into) for case in merged]
    return [message for message in sent if message is not None]


def merged_notice_send(*, case: Case) -> OutboundMessage | None:
    into = case.merged_into
    target = citizen_channel(case)
    if into is None or target is None:
        return None
    handler = into.agency.name if into.agency else _("petugas verifikasi")
    text = _(
        "Laporan Anda %(number)s membahas kejadian yang sama dengan laporan %(into)s, sehingga "
        "keduanya digabung dan ditangani bersama oleh %(agency)s. Kami akan mengabari Anda "
        "melalui kanal ini ketika penanganannya selesai."
    ) % {"number": case.tracking_number, "into": into.tracking_number, "agency": handler}
    account, identity = target
    return outbound_create(
        case=case, account=account, identity=identity, text=text, purpose=PURPOSE,
        idempotency_key=f"merged:{case.pk}:{into.pk}",
    )  # fmt: skip


def merged_resolution_send(*, merged: Case, into: Case) -> OutboundMessage | None:
    target = citizen_channel(merged)
    if target is None or into.resolved_at is None:
        return None
    lines = [
        _("Laporan %(into)s, yang menggabungkan laporan Anda %(number)s, telah selesai ditangani.")
        % {"into": into.tracking_number, "number": merged.tracking_number}
    ]
    # What was done is written for the main case's own reporter: another citizen gets it only
    # from a case that is neither confidential nor anonymous, and with personal data masked.
    shareable = not (into.is_confidential or into.is_anonymous)
    resolution = mask_personal_data(resolution_text(into)) if shareable else ""
    if resolution:
        lines.append(_("Hasil penanganan: %(text)s") % {"text": resolution})
    lines.append(_("Jika masalah Anda belum selesai, balas pesan ini dengan keterangannya."))
    account, identity = target
    stamp = int(into.resolved_at.timestamp())
    return outbound_create(
        case=merged, account=account, identity=identity, text="\n".join(lines), purpose=PURPOSE,
        idempotency_key=f"merged-resolved:{merged.pk}:{into.pk}:{stamp}",
    )  # fmt: skip
