"""A small, self-contained normaliser for the detectors.

The routing engine has its own normaliser, but it is tuned for classification (stopwords, a
large slang map that other people change) and loads optional lexicons from disk. The detectors
need something smaller and frozen: their rules were tuned against this exact behaviour, so a
change in the router's word lists must not silently move emergency recall.

What it does, per token:
- lower-case, NFKC-fold, read `anak2` as `anak anak`, keep runs of `!` as their own token;
- squeeze every run of a repeated letter to one letter (`tolonggg`, `kebakaraan`,
  `longsooor` -> `tolong`, `kebakaran`, `longsor`); keywords are squeezed the same way, so
  `tanggul` is stored as `tangul` and still matches;
- map chat abbreviations and regional words to one form (`tlg` -> `tolong`, `ayeuna` ->
  `sekarang`);
- repair a single dropped vowel in a few keywords (`bnjir`, `kbakaran`);
- strip a possessive suffix when the stem is a keyword (`apinya`, Jv `banjire`, Su `imahna`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import NamedTuple

# Clause boundaries: a time or negation cue in one clause does not reach the next one. A run
# of exclamation marks ends a clause too and is kept as a token (an urgency cue). Brackets
# are not boundaries: "sering (hampir) terjadi kecelakaan" is one clause.
_CLAUSES = re.compile(r"[.,;:?\n]+|(!+)")
_WORD = re.compile(r"[a-z]+|\d+")
# `anak2`, `rumah2`: the digit repeats the word.
_REDUPLICATION = re.compile(r"\b([a-z]{2,})2\b")
# Distinct raw words remembered per vocabulary; chat text is Zipfian, so most lookups hit.
_CACHE_SIZE = 50_000
_REPEATS = re.compile(r"([a-z])\1+")
_VOWELS = frozenset("aeiou")
# Possessive/definite suffixes: Indonesian `-nya`, Sundanese `-na`, Javanese `-ne`/`-e`.
_SUFFIXES = ("nya", "na", "ne", "e")
# Digits that chat writers use for letters inside words (`4njing`, `g0bl0k`).
_LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "@": "a"})


class Tokens(NamedTuple):
    """Canonical tokens of one text, and the clause number of each (parallel lists)."""

    forms: list[str]
    clauses: list[int]


def fold(text: str, *, leet: bool = False) -> str:
    """NFKC and lower case; with `leet`, the digits 0 1 3 4 5 and `@` become letters.

    Leetspeak is for insults only: in complaint text `5jam` means five hours, not `sjam`. It
    is applied to the whole text in one C-level pass; turning plain numbers into strings of
    a/e/i/o/s is harmless because no insult is spelled with those letters alone.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    return text.translate(_LEET) if leet else text


def squeeze(word: str) -> str:
    return _REPEATS.sub(r"\1", word)


def internal_vowel_drops(word: str) -> list[str]:
    """`banjir` -> [`bnjir`, `banjr`]: chat writers drop vowels, rarely the first or last letter.

    Dropping the first or last letter is not repaired on purpose: `banjir` minus `b` is
    `anjir` (an exclamation) and `segera` minus `a` is `seger` (fresh).
    """
    return [word[:i] + word[i + 1 :] for i in range(1, len(word) - 1) if word[i] in _VOWELS]


class Vocabulary:
    """Maps a raw token to its canonical form: slang first, then one-vowel repair."""

    def __init__(
        self, slang: Mapping[str, str], keywords: Iterable[str], repairable: Iterable[str] = ()
    ) -> None:
        self.slang = {squeeze(k): squeeze(v) for k, v in slang.items()}
        known = {squeeze(word) for word in keywords} | set(self.slang.values())
        self.known = frozenset(known)
        self.repairs: dict[str, str] = {}
        for word in sorted(squeeze(w) for w in repairable):
            for variant in internal_vowel_drops(word):
                if variant not in known and variant not in self.slang:
                    self.repairs.setdefault(variant, word)
        self.cache: dict[str, str] = {}

    def canonical(self, raw: str) -> str:
        form = self.cache.get(raw)
        if form is None:
            if len(self.cache) >= _CACHE_SIZE:
                self.cache.clear()
            form = self.cache[raw] = self._canonical(raw)
        return form

    def _canonical(self, raw: str) -> str:
        word = squeeze(raw)
        if word in self.slang:
            return self.slang[word]
        if word in self.known:
            return word
        if word in self.repairs:
            return self.repairs[word]
        return self._strip_suffix(word, raw)

    def _strip_suffix(self, word: str, raw: str) -> str:
        """`apinya`, `banjire` (Jv), `imahna` (Su) -> the keyword, when the stem is one."""
        for suffix in _SUFFIXES:
            if not word.endswith(suffix):
                continue
            cut = word[: -len(suffix)]
            stems = [cut]
            # Squeezing merged a stem's final `n` into `-nya`/`-na`/`-ne` (`percikannya` ->
            # `percikanya`). Only where the raw word really doubled it: `makanya` ("that is
            # why") is not `makan` + `-nya`.
            if raw.endswith(suffix[0] + suffix):
                stems.append(cut + suffix[0])
            for stem in stems:
                if len(stem) >= 3 and stem in self.slang:
                    return self.slang[stem]
                if len(stem) >= 3 and stem in self.known:
                    return stem
        return word


def tokenise(text: str, vocabulary: Vocabulary, *, leet: bool = False) -> Tokens:
    """Canonical tokens with their clause numbers.

    Parallel lists of plain strings rather than token objects: this runs on every message and
    object creation per token was half of the detector's time on long complaints.
    """
    folded = _REDUPLICATION.sub(r"\1 \1", fold(text, leet=leet))
    pieces = _CLAUSES.split(folded)
    cached = vocabulary.cache.get
    canonical = vocabulary.canonical
    forms: list[str] = []
    clauses: list[int] = []
    # `split` with one group alternates: clause text, then the `!` run or None.
    for index in range(0, len(pieces), 2):
        clause = index // 2
        for raw in _WORD.findall(pieces[index]):
            form = cached(raw) or (raw if raw[0].isdigit() else canonical(raw))
            if " " in form:
                parts = form.split()
                forms.extend(parts)
                clauses.extend([clause] * len(parts))
            else:
                forms.append(form)
                clauses.append(clause)
        marks = pieces[index + 1] if index + 1 < len(pieces) else None
        if marks:
            forms.append("!" if len(marks) == 1 else "!!")
            clauses.append(clause)
    return Tokens(forms, clauses)


def plain_key(text: str) -> str:
    """Letters and digits only, accents dropped, letters squeezed, single-spaced."""
    folded = fold(text)
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(squeeze(folded)))
