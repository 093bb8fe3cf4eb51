"""From matched spans to scored places: cue words, disambiguation and false-positive gates.

Score of one candidate, clamped to [0, 1] (the weights were set by hand on the tests' sentences):

    base        0.60 exact spelling, 0.50 one edit away, 0.40 two edits away
    + 0.30      a strong cue naming its level just before ("desa X", "kec. X", "kel X")
    + 0.20      a hamlet cue ("kp. X", "kampung X") - hamlets often share the desa's name
    + 0.10      a weak cue ("di X", "daerah X", "warga X"), or a strong cue of the other level
    + 0.05      "RT"/"RW" and a number within four words
    + 0.15      a related place also named: the desa's kecamatan, or a desa of the kecamatan
    + 0.05      exact, long (8+ letters) and not an ordinary word
    - 0.25      still ambiguous: the name is several places in different kecamatan (a
                kecamatan reading loses only 0.10: people name the larger area more often)
    - 0.15      a desa named like its own kecamatan when nothing says which one is meant
    - 0.15      after "jl."/"jalan" (a street named after the place, maybe elsewhere)
    - 0.25      after "RS", "stasiun", "tol"... (an institution named after the place)

Gates (a candidate failing one is dropped): names that are ordinary words ("Biru", "Rahayu")
need a strong cue, RT/RW or a related place; names under five letters need at least a weak cue;
typos need a cue or a related place unless the name is long and only one edit away.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sigap.routing.gazetteer.model import DESA, KECAMATAN, PlaceMatch, RegionName, Span
from sigap.routing.gazetteer.text import Token
from sigap.routing.gazetteer.words import (
    GENERIC_NAMES,
    NAMESAKE_WORDS,
    NEIGHBOURHOOD_WORDS,
    STREET_WORDS,
    STRONG_CUES,
    WEAK_CUES,
    CueLevel,
)

_ADDRESS_NUMBER = re.compile(r"[\s.:/-]{0,2}\d")
MIN_SCORE = 0.3
SHORT_NAME = 5
LONG_NAME = 8
NEIGHBOURHOOD_REACH = 4
_BASE = {0: 0.60, 1: 0.50, 2: 0.40}
_LEVEL_RANK = {DESA: 0, KECAMATAN: 1}


@dataclass(slots=True)
class Evidence:
    """What the message says around one span."""

    span: Span
    candidates: list[RegionName]
    cue: CueLevel | None = None
    strong_cue: bool = False
    weak_cue: bool = False
    level_mismatch: bool = False
    neighbourhood: bool = False
    related: bool = False
    generic: bool = False
    namesake_penalty: float = 0.0

    @property
    def key(self) -> str:
        return max(self.span.keys, key=len)

    @property
    def any_cue(self) -> bool:
        return self.strong_cue or self.weak_cue or self.neighbourhood or self.related


def score_spans(
    spans: Sequence[Span],
    tokens: Sequence[Token],
    text: str,
    by_key: Mapping[str, tuple[RegionName, ...]],
    generic: frozenset[str] = GENERIC_NAMES,
) -> list[PlaceMatch]:
    """Scored matches of `spans`, best first; `generic` lists names that are ordinary words."""
    evidence = [_read_evidence(span, tokens, text, by_key) for span in spans]
    for item in evidence:
        item.generic = item.key in generic
        _resolve_with_context(item, [other for other in evidence if other is not item])
    matches = [
        match for item in evidence if _passes_gates(item) for match in _emit(item, text, tokens)
    ]
    matches = [match for match in matches if match.score >= MIN_SCORE]
    return sorted(matches, key=lambda m: (-m.score, _LEVEL_RANK.get(m.level, 2), m.start))


def _read_evidence(
    span: Span, tokens: Sequence[Token], text: str, by_key: Mapping[str, tuple[RegionName, ...]]
) -> Evidence:
    candidates = list({r.code: r for key in span.keys for r in by_key[key]}.values())
    item = Evidence(span, candidates)
    before = _word_before(tokens, span.first)
    if before in STRONG_CUES:
        item.strong_cue, item.cue = True, STRONG_CUES[before]
    elif before in WEAK_CUES:
        item.weak_cue = True
    elif before in STREET_WORDS:
        item.namesake_penalty = 0.15
    elif before in NAMESAKE_WORDS:
        item.namesake_penalty = 0.25
    low, high = max(0, span.first - NEIGHBOURHOOD_REACH), span.last + NEIGHBOURHOOD_REACH
    item.neighbourhood = any(_is_address_number(t, text) for t in tokens[low:high])
    if item.cue in (CueLevel.DESA, CueLevel.KECAMATAN):
        wanted = DESA if item.cue is CueLevel.DESA else KECAMATAN
        same_level = [r for r in candidates if r.level == wanted]
        item.candidates = same_level or candidates
        item.level_mismatch = not same_level
    return item


def _word_before(tokens: Sequence[Token], index: int) -> str:
    """The word before a name, skipping "raya" ("Jl. Raya Soreang")."""
    if index > 0 and tokens[index - 1].folded == "raya":
        index -= 1
    return tokens[index - 1].folded if index > 0 else ""


def _is_address_number(token: Token, text: str) -> bool:
    """True for "RT 02", "rw.05", "RT03" (an address), not for "ketua RT" (a person)."""
    return token.folded in NEIGHBOURHOOD_WORDS and bool(_ADDRESS_NUMBER.match(text, token.end))


def _resolve_with_context(item: Evidence, others: Sequence[Evidence]) -> None:
    """Keep the candidates whose kecamatan another place in the message points to."""
    context = {r.kecamatan_code for other in others for r in other.candidates}
    related = [r for r in item.candidates if r.kecamatan_code in context]
    if related:
        item.candidates = related
        item.related = True


def _passes_gates(item: Evidence) -> bool:
    if item.generic:
        return item.strong_cue or item.neighbourhood or item.related
    if len(item.key) < SHORT_NAME and not item.any_cue:
        return False
    long_near = item.span.distance == 1 and len(item.key) >= LONG_NAME
    return item.span.distance == 0 or item.any_cue or long_near


def _emit(item: Evidence, text: str, tokens: Sequence[Token]) -> list[PlaceMatch]:
    start, end = tokens[item.span.first].start, tokens[item.span.last - 1].end
    shared = _shared_score(item)
    # One interpretation per kecamatan: "Soreang" the kecamatan and "Soreang" its desa are one
    # area, while two desa "Sukamaju" in different kecamatan are a real ambiguity.
    ambiguous = len({r.kecamatan_code for r in item.candidates}) > 1
    nesting = {r.code for r in item.candidates if r.level == KECAMATAN}
    matches = []
    for region in item.candidates:
        score = shared - (0.15 if region.parent_code in nesting else 0.0)
        if ambiguous:
            score -= 0.10 if region.level == KECAMATAN else 0.25
        others = tuple(r.code for r in item.candidates if r is not region)
        score = round(min(1.0, max(0.0, score)), 3)
        matched = text[start:end]
        matches.append(
            PlaceMatch(region.code, region.name, region.level, start, end, score, matched, others)
        )
    return matches


def _shared_score(item: Evidence) -> float:
    score = _BASE[item.span.distance]
    if item.strong_cue:
        matching = item.cue is not CueLevel.ANY and not item.level_mismatch
        score += 0.30 if matching else 0.20 if item.cue is CueLevel.ANY else 0.10
    elif item.weak_cue:
        score += 0.10
    score += 0.05 if item.neighbourhood else 0.0
    score += 0.15 if item.related else 0.0
    distinctive = len(item.key) >= LONG_NAME and not item.generic
    score += 0.05 if item.span.distance == 0 and distinctive else 0.0
    return score - item.namesake_penalty
