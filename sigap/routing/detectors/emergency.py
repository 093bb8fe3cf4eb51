"""Is this message an emergency in progress? Rules over normalised tokens, backed by a model.

Why rules first: there is no labelled corpus of real Indonesian emergency messages to learn
from, the cost of a miss is a fire reported and left in a queue, and the command center must
be able to read *why* a message was flagged. Every decision carries its reason. Where the
rules find a message quiet without a reason (no hazard word, too little support), a text
model trained on the hand-written rounds has the last word (emergency_model.py): it reaches
wording no list holds, and says so in the reason.

How a message is scored:
1. Hazard phrases (`kebakaran`, `banjir`, `tabrakan`, `pingsan`, ...) are found with their
   kind and weight (2 = an emergency on its own, 1 = needs support).
2. A hazard is *defused* by a past, hypothetical, preventive, chronic or administrative cue
   in its clause: `bekas kebakaran`, `banjir tahun lalu`, `rawan longsor`, `sering terjadi
   kecelakaan`, `korban banjir belum dapat bantuan`; or by a conditional clause or a news
   header just before it ("kalau nanti hujan, tanggul jebol", "Berita di TV: tabrakan di
   tol"). A present-time cue (`sekarang`, `sedang`) between the two ends the reach of the
   defuser: "tahun lalu kebakaran juga, sekarang api lagi" is live. A cause (`karena
   banjir`) defuses only while nobody is trapped or cut off near it: "tidak bisa ke RS krn
   kebanjiran" is live, "jalan rusak karena banjir" is not.
3. Support: urgency (`tolong`, `segera`, `darurat`, `!!`) and severity (`ada korban`,
   `terjebak`, a water depth on the body: `sepinggang`, Su `nepi ka tuur`) within 12 tokens
   of the hazard, at most 3 points. Some cues back one kind only: ground that cracks, tilts
   or moves (`mulai miring`, `retak`) a landslide; someone hiding or afraid after the threat
   (`kunci diri`, Su `sieun`) violence. A maintenance request nearby (`mohon segera
   diperbaiki`) costs one point and silences the plea right before it.
4. Emergency when the best live hazard's weight plus support, minus that cost, is >= 2, or
   >= 3 in a message of more than 50 tokens and >= 4 past 120: a live report is short or
   pleads, while long narrative complaints mention accidents and floods in passing. A hazard
   introduced by `ada` ("ada pohon roboh") or next to another hazard weighs half a point more.

Phrases match across a couple of fillers (`air udah masuk rumah`), see FILLERS; a gapped
pair (`tanggul ~ jebol`) across any few words of its clause, see GAP_REACH. Water with a
depth on the body a few words later ("cai geus nepi ka tuur") is a flood hazard of its own.
Finding the phrases, with the chat word forms (`keseret` for `terseret`), is
emergency_match.py.

The word lists are in emergency_lexicon.py; the labelled cases and the measured precision and
recall (dev and held-out) in the emergency_cases package.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sigap.routing.detectors import emergency_lexicon as lex
from sigap.routing.detectors.emergency_match import (
    GAP_BREAKERS,
    GAP_REACH,
    INDEX,
    VOCABULARY,
    Entry,
    Hit,
)
from sigap.routing.detectors.emergency_model import THRESHOLD as MODEL_THRESHOLD
from sigap.routing.detectors.emergency_model import text_model
from sigap.routing.detectors.text import Tokens, tokenise

THRESHOLD = 2.0
MAX_SUPPORT = 3.0
# How far (in tokens, inside one clause) a past or hypothetical cue reaches.
DEFUSE_REACH = 6
NEGATION_REACH = 2
# A plea this close before a maintenance verb is part of the request ("mohon segera diperbaiki").
REQUEST_REACH = 3
# How far (in tokens, either side) an urgency or severity cue supports a hazard mention.
SUPPORT_REACH = 12
# Messages longer than this (in tokens) are narratives; they need one point more.
LONG_MESSAGE = 50
# Longer than this, a message is an essay (an opinion on fire-truck access, a grievance):
# nobody writes 120 words while the house burns. Two points more.
ESSAY_MESSAGE = 120
# "ada banjir", Su "aya caah", Jv "ana/wonten": the presentative names a thing there now.
PRESENTATIVE = "ada"
PRESENTATIVE_BONUS = 0.5
# A clause opened by one of these makes the next clause hypothetical ("kalau hujan, ...").
CONDITIONALS = frozenset(
    {"kalau", "jika", "bila", "apabila", "seandainya", "andai", "misal", "misalnya", "nanti"}
)
# A clause with one of these makes the next clause a report of the news, not a sighting:
# "Berita di TV tadi: kecelakaan beruntun di tol, 5 korban", "lagi nonton berita, ...".
REPORTED = frozenset({"berita", "nonton", "menonton"})
NOT_PRESENTATIVE = frozenset({"dengan", "karena", "akibat", "apabila", "jika", "kalau", "bila"})
# Ties between kinds go to the cause, not the consequence: a crash with an unconscious rider
# is a traffic accident.
KIND_PRIORITY = ("fire", "flood", "landslide", "traffic_accident", "violence", "other", "medical")
_DEFUSE_BACKWARD = frozenset({"past", "before", "cause", "fear", "chronic", "admin"})
_DEFUSE_FORWARD = frozenset({"past", "chronic", "admin"})
_JOKE = re.compile(lex.JOKE_PATTERN)


@dataclass(frozen=True, slots=True)
class EmergencySignal:
    """The verdict for one message.

    `kind` is set only for an emergency. `confidence` grows with the score's distance from
    the threshold (0.69 at it, 0.92 one point above, 0.31 one point below, 0.05 when every
    hazard word was defused); it ranks alerts for the operator and is not a calibrated
    probability. `matched` lists the live hazard phrases, then the cues that supported them.
    """

    is_emergency: bool
    kind: str | None
    confidence: float
    matched: tuple[str, ...]
    reason: str


def detect_emergency(text: str) -> EmergencySignal:
    """Classify one message: the rules, and where they find it quiet without a reason (no
    hazard word, or one without enough support), the text model (emergency_model.py).
    Deterministic; about half a millisecond for chat text."""
    signal, settled = _by_rules(text)
    if signal.is_emergency or settled:
        return signal
    model = text_model()
    probability = model.probability(text)
    if probability < MODEL_THRESHOLD:
        return signal
    kind = model.kind(text)
    return EmergencySignal(
        True, kind, round(probability, 3), signal.matched,
        f"text model: {kind} at {probability:.2f} (rules: {signal.reason})",
    )  # fmt: skip


def emergency_rules(text: str) -> EmergencySignal:
    """The rules' verdict alone (what `detect_emergency` says without the text model)."""
    return _by_rules(text)[0]


def _by_rules(text: str) -> tuple[EmergencySignal, bool]:
    """The rules' verdict, and whether it is settled: a joke or every hazard defused by a
    reason the operator can read (the text model is not asked then)."""
    tokens = tokenise(text, VOCABULARY)
    hits = INDEX.scan(tokens)
    depths = _water_depths(hits, tokens)
    if depths:
        hits = sorted(hits + depths, key=lambda h: h.start)
    hazards = [h for h in hits if h.entry.role == "hazard"]
    if _is_joke(text, tokens):  # settled with or without a hazard word: no model either
        return _quiet(hazards, "joke or laughter in the message"), True
    if not hazards:
        return EmergencySignal(False, None, 0.0, (), "no hazard word"), False
    context = _Context(tokens, hits)
    live: list[Hit] = []
    defused: list[tuple[Hit, Hit]] = []
    for hazard in hazards:
        blocker = context.defuser(hazard)
        if blocker is None:
            live.append(hazard)
        else:
            defused.append((hazard, blocker))
    if not live:
        return _defused_signal(defused), True
    return _score(live, context), False


def _water_depths(hits: Sequence[Hit], tokens: Tokens) -> list[Hit]:
    """Water said to stand at a height of the body is a flood even with no word for one: Su
    "cai geus nepi ka tuur", Jv "banyune tekan dengkul", "air udah sepaha". A hazard of
    weight 1 on the water word, when the depth follows it within GAP_REACH tokens of its
    clause with no past, hypothetical or request cue between."""
    forms, clauses = tokens
    taken = {h.start for h in hits}
    found: list[Hit] = []
    for depth in hits:
        if depth.entry.role != "depth":
            continue
        for pos in range(depth.start - 1, max(depth.start - 1 - GAP_REACH, -1), -1):
            if clauses[pos] != depth.clause or forms[pos] in GAP_BREAKERS or pos in taken:
                break
            if forms[pos] in lex.WATER:
                entry = Entry(f"{forms[pos]} ~ {depth.entry.phrase}", "hazard", 1.0, "flood")
                found.append(Hit(entry, pos, pos + 1, depth.clause))
                break
    return found


def _quiet(hazards: Sequence[Hit], reason: str) -> EmergencySignal:
    return EmergencySignal(False, None, 0.05, tuple(h.entry.phrase for h in hazards), reason)


def _defused_signal(defused: Sequence[tuple[Hit, Hit]]) -> EmergencySignal:
    hazard, blocker = defused[0]
    why = f"'{blocker.entry.phrase}' ({blocker.entry.role})"
    before = blocker.entry.role in ("conditional", "reported")
    where = "the clause before" if before else "its clause"
    return _quiet(
        [h for h, _ in defused], f"'{hazard.entry.phrase}' is defused by {why} in {where}"
    )


class _Context:
    """The cues of one message, indexed by token position."""

    def __init__(self, tokens: Tokens, hits: Sequence[Hit]) -> None:
        self.forms, self.clauses = tokens
        self.hits = hits
        self.at: dict[int, Hit] = {h.start: h for h in hits}

    def defuser(self, hazard: Hit, *, live_causes: bool = True) -> Hit | None:
        """The cue that makes this hazard mention past, hypothetical or administrative.

        None when the mention is live. A year near the mention counts as past (`banjir 2020`).
        A cause (`karena banjir`) defuses unless people are in danger now (`live_causes`).
        """
        backward = range(hazard.start - 1, hazard.start - DEFUSE_REACH - 1, -1)
        blocker = self._scan(hazard, backward, live_causes)
        if blocker is not None:
            return blocker
        forward = self._scan(hazard, range(hazard.end, hazard.end + DEFUSE_REACH), live_causes)
        return forward if forward is not None else self._conditional_clause(hazard)

    def _people_in_danger(self, hazard: Hit) -> bool:
        """ "Pasien tidak bisa ke RS karena kebanjiran": the cause is why someone is in danger
        now, not an old event ("jalan rusak karena banjir"). A live cue of people trapped or cut
        off near the hazard tells the two apart (`korban` does not: victims are named after the
        event too); that cue may not lean on a cause itself."""
        return any(
            hit.entry.phrase in lex.PEOPLE_IN_DANGER
            and self.defuser(hit, live_causes=False) is None
            for hit in self._near(hazard)
        )

    def _conditional_clause(self, hazard: Hit) -> Hit | None:
        """ "Kalau nanti hujan, tanggul jebol": a clause opened by `kalau` (or `nanti`, ...) makes
        the next clause hypothetical, and one opened by `berita` makes it reported news, unless
        a present-time cue opens that one. `kalau bisa` (if possible) and `kalau tidak salah`
        (if I am not mistaken) are politeness, not a condition."""
        start = hazard.start
        while start > 0 and self.clauses[start - 1] == hazard.clause:
            start -= 1
        if start == 0 or any(
            (hit := self.at.get(pos)) is not None and hit.entry.role == "now"
            for pos in range(start, hazard.start)
        ):
            return None
        first = start - 1
        while first > 0 and self.clauses[first - 1] == self.clauses[start - 1]:
            first -= 1
        opener = self.forms[first]
        # News anywhere in the clause before ("lagi nonton berita, ada banjir bandang di
        # Garut"), unless the hazard clause turns urgent ("lagi nonton tv, tiba-tiba dapur
        # kebakaran").
        media = next((pos for pos in range(first, start) if self.forms[pos] in REPORTED), None)
        if media is not None and not self._urgent_before(start, hazard.start):
            return Hit(Entry(self.forms[media], "reported", 1.0), media, media + 1, hazard.clause)
        if opener not in CONDITIONALS or (
            first + 1 < start and self.forms[first + 1] in ("bisa", "tidak")
        ):
            return None
        return Hit(Entry(opener, "conditional", 1.0), first, first + 1, hazard.clause)

    def _urgent_before(self, start: int, end: int) -> bool:
        return any(
            (hit := self.at.get(pos)) is not None and hit.entry.role in ("now", "urgent")
            for pos in range(start, end)
        )

    def _scan(self, hazard: Hit, positions: range, live_causes: bool) -> Hit | None:
        forward = positions.step > 0
        roles = _DEFUSE_FORWARD if forward else _DEFUSE_BACKWARD
        for pos in positions:
            if not 0 <= pos < len(self.forms) or self.clauses[pos] != hazard.clause:
                return None
            hit = self._hit_covering(pos)
            if _is_year(self.forms[pos]):
                return Hit(Entry(self.forms[pos], "past", 1.0), pos, pos + 1, hazard.clause)
            if hit is None:
                continue
            role = hit.entry.role
            if role == "now":
                return None
            if role in roles:
                if role == "cause" and live_causes and self._people_in_danger(hazard):
                    continue
                return hit
            if role == "negation" and not forward and hazard.start - hit.end < NEGATION_REACH:
                return hit
        return None

    def _hit_covering(self, pos: int) -> Hit | None:
        hit = self.at.get(pos)
        if hit is not None:
            return hit
        # Scanning backwards lands on the last token of a multi-token cue.
        for start in range(pos - 1, max(pos - 4, -1), -1):
            candidate = self.at.get(start)
            if candidate is not None and candidate.end > pos:
                return candidate
        return None

    def support(self, hazard: Hit) -> tuple[float, list[str]]:
        """Urgency and severity points near this hazard (capped), and the cues that earned them.

        Only cues within SUPPORT_REACH tokens count: a long complaint collects a `tolong` here
        and a `segera` there without any of them being about the hazard it mentions.
        """
        earned: dict[str, float] = {}
        for hit in self._near(hazard):
            if self._supports(hazard, hit):
                earned[hit.entry.phrase] = hit.entry.weight
        # Each cue counts once: `luka luka` is not twice as severe as `luka`.
        return min(sum(earned.values()), MAX_SUPPORT), list(earned)

    def _supports(self, hazard: Hit, cue: Hit) -> bool:
        role, kind = cue.entry.role, hazard.entry.kind
        if role in ("now", "urgent"):
            return not self._before_request(cue)
        if role in ("severe", "depth"):
            # `korban banjir` names the victims of the flood, not new casualties; `agar
            # tidak ada korban` and `takut menimpa` are no casualties at all.
            return cue.end != hazard.start and self.defuser(cue) is None
        if role == "ground":
            # Ground that cracks, tilts or moves backs a landslide word ("jalan ambles, rumah
            # mulai miring dan retak"), but not the pair it belongs to: `tanah ~ retak` in a
            # drought is a crack, not a slide.
            own = hazard.entry.phrase.split()
            return kind == "landslide" and cue.entry.phrase not in own and not self.defuser(cue)
        # Someone hiding, or afraid after the threat, is the target of violence going on now;
        # fear *before* a violence word is fear of it ("takut dibegal") and defuses it instead.
        if role == "hiding" or (role == "fear" and cue.start > hazard.start):
            return kind == "violence"
        return False

    def requests(self, hazard: Hit) -> list[str]:
        return [h.entry.phrase for h in self._near(hazard) if h.entry.role == "request"]

    def _near(self, hazard: Hit) -> list[Hit]:
        return [
            h
            for h in self.hits
            if h is not hazard
            and h.entry.role != "hazard"
            and _distance(hazard, h) <= self._reach(hazard, h)
        ]

    @staticmethod
    def _reach(hazard: Hit, cue: Hit) -> int:
        """SUPPORT_REACH; twice that for the target of violence hiding afterwards, which is
        usually told in a sentence of its own ("... diikuti 2 orang pakai motor dari
        perempatan, mereka mencoba menyetop saya, sekarang saya ngumpet di Indomaret")."""
        if cue.entry.role == "hiding" and hazard.entry.kind == "violence":
            return 2 * SUPPORT_REACH if cue.start > hazard.start else SUPPORT_REACH
        return SUPPORT_REACH

    def _before_request(self, cue: Hit) -> bool:
        for pos in range(cue.end, cue.end + REQUEST_REACH):
            hit = self.at.get(pos)
            if hit is not None and hit.entry.role == "request":
                return True
        return False


def _distance(hazard: Hit, cue: Hit) -> int:
    """Tokens between a cue and a hazard's first word, or a gapped pair's second word for cues
    after it ("anak saya umur 5 tahun hilang di pasar ..., tidak ketemu" reaches from
    `hilang`)."""
    if hazard.tail is not None and cue.start > hazard.tail:
        return cue.start - hazard.tail
    return abs(cue.start - hazard.start)


@dataclass(frozen=True, slots=True)
class _Verdict:
    hazard: Hit
    base: float
    support: float
    cues: list[str]
    requests: list[str]

    @property
    def score(self) -> float:
        return self.base + self.support - (1.0 if self.requests else 0.0)


def _score(live: Sequence[Hit], context: _Context) -> EmergencySignal:
    verdicts = [_verdict(hazard, live, context) for hazard in live]
    best = max(verdicts, key=lambda v: (v.score, -KIND_PRIORITY.index(v.hazard.entry.kind or "")))
    # A live report is short or pleads; a long narrative needs one point more.
    threshold = THRESHOLD + _length_penalty(len(context.forms))
    score = best.score
    is_emergency = score >= threshold
    matched = tuple(dict.fromkeys([h.entry.phrase for h in live] + best.cues))
    reason = f"{best.hazard.entry.kind}: '{best.hazard.entry.phrase}' (base {best.base:g})"
    reason += f", support {best.support:g}"
    reason += f" from {', '.join(best.cues)}" if best.cues else ""
    reason += f", maintenance request '{best.requests[0]}' -1" if best.requests else ""
    reason += f" -> score {score:g} {'>=' if is_emergency else '<'} {threshold:g}"
    kind = best.hazard.entry.kind if is_emergency else None
    return EmergencySignal(is_emergency, kind, _confidence(score - threshold), matched, reason)


def _length_penalty(tokens: int) -> float:
    if tokens > ESSAY_MESSAGE:
        return 2.0
    return 1.0 if tokens > LONG_MESSAGE else 0.0


def _verdict(hazard: Hit, live: Sequence[Hit], context: _Context) -> _Verdict:
    base = _weight(hazard, context)
    # The second word of a gapped pair (`longsor` in `tanah ~ longsor`) is the same witness,
    # not another hazard.
    own = set(hazard.entry.phrase.split())
    others = [
        h
        for h in live
        if h.entry.phrase != hazard.entry.phrase
        and h.entry.phrase not in own
        and abs(h.start - hazard.start) <= SUPPORT_REACH
    ]
    # Two hazards together (fire and smoke) or one introduced by `ada`: half a point, once.
    if others or _presentative(hazard, context):
        base += PRESENTATIVE_BONUS
    support, cues = context.support(hazard)
    return _Verdict(hazard, base, support, cues, context.requests(hazard))


def _weight(hazard: Hit, context: _Context) -> float:
    """A hazard named as `korban <hazard>` refers to its victims, usually after the event;
    one introduced by `ada` ("ada pohon roboh") is there now."""
    before = context.at.get(hazard.start - 1)
    if before is not None and before.entry.phrase == "korban":
        return min(hazard.entry.weight, 1.0)
    return hazard.entry.weight


def _presentative(hazard: Hit, context: _Context) -> bool:
    """`ada X`, but not `dengan adanya X` (with X around: a topic, not a sighting)."""
    forms, start = context.forms, hazard.start
    if start == 0 or forms[start - 1] != PRESENTATIVE:
        return False
    return start < 2 or forms[start - 2] not in NOT_PRESENTATIVE


def _confidence(margin: float) -> float:
    """Logistic in the distance from the threshold: 0.69 at it, 0.92 one point above."""
    return round(1.0 / (1.0 + math.exp(-1.6 * (margin + 0.5))), 3)


def _is_year(form: str) -> bool:
    return len(form) == 4 and form.isdigit() and 1900 <= int(form) <= 2099


def _is_joke(text: str, tokens: Tokens) -> bool:
    if any(emoji in text for emoji in lex.JOKE_EMOJI):
        return True
    return any(form in lex.JOKE_WORDS or _JOKE.match(form) for form in tokens.forms)
