"""Plain data shapes of the gazetteer (no Django: the lead maps `Region` rows to these)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

KECAMATAN = "kecamatan"
DESA = "desa_kelurahan"
INDEXED_LEVELS = frozenset((KECAMATAN, DESA))


class RegionName(NamedTuple):
    """One region as the gazetteer needs it; `level` uses the `RegionLevel` values."""

    code: str
    name: str
    level: str
    parent_code: str | None

    @property
    def kecamatan_code(self) -> str | None:
        return self.code if self.level == KECAMATAN else self.parent_code


class PlaceMatch(NamedTuple):
    """A place found in a message. `alternatives` lists the other codes the same words could
    mean when the name is ambiguous (each of them is returned as its own match too)."""

    code: str
    name: str
    level: str
    start: int
    end: int
    score: float
    matched_text: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens [first, last) of the message that spell one or more indexed names."""

    first: int
    last: int
    keys: tuple[str, ...]
    distance: int
