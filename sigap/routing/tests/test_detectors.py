"""Tests of the triage detectors (pure Python: no database, no network).

Every message below was written for these tests. Identity and phone numbers are made up and
built to pass or fail the checks on purpose; none belongs to a real person as far as we know.
One test reads the real Surabaya complaints from ../shared/data when present.
"""

from __future__ import annotations

import pytest

from sigap.routing.detectors import (
    ALL_CASES,
    DEV_CASES,
    HELDOUT_CASES,
    EmergencyCase,
    detect_abuse,
    detect_emergency,
    evaluate_emergency,
    find_personal_data,
    identical_text_key,
    mask,
)
from sigap.routing.detectors.emergency_lexicon import KINDS

# ---------------------------------------------------------------------------------------------
# Emergency: the labelled set


def test_labelled_set_is_large_and_balanced() -> None:
    positives = [c for c in ALL_CASES if c.is_emergency]
    negatives = [c for c in ALL_CASES if not c.is_emergency]
    assert len(ALL_CASES) >= 150
    assert len(positives) >= 60
    assert len(negatives) >= 60
    assert {c.kind for c in positives} == set(KINDS)
    assert len(HELDOUT_CASES) == 160
    assert sum(c.is_emergency for c in HELDOUT_CASES) == 80
    assert len({c.text for c in ALL_CASES}) == len(ALL_CASES), "duplicate case texts"


def test_dev_split_keeps_its_tuned_figures() -> None:
    # Tuned on: precision 1.0, recall 0.985 when the rules were last frozen (rounds 1 to 14,
    # 17, 18 and 18b, 2026-12-05).
    figures = evaluate_emergency(DEV_CASES)
    assert figures["precision"] >= 1.0, figures["false_positives"]
    assert figures["recall"] >= 0.98, figures["false_negatives"]


def test_heldout_split_keeps_its_measured_figures() -> None:
    """Rounds 15 and 16 were written by a sixth and a seventh author, blind to the rules and
    never tuned on; the text model never trained on them. Round 16 was measured once on the
    finished detector: precision 0.917 (33/36), recall 0.825 (33/40); round 15 with the text
    model: 0.971 (33/34), 0.825 (33/40) (see emergency_cases). Retrained with round 17 the
    model drops one of them (a bus overturned, 0.933 -> 0.924): 0.942 (65/69), 0.8125
    (65/80) together; retrained with rounds 18 and 18b (and their rule fixes), 0.943 (66/70),
    0.825 (66/80). This guards against regressions only; do not tune to these cases: write
    a new round instead."""
    figures = evaluate_emergency(HELDOUT_CASES)
    assert figures["precision"] >= 0.94, figures["false_positives"]
    assert figures["recall"] >= 0.8125, figures["false_negatives"]


def test_evaluation_reports_misses_with_reasons() -> None:
    cases = [
        EmergencyCase("ada kebakaran di pasar sekarang, tolong", "fire"),
        EmergencyCase("pak, mertua saya kerasukan dan ngamuk di kamar", "medical"),
        EmergencyCase("bekas kebakaran pasar belum dibersihkan", None),
    ]
    figures = evaluate_emergency(cases)
    assert set(figures) >= {"precision", "recall", "f1", "per_kind", "false_positives"}
    assert (figures["n"], figures["positives"], figures["precision"]) == (3, 2, 1.0)
    assert figures["recall"] == 0.5
    assert set(figures["per_kind"]) == {"fire", "medical"}
    (miss,) = figures["false_negatives"]
    assert miss["expected"] == "medical" and miss["detected"] is None and miss["reason"]


# ---------------------------------------------------------------------------------------------
# Emergency: specific behaviour


@pytest.mark.parametrize(
    "text",
    [
        "bekas kebakaran di pasar belum dibersihkan",
        "banjir tahun lalu merusak jembatan desa",
        "kemarin sempat banjir tapi sudah surut",
        "daerah kami rawan banjir",
        "antisipasi banjir sebelum musim hujan",
        "mohon normalisasi sungai agar tidak banjir",
        "korban banjir belum dapat bantuan",
        "pemadam kebakaran lambat datang minggu lalu",
        "jalan ke lokasi longsor masih rusak",
        "asuransi kecelakaan belum cair",
        "mohon cek hydrant di perumahan",
        "pengadaan alat pemadam api ringan untuk balai desa",
        "hati saya kebakaran liat tagihan wkwk",
        "kalau ada kebakaran mobil damkar tidak bisa masuk gang",
        "sering terjadi kecelakaan di tikungan ini, mohon dipasang cermin",
    ],
)
def test_past_hypothetical_and_administrative_mentions_are_not_emergencies(text: str) -> None:
    signal = detect_emergency(text)
    assert not signal.is_emergency, signal.reason
    assert signal.kind is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tlg kbakaran di pasar ciparay, cpt!!", "fire"),
        ("kebakaraan rumah di gang 4, apinya besar", "fire"),
        ("bnjir masuk rumah sepinggang, tlg evakuasi", "flood"),
        ("longsooor!!! ada rumah tertimbun di Pasirjambu", "landslide"),
        ("Kahuruan di Cibiru, tulungan geura", "fire"),  # Sundanese
        ("omahe tonggo kobong, tulung", "fire"),  # Javanese
        ("caah gede ayeuna, cai asup ka imah", "flood"),  # Sundanese
        ("tabrakan motor di depan pasar, korban tergeletak", "traffic_accident"),
        ("bapak saya pingsan, tolong kirim ambulans", "medical"),
        ("ada tawuran pelajar sekarang, bawa celurit", "violence"),
        ("gas bocor di dapur warung, tolong damkar", "other"),
    ],
)
def test_live_emergencies_are_flagged_with_their_kind(text: str, kind: str) -> None:
    signal = detect_emergency(text)
    assert signal.is_emergency, signal.reason
    assert signal.kind == kind
    assert signal.matched and signal.reason
    assert 0.5 < signal.confidence <= 1.0


def test_a_hedge_is_not_a_simile() -> None:
    # `kyknya` is `kayaknya` (apparently), not `kyk` (= `seperti`, like) with a suffix.
    signal = detect_emergency("kyknya ada yg kebakar di gudang, asapnya item, tlg")
    assert signal.is_emergency and signal.kind == "fire", signal.reason


def test_news_header_makes_the_next_clause_reported() -> None:
    signal = detect_emergency("Berita tadi pagi: tabrakan bus di tol, 3 korban luka")
    assert not signal.is_emergency
    assert "'berita' (reported)" in signal.reason
    live = detect_emergency("Tabrakan bus di tol, 3 korban luka")
    assert live.is_emergency and live.kind == "traffic_accident"


def test_present_report_after_a_past_one_is_live() -> None:
    # "tahun lalu" defuses its own clause only; "sekarang" opens a live one.
    signal = detect_emergency("tahun lalu banjir juga, sekarang banjir lagi sepinggang, tolong")
    assert signal.is_emergency and signal.kind == "flood"


def test_maintenance_request_is_not_an_emergency() -> None:
    signal = detect_emergency("banjir di jalan raya, tolong segera saluran diperbaiki")
    assert not signal.is_emergency
    assert "diperbaiki" in signal.reason


def test_no_hazard_word_gives_zero_confidence() -> None:
    signal = detect_emergency("lampu PJU di gang 3 mati sejak seminggu")
    assert signal == type(signal)(False, None, 0.0, (), "no hazard word")


# ---------------------------------------------------------------------------------------------
# Personal data

# Region 32.04.12, born 15-08-1990 (man) / 15-08-1990 as a woman (day + 40), serials 0001/0002.
NIK_MAN = "3204121508900001"
NIK_WOMAN = "3204125508900002"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.value) for m in find_personal_data(text)]


@pytest.mark.parametrize(
    "value",
    [NIK_MAN, NIK_WOMAN, "3204 1215 0890 0001", "32.04.12.150890.0001", "3204-12-150890-0001"],
)
def test_valid_nik_is_found_with_separators(value: str) -> None:
    assert _kinds(f"NIK saya {value} mohon dicek") == [("nik", value)]


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("9904121508900001", "province 99 does not exist"),
        ("2004121508900001", "province 20 does not exist"),
        ("3200121508900001", "regency 00"),
        ("3204121513900001", "month 13"),
        ("3204123208900001", "day 32"),
        ("3204120008900001", "day 00"),
        ("3204127208900001", "day 72 (women's days end at 71)"),
        ("3204123002900001", "30 February"),
        ("3204121508900000", "serial 0000"),
        ("1234567890123456", "a counting sequence: day 78"),
    ],
)
def test_implausible_sixteen_digit_numbers_are_not_nik(value: str, why: str) -> None:
    assert _kinds(f"nomor {value}") == [], why


def test_kk_needs_the_word_kk_nearby() -> None:
    assert _kinds(f"No. KK {NIK_MAN}") == [("kk", NIK_MAN)]
    assert _kinds(f"kartu keluarga: {NIK_MAN}") == [("kk", NIK_MAN)]
    assert _kinds(f"nomor {NIK_MAN}") == [("nik", NIK_MAN)]


@pytest.mark.parametrize(
    "value",
    [
        "081234567890",
        "0812-3456-7890",
        "0812 3456 7890",
        "+62 812-3456-7890",
        "+6281234567890",
        "62 81234567890",
        "(022) 5201234",
        "022-5201234",
        "(0274) 512345",
    ],
)
def test_phone_formats(value: str) -> None:
    assert _kinds(f"hubungi {value} ya") == [("phone", value)]


def test_landline_without_separate_area_code_needs_a_phone_word() -> None:
    assert _kinds("telp 0225201234") == [("phone", "0225201234")]
    assert _kinds("kode 0225201234") == []


@pytest.mark.parametrize("value", ["0812345", "08123456789012345", "0801234567"])
def test_numbers_that_are_not_indonesian_mobiles(value: str) -> None:
    assert _kinds(f"nomor {value}") == []


def test_email() -> None:
    assert _kinds("kirim ke budi.santoso_88@gmail.com ya") == [
        ("email", "budi.santoso_88@gmail.com")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("transfer ke rek BRI 0123-01-012345-50-1 a.n. Siti", "0123-01-012345-50-1"),
        ("no. rek 1234567890 (BCA)", "1234567890"),
        ("rekening Mandiri saya 1300012345678", "1300012345678"),
        ("BJB 0012345678901", "0012345678901"),
    ],
)
def test_account_numbers_near_bank_words(text: str, value: str) -> None:
    assert _kinds(text) == [("account_number", value)]


def test_account_digits_without_bank_word_are_left_alone() -> None:
    assert _kinds("nomor pelanggan 1234567890") == []


@pytest.mark.parametrize(
    "text",
    [
        "nomor laporan BDG-2611-00042 belum ditanggapi",
        "laporan 14684/MC/I/2022 sudah selesai",
        "tanggal 12-05-2022 jam 14.30",
        "pada 2022-05-12 petugas datang",
        "sudah bayar Rp 1.500.000 ke rekening desa",
        "transfer Rp1.500.000,- via BRI",
        "biaya 2.500.000 rupiah",
        "RT 03 RW 05 Desa Sukamaju",
        "RT/RW 003/005",
        "sejak tahun 2021 belum ada perbaikan",
        "jalan sepanjang 1.200 meter",
    ],
)
def test_codes_dates_money_and_rt_rw_are_not_personal_data(text: str) -> None:
    assert _kinds(text) == []


def test_two_numbers_typed_next_to_each_other_are_split() -> None:
    text = f"{NIK_MAN} 081234567890"
    assert _kinds(text) == [("nik", NIK_MAN), ("phone", "081234567890")]


def test_mask_keeps_the_text_readable() -> None:
    text = "NIK saya 3204 1215 0890 0001, hp 0812-3456-7890, email siti.a@gmail.com"
    masked = mask(text, find_personal_data(text))
    assert masked == "NIK saya xxxx xxxx xxxx xx01, hp xxxx-xxxx-xx90, email xxxi.a@gmail.com"
    assert len(masked) == len(text)
    assert mask(text, []) == text


def test_mask_keep_last_zero_hides_everything() -> None:
    text = "hp +62 812 3456 7890"
    assert mask(text, find_personal_data(text), keep_last=0) == "hp +xx xxx xxxx xxxx"


# ---------------------------------------------------------------------------------------------
# Abuse


@pytest.mark.parametrize(
    ("text", "term", "severity"),
    [
        ("dasar anjing lu, laporan ga pernah diurus", "anjing", "severe"),
        ("anjing!! udah seminggu ga diangkat", "anjing", "severe"),
        ("petugasnya bangsat", "bangsat", "severe"),
        ("pelayanan goblok semua", "goblok", "mild"),
        ("admin tolol", "tolol", "mild"),
        ("jancok, suwe banget", "jancok", "severe"),  # Javanese
        ("asu kowe", "asu", "severe"),  # Javanese, addressed
        ("gelo sia, teu ngarti", "gelo", "mild"),  # Sundanese
        ("maneh belegug", "belegug", "mild"),  # Sundanese
        ("anjg lama bgt", "anjg", "severe"),
        ("4njiiing", "anjing", "severe"),
        ("k*ntol kalian", "kontol", "severe"),
        ("anjir lama banget responnya", "anjir", "mild"),
        ("petugas kurang ajar", "kurang ajar", "mild"),
    ],
)
def test_abuse_is_flagged(text: str, term: str, severity: str) -> None:
    signal = detect_abuse(text)
    assert signal.is_abusive
    assert term in signal.terms
    assert signal.severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "anjing liar menggigit anak saya di gang 5",
        "babi hutan merusak kebun warga",
        "asune tonggo nyokot bocah",  # Javanese: the neighbour's dog bites a child
        "ada monyet liar masuk ke rumah warga",
        "banyak tai kucing di taman",
        "tikus berkeliaran di dapur puskesmas",
        "pipa pdam bocor kena bego waktu galian",  # `bego`: an excavator
        "Jalan Kirik no 5",
        "warga memelihara hewan seperti ular, anjing dan kucing",
        "laporan ****** belum ditanggapi",
        "mohon ditindaklanjuti, terima kasih",
    ],
)
def test_animals_places_and_ordinary_words_are_not_abuse(text: str) -> None:
    signal = detect_abuse(text)
    assert not signal.is_abusive, signal.terms
    assert signal.severity == "none"


def test_worst_severity_wins() -> None:
    assert detect_abuse("anjir, dasar bangsat").severity == "severe"


# ---------------------------------------------------------------------------------------------
# Identical-text key


def test_identical_text_key_ignores_form_but_not_words() -> None:
    key = identical_text_key("TOLONG!!! jalan rusak di RT 03")
    assert key == identical_text_key("tolong jalan rusaaak di rt 03 🙏")
    assert key != identical_text_key("tolong jalan rusak di RT 04")
    assert len(key) == 32 and int(key, 16) >= 0
    assert identical_text_key("😀") != identical_text_key("😡")
    assert identical_text_key("Café") == identical_text_key("cafe")


# ---------------------------------------------------------------------------------------------
# Real data


@pytest.mark.shared_data
def test_real_complaints_few_false_alarms_and_known_emergencies_kept() -> None:
    from sigap.conftest import shared_data_path
    from sigap.routing.detectors.realdata import (
        SURABAYA_COMPLAINTS,
        emergency_report,
        read_complaints,
    )

    rows = read_complaints(shared_data_path(*SURABAYA_COMPLAINTS.parts))
    report = emergency_report(rows)
    # A complaint portal: far below 1 % of its messages are emergencies in progress.
    assert report.flag_rate < 0.01, report.flag_rate
    # Every flagged row has a hand verdict, none of them is a plain false alarm, and every
    # hand-judged emergency in progress is flagged (figures of 2026-12-05, not held out).
    assert report.unjudged_ids == [], report.unjudged_ids
    assert report.false_alarm_ids == [], report.false_alarm_ids
    assert report.missed_yes_ids == [], report.missed_yes_ids
    assert report.verdicts["yes"] == 6 and report.judged >= 250
