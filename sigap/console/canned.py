"""Canned replies: the ones a case's agency may use, and their variables filled in.

Variables: {nomor} tracking number, {nama} the citizen's name (a neutral salutation for anonymous
cases, so an agency never learns it through a template), {instansi} the handling agency,
{tautan} the citizen's status link, {kategori} the category. Anything else is an error the
officer sees before sending, never a literal "{...}" in a message to a citizen.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sigap.cases.models import Case
from sigap.console.models import CannedReply
from sigap.core.errors import DomainError

VARIABLES = ("nomor", "nama", "instansi", "tautan", "kategori")


def canned_reply_list_for_case(case: Case) -> QuerySet[CannedReply]:
    """Active replies of the case's Pemda: Pemda-wide ones and those of the handling agency
    or any agency above it (an OPD's replies serve its units)."""
    replies = CannedReply.objects.filter(pemda_id=case.pemda_id, is_active=True)
    agency_ids = _lineage_ids(case)
    return replies.filter(Q(agency__isnull=True) | Q(agency_id__in=agency_ids)).order_by(
        "title", "id"
    )


def _lineage_ids(case: Case) -> list[int]:
    if case.agency is None:
        return []
    ids = [int(part) for part in case.agency.path.strip("/").split("/") if part.isdigit()]
    return ids or [case.agency.pk]


def canned_variables(case: Case, *, reveal_name: bool) -> dict[str, str]:
    from sigap.channels.services.replies import status_link

    name = ""
    if reveal_name and not case.is_anonymous and case.contact is not None:
        name = case.contact.display_name
    return {
        "nomor": case.tracking_number,
        "nama": name or _("Bapak/Ibu"),
        "instansi": case.agency.name if case.agency else _("Pemerintah Daerah"),
        "tautan": status_link(case),
        "kategori": case.category.name if case.category else _("umum"),
    }


def canned_render(body: str, variables: dict[str, str]) -> str:
    """Fill ``{variable}``s; unknown or malformed ones raise a ``DomainError`` naming them."""
    try:
        fields = [name for _literal, name, _spec, _conv in string.Formatter().parse(body)]
    except ValueError as exc:
        raise DomainError(
            _("Format balasan siap pakai rusak (kurung kurawal tidak berpasangan)."),
            code="canned_format",
        ) from exc
    unknown = sorted({name for name in fields if name is not None and name not in variables})
    if unknown:
        raise DomainError(
            _("Variabel tidak dikenal: %(names)s. Yang tersedia: %(known)s.")
            % {
                "names": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in VARIABLES),
            },
            code="canned_unknown_variable",
        )
    return body.format_map(variables)


@dataclass(frozen=True)
class CannedChoice:
    reply: CannedReply
    text: str = ""
    error: str = ""


def canned_choices_for_case(case: Case, *, reveal_name: bool) -> list[CannedChoice]:
    """Every usable reply rendered for this case, or with the error that keeps it unusable."""
    variables = canned_variables(case, reveal_name=reveal_name)
    choices = []
    for reply in canned_reply_list_for_case(case):
        try:
            choices.append(CannedChoice(reply=reply, text=canned_render(reply.body, variables)))
        except DomainError as exc:
            choices.append(CannedChoice(reply=reply, error=exc.message))
    return choices
