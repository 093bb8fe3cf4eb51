"""Keep what the citizen wrote: drop quoted earlier messages, signatures and format=flowed wraps.

Mail clients quote the message they answer below an attribution line whose wording depends on
the client and its language; the patterns below cover Gmail, Outlook, Thunderbird, Apple Mail and
Yahoo in English and Indonesian, the languages Sigap's citizens write in.
"""

from __future__ import annotations

import re

# "On Mon, 3 Nov 2026 at 09:12, Sigap <lapor@bandungkab.go.id> wrote:" (Gmail may wrap it) and
# "Pada tanggal Sen, 3 Nov 2026 pukul 09.12 Sigap <...> menulis:" (Gmail in Indonesian).
_ATTRIBUTION = re.compile(
    r"^\s*(On\s.+\swrote|Pada\s.+\smenulis)\s*:\s*$", re.IGNORECASE | re.DOTALL
)
_ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(Original Message|Pesan Asli|Pesan Aslinya)\s*-{2,}\s*$", re.IGNORECASE
)
# Outlook quotes without '>' under a header block: "From:/Dari:" then Sent/To/Subject lines.
_HEADER_BLOCK_START = re.compile(r"^\s*\**(From|Dari)\s*:\**\s", re.IGNORECASE)
_HEADER_BLOCK_LINE = re.compile(
    r"^\s*\**(Sent|Date|To|Cc|Subject|Terkirim|Dikirim|Tanggal|Kepada|Subjek|Perihal)\s*:",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^\s*(_{5,}|-{5,}|={5,})\s*$")
_MOBILE_SIGNATURE = re.compile(
    r"^\s*(Sent from my |Sent from Yahoo|Dikirim dari |Get Outlook for |Kirim dari )", re.IGNORECASE
)
# RFC 3676 4.3: "-- " alone on a line starts a signature; many clients trim the space.
_SIGNATURE_SEPARATORS = frozenset({"-- ", "--"})


def strip_quoted_reply(text: str) -> str:
    """The new part of a reply; the whole text when nothing would be left (a bare forward)."""
    lines = text.split("\n")
    lines = lines[: _quote_start(lines)]
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    lines = _cut_signature(lines)
    stripped = "\n".join(lines).strip()
    return stripped or text.strip()


def _quote_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if _ORIGINAL_MESSAGE.match(line) or _is_attribution(lines, index):
            return _skip_back_separators(lines, index)
        if _HEADER_BLOCK_START.match(line) and _header_block_follows(lines, index):
            return _skip_back_separators(lines, index)
    return len(lines)


def _is_attribution(lines: list[str], index: int) -> bool:
    # Gmail wraps long attribution lines, so try the line alone and joined with the next one.
    line = lines[index]
    if not re.match(r"^\s*(On|Pada)\s", line, re.IGNORECASE):
        return False
    if _ATTRIBUTION.match(line):
        return True
    return index + 1 < len(lines) and bool(_ATTRIBUTION.match(f"{line} {lines[index + 1]}"))


def _header_block_follows(lines: list[str], index: int) -> bool:
    following = lines[index + 1 : index + 5]
    return sum(1 for line in following if _HEADER_BLOCK_LINE.match(line)) >= 2


def _skip_back_separators(lines: list[str], index: int) -> int:
    while index > 0 and (not lines[index - 1].strip() or _SEPARATOR.match(lines[index - 1])):
        index -= 1
    return index


def _cut_signature(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if line in _SIGNATURE_SEPARATORS:
            lines = lines[:index]
            break
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and _MOBILE_SIGNATURE.match(lines[-1]):
        lines.pop()
    return lines


def unflow(text: str, *, delsp: bool) -> str:
    """Undo RFC 3676 format=flowed: a line ending in a space continues on the next line."""
    output: list[tuple[int, str]] = []
    joining = False
    for raw_line in text.split("\n"):
        depth = len(raw_line) - len(raw_line.lstrip(">"))
        content = raw_line[depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing (RFC 3676 4.4)
        soft = content.endswith(" ") and content not in _SIGNATURE_SEPARATORS
        if soft and delsp:
            content = content[:-1]
        if joining and output and output[-1][0] == depth:
            output[-1] = (depth, output[-1][1] + content)
        else:
            output.append((depth, content))
        joining = soft
    return "\n".join((">" * depth + " " if depth else "") + body for depth, body in output)
