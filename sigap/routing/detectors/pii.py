"""Personal data in complaint text: NIK, KK, phone numbers, e-mail addresses, bank accounts.

Citizens paste their NIK ("NIK saya 3204 1212 0890 0003"), their WhatsApp number, or an
account number for a refund. Sigap stores the original and shows a masked copy on public pages
and, for anonymous cases, to agencies; this module finds the spans and masks them.

Numbers are read as *digit groups* joined by single spaces, dots or dashes, so
"3204-1212-8901-0003" and "0812 3456 7890" are one number each, while two numbers typed next
to each other ("3204121289010003 081234567890") are split by trying every run of groups,
longest first. Each candidate is then checked:

- NIK: 16 digits, a real province code (list below), non-zero regency and district codes, a
  birth date DDMMYY in digits 7-12 where women add 40 to the day, and a non-zero serial. A
  random 16-digit number passes all of these about 1 time in 20.
- KK: the same layout (the date is the issue date, so no +40); only called KK when the word
  "KK" or "kartu keluarga" stands just before it, otherwise NIK.
- Phone: Indonesian mobile numbers (08.., +62 8.., 62 8..; 10-13 digits in national form) and
  landlines written with their area code ("(022) 5201234", "022-5201234", or any 9-12 digit
  0-number right after a word like "telp").
- Account number: 8-16 digits with a bank word (rekening, rek, BRI, BCA, BJB, ...) just
  before or after.
- Never: money ("Rp 1.500.000", "2 juta"), dates ("12-05-2022"), tracking numbers and codes
  glued to letters ("BDG-2611-00042", "14684/MC/I/2022"), RT/RW numbers, years.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Literal

PiiKind = Literal["nik", "phone", "email", "account_number", "kk"]

# Kemendagri province codes (Permendagri 72/2019 plus the Papua provinces created in 2022:
# 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya).
PROVINCE_CODES = frozenset(
    {
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21,
        31, 32, 33, 34, 35, 36,
        51, 52, 53,
        61, 62, 63, 64, 65,
        71, 72, 73, 74, 75, 76,
        81, 82,
        91, 92, 93, 94, 95, 96,
    }
)  # fmt: skip

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Digit groups joined by single separators; an optional "(022) " area code or "+" in front.
_NUMBER = re.compile(r"(?<![\w@+])(?:\(\+?\d{2,4}\)\s?)?\+?\d+(?:[ .\-]\d+)*(?![\w@])")
_GROUP = re.compile(r"\d+")
_MONEY_BEFORE = re.compile(r"(?:rp|idr)\.?\s*$", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"^\s*(?:rb|ribu|jt|juta|rupiah|k\b|%)", re.IGNORECASE)
# A code glued to letters: "BDG-2611", "14684/MC".
_CODE_BEFORE = re.compile(r"[A-Za-z0-9][-/]$")
_CODE_AFTER = re.compile(r"^[-/][A-Za-z0-9]")
_DATE = re.compile(r"^(?:\d{1,2}[.\-/ ]\d{1,2}[.\-/ ]\d{2,4}|\d{4}[.\-/ ]\d{1,2}[.\-/ ]\d{1,2})$")
_BANK_WORDS = re.compile(
    r"\b(?:rekening|rek|norek|no\.?\s?rek|bri|bni|bca|mandiri|bjb|bsi|btn|cimb|danamon|"
    r"permata|bank|virtual account|va)\b",
    re.IGNORECASE,
)
_KK_WORDS = re.compile(r"\b(?:kk|kartu keluarga)\b", re.IGNORECASE)
_PHONE_WORDS = re.compile(
    r"\b(?:hp|wa|whatsapp|telp|tlp|telepon|telpon|phone|hubungi|kontak|nomor|no)\b",
    re.IGNORECASE,
)
# How far before (and after) a number its context word may stand, in characters.
_CONTEXT_BEFORE = 30
_CONTEXT_AFTER = 15


@dataclass(frozen=True, slots=True)
class PiiMatch:
    kind: PiiKind
    start: int
    end: int
    value: str


def find_personal_data(text: str) -> list[PiiMatch]:
    """All personal-data spans in `text`, in order, never overlapping."""
    matches = [PiiMatch("email", m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]
    taken = [(m.start, m.end) for m in matches]
    for number in _NUMBER.finditer(text):
        if any(start < number.end() and number.start() < end for start, end in taken):
            continue
        if _is_money_or_code(text, number.start(), number.end()):
            continue
        matches += _numbers_in(text, number)
    return sorted(matches, key=lambda m: m.start)


def mask(text: str, matches: list[PiiMatch], *, keep_last: int = 2) -> str:
    """Replace each match's letters and digits with `x`, keeping its last `keep_last` ones.

    One style for every kind, chosen so the text stays readable: separators stay where they
    were, so a reader still sees "a phone number ending in 90" (`xxxx-xxxx-xx90`) or "an NIK
    ending in 03" (`xxxx xxxx xxxx xx03`). An e-mail keeps its domain, which names a provider,
    not a person: `xxxxxxxxo@gmail.com`.
    """
    out: list[str] = []
    cursor = 0
    for match in sorted(matches, key=lambda m: m.start):
        if match.start < cursor:
            continue
        out.append(text[cursor : match.start])
        out.append(_masked(text[match.start : match.end], match.kind, keep_last))
        cursor = match.end
    out.append(text[cursor:])
    return "".join(out)


def _masked(value: str, kind: PiiKind, keep_last: int) -> str:
    if kind == "email":
        local, _, domain = value.partition("@")
        return f"{_x_out(local, keep_last)}@{domain}"
    return _x_out(value, keep_last)


def _x_out(value: str, keep_last: int) -> str:
    total = sum(ch.isalnum() for ch in value)
    seen = 0
    chars: list[str] = []
    for ch in value:
        if ch.isalnum():
            seen += 1
            chars.append(ch if seen > total - keep_last else "x")
        else:
            chars.append(ch)
    return "".join(chars)


def _is_money_or_code(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 6) : start], text[end : end + 8]
    return bool(
        _MONEY_BEFORE.search(before)
        or _MONEY_AFTER.match(after)
        or _CODE_BEFORE.search(before)
        or _CODE_AFTER.match(after)
    )


def _numbers_in(text: str, number: re.Match[str]) -> list[PiiMatch]:
    """Split one run of digit groups into the personal-data numbers it holds."""
    groups = list(_GROUP.finditer(number.group()))
    base = number.start()
    found: list[PiiMatch] = []
    i = 0
    while i < len(groups):
        for j in range(len(groups) - 1, i - 1, -1):
            # A leading "+" or "(022) " belongs to the first group's number.
            start = base if i == 0 else base + groups[i].start()
            end = base + groups[j].end()
            kind = _classify(text, start, end, "".join(g.group() for g in groups[i : j + 1]))
            if kind is not None:
                found.append(PiiMatch(kind, start, end, text[start:end]))
                i = j + 1
                break
        else:
            i += 1
    return found


def _classify(text: str, start: int, end: int, digits: str) -> PiiKind | None:
    raw = text[start:end]
    before = text[max(0, start - _CONTEXT_BEFORE) : start]
    after = text[end : end + _CONTEXT_AFTER]
    if _DATE.match(raw):
        return None
    if len(digits) == 16 and (kind := _identity_kind(digits, before)) is not None:
        return kind
    bank_near = bool(_BANK_WORDS.search(before) or _BANK_WORDS.search(after))
    if bank_near and 8 <= len(digits) <= 16 and not _looks_like_thousands(raw):
        return "account_number"
    if _is_phone(raw, digits, before):
        return "phone"
    return None


def _identity_kind(digits: str, before: str) -> PiiKind | None:
    """NIK or KK when the 16 digits are a plausible identity number, else None."""
    if not _region_ok(digits):
        return None
    day, month = int(digits[6:8]), int(digits[8:10])
    near_kk = bool(_KK_WORDS.search(before))
    if near_kk and _date_ok(day, month):
        return "kk"
    # Women's NIK add 40 to the day of birth.
    if _date_ok(day - 40 if day > 40 else day, month):
        return "nik"
    return None


def _region_ok(digits: str) -> bool:
    return (
        int(digits[0:2]) in PROVINCE_CODES
        and digits[2:4] != "00"
        and digits[4:6] != "00"
        and digits[12:16] != "0000"
    )


def _date_ok(day: int, month: int) -> bool:
    # The year has two digits, so February 29 is always allowed (2000 is a leap year).
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]


def _is_phone(raw: str, digits: str, before: str) -> bool:
    national = "0" + digits[2:] if digits.startswith("62") else digits
    if len(national) < 9 or not national.startswith("0"):
        return False
    if national[1] == "8":
        return 10 <= len(national) <= 13 and national[2] != "0"
    if national[1] not in "234567" or not 9 <= len(national) <= 12:
        return False
    # A landline needs its area code written apart, or a phone word in front: an 0-number
    # of 9-12 digits is otherwise as likely an invoice or customer number.
    area_apart = raw.startswith("(") or bool(re.match(r"^\+?\d{2,4}[ .\-]", raw))
    return area_apart or bool(_PHONE_WORDS.search(before))


def _looks_like_thousands(raw: str) -> bool:
    """`1.500.000` is an amount, whatever word stands near it."""
    return bool(re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw))


def mask_personal_data(text: str) -> str:
    """`text` with every NIK, phone number, e-mail address and account number masked."""
    if not text:
        return text
    return mask(text, find_personal_data(text))
