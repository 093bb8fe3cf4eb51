"""Abusive language aimed at people (staff, officials, other citizens).

The point is to flag, never to drop: an angry citizen with a real complaint is still served,
the flag only warns the admin and counts toward the contact's abuse record.

Two traps shape the rules:
- Animal words are insults *and* animals. "anjing liar menggigit anak", "babi hutan merusak
  kebun", "asune tonggo nyokot" (Jv: the neighbour's dog bites) are complaints about animals.
  Such a word is abusive only when it is addressed to someone ("dasar anjing", "babi lu") or
  when nothing about animals stands near it ("anjing!! dari kemarin nggak diangkat").
- Mild exclamations ("anjir", "anjay", "buset") are not insults at anyone; they are flagged
  with severity "mild" so that staff see the tone without treating it as an attack.

Spelling games are undone first: letters squeezed (`anjiiing`), digits read as letters
(`4njing`, `b4ngs4t`), and a `*` inside a word matches any letter (`a*jing`, `k*ntol`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sigap.routing.detectors.text import fold, squeeze

Severity = Literal["none", "mild", "severe"]

# One row per severity: the term and its spelling variants; `_` joins a two-word term.
# Written for this project. Very short abbreviations that are also ordinary chat shorthand
# (`tll`, `mmk`, `oon` -> `tl`, `mk`, `on` once squeezed) are left out on purpose.
_LEXICON_ROWS = """
severe anjeng anjink anying anjg ajg anjj njing
severe bangsat bangsad bgst bngst
severe bajingan bajingn
severe keparat
severe jancok jancuk jancik dancok diancok diancuk jiancok jiancuk ancok ancuk jncok
severe kontol kntl kontl
severe memek
severe ngentot ngentod entot ngewe
severe pepek peler jembut itil
severe pantek puki pukimak kimak
severe lonte pelacur sundal perek
severe bencong
severe kehed
severe kirik
mild goblok goblog gblk goblk gblg
mild tolol
mild bloon dungu idiot pekok koplok dongo gebleg
mild belegug
mild gelo sarap sinting gendeng
mild kampret kampang
mild brengsek
mild sialan
mild kurang_ajar
mild bedebah biadab laknat
mild bacot bacod cocot
mild matamu ndasmu raimu
mild mampus modar modyar
mild cuk cok
mild anjir anjay anjrit anjim njir anjrot
""".strip()

# Words that are also ordinary nouns (animals, feces, ghosts, and `bego`, the excavator):
# abusive only when addressed to someone or, for animals, with no animal context in the message.
_TARGETED_ROWS = """
severe anjing
severe babi
severe asu
severe monyet
severe celeng
mild kunyuk
mild tikus
mild tai taik tahi
mild setan jurig
mild kebo
mild bego
""".strip()

# Words that are animals first; they may stand on their own (an exclamation) when no animal
# context is near. Other targeted words (tikus, tai, setan) need an addressee, always.
_ANIMALS = frozenset({"anjing", "babi", "asu", "monyet", "celeng", "kebo", "kunyuk"})

# Being addressed: "dasar anjing", "anjing lu", "babi kalian", "asu kowe" (Jv), "anjing sia"
# (Su). Only blunt pronouns count: "anjingnya pak" and "seperti ular, anjing dan kucing" are
# about animals, so polite address words and comparisons are not cues.
_ADDRESS_BEFORE = frozenset({"dasar", "dasare"})
_ADDRESS_AFTER = frozenset(
    {
        "lu", "lo", "loe", "elu", "elo", "kau", "kamu", "kalian", "sia", "maneh", "kowe",
        "koen", "kon", "situ", "kabeh",
    }
)  # fmt: skip
# Words that make an animal word literal anywhere in the message: a complaint about a dog
# talks about biting, owners, cages or droppings; an insult does not.
_ANIMAL_CONTEXT = frozenset(
    {
        "liar", "peliharaan", "piaraan", "kandang", "menggigit", "gigit", "digigit", "gigitan",
        "menggonggong", "gonggong", "rabies", "vaksin", "steril", "hewan", "binatang",
        "ternak", "peternakan", "berkeliaran", "lepas", "bangkai", "kotoran", "ekor", "daging",
        "hutan", "ditangkap", "tangkap", "menyerang", "diserang", "mengejar", "dikejar",
        "kucing", "ayam", "kambing", "sapi", "bebek", "kebun", "sawah", "tanaman", "merusak",
        "guling", "sate", "potong", "rph", "puskeswan", "dokter", "najis", "anak", "galak",
        "gerombolan", "kawanan", "mati", "nggigit", "nyokot", "dicokot", "ngoyak",
        "kewan", "ingon", "kandhang", "sato", "ngegel", "digegel", "tetangga", "buang",
        "dibuang", "berkembang", "biak", "populasi", "jalanan", "kampung", "pasar", "dijual",
        "jual", "mengganggu", "meresahkan", "kotor", "bau", "tai", "tahi", "kencing",
        "kalung", "kalungnya", "pemilik", "milik", "owner", "berak", "beol", "tinja", "tulang",
        "jenis", "ras", "ekornya", "kecil", "masuk", "rumah", "keliaran", "dilepas", "gigi",
    }
)  # fmt: skip
ADDRESS_REACH = 2
# Place names contain such words ("Kampung Babakan" does not, but "Gang Kirik" might).
_PLACE_WORDS = frozenset(
    {
        "jalan", "jl", "jln", "gang", "gg", "desa", "kampung", "kp", "dusun", "kelurahan",
        "kecamatan", "gunung", "kali", "sungai", "pantai", "blok", "perumahan", "bukit",
        "situ", "curug", "pasar",
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z*]+")


@dataclass(frozen=True, slots=True)
class AbuseSignal:
    is_abusive: bool
    terms: tuple[str, ...]
    severity: Severity


def _parse(rows: str) -> dict[str, str]:
    lexicon: dict[str, str] = {}
    for row in rows.splitlines():
        severity, *terms = row.split()
        for term in terms:
            lexicon[" ".join(squeeze(w) for w in term.split("_"))] = severity
    return lexicon


_UNTARGETED = _parse(_LEXICON_ROWS)
_TARGETED = _parse(_TARGETED_ROWS)
_ALL_TERMS = {**_UNTARGETED, **_TARGETED}
_FIRST_WORDS = frozenset(term.split()[0] for term in _ALL_TERMS)
# For `a*jing`: the terms of each length, to match a wildcard spelling against.
_BY_LENGTH: dict[int, list[str]] = {}
for _term in _ALL_TERMS:
    _BY_LENGTH.setdefault(len(_term), []).append(_term)


def detect_abuse(text: str) -> AbuseSignal:
    """Insults and profanity in one message, with the worst severity found."""
    folded = squeeze(fold(text, leet=True))
    words = _WORD.findall(folded)
    if "*" in folded:
        words = [_canonical(w) if "*" in w else w for w in words]
    # Most messages hold no lexicon word at all: one set intersection (in C) settles them.
    if _FIRST_WORDS.isdisjoint(words):
        return AbuseSignal(False, (), "none")
    found: dict[str, str] = {}
    about_animals: bool | None = None  # computed only when an animal word turns up
    for i, word in enumerate(words):
        if word not in _FIRST_WORDS:
            continue
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in _UNTARGETED:
            found[pair] = _UNTARGETED[pair]
        elif word in _UNTARGETED and not _in_place_name(words, i):
            found[word] = _UNTARGETED[word]
        elif word in _TARGETED:
            if about_animals is None:
                about_animals = not _ANIMAL_CONTEXT.isdisjoint(words)
            if _targeted_is_abusive(words, i, about_animals):
                found[word] = _TARGETED[word]
    if not found:
        return AbuseSignal(False, (), "none")
    severity: Severity = "severe" if "severe" in found.values() else "mild"
    return AbuseSignal(True, tuple(found), severity)


@lru_cache(maxsize=65536)
def _canonical(word: str) -> str:
    word = squeeze(word)
    if "*" not in word:
        return word
    # `a*jing` yes, `******` (a separator line) no: most of the word must be letters.
    if sum(ch != "*" for ch in word) * 2 < len(word):
        return word
    pattern = re.compile(word.replace("*", "[a-z]"))
    for term in _BY_LENGTH.get(len(word), []):
        if pattern.fullmatch(term):
            return term
    return word


def _targeted_is_abusive(words: list[str], i: int, about_animals: bool) -> bool:
    if _in_place_name(words, i):
        return False
    if _addressed(words, i):
        return True
    return words[i] in _ANIMALS and not about_animals


def _addressed(words: list[str], i: int) -> bool:
    before = words[max(0, i - ADDRESS_REACH) : i]
    after = words[i + 1 : i + 1 + ADDRESS_REACH]
    return any(w in _ADDRESS_BEFORE for w in before) or any(w in _ADDRESS_AFTER for w in after)


def _in_place_name(words: list[str], i: int) -> bool:
    return i > 0 and words[i - 1] in _PLACE_WORDS
