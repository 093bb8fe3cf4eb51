"""Tokens, spelling folds and bounded edit distance for place-name matching.

Place names are compared in a *folded compact* form: lower case, accents and punctuation removed,
spaces removed, old Dutch-era spellings mapped to modern ones and doubled letters collapsed. Then
"Solokan Jeruk", "Solokanjeruk" and "Solokan-Jeruk" are one key, and so are "Mekarrahayu" and
"Mekar Rahayu" (the join makes a double "r" that the fold collapses).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters only: digits split tokens ("rt02" -> "rt"), apostrophes split "Ba'u" into two tokens,
# which the compact form joins again.
_WORD = re.compile(r"[^\W\d_]+")
_DOUBLE = re.compile(r"(.)\1+")
# Pre-1972 spellings still seen on signs and in older people's messages.
_OLD_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"))


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the message: its folded form and its character span in the original text."""

    folded: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, strip accents and punctuation, modernise spelling, collapse doubled letters.

    Cached: messages reuse a small vocabulary, and folding is most of the cost of `tokenize`.
    """
    word = word.lower()
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    word = "".join(ch for ch in word if ch.isalpha())
    for old, new in _OLD_SPELLINGS:
        if old in word:
            word = word.replace(old, new)
    return _DOUBLE.sub(r"\1", word)


def tokenize(text: str) -> list[Token]:
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def join(left: str, right: str) -> str:
    """Concatenate two folded parts as `fold` would fold their concatenation."""
    if left and right and left[-1] == right[0]:
        return left + right[1:]
    return left + right


def compact(name: str) -> str:
    """The folded compact key of a whole name ("Bale Endah" -> "baleendah")."""
    key = ""
    for match in _WORD.finditer(name):
        key = join(key, fold(match.group()))
    return key


def deletes(word: str, depth: int) -> list[str]:
    """`word` and every string made by deleting up to `depth` (at most 2) of its letters.

    Pairs of positions are enumerated once (i < j), which is several times faster than
    deleting from every one-letter deletion; a few duplicates remain (doubled letters) and
    are harmless for dictionary look-ups.
    """
    if depth <= 0:
        return [word]
    size = len(word)
    once = [word[:i] + word[i + 1 :] for i in range(size)]
    if depth == 1:
        return [word, *once]
    twice = [v[:j] + v[j + 1 :] for i, v in enumerate(once) for j in range(i, size - 1)]
    return [word, *once, *twice]


def bounded_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours costs 1), or limit+1 past limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1
