"""Staff-maintained other names of desa and kecamatan (the Django side of the gazetteer).

The rest of this package is pure Python; this module reads and writes `RegionAlias` rows and
is imported by triage only. A saved alias reaches this process's gazetteer at once and other
processes within `GAZETTEER_TTL_SECONDS` (their cached gazetteer is rebuilt).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from sigap.agencies.models import Pemda
from sigap.core.errors import Conflict, DomainError
from sigap.regions.models import Region, RegionLevel
from sigap.routing.gazetteer.text import compact
from sigap.routing.models import RegionAlias

ALIAS_LEVELS = (RegionLevel.KECAMATAN, RegionLevel.DESA_KELURAHAN)


def region_aliases(pemda: Pemda) -> dict[str, list[str]]:
    """Region code -> the Pemda's aliases for it, as `Gazetteer.from_regions` takes them."""
    aliases: dict[str, list[str]] = {}
    rows = RegionAlias.objects.filter(pemda_id=pemda.pk).values_list("region__code", "alias")
    for code, alias in rows:
        aliases.setdefault(code, []).append(alias)
    return aliases


def region_alias_validate(
    *, pemda: Pemda, region: Region, alias: str, exclude_id: int | None = None
) -> str:
    """The cleaned alias, or a DomainError saying what is wrong with it (`exclude_id`: the row
    being edited)."""
    alias = " ".join(alias.split())
    if not compact(alias):
        raise DomainError(_("Nama lain harus memuat huruf."), code="alias_empty")
    if region.level not in ALIAS_LEVELS:
        raise DomainError(
            _("Nama lain hanya untuk kecamatan atau desa/kelurahan."), code="alias_level"
        )
    if pemda.region is None or not region.code.startswith(pemda.region.code + "."):
        raise DomainError(
            _("%(region)s bukan wilayah %(pemda)s.") % {"region": region.name, "pemda": pemda},
            code="alias_region",
        )
    key = compact(alias)
    if compact(region.name) == key:
        raise DomainError(_("Nama lain sama dengan nama resminya."), code="alias_same")
    taken = RegionAlias.objects.filter(pemda_id=pemda.pk, region=region)
    if exclude_id is not None:
        taken = taken.exclude(pk=exclude_id)
    if any(compact(other) == key for other in taken.values_list("alias", flat=True)):
        raise Conflict(_("Nama lain ini sudah terdaftar untuk wilayah tersebut."))
    return alias


@transaction.atomic
def region_alias_create(*, pemda: Pemda, region: Region, alias: str, note: str = "") -> RegionAlias:
    """Record another name of a desa or kecamatan; the gazetteer uses it from now on."""
    from sigap.routing.triage import gazetteer_cache_clear  # triage imports this module

    cleaned = region_alias_validate(pemda=pemda, region=region, alias=alias)
    row = RegionAlias.objects.create(pemda=pemda, region=region, alias=cleaned, note=note.strip())
    transaction.on_commit(gazetteer_cache_clear)
    return row
