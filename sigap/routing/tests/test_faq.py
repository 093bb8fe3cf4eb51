"""Tests of the FAQ matcher against the demo knowledge base (pure Python, no database).

`LABELLED` was written for calibration before the threshold was chosen: paraphrased questions
the knowledge base answers (with the article), questions it does not answer, and complaints on
the same topics (both labelled None). `bench/triage_text.py` reports precision/recall on it.
"""

from __future__ import annotations

import pytest

from sigap.demo.content.knowledge import KNOWLEDGE_ARTICLES
from sigap.routing.faq import (
    DEFAULT_THRESHOLD,
    Article,
    FaqIndex,
    calibrate,
    evaluate_at,
    is_question,
    normalised_words,
)

# Short names of the demo articles, in the order of KNOWLEDGE_ARTICLES.
ARTICLE_KEYS = [
    "status", "darurat", "ktp", "ktp_hilang", "akta", "capil_jam", "spmb", "kis",
    "puskesmas", "pohon", "pbg", "nib", "pbb", "umk", "kdrt", "pupuk",
]  # fmt: skip

IN_KB: list[tuple[str, str | None]] = [
    ("mau tanya, laporan saya nomor BDG-2611-00042 sudah sampai mana ya?", "status"),
    ("gmn cara ngecek status laporan yg kemarin sy kirim?", "status"),
    ("punten bade naros, laporan abdi tos diproses teu?", "status"),
    ("nomor darurat untuk kebakaran berapa ya?", "darurat"),
    ("kalau ada kecelakaan telepon ke nomor berapa?", "darurat"),
    ("nelpon 112 gratis gak?", "darurat"),
    ("nomor telepon ambulans berapa?", "darurat"),
    ("apa saja syarat membuat ktp elektronik?", "ktp"),
    ("anak saya sudah 17 tahun, bagaimana cara bikin ktp nya?", "ktp"),
    ("bikin ktp dipungut biaya tidak?", "ktp"),
    ("perekaman ktp bisa di kecamatan?", "ktp"),
    ("ktp hilang, apa syarat untuk bikin lagi?", "ktp_hilang"),
    ("ktp saya patah, gimana cara gantinya?", "ktp_hilang"),
    ("perlu surat kehilangan dari polisi ga kalau ktp hilang?", "ktp_hilang"),
    ("syarat bikin akta kelahiran apa saja?", "akta"),
    ("ngurus akta lahir anak bayar berapa?", "akta"),
    ("anak dari nikah siri bisa dibuatkan akta kelahiran ga?", "akta"),
    ("telat bikin akta kelahiran kena denda ga?", "akta"),
    ("jam berapa kantor disdukcapil buka?", "capil_jam"),
    ("hari sabtu disdukcapil buka ga?", "capil_jam"),
    ("alamat kantor capil kabupaten bandung dimana ya?", "capil_jam"),
    ("nyuwun pirsa, kantor capil bukak jam pinten?", "capil_jam"),
    ("kapan pendaftaran spmb smp negeri dibuka?", "spmb"),
    ("ppdb sd umur minimal berapa tahun?", "spmb"),
    ("jalur pendaftaran spmb apa aja sekarang?", "spmb"),
    ("daftar sma negeri ke mana ya?", "spmb"),
    ("kis saya tidak aktif, bagaimana cara mengaktifkan lagi?", "kis"),
    ("gimana cara daftar bpjs yang dibayar pemerintah?", "kis"),
    ("cara cek kis masih aktif atau tidak gimana?", "kis"),
    ("puskesmas hari minggu buka ga?", "puskesmas"),
    ("jam buka puskesmas sampai jam berapa?", "puskesmas"),
    ("ada puskesmas yang buka 24 jam?", "puskesmas"),
    ("kalau ada pohon mau tumbang lapor ke mana?", "pohon"),
    ("bisa minta pemangkasan pohon di depan rumah?", "pohon"),
    ("bagaimana cara mengurus imb sekarang?", "pbg"),
    ("pbg itu apa ya? pengganti imb?", "pbg"),
    ("cara daftar nib untuk usaha warung gimana?", "nib"),
    ("bikin nib bayar gak?", "nib"),
    ("bayar pbb bisa dimana saja?", "pbb"),
    ("luas tanah di sppt pbb salah, cara membetulkannya gimana?", "pbb"),
    ("umk kabupaten bandung tahun ini berapa?", "umk"),
    ("thr paling lambat dibayar kapan?", "umk"),
    ("karyawan kontrak berhak dapat thr gak?", "umk"),
    ("mau lapor kdrt ke mana ya?", "kdrt"),
    ("identitas pelapor kekerasan anak dirahasiakan tidak?", "kdrt"),
    ("bagaimana cara mendapatkan pupuk subsidi?", "pupuk"),
    ("rdkk itu apa sih?", "pupuk"),
    ("harga pupuk subsidi berapa?", "pupuk"),
    ("kumaha carana ngadamel ktp?", "ktp"),
    ("punten bade naros, syarat akta lahir naon wae?", "akta"),
]
NOT_IN_KB: list[tuple[str, str | None]] = [
    ("syarat bikin sim c apa aja?", None),
    ("cara bikin paspor gimana?", None),
    ("jadwal posyandu bulan ini kapan?", None),
    ("kapan jalan di depan rumah saya diperbaiki?", None),
    ("syarat nikah di kua apa saja?", None),
    ("cara bikin kartu keluarga baru gimana?", None),
    ("berapa tarif air pdam per kubik?", None),
    ("kapan bansos pkh cair?", None),
    ("dimana tempat uji emisi kendaraan?", None),
    ("bagaimana cara daftar kartu prakerja?", None),
    ("apakah ada lowongan kerja di pemda?", None),
    ("izin keramaian buat hajatan ngurus dimana?", None),
    ("rumah sakit umum daerah buka jam berapa?", None),
    ("cara pindah domisili gimana?", None),
    ("kapan pemutihan pajak kendaraan?", None),
]
COMPLAINTS: list[tuple[str, str | None]] = [
    ("KTP saya belum jadi 3 bulan, pelayanan lambat!", None),
    ("petugas capil minta uang 200 ribu buat bikin ktp, katanya gratis!!", None),
    ("puskesmas tutup jam 10 padahal masih jam kerja, kecewa", None),
    ("ada pohon tumbang di jalan raya banjaran menutup jalan, mohon segera dievakuasi", None),
    ("pupuk subsidi di kios dijual di atas het, petani dirugikan", None),
    ("gaji saya dibayar di bawah umk sudah setahun, mohon ditindak perusahaannya", None),
    ("sppt pbb saya belum datang sampai sekarang, sudah 2 tahun begini", None),
    ("kis ibu saya tiba2 nonaktif padahal lagi dirawat, tolong dibantu!", None),
    ("anak saya ditolak spmb jalur domisili padahal rumah dekat sekolah", None),
    ("laporan saya sudah 2 minggu tidak ditanggapi, gimana ini?!", None),
    ("akta kelahiran anak saya salah nama, sudah 3 kali bolak balik capil belum dibetulkan", None),
    ("tetangga saya sering memukuli anaknya, tolong ditindak", None),
    ("nelpon 112 gak diangkat-angkat, ada kebakaran!", None),
    ("thr karyawan belum dibayar padahal lebaran tinggal 2 hari", None),
    ("antrian di disdukcapil panjang sekali, dari subuh belum dilayani", None),
    ("ktp saya hilang dan petugas minta surat polisi, ribet banget", None),
    ("kenapa ngurus nib dipersulit sama petugas?", None),
    ("imb rumah saya ditahan berbulan-bulan tanpa alasan", None),
]
LABELLED = IN_KB + NOT_IN_KB + COMPLAINTS


def demo_articles() -> list[Article]:
    assert len(KNOWLEDGE_ARTICLES) == len(ARTICLE_KEYS)
    return [
        Article(key, [row["title"], *row["questions"]], row["answer"])
        for key, row in zip(ARTICLE_KEYS, KNOWLEDGE_ARTICLES, strict=True)
    ]


@pytest.fixture(scope="module")
def index() -> FaqIndex:
    return FaqIndex.build(demo_articles())


# --- question detection ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "syarat bikin ktp apa aja?",
        "bikin nib bayar ga",
        "puskesmas buka jam berapa",
        "mau tanya soal pbb",
        "punten bade naros, kumaha ngecek laporan abdi",
        "nyuwun pirsa kantor capil bukak jam pinten",
        "iraha capil buka",
        "bisa minta pangkas pohon",
    ],
)
def test_questions_are_recognised(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "KTP saya belum jadi 3 bulan, pelayanan lambat!",
        "laporan saya sudah 2 minggu tidak ditanggapi, gimana ini?",
        "jalan rusak parah di depan sekolah",
        "kenapa ngurus nib dipersulit sama petugas?",
        "",
    ],
)
def test_complaints_and_statements_are_not_questions(text: str) -> None:
    assert not is_question(text)


def test_age_is_not_a_waiting_time() -> None:
    assert is_question("anak saya sudah 17 tahun, bagaimana cara bikin ktp?")
    assert not is_question("sudah 2 tahun sppt tidak datang, gimana?")


def test_regional_and_chat_words_are_normalised() -> None:
    assert normalised_words("gmn cara bikin ktp") == ["bagaimana", "cara", "buat", "ktp"]
    assert normalised_words("iraha bukak?") == ["kapan", "buka"]
    assert normalised_words("tiba2 mati") == ["tiba", "tiba", "mati"]


# --- matching --------------------------------------------------------------------------


def test_knowledge_base_questions_match_their_own_article(index: FaqIndex) -> None:
    for article in demo_articles():
        for question in article.questions:
            ranked = index.rank(question, k=1)
            assert ranked[0].article_id == article.id, question


def test_complaint_about_ktp_is_not_answered_with_the_ktp_faq(index: FaqIndex) -> None:
    complaint = "KTP saya belum jadi 3 bulan, pelayanan lambat!"
    assert "ktp" in {match.article_id for match in index.rank(complaint)}
    assert not is_question(complaint)
    assert index.match(complaint) is None


def test_paraphrased_question_is_answered(index: FaqIndex) -> None:
    found = index.match("apa saja syarat membuat ktp elektronik?")
    assert found is not None
    assert found.article_id == "ktp"
    assert found.score >= DEFAULT_THRESHOLD
    assert found.question


def test_question_outside_the_knowledge_base_is_not_answered(index: FaqIndex) -> None:
    assert index.match("syarat bikin sim c apa aja?") is None
    assert index.match("cara bikin paspor gimana?") is None


def test_empty_knowledge_base_answers_nothing() -> None:
    assert FaqIndex.build([]).match("syarat bikin ktp apa?") is None


def test_duplicate_and_blank_variants_are_ignored() -> None:
    index = FaqIndex.build([Article(1, ["syarat ktp?", "syarat ktp?", " "], "...")])
    assert [m.question for m in index.rank("syarat ktp apa?")] == ["syarat ktp?"]


# --- calibration on the labelled set ----------------------------------------------------


def test_labelled_set_is_large_and_mixed() -> None:
    assert len(LABELLED) >= 60
    assert {label for _, label in IN_KB} <= set(ARTICLE_KEYS)


def test_default_threshold_precision_and_recall(index: FaqIndex) -> None:
    result = evaluate_at(index, LABELLED, DEFAULT_THRESHOLD)
    assert result.precision >= 0.95
    assert result.recall >= 0.75


def test_default_threshold_is_the_calibrated_one(index: FaqIndex) -> None:
    assert calibrate(index, LABELLED, min_precision=1.0).threshold == DEFAULT_THRESHOLD


def test_no_complaint_is_ever_answered(index: FaqIndex) -> None:
    assert [text for text, _ in COMPLAINTS if index.match(text)] == []


def test_threshold_chosen_on_one_half_holds_on_the_other(index: FaqIndex) -> None:
    """A guard against a threshold fitted to the very messages it is measured on."""
    for part in (0, 1):
        fit, held_out = LABELLED[part::2], LABELLED[1 - part :: 2]
        chosen = calibrate(index, fit, min_precision=0.95)
        result = evaluate_at(index, held_out, chosen.threshold)
        assert result.precision >= 0.9
        assert result.recall >= 0.6
