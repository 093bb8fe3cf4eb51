"""A labelled evaluation set for the emergency detector, written by hand for this project.

Every message was written by hand in the style of WhatsApp reports to a Pemda (Indonesian
with Sundanese `Su` and Javanese `Jv` wording, slang and typos); none is copied from a data set.
Place names are Kabupaten Bandung's; people and addresses are invented.

Splits, in the order they were written:
- round 1 (138 cases): written first; the rules were tuned on them.
- round 2 (40 cases): written after freezing the rules, as a held-out set. The frozen rules
  scored precision 0.917 (11/12) and recall 0.55 (11/20) on it: missing colloquial verb forms
  (`mukulin`, `ketiban`, `kecebur`, `kejebak`), hedges read as similes (`kayaknya`), and no
  sense of suddenness (`tiba-tiba`). Round 2 was then folded into the dev set and the rules
  fixed for those *kinds* of misses.
- round 3 (40 cases): written after freezing the rules again. Frozen rules: precision 0.826
  (19/23), recall 0.95 (19/20): narrative `waktu kebakaran` (at the time of the fire), media
  mentions (`foto korban kecelakaan`), figurative `banjir chat`, a drug shortage for `pasien
  kejang`, and river water "naik terus" not read as rising. Folded into the dev set and fixed.
- round 4 (40 cases): written after the rules were frozen a third time. Frozen rules:
  precision 0.941 (16/17), recall 0.80 (16/20). Misses: words split by a filler ("air udah
  masuk rumah"), vocabulary never seen (`hipotermia`, `perampok bersenjata`, `disandera`,
  `ambles ... runtuh`); false alarm: a statistic ("angka kecelakaan naik"). Fixed on
  2026-12-05 and folded into dev, with round 4b (20 dev cases written for the new Sundanese /
  Javanese vocabulary and rules).
- rounds 5 to 9 (66, 80, 80, 80 and 80 cases), 2026-12-05, each written *before* the rules it
  was measured on were frozen, each measured once, then (rounds 5 to 8) its misses fixed and
  the round folded into dev. First (honest) measurement of each:
      round 5: precision 0.963 (26/27), recall 0.788 (26/33)  [the rules of round 4]
      round 6: precision 1.0 (33/33),  recall 0.825 (33/40)
      round 7: precision 1.0 (33/33),  recall 0.825 (33/40)
      round 8: precision 1.0 (31/31),  recall 0.775 (31/40)
      round 9: precision 1.0 (38/38),  recall 0.95 (38/40)
  Pooled over the five first measurements: precision 0.994 (161/162), recall 0.834 (161/193).
  Misses were mostly wording never seen (Sundanese `kakeueum`, Javanese `mlebu omah`, symptoms
  with no hazard word: "tidak bergerak, mulutnya mencong"). The same person wrote the cases
  and the rules, and round 9 came after four rounds of learning what the rules miss: read
  0.95 as optimistic and the pooled 0.83 as the better guess for text written by others.
- rounds 10 and 11 (80 cases each: 40 emergencies over all seven kinds, 40 tricky negatives,
  23 Sundanese or Javanese messages per round), written by a second author, blind to the
  rules and to rounds 1 to 9, then both measured once on the rules of round 9:
      round 10: precision 0.938 (30/32), recall 0.75 (30/40)
      round 11: precision 1.0 (27/27),  recall 0.675 (27/40)  <- `HELDOUT_CASES`
  Pooled, the first independent measurement: precision 0.966 (57/59), recall 0.713 (57/80).
  Pooled with rounds 5 to 9: precision 0.986 (218/221), recall 0.799 (218/273).
  Round 10's misses: a hedge read as a simile (`kyknya` = `kyk` + `-nya`, and `kyk` is
  `seperti`), colloquial and regional forms never seen (`kerendem`, `tergenang`, `nyungsep ke
  jurang`, Su `murag kana sumur`, Jv `lemahe ambrol`), violence with none of the listed verbs
  (`dibekap`, `lempar batu`), and progress cues ("retakannya makin lebar", "tanah retak terus
  gerak"); its false alarms: a film scene (`adegan kebakaran`) and news after a "Berita di TV
  tadi:" header. Those kinds were fixed and round 10 folded into dev; round 11 was then
  measured again, unchanged: precision 1.0 (27/27), recall 0.675 (27/40). Its misses are of
  the same kinds but other words, which is why the fixes did not reach them: `ke-` passives
  (`kelindes`, `keseret arus`), Su `cai nepi ka tuur`, `tenggelem`, Jv `ambruk ... ora
  ambegan`, threats and coercion (`dikuntit`, `ngancam mau bakar rumah`, `diseret paksa`,
  `bentrok`), landslides named by a weight-1 word with no cue (`ambles ... miring dan retak`,
  `longsor ... yg jaga kandang ilang`), and a causal `krn kebanjiran` that defused a patient's
  emergency. Read recall ~0.7 as the figure for text written by others.
- round 12 (80 cases: 40 emergencies over all seven kinds, 40 tricky negatives, 21 Sundanese
  or Javanese messages), 2026-12-05, written by a third author, blind to the rules and to
  rounds 1 to 11, then measured once on the rules of round 11 before any change:
      round 12: precision 0.968 (30/31), recall 0.75 (30/40)
  Pooled first measurements by other authors (rounds 10 to 12): precision 0.967 (87/90),
  recall 0.725 (87/120). Pooled first measurements of rounds 5 to 12: precision 0.984
  (248/252), recall 0.792 (248/313).
  Then, without looking at round 12's misses, round 11 was folded into dev and *general*
  rules were added for the kinds of round 11's misses (emergency_match.py, emergency.py):
  the accidental passive `ke-`/Su `ka-`/`ke-...-an` read as `ter-`/`di-` when that yields a
  keyword (`keseret`, `kelindes`, `katibanan`); Su/Jv final `e` for `a` in hazard words
  (`tenggelem`); a water depth on the body (`se-`/Su `sa-` + body part, `setinggi`/`sampai
  ke`/Su `nepi ka`/Jv `tekan`/`sak` + body part) as severity, and after `air` as a flood of
  its own; any slope (`tebing lereng bukit gawir tanah`, Jv `lemah`, Su `taneuh`) with any
  collapse verb in its clause as a landslide; cracking, tilting, moving ground as support
  for a landslide word (a progression, `mulai miring`, a full point; a plain `retak` half);
  threats, stalking and dragging as violence, a threat or pursuit aimed at the writer
  (`mengancam saya`, `kami dibuntuti`) stronger, hiding or fear after it as support, `kena`
  + a body part as an injury; a cause (`karena banjir`) that no longer defuses a hazard when
  someone is trapped or cut off near it. Real-data flags did not move (Surabaya 14,
  Purbalingga 3, LaporGub! 115, the same rows). Round 12 measured again at the end, once:
      round 12: precision 0.970 (32/33), recall 0.80 (32/40)  <- `HELDOUT_CASES`
  The rules reached two of its ten misses (the water depths `sepaha`, Jv `tekan dengkul`).
  What they did not reach is again wording no rule knows: Jv `diantemi`, `digowo ...
  dipeksa`, a filler inside a pattern (`sy *lagi* diikutin`), `aer` for `air`, a stroke told
  with no symptom word (Su `labuh ... teu tiasa nyarios`), a missing child (Su `leungit`),
  a person about to jump (Jv `arep nglumpat`); the false alarm is a fire already out told
  in Sundanese (`tos pareum` is not known as "already extinguished"). Violence stayed at
  3/6, which is why threats need more than a verb list.
  Round 12 was then folded into dev and its kinds of misses fixed with general rules and
  words: colloquial verb forms (`-in`, the bare nasal active: `mukul`, `nonjok`, `nyulik`)
  read towards the violence verbs only; more beating verbs, Sundanese and Javanese ones too
  (`diantemi`, `diteunggeul`, `dipeupeuh`); a threat of a violent act (`ngancem mukul`,
  `mengancam akan membunuh`); `lagi`, `sedang`, `masih`, `terus` as fillers inside a phrase;
  a victim hiding counted up to two sentences after the threat; stroke signs without the word,
  a missing child (`anak ~ hilang`), someone about to jump, a vehicle ramming, aid *for*
  victims as an aftermath, Su `tos pareum`. `memukul` alone stays out: LaporGub! has "anak
  berani mukul" (discipline). Real-data flags unchanged, row for row.
- round 13 (80 cases: 40 emergencies over all seven kinds with 8 of violence, 40 tricky
  negatives, 30 Sundanese or Javanese messages), 2026-12-05, written by a fourth author, blind
  to the rules and to rounds 1 to 12, measured once on the frozen rules before round 12's
  misses were fixed:
      round 13: precision 0.879 (29/33), recall 0.725 (29/40)
  and again after those fixes (written without looking at round 13):
      round 13: precision 0.857 (30/35), recall 0.75 (30/40)
  The same rules scored it before today's violence work too: that work reached none of its
  misses. Its false alarms are reports about the event, not of it: TV news of a flood in
  Garut, a rumour on a WhatsApp group ("katanya tanggul jebol, itu bener?") from someone whose
  water is normal, documents burnt in last month's fire, recovery from a stroke. Its misses
  are again wording no rule knows (Su `rugrug`, `ngagebugan`, `pegat`, `ngaletik`; a car
  stalled in rising water; a snake bite as `kepatuk`), a missing child, a person about to
  jump told in Javanese, a stalker waiting in the dark. Pooled first measurements by other
  authors (rounds 10 to 13): precision 0.943 (116/123), recall 0.725 (116/160).
  Round 13 was then folded into dev and its kinds fixed, again with general rules and words:
  Su `rugrug` (collapses), `pegat` (snapped), `ngagebugan` (beating), `silih alungkeun` (throwing
  at each other), `kepatuk ular`, a live clash `bentrok antar ...`, `air ~ naik` across a few
  words, a broken bone and screaming as severity, being shut in (`tidak bisa buka pintu`),
  "an hour ago" as still now; documents, TV, WhatsApp groups, rumours and a recovery (`sudah
  sembuh`, Jv `mari`) as reports about an event. Real-data flags unchanged, row for row.
- round 14 (80 cases: 40 emergencies over all seven kinds, 40 tricky negatives, 27 Sundanese or
  Javanese messages), 2026-12-05, written by a fifth author, blind to the rules and to rounds
  1 to 13, measured once on the frozen rules:
      round 14: precision 0.943 (33/35), recall 0.825 (33/40)
  On the rules as they stood that morning (before the round 12 and 13 fixes) it scores
  precision 0.909 (30/33), recall 0.75 (30/40): the general fixes carried over to text they
  were not written for. Pooled first measurements by other authors (rounds 10 to 14):
  precision 0.943 (149/158), recall 0.745 (149/200); rounds 5 to 14: precision 0.969
  (310/320), recall 0.789 (310/393).
  Round 14 was folded into dev and its kinds fixed in general terms (cardiac signs and
  someone giving CPR, an overturned vehicle, Su beating and burying verbs, people still
  inside or on the roof, a victim already taken to hospital and stable, news watched in the
  clause before unless urgency follows).
- round 15 (80 cases: 40 emergencies over all seven kinds, 40 tricky negatives, 31 Sundanese or
  Javanese messages), 2026-12-05, written by a sixth author, blind to the rules and to rounds
  1 to 14, measured once on the frozen rules:
      round 15: precision 0.966 (28/29), recall 0.70 (28/40)
  This morning's rules: precision 0.931 (27/29), recall 0.675 (27/40). Its misses are again
  mostly wording no rule knows (Su `ngaduruk ... nyambar`, `tikerelep`, `ngaruntuhan`, Jv
  `gulung koming`, `adu ban`), long messages whose hazard and cue lie far apart, a
  violent scene told only by sounds, and a gas leak told as "bocor ... desis"; its false alarm
  is a fire already put out by `dipadamin` (colloquial for `dipadamkan`). Pooled first
  measurements by other authors (rounds 10 to 15): precision 0.947 (177/187), recall 0.738
  (177/240); rounds 5 to 15: precision 0.968 (338/349), recall 0.781 (338/433). Read recall
  ~0.74 as what the rules catch of emergencies written by people they have not seen.
  Then a text model was put behind the rules (emergency_model.py): logistic regression on
  character and word n-grams, trained on rounds 1 to 14, asked only where the rules find a
  message quiet without a reason. Its threshold (0.93) was chosen on the real complaints (no
  flag added to any of the three sets), not on round 15. An experiment before it was built
  had looked at round 15 once with a threshold of 0.85 (precision 0.973, recall 0.90; it
  added 10 false Surabaya flags). With the model:
      round 15: precision 0.971 (33/34), recall 0.825 (33/40)
- round 16 (80 cases: 40 emergencies over all seven kinds, 40 negatives written to look like
  emergencies, 32 Sundanese or Javanese messages), 2026-12-05, written by a seventh author,
  blind to the rules and to rounds 1 to 15, measured once on the frozen detector:
      round 16, rules and text model: precision 0.917 (33/36), recall 0.825 (33/40)
      round 16, rules alone:           precision 0.912 (31/34), recall 0.775 (31/40)
      round 16, this morning's rules:  precision 0.844 (27/32), recall 0.675 (27/40)
  Its three false alarms are the rules': a late ambulance for a neighbour's stroke, now
  stable; a rude nurse while the writer's mother was short of breath, yesterday; a rumour of
  a breached dike the Javanese writer does not believe. Rounds 15 and 16 together are the
  held-out set (the text model never trained on them): precision 0.943 (66/70), recall 0.825
  (66/80).
- round 17 (80 cases: 40 emergencies over all seven kinds, 40 tricky negatives, 31 Sundanese or
  Javanese messages), 2026-12-05, written by an eighth author, blind to the rules and to rounds
  1 to 16, measured once on the frozen detector:
      round 17, rules and text model: precision 1.0 (36/36), recall 0.90 (36/40)
      round 17, rules alone:           precision 1.0 (33/33), recall 0.825 (33/40)
  Its misses: a missing child whose "not found" and plea came more than a few words after
  `hilang` (a gapped pair's reach was counted from its first word), a hit-and-run victim
  "masih di aspal" (read as the request `di aspal`, asphalt it), Su `titeuleum` (drowned)
  and `can kapanggih` (not found yet), and a landslide told only by its scene (a roar, a road
  covered by earth, a house half gone). Pooled first measurements by other authors (rounds 10
  to 15 on the rules, 16 and 17 on rules and text model): precision 0.950 (246/259), recall
  0.769 (246/320). Round 17 was then folded into dev and fixed in general terms: a
  gapped pair reaches its cues from its second word, a split passive whose root is a place
  (`di aspal`) is not a request, `tertutup tanah` is a landslide word, a wrecked vehicle
  (`ringsek`) is severity, Su `titeuleum`, `kapanggih`, `can` (not yet). The scene-only
  landslide is still missed. Real-data flags unchanged but for one LaporGub! row, a fallen
  billboard pole blocking a road with a plea to act at once (borderline).
- round 18 (80 cases: 40 emergencies over all seven kinds, 40 tricky negatives, 33 Sundanese or
  Javanese messages), 2026-12-05, written by a ninth author, blind to the rules and to rounds
  1 to 17, measured once on the frozen detector:
      round 18, rules and text model: precision 1.0 (35/35), recall 0.875 (35/40)
      round 18, rules alone:           precision 1.0 (30/30), recall 0.75 (30/40)
  Its misses: `dr tadi` (since earlier, still) read as the past `tadi`; `percikannya` not read
  as `percikan`, because squeezing the double `n` hid the stem from the suffix rule (so
  `korbanya`, `jalannya`, Su `-na` after `n` were missed too); sparks from a fallen cable not
  counted as the hazard live; a pick-up run into a ditch (`nyebur ke selokan`) with its driver
  trapped; `kelojotan` (convulsing); Su `tigebrus ka sumur` (fell into a well). Pooled first
  measurements by other authors (rounds 10 to 15 on the rules, 16 to 18 on rules and text
  model): precision 0.956 (281/294), recall 0.781 (281/360). Round 18 was then folded into dev
  and fixed in general terms: the suffix rule also tries the stem with the suffix's first
  letter where the raw word doubled it (`percikannya`: `percikan` + `-nya`), `dr tadi` is
  consumed like `dari tadi`, sparks (`percikan`) are severity, a named vehicle that `nyebur`
  (ran into a ditch or a river) is a weak traffic hazard, `kelojotan` is `kejang`, Su
  `tigebrus` is `jatuh`, Su `ngabudal` is `meluap`, and a trend (`bermunculan`, `marak`) is
  chronic. A review of those changes found false alarms and misses in their first form
  (`makanya` read as `makan` + `-nya`, `sampah masuk selokan` as a crash, Jv `nangis kejer`
  as a seizure, Su `adu hareup` as a collision); they were narrowed and the reviewer's 13
  sentences kept as round 18b (dev).
`DEV_CASES` = rounds 1 to 14, 17, 18 and 18b (and 4b); `HELDOUT_CASES` = rounds 15 and 16.

A case's label is the kind of emergency *in progress*, or None. Negatives are deliberately
tricky: past events, hypotheticals, prevention, chronic problems, administrative follow-ups
(aid, insurance, equipment), and jokes that use hazard words.
"""

from __future__ import annotations

from dataclasses import dataclass

from sigap.routing.detectors.emergency_cases.round_12 import ROUND_12
from sigap.routing.detectors.emergency_cases.round_13 import ROUND_13
from sigap.routing.detectors.emergency_cases.round_14 import ROUND_14
from sigap.routing.detectors.emergency_cases.round_15 import ROUND_15
from sigap.routing.detectors.emergency_cases.round_16 import ROUND_16
from sigap.routing.detectors.emergency_cases.round_17 import ROUND_17
from sigap.routing.detectors.emergency_cases.round_18 import ROUND_18
from sigap.routing.detectors.emergency_cases.round_18b import ROUND_18B
from sigap.routing.detectors.emergency_cases.rounds_1_3 import (
    DEV_NEGATIVE,
    DEV_POSITIVE,
    ROUND_2,
    ROUND_3,
)
from sigap.routing.detectors.emergency_cases.rounds_4_6 import ROUND_4, ROUND_4B, ROUND_5, ROUND_6
from sigap.routing.detectors.emergency_cases.rounds_7_9 import ROUND_7, ROUND_8, ROUND_9
from sigap.routing.detectors.emergency_cases.rounds_10_11 import ROUND_10, ROUND_11


@dataclass(frozen=True, slots=True)
class EmergencyCase:
    text: str
    kind: str | None  # None: not an emergency in progress

    @property
    def is_emergency(self) -> bool:
        return self.kind is not None


def _cases(rows: list[tuple[str, str | None]]) -> tuple[EmergencyCase, ...]:
    return tuple(EmergencyCase(text, kind) for text, kind in rows)


DEV_CASES = _cases(
    DEV_POSITIVE
    + DEV_NEGATIVE
    + ROUND_2
    + ROUND_3
    + ROUND_4
    + ROUND_4B
    + ROUND_5
    + ROUND_6
    + ROUND_7
    + ROUND_8
    + ROUND_9
    + ROUND_10
    + ROUND_11
    + ROUND_12
    + ROUND_13
    + ROUND_14
    + ROUND_17
    + ROUND_18
    + ROUND_18B
)
HELDOUT_CASES = _cases(ROUND_15 + ROUND_16)
ALL_CASES = DEV_CASES + HELDOUT_CASES
