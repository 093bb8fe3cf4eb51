"""Label helpers: collapsing area offices (kelurahan/kecamatan/desa) into one routing label.

Which kelurahan or kecamatan office handles a complaint is decided by the complaint's location,
not by its wording; the text classifier only has to say "this is area-office work".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

AREA_OFFICE = "AREA_OFFICE"

_AREA_OFFICE_NAME = re.compile(
    r"^\s*(?:kantor\s+)?(?:kelurahan|kecamatan|desa|kel\.|kec\.)\s", re.IGNORECASE
)


def collapse_area_office(label: str) -> str:
    """`Kelurahan Ploso`, `Kecamatan Gubeng`, `Desa Sukamaju` -> `AREA_OFFICE`; others as is."""
    return AREA_OFFICE if _AREA_OFFICE_NAME.match(label) else label


def collapse_area_offices(labels: Iterable[str]) -> list[str]:
    return [collapse_area_office(label) for label in labels]
