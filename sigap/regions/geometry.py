"""Point-in-polygon on GeoJSON rings (lng, lat order), enough for desa-sized polygons."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Ring = Sequence[Sequence[float]]


def _in_ring(lng: float, lat: float, ring: Ring) -> bool:
    inside = False
    count = len(ring)
    j = count - 1
    for i in range(count):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        # Ray casting: count edges crossed by a ray going east from the point.
        if (yi > lat) != (yj > lat) and lng < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _polygons(geometry: dict[str, Any]) -> Iterable[list[Ring]]:
    if geometry.get("type") == "Polygon":
        yield geometry["coordinates"]
    elif geometry.get("type") == "MultiPolygon":
        yield from geometry["coordinates"]


def contains(geometry: dict[str, Any], lat: float, lng: float) -> bool:
    for rings in _polygons(geometry):
        inside_outer = bool(rings) and _in_ring(lng, lat, rings[0])
        if inside_outer and not any(_in_ring(lng, lat, hole) for hole in rings[1:]):
            return True
    return False


def bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """(min_lat, max_lat, min_lng, max_lng) of all outer rings."""
    lats: list[float] = []
    lngs: list[float] = []
    for rings in _polygons(geometry):
        if rings:
            lngs.extend(p[0] for p in rings[0])
            lats.extend(p[1] for p in rings[0])
    if not lats:
        return None
    return min(lats), max(lats), min(lngs), max(lngs)
