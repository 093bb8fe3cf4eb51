"""The gazetteer index: exact keys with a prefix set, and a deletion index for typos.

Lookup cost does not grow with the number of names. Exact matching walks the message once and
extends a window of tokens only while the joined window is a prefix of some name. Fuzzy matching
is SymSpell-style: every name of six letters or more is stored with all its one- or two-letter
deletions, so a window finds its neighbours within edit distance 2 by dictionary look-ups of its
own deletions, then each candidate is confirmed with a bounded edit distance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from sigap.routing.gazetteer import scoring
from sigap.routing.gazetteer.model import (
    INDEXED_LEVELS,
    KECAMATAN,
    PlaceMatch,
    RegionName,
    Span,
)
from sigap.routing.gazetteer.text import (
    Token,
    bounded_distance,
    compact,
    deletes,
    fold,
    join,
    tokenize,
)
from sigap.routing.gazetteer.words import (
    COMMON_WORDS,
    GENERIC_NAMES,
    NEIGHBOURHOOD_WORDS,
    STRONG_CUES,
    WEAK_CUES,
)

# Typos are tolerated only on names long enough that a typo cannot turn them into another word:
# below 6 letters exact, 6-8 letters one edit, 9 and more two edits.
FUZZY_MIN_LENGTH = 6
TWO_EDITS_MIN_LENGTH = 9
# A name may be split into more tokens than it officially has ("Ranca Ekek Kencana").
MAX_WINDOW_TOKENS = 5
FUZZY_WINDOW_TOKENS = 3
LOCATE_MIN_SCORE = 0.6
_CUES = STRONG_CUES.keys() | WEAK_CUES | NEIGHBOURHOOD_WORDS
_ADMINISTRATIVE_PREFIXES = frozenset(("kabupaten", "kota", "kecamatan", "desa", "kelurahan"))


def max_distance(key: str) -> int:
    if len(key) < FUZZY_MIN_LENGTH:
        return 0
    return 1 if len(key) < TWO_EDITS_MIN_LENGTH else 2


class Gazetteer:
    """Finds desa/kelurahan and kecamatan names in informal text; see `find`."""

    def __init__(
        self,
        names: Mapping[str, Iterable[RegionName]],
        *,
        known_words: Iterable[str] = (),
        other_places: Iterable[str] = (),
        cache_size: int = 4096,
    ) -> None:
        self._by_key: dict[str, tuple[RegionName, ...]] = {
            key: tuple(dict.fromkeys(regions)) for key, regions in names.items() if key
        }
        self._prefixes = frozenset(key[:i] for key in self._by_key for i in range(1, len(key)))
        self._starts = frozenset(key[:3] for key in self._by_key)
        self._deletions: dict[str, list[str]] = {}
        for key in self._by_key:
            for variant in deletes(key, max_distance(key)) if max_distance(key) else ():
                self._deletions.setdefault(variant, []).append(key)
        self._max_length = max((len(key) for key in self._by_key), default=0)
        # Known words are spelt as meant: they are never read as a typo of a place name.
        self._common = COMMON_WORDS | {fold(word) for word in known_words}
        self._not_a_fuzzy_start = self._common | _CUES
        self._generic = GENERIC_NAMES | self._common
        # Names of places outside the gazetteer, spelt right: "Lumajang" is a regency of its
        # own, not a typo of desa Lamajang.
        self._elsewhere = frozenset(_bare_key(name) for name in other_places) - self._by_key.keys()
        # Words of multi-word names ("wetan", "tengah") may continue a fuzzy window even when
        # they are common words; other common words end it.
        self._name_parts = frozenset(
            fold(word)
            for regions in self._by_key.values()
            for r in regions
            for word in r.name.split()
        )
        # Messages repeat the same words; caching window look-ups keeps the fuzzy path cheap.
        self._fuzzy = lru_cache(maxsize=cache_size)(self._fuzzy_lookup) if cache_size else None

    @classmethod
    def from_regions(
        cls,
        regions: Iterable[RegionName],
        aliases: Mapping[str, Iterable[str]] | None = None,
        *,
        known_words: Iterable[str] = (),
        other_places: Iterable[str] = (),
        cache_size: int = 4096,
    ) -> Gazetteer:
        """Index the kecamatan and desa/kelurahan of `regions` (other levels are ignored).

        `aliases` maps a region code to extra names citizens use for it. `known_words` adds to
        the built-in list of ordinary words never taken for a misspelt place name (a deployment
        can pass the frequent words of its own complaints, place names left out: a name that is
        a known word needs a strong cue to match). `other_places` are names of regions outside
        this gazetteer (the rest of the province or country): spelt exactly, they are never
        read as typos of ours. `cache_size=0` disables the cache of fuzzy look-ups (for
        benchmarks of the cold path).
        """
        names: dict[str, list[RegionName]] = {}
        by_code: dict[str, RegionName] = {}
        for region in regions:
            if region.level in INDEXED_LEVELS:
                by_code[region.code] = region
                names.setdefault(compact(region.name), []).append(region)
        for code, extra in (aliases or {}).items():
            if code in by_code:
                for alias in extra:
                    names.setdefault(compact(alias), []).append(by_code[code])
        return cls(names, known_words=known_words, other_places=other_places, cache_size=cache_size)

    def __len__(self) -> int:
        return len(self._by_key)

    def find(self, text: str) -> list[PlaceMatch]:
        """Places named in `text`, best first; ambiguous names yield one match per candidate."""
        tokens = tokenize(text)
        spans = self._exact_spans(tokens) + self._fuzzy_spans(tokens)
        chosen = _non_overlapping(spans, tokens)
        return scoring.score_spans(chosen, tokens, text, self._by_key, self._generic)

    def locate(self, text: str, min_score: float = LOCATE_MIN_SCORE) -> PlaceMatch | None:
        """The one place to file the case under, or None: the best desa/kelurahan when it is
        confident and unambiguous, else such a kecamatan (a desa of the same name nested in it
        does not make it ambiguous)."""
        matches = [m for m in self.find(text) if m.score >= min_score]
        for match in matches:
            if not match.alternatives:
                return match
            nested = all(code.startswith(match.code + ".") for code in match.alternatives)
            if match.level == KECAMATAN and nested:
                return match
        return None

    def _exact_spans(self, tokens: list[Token]) -> list[Span]:
        spans: list[Span] = []
        for first in range(len(tokens)):
            window = ""
            for last in range(first, min(len(tokens), first + MAX_WINDOW_TOKENS)):
                window = join(window, tokens[last].folded)
                if window in self._by_key:
                    spans.append(Span(first, last + 1, (window,), 0))
                if window not in self._prefixes:
                    break
        return spans

    def _fuzzy_spans(self, tokens: list[Token]) -> list[Span]:
        spans: list[Span] = []
        for first, token in enumerate(tokens):
            if token.folded in self._not_a_fuzzy_start:
                continue
            # A misspelt name split over several words must still start like a name: checking
            # three letters skips most two-word windows of ordinary text.
            width = FUZZY_WINDOW_TOKENS if token.folded[:3] in self._starts else 1
            # A window opening with a correctly spelt name word ("rancaekek kencono") is rare
            # and promising: it gets the deeper look-up.
            named_start = token.folded in self._name_parts or token.folded in self._by_key
            window = ""
            for last in range(first, min(len(tokens), first + width)):
                if last > first and not self._may_continue(tokens[last].folded):
                    break
                window = join(window, tokens[last].folded)
                if len(window) > self._max_length + 2:
                    break
                if len(window) < FUZZY_MIN_LENGTH - 1 or window in self._by_key:
                    continue
                if window in self._elsewhere:
                    continue
                depth = _query_depth(window, one_word=last == first or named_start)
                lookup = self._fuzzy or self._fuzzy_lookup
                keys, distance = lookup(window, depth)
                if keys:
                    spans.append(Span(first, last + 1, keys, distance))
        return spans

    def _may_continue(self, word: str) -> bool:
        if word in _CUES:
            return False
        return word in self._name_parts or word not in self._common

    def _fuzzy_lookup(self, window: str, depth: int) -> tuple[tuple[str, ...], int]:
        """Indexed names within their allowed edit distance of `window`, the nearest ones only;
        `depth` is how many letters of the window may be deleted to meet a name's deletions."""
        candidates = {
            key for variant in deletes(window, depth) for key in self._deletions.get(variant, ())
        }
        best: list[str] = []
        best_distance = 3
        for key in sorted(candidates):
            distance = bounded_distance(window, key, max_distance(key))
            if distance > max_distance(key) or distance > best_distance:
                continue
            if distance < best_distance:
                best, best_distance = [], distance
            best.append(key)
        return tuple(best), best_distance


def _bare_key(name: str) -> str:
    """Compact key without an administrative prefix ("Kabupaten Lumajang" -> "lumajang")."""
    first, _, rest = name.strip().partition(" ")
    return compact(rest if rest and first.lower() in _ADMINISTRATIVE_PREFIXES else name)


def _query_depth(window: str, *, one_word: bool) -> int:
    """Deletions tried on the message side. Names keep all deletions up to their own limit, so
    depth 1 here already finds a name with up to two letters missing, one letter added, changed
    or swapped plus one missing. Depth 2 (two letters added or changed) costs about ten times
    more and is kept for one-word windows (or ones opening with a name word) long enough to meet
    a name of nine letters or more."""
    if one_word and len(window) >= TWO_EDITS_MIN_LENGTH - 2:
        return 2
    return 1


def _non_overlapping(spans: list[Span], tokens: list[Token]) -> list[Span]:
    """Spans explaining the longest name first, nearer spellings and narrower spans on ties.

    Ranking by the name rather than by the text covered keeps "Cangkuang" exact in
    "kp. Cangkuang rt 02" instead of a two-edit match of "Cangkuang rt".
    """

    def rank(span: Span) -> tuple[int, int, int, int]:
        width = tokens[span.last - 1].end - tokens[span.first].start
        return (-max(len(key) for key in span.keys), span.distance, width, span.first)

    taken: set[int] = set()
    chosen: list[Span] = []
    for span in sorted(spans, key=rank):
        covered = range(span.first, span.last)
        if not taken.intersection(covered):
            taken.update(covered)
            chosen.append(span)
    return sorted(chosen, key=lambda span: span.first)
