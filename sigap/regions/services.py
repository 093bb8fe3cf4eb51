"""Import Kemendagri codes (CSV) and boundaries (GeoJSON)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from sigap.core.errors import DomainError
from sigap.regions import geometry
from sigap.regions.models import Region, RegionLevel

_LEVEL_BY_SEGMENTS = {
    1: RegionLevel.PROVINSI,
    2: RegionLevel.KABUPATEN_KOTA,
    3: RegionLevel.KECAMATAN,
    4: RegionLevel.DESA_KELURAHAN,
}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    boundaries: int = 0
    skipped: int = 0


def _level_for(code: str) -> str:
    segments = code.count(".") + 1
    if segments not in _LEVEL_BY_SEGMENTS:
        raise DomainError(_("Kode wilayah tidak sah: %(code)s") % {"code": code})
    return _LEVEL_BY_SEGMENTS[segments]


def _village_kind(code: str) -> str:
    if code.count(".") != 3:
        return ""
    return {"1": "kelurahan", "2": "desa"}.get(code.split(".")[3][:1], "")


def _parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


@transaction.atomic
def regions_import_csv(*, path: Path, code_prefix: str = "") -> ImportResult:
    """Read the Kemendagri layout (``kode,nama[,level,...]``); parents are derived from codes.

    ``code_prefix`` limits the import (e.g. ``32.04`` for one kabupaten and its ancestors).
    """
    result = ImportResult()
    rows = _read_code_rows(path)
    if code_prefix:
        wanted_ancestors = _ancestor_codes(code_prefix)
        rows = [r for r in rows if r[0].startswith(code_prefix) or r[0] in wanted_ancestors]
    existing = {r.code: r for r in Region.objects.all()}
    # Level by level, in bulk: parents get their ids before their children are written.
    for depth in range(4):
        level_rows = [r for r in rows if r[0].count(".") == depth]
        to_create: list[Region] = []
        to_update: list[Region] = []
        for code, name in level_rows:
            parent = existing.get(_parent_code(code) or "")
            region = existing.get(code) or Region(code=code)
            region.name, region.level, region.parent = name, _level_for(code), parent
            region.village_kind = _village_kind(code)
            (to_update if region.pk else to_create).append(region)
        Region.objects.bulk_create(to_create, batch_size=2000)
        Region.objects.bulk_update(
            to_update, ["name", "level", "parent", "village_kind"], batch_size=2000
        )
        result.created += len(to_create)
        result.updated += len(to_update)
        existing.update({r.code: r for r in to_create})
    return result


def _ancestor_codes(code: str) -> set[str]:
    parts = code.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def _read_code_rows(path: Path) -> list[tuple[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"kode", "nama"} <= set(reader.fieldnames):
                raise DomainError(_("Berkas CSV wilayah harus punya kolom 'kode' dan 'nama'."))
            return [
                (row["kode"].strip(), row["nama"].strip())
                for row in reader
                if row.get("kode", "").strip()
            ]
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(_("Berkas wilayah tidak dapat dibaca: %(err)s") % {"err": exc}) from exc


@transaction.atomic
def regions_import_geojson(*, path: Path) -> ImportResult:
    """Attach boundaries and centroids to regions already imported (matched on ``kode``)."""
    result = ImportResult()
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DomainError(_("Berkas GeoJSON tidak dapat dibaca: %(err)s") % {"err": exc}) from exc
    if collection.get("type") != "FeatureCollection":
        raise DomainError(_("GeoJSON harus berupa FeatureCollection."))
    regions = {r.code: r for r in Region.objects.all()}
    for feature in collection.get("features", []):
        props = feature.get("properties") or {}
        region = regions.get(str(props.get("kode", "")))
        geom = feature.get("geometry")
        box = geometry.bbox(geom) if geom else None
        if region is None or box is None:
            result.skipped += 1
            continue
        region.boundary = geom
        region.min_lat, region.max_lat, region.min_lng, region.max_lng = box
        region.centroid_lat = props.get("lat_centroid", region.centroid_lat)
        region.centroid_lng = props.get("lng_centroid", region.centroid_lng)
        region.save()
        result.boundaries += 1
    return result


def regions_import(*, path: Path, code_prefix: str = "") -> ImportResult:
    if path.suffix.lower() in {".geojson", ".json"}:
        return regions_import_geojson(path=path)
    if path.suffix.lower() == ".csv":
        return regions_import_csv(path=path, code_prefix=code_prefix)
    raise DomainError(_("Format berkas tidak dikenal: gunakan .csv atau .geojson."))
