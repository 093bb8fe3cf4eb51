from __future__ import annotations

from sigap.regions import geometry
from sigap.regions.models import Region, RegionLevel


def region_at_point(
    *, lat: float, lng: float, level: str = RegionLevel.DESA_KELURAHAN
) -> Region | None:
    """The region of ``level`` whose imported boundary contains the point, if any."""
    candidates = Region.objects.filter(
        level=level,
        min_lat__lte=lat,
        max_lat__gte=lat,
        min_lng__lte=lng,
        max_lng__gte=lng,
    ).only("id", "code", "name", "level", "parent_id", "boundary")
    for region in candidates:
        if region.boundary and geometry.contains(region.boundary, lat, lng):
            return region
    return None


def kecamatan_of(region: Region | None) -> Region | None:
    if region is None:
        return None
    if region.level == RegionLevel.KECAMATAN:
        return region
    if region.level == RegionLevel.DESA_KELURAHAN:
        return region.parent
    return None
