"""Finding the emergency lexicon's phrases in a message: vocabulary, word forms, phrase index.

emergency.py decides what the phrases found here mean; this module only finds them. Beyond
the shared normaliser (sigap/routing/detectors/text.py) it reads two word formations that
chat writers use for hazards and that no word list can enumerate:

- the accidental passive `ke-`/`ka-` (Su) and `ke-...-an`, which chat uses where standard
  Indonesian has `ter-` or `di-`: `keseret` -> `terseret`, `kebawa` -> `terbawa`, `kelindes`
  -> `dilindes` (Jv) -> `dilindas`, Su `katibanan` -> `ketiban` -> `tertimpa`;
- a water depth measured on the body, `se-`/Su `sa-` + body part: `sapinggang`, `sadengkul`
  -> `sepinggang`, `selutut`.

- colloquial verb forms: the suffix `-in` for `-i`/`-kan` (`dipukulin` -> `dipukuli`,
  `diikutin` -> `diikuti`) and the bare nasal active for `meN-` (`mukul` -> `memukul`,
  `nonjok` -> `menonjok`, `ngeroyok` -> `mengeroyok`, `nyulik` -> `menculik`, `ngegebukin`
  -> `menggebuki`), also with the Javanese/Sundanese final `e` (`ngancem` -> `mengancam`).

All are tried only for a word that is not a keyword already, and kept only when they yield
one, so no ordinary word is rewritten. The few keywords whose dropped vowels are repaired also
accept the Sundanese/Javanese final `a` -> `e` (`tenggelem`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sigap.routing.detectors import emergency_lexicon as lex
from sigap.routing.detectors.text import Tokens, Vocabulary, squeeze, tokenise

# Words a writer slips inside a phrase without changing it: "air *udah* masuk rumah", "saya
# *lagi* diikuti", "air *terus* naik".
FILLERS = frozenset(
    {"sudah", "telah", "mulai", "pun", "juga", "makin", "semakin", "lagi", "sedang", "masih",
     "terus"}
)  # fmt: skip
MAX_FILLERS = 2
# `tanggul ~ jebol` in the lexicon: the anchor word with the second one up to GAP_REACH tokens
# later in its clause ("tanggul sungai Cikapundung jebol", "tabung gas di dapur bocor").
GAP_MARK = "~"
GAP_REACH = 5


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    role: str  # "hazard", "stop", or one of the cue roles in emergency_lexicon.CUES
    weight: float
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    clause: int
    # A gapped pair covers its anchor only; `tail` is where its second word stood.
    tail: int | None = None


# Request roots that are also places: `di aspal` is "on the road" as often as "asphalt it".
_PLACE_ROOTS = frozenset({"aspal"})


def entries() -> list[Entry]:
    entries = [
        Entry(phrase, "hazard", weight, kind)
        for kind, pairs in lex.HAZARDS.items()
        for phrase, weight in pairs
    ]
    entries += [Entry(phrase, "stop", 0.0) for phrase in lex.STOP]
    entries += [Entry(phrase, role, weight) for phrase, (role, weight) in lex.CUES.items()]
    # Chat writers split the passive prefix: `di tindaklanjuti`, `di perbaiki`. Not where the
    # root is also a place: `masih di aspal` is a victim lying on the road.
    entries += [
        Entry(f"di {e.phrase[2:]}", e.role, e.weight)
        for e in entries
        if e.role == "request"
        and e.phrase.startswith("di")
        and " " not in e.phrase
        and e.phrase[2:] not in _PLACE_ROOTS
    ]
    return entries


# A phrase's tokens, their count, its entry, and whether it is gapped (`tanggul ~ jebol`).
_Option = tuple[tuple[str, ...], int, Entry, bool]


class PhraseIndex:
    """Longest-match lookup of multi-token phrases, keyed by their first token."""

    def __init__(self, entries: Sequence[Entry], vocabulary: Vocabulary) -> None:
        by_first: dict[str, list[_Option]] = {}
        for entry in entries:
            words = tuple(tokenise(entry.phrase, vocabulary).forms)
            gapped = GAP_MARK in entry.phrase
            by_first.setdefault(words[0], []).append((words, len(words), entry, gapped))
        # Longest first, a gapped pair after every exact phrase; for equal phrases the first
        # entry wins (hazards before cues).
        self.by_first = {
            first: sorted(options, key=lambda o: -(1.5 if o[3] else o[1]))
            for first, options in by_first.items()
        }

    def scan(self, tokens: Tokens) -> list[Hit]:
        forms, clauses = tokens
        by_first = self.by_first
        hits: list[Hit] = []
        i = 0
        n = len(forms)
        while i < n:
            options = by_first.get(forms[i])
            hit = None if options is None else _longest(options, forms, clauses, i)
            if hit is None:
                i += 1
                continue
            if hit.entry.role != "stop":
                hits.append(hit)
            i = hit.end
        return hits


def _longest(options: list[_Option], forms: list[str], clauses: list[int], i: int) -> Hit | None:
    for words, length, entry, gapped in options:
        if gapped:
            # Only the anchor is consumed: the words in the gap keep their own roles.
            tail = _follows(words[1], forms, clauses, i)
            if tail is not None:
                return Hit(entry, i, i + 1, clauses[i], tail)
            continue
        if length == 1:
            return Hit(entry, i, i + 1, clauses[i])
        end = _phrase_end(words, forms, clauses, i)
        if end is not None:
            return Hit(entry, i, end, clauses[i])
    return None


def _follows(word: str, forms: list[str], clauses: list[int], i: int) -> int | None:
    """Where `word` stands within GAP_REACH tokens in the clause with no defusing cue in the
    gap, or None: a gapped hit covers its anchor only, so "tanggul *hampir* jebol" must not
    pair up."""
    for pos in range(i + 1, min(i + 1 + GAP_REACH, len(forms))):
        form = forms[pos]
        if clauses[pos] != clauses[i] or form in GAP_BREAKERS:
            return None
        if form == word:
            return pos
    return None


def _phrase_end(words: tuple[str, ...], forms: list[str], clauses: list[int], i: int) -> int | None:
    """Where `words` (whose first word is at `i`) end, skipping a few fillers inside; or None."""
    pos = i + 1
    skipped = 0
    n = len(forms)
    for word in words[1:]:
        while pos < n and forms[pos] != word and forms[pos] in FILLERS and skipped < MAX_FILLERS:
            pos += 1
            skipped += 1
        if pos >= n or forms[pos] != word or clauses[pos] != clauses[i]:
            return None
        pos += 1
    return pos


def _keywords() -> set[str]:
    words = {w for kind in lex.HAZARDS.values() for phrase, _ in kind for w in phrase.split()}
    words |= {w for phrase in lex.CUES for w in phrase.split()}
    return words | {w for phrase in lex.STOP for w in phrase.split()} | set(lex.WATER)


_PASSIVE_PREFIXES = ("ke", "ka")
# What the accidental passive stands for, in the order tried: `ter-` (`kejepit` ->
# `terjepit`), `di-` (`kepukul` -> `dipukul`); a `ke-...-an` form may also be Indonesian
# `ke-` for Sundanese `ka-` (`katibanan` -> `ketiban`). Not `ka-` -> `ke-` on a bare stem:
# the place name `Kajang` is not `kejang`.
_PASSIVE_READINGS = ("ter", "di")
_PASSIVE_READINGS_AN = ("ter", "di", "ke")
_DEPTH_PREFIXES = ("se", "sa")
_VOWELS = "aeiou"


class EmergencyVocabulary(Vocabulary):
    """The shared vocabulary, plus the word formations in the module docstring."""

    def __init__(
        self,
        slang: Mapping[str, str],
        keywords: Iterable[str],
        repairable: Iterable[str],
        body_parts: Iterable[str],
        violent_verbs: Iterable[str] = (),
    ) -> None:
        super().__init__(slang, keywords, repairable)
        self.body_parts = frozenset(squeeze(body) for body in body_parts)
        self.violent_verbs = frozenset(squeeze(verb) for verb in violent_verbs)
        for word in sorted(squeeze(w) for w in repairable):
            variant = _final_vowel_swapped(word, "a", "e")
            if variant and variant not in self.known and variant not in self.slang:
                self.repairs.setdefault(variant, word)

    def _canonical(self, raw: str) -> str:
        # The hook the shared Vocabulary caches per raw word, so these rules cost nothing
        # after a word's first sighting.
        form = super()._canonical(raw)
        if form in self.known:
            return form
        word = squeeze(raw)
        return (
            self._accidental_passive(word)
            or self._body_depth(word)
            or self._colloquial_verb(raw.lower())  # unsqueezed: `diikutin` -> `diikuti`
            or form
        )

    def _known(self, word: str) -> str | None:
        word = squeeze(word)
        if word in self.slang:
            return self.slang[word]
        return word if word in self.known else None

    def _accidental_passive(self, word: str) -> str | None:
        if len(word) < 6 or not word.startswith(_PASSIVE_PREFIXES):
            return None
        readings: list[tuple[str, tuple[str, ...]]] = [(word[2:], _PASSIVE_READINGS)]
        if word.endswith("an") and len(word) >= 8:
            readings.append((word[2:-2], _PASSIVE_READINGS_AN))  # `ketimbunan`, Su `katibanan`
        # Javanese/Sundanese final `e` for Indonesian `a`: `kelindes` -> `lindas`.
        readings += [(s, p) for stem, p in readings if (s := _final_vowel_swapped(stem, "e", "a"))]
        for stem, prefixes in readings:
            for prefix in prefixes:
                found = self._known(prefix + stem)
                if found is not None:
                    return found
        return None

    def _colloquial_verb(self, word: str) -> str | None:
        """Only towards violence words: elsewhere the formation found cue words in ordinary
        ones (`nyala` -> `menyala`, said of a traffic light in a Surabaya complaint)."""
        if len(word) < 4:
            return None
        stems = [word]
        if word.endswith("in") and len(word) >= 6:
            stems += [word[:-2] + "i", word[:-2] + "kan", word[:-2]]
        stems += [swapped for stem in stems if (swapped := _final_vowel_swapped(stem, "e", "a"))]
        for stem in stems:
            for candidate in (stem, *_standard_actives(stem)):
                # In the squeezed form the phrase index holds (`menggebuki` -> `mengebuki`).
                if candidate != word and (form := squeeze(candidate)) in self.violent_verbs:
                    return form
        return None

    def _body_depth(self, word: str) -> str | None:
        if len(word) < 5 or not word.startswith(_DEPTH_PREFIXES):
            return None
        stem = word[2:]
        body = self.slang.get(stem, stem)
        return f"se{body}" if body in self.body_parts and f"se{body}" in self.known else None


def _standard_actives(word: str) -> tuple[str, ...]:
    """The `meN-` forms a bare colloquial active may stand for: `mukul` -> `memukul`,
    `ngeroyok` -> `mengeroyok`, `nyekik` -> `menyekik`/`mencekik`, `ngegebuk` -> `menggebuk`."""
    if word.startswith("me"):
        return ()
    if word.startswith("nge"):
        stem = word[3:]
        return ("meng" + stem, "mem" + stem, "men" + stem, "me" + stem, "me" + word)
    if word.startswith("ny"):
        return ("me" + word, "menc" + word[2:])
    if word.startswith(("ng", "m", "n")):
        return ("me" + word,)
    return ()


def _final_vowel_swapped(word: str, vowel: str, other: str) -> str | None:
    """`word` with its last vowel `vowel` changed to `other`, or None if its last vowel differs."""
    for i in range(len(word) - 1, 0, -1):
        if word[i] in _VOWELS:
            return word[:i] + other + word[i + 1 :] if word[i] == vowel else None
    return None


def _violent_verbs() -> set[str]:
    """Single words of the violence phrases that a colloquial verb form may stand for."""
    words = {w for phrase, _ in lex.HAZARDS["violence"] for w in phrase.split()}
    return {w for w in words if w.startswith(("di", "me")) and len(w) > 4}


VOCABULARY = EmergencyVocabulary(
    lex.SLANG, _keywords(), lex.REPAIRABLE, lex.BODY_PARTS, _violent_verbs()
)
# Single-word cues that end a gapped pair: "tanggul *hampir* jebol" is no breach.
GAP_BREAKER_ROLES = ("past", "before", "cause", "fear", "chronic", "admin", "negation", "request")
GAP_BREAKERS = frozenset(
    VOCABULARY.canonical(phrase)
    for phrase, (role, _) in lex.CUES.items()
    if " " not in phrase and role in GAP_BREAKER_ROLES
)
INDEX = PhraseIndex(entries(), VOCABULARY)
