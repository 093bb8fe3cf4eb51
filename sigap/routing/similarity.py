"""Duplicate reports and incidents: text signatures, text similarity and incident scores.

A `Signature` is computed once per case and stored (`to_json`, a few hundred characters): the
normalised content words (plus incident tags such as `#banjir`, so "kebanjiran", "caah" and
"air meluap" meet) and a bottom-k sketch of character 3-gram hashes, which catches shared word
stems ("banjir"/"kebanjiran") and typos. Comparing two signatures is a few set operations.

`incident_score` asks whether two reports describe the same incident. It is a weighted geometric
mean, so any one factor near zero vetoes (identical words two weeks apart are not one incident):

    score = text ** 0.5 * place ** 0.3 * time ** 0.2

    text    `similarity` of the signatures (x0.6 when only one report has an incident tag,
            x0.3 when both have tags and none is shared)
    place   1.0 same point (within 250 m, then decaying with a 1.5 km scale) or same desa;
            0.8 one report names the kecamatan of the other's desa; 0.6 two desa of one
            kecamatan; 0.02 different kecamatan; 0.4 unknown; unknown counts as 1.0 for two
            reports by the same reporter (someone re-sending)
    time    halves every 24 hours apart

Pure Python, no Django: the caller passes `IncidentView` rows.
"""

from __future__ import annotations

import base64
import json
import math
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from sigap.routing.faq import normalised_words

SIGNATURE_VERSION = 1
MAX_TOKENS = 40
MAX_CHARS = 1000
SKETCH_SIZE = 64
DEFAULT_CLUSTER_THRESHOLD = 0.45

TEXT_WEIGHT, PLACE_WEIGHT, TIME_WEIGHT = 0.5, 0.3, 0.2
SAME_POINT_METERS = 250.0
DISTANCE_SCALE_METERS = 1500.0
TIME_HALF_LIFE_HOURS = 24.0
PLACE_SAME_DESA = 1.0
PLACE_DESA_IN_KECAMATAN = 0.8
PLACE_SAME_KECAMATAN = 0.6
PLACE_DIFFERENT_KECAMATAN = 0.02
PLACE_UNKNOWN = 0.4
# Text similarity is scaled by these when incident tags (#banjir, #kebakaran...) disagree.
TAGS_DISJOINT = 0.3
TAG_ON_ONE_SIDE = 0.6
_EARTH_RADIUS_METERS = 6_371_000.0


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = _words(
    "saya aku kami kita yang di ke dari ini itu ya sih dong deh nya admin kak pak bu ibu "
    "bapak mohon tolong min dan atau dengan untuk juga saja sudah ada tidak belum sangat "
    "sekali banget lagi jadi karena akan bisa mau pada oleh dalam"
)
# Incident words in Indonesian, Sundanese and Javanese -> one tag, so different wordings of one
# event share a token.
_TAG_WORDS = {
    "#banjir": "banjir kebanjiran banjirnya caah terendam tergenang genangan meluap luapan rob",
    "#kebakaran": "kebakaran terbakar kahuruan kobong kobongan api hangus dilalap",
    "#longsor": "longsor longsoran urug ambles amblas",
    "#roboh": "tumbang roboh rubuh ambruk",
    "#laka": "kecelakaan tabrakan ditabrak menabrak laka kacilakaan",
    "#listrik": "padam listrik pln gelap",
}
_INCIDENT_TAGS = {word: tag for tag, words in _TAG_WORDS.items() for word in words.split()}


@dataclass(frozen=True, slots=True)
class Signature:
    """Normalised content words and a sketch of character 3-gram hashes of one text."""

    tokens: frozenset[str]
    shingles: frozenset[int]
    tags: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once here, not in every comparison: `cluster_candidates` compares hundreds.
        object.__setattr__(self, "tags", frozenset(t for t in self.tokens if t.startswith("#")))

    def to_json(self) -> str:
        packed = struct.pack(f"<{len(self.shingles)}I", *sorted(self.shingles))
        data = {
            "v": SIGNATURE_VERSION,
            "t": " ".join(sorted(self.tokens)),
            "s": base64.b64encode(packed).decode("ascii"),
        }
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Signature:
        """Raises ValueError for a signature of another version: recompute it from the text."""
        data = json.loads(text)
        if data.get("v") != SIGNATURE_VERSION:
            raise ValueError(f"signature version {data.get('v')!r}, expected {SIGNATURE_VERSION}")
        packed = base64.b64decode(data["s"])
        shingles = struct.unpack(f"<{len(packed) // 4}I", packed)
        return cls(frozenset(data["t"].split()), frozenset(shingles))


@dataclass(frozen=True, slots=True)
class IncidentView:
    """What incident scoring needs of a case. `region_code` is the desa or kecamatan code."""

    id: str | int
    signature: Signature
    at: datetime
    region_code: str | None = None
    lat: float | None = None
    lng: float | None = None
    reporter: str | None = None


@lru_cache(maxsize=1024)
def signature_parsed(stored: str) -> Signature | None:
    """A stored signature, parsed once per process (triage compares a new case with up to
    500 recent ones, mostly the same from one message to the next); None for another version.
    Signatures are immutable, so sharing one parsed object is safe."""
    try:
        return Signature.from_json(stored)
    except ValueError:
        return None


def max_time_apart(threshold: float) -> timedelta:
    """How far apart in time two reports can be and still reach ``threshold``: text and place
    are at most 1, so the score is at most the time factor ``0.5 ** (hours / half-life)``
    raised to its weight. A minute is added against rounding at the edge."""
    if threshold <= 0.0:
        return timedelta.max
    hours = TIME_HALF_LIFE_HOURS / TIME_WEIGHT * math.log2(1.0 / threshold)
    return timedelta(hours=max(hours, 0.0), minutes=1)


def text_signature(text: str) -> Signature:
    # The opening of a report says what happened; the cap bounds the cost of very long texts.
    words = [
        _stem(w) for w in normalised_words(text[:MAX_CHARS]) if w not in _STOPWORDS and len(w) > 1
    ]
    content = list(dict.fromkeys(words))[:MAX_TOKENS]
    tags = {_INCIDENT_TAGS[w] for w in content if w in _INCIDENT_TAGS}
    hashes = {_hash(gram) for word in content for gram in _trigrams(word)}
    return Signature(frozenset(content) | tags, frozenset(sorted(hashes)[:SKETCH_SIZE]))


def similarity(a: Signature, b: Signature) -> float:
    """Text similarity in [0, 1]: mean of word and 3-gram overlap (Ochiai, i.e. cosine of sets,
    which is kinder than Jaccard to a short report against a long one), scaled down when the
    incident tags disagree: a flood report that mentions the road is not a road-damage report."""
    overlap = 0.5 * _ochiai(a.tokens, b.tokens) + 0.5 * _ochiai(a.shingles, b.shingles)
    return overlap * _tag_agreement(a.tags, b.tags)


def incident_score(a: IncidentView, b: IncidentView) -> float:
    """How likely two reports describe one incident, in [0, 1]; see the module docstring."""
    bound = _context_score(a, b)
    if bound == 0.0:
        return 0.0
    return similarity(a.signature, b.signature) ** TEXT_WEIGHT * bound


def cluster_candidates(
    new: IncidentView,
    recent: Iterable[IncidentView],
    threshold: float = DEFAULT_CLUSTER_THRESHOLD,
) -> list[tuple[str | int, float]]:
    """Recent reports that `new` probably repeats, best first, as (id, score)."""
    found = []
    for other in recent:
        if other.id == new.id:
            continue
        bound = _context_score(new, other)
        # Text similarity is at most 1: skip the text when place and time alone fall short.
        if bound < threshold:
            continue
        score = similarity(new.signature, other.signature) ** TEXT_WEIGHT * bound
        if score >= threshold:
            found.append((other.id, round(score, 4)))
    return sorted(found, key=lambda item: -item[1])


def place_similarity(a: IncidentView, b: IncidentView) -> float:
    """Place factor of `incident_score`; points win over region codes when both have one."""
    if a.lat is not None and a.lng is not None and b.lat is not None and b.lng is not None:
        meters = haversine_meters(a.lat, a.lng, b.lat, b.lng)
        excess = max(0.0, meters - SAME_POINT_METERS)
        return math.exp(-excess / DISTANCE_SCALE_METERS)
    if a.region_code and b.region_code:
        return _region_similarity(a.region_code, b.region_code)
    if a.reporter is not None and a.reporter == b.reporter:
        return 1.0
    return PLACE_UNKNOWN


def time_similarity(a: datetime, b: datetime) -> float:
    """Time factor of `incident_score`: 1.0 at the same moment, halving every 24 hours."""
    hours = abs((a - b).total_seconds()) / 3600.0
    return 0.5 ** (hours / TIME_HALF_LIFE_HOURS)


def haversine_meters(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlng = phi2 - phi1, math.radians(lng2 - lng1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlng / 2) ** 2
    return 2 * _EARTH_RADIUS_METERS * math.asin(math.sqrt(h))


def _context_score(a: IncidentView, b: IncidentView) -> float:
    """Place and time factors of the score: its upper bound before the text is compared."""
    place = place_similarity(a, b)
    if place <= 0.0:
        return 0.0
    hours = abs((a.at - b.at).total_seconds()) / 3600.0
    # time ** TIME_WEIGHT in one power: 0.5 ** (hours / half-life * weight).
    return place**PLACE_WEIGHT * 0.5 ** (hours * TIME_WEIGHT / TIME_HALF_LIFE_HOURS)


def _region_similarity(a: str, b: str) -> float:
    """Kemendagri codes are fixed-width: PP.KK.CC (8 characters) is a kecamatan and
    PP.KK.CC.DDDD one of its desa."""
    if a == b:
        return PLACE_SAME_DESA
    if a[:8] != b[:8]:
        return PLACE_DIFFERENT_KECAMATAN
    if len(a) == 8 or len(b) == 8:
        return PLACE_DESA_IN_KECAMATAN
    return PLACE_SAME_KECAMATAN


def _tag_agreement(tags_a: frozenset[str], tags_b: frozenset[str]) -> float:
    if not tags_a and not tags_b:
        return 1.0
    if tags_a and tags_b:
        return TAGS_DISJOINT if tags_a.isdisjoint(tags_b) else 1.0
    return TAG_ON_ONE_SIDE


def _ochiai(a: frozenset[str] | frozenset[int], b: frozenset[str] | frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _stem(word: str) -> str:
    return word[:-3] if word.endswith("nya") and len(word) > 5 else word


def _trigrams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def _hash(gram: str) -> int:
    """A stable 32-bit hash (Python's `hash` changes per process; signatures are stored)."""
    return zlib.crc32(gram.encode("utf-8"))
