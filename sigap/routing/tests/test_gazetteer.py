"""Tests of the gazetteer (pure Python, no database).

Hand-written sentences throughout; the region names and codes are the official Kemendagri ones.
The tests marked `shared_data` read all 311 Kabupaten Bandung names from ../shared/data (never
copied into the repository). `bench/triage_text.py` reuses the sentences below.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest

from sigap.routing.gazetteer import DESA, KECAMATAN, Gazetteer, PlaceMatch, RegionName
from sigap.routing.gazetteer.text import bounded_distance, compact, deletes, fold

KAB = "32.04"


def _kecamatan(code: str, name: str) -> RegionName:
    return RegionName(code, name, KECAMATAN, KAB)


def _desa(code: str, name: str) -> RegionName:
    return RegionName(code, name, DESA, code.rsplit(".", 1)[0])


HAND_REGIONS = [
    RegionName(KAB, "Kabupaten Bandung", "kabupaten_kota", "32"),
    _kecamatan("32.04.05", "Cileunyi"),
    _desa("32.04.05.2001", "Cileunyi Kulon"),
    _desa("32.04.05.2002", "Cileunyi Wetan"),
    _kecamatan("32.04.09", "Margahayu"),
    _desa("32.04.09.2001", "Margahayu Tengah"),
    _desa("32.04.09.2003", "Sukamenak"),
    _kecamatan("32.04.10", "Margaasih"),
    _desa("32.04.10.2004", "Mekarrahayu"),
    _desa("32.04.10.2005", "Rahayu"),
    _kecamatan("32.04.12", "Dayeuhkolot"),
    _desa("32.04.12.1001", "Pasawahan"),
    _desa("32.04.12.2002", "Dayeuhkolot"),
    _kecamatan("32.04.17", "Cimaung"),
    _desa("32.04.17.2007", "Sukamaju"),
    _kecamatan("32.04.28", "Rancaekek"),
    _desa("32.04.28.1014", "Rancaekek Kencana"),
    _desa("32.04.28.2007", "Cangkuang"),
    _kecamatan("32.04.29", "Ciparay"),
    _kecamatan("32.04.32", "Baleendah"),
    _desa("32.04.32.1001", "Baleendah"),
    _desa("32.04.32.1002", "Andir"),
    _kecamatan("32.04.33", "Majalaya"),
    _desa("32.04.33.2003", "Biru"),
    _desa("32.04.33.2008", "Sukamaju"),
    _kecamatan("32.04.34", "Solokanjeruk"),
    _desa("32.04.34.2002", "Solokanjeruk"),
    _kecamatan("32.04.37", "Soreang"),
    _desa("32.04.37.2001", "Soreang"),
    _desa("32.04.37.2002", "Sadu"),
    _kecamatan("32.04.44", "Cangkuang"),
    _desa("32.04.44.2001", "Cangkuang"),
]

# Sentences that name no place of Kabupaten Bandung, several with words that are parts of
# place names ("mekar", "sari", "jaya", "baru", "tengah", "biru", "rahayu") or close to one.
NO_PLACE_SENTENCES = [
    "jalan rusak parah banyak lubang mohon diperbaiki",
    "lampu penerangan jalan mati sudah seminggu",
    "sampah menumpuk di pinggir jalan baru dekat pasar",
    "pasar tengah kota becek dan bau",
    "KTP saya belum jadi 3 bulan, pelayanan lambat!",
    "bunga di taman sudah mekar tapi sampahnya berserakan",
    "langit biru tapi air PDAM keruh terus",
    "saya tidak sudi dibentak petugas puskesmas",
    "ibu Rahayu guru honorer belum digaji empat bulan",
    "pak Santosa ketua RT minta pungutan liar",
    "banjir di persawahan warga setinggi lutut",
    "pohon tumbang menimpa kabel listrik di depan sekolah",
    "anak saya ditolak masuk sd negeri karena zonasi",
    "bpjs pbi saya tiba-tiba nonaktif pas mau berobat",
    "selokan mampet airnya meluap ke rumah warga",
    "jembatan gantung sudah miring dan berbahaya",
    "angkot ngetem sembarangan bikin macet tiap pagi",
    "pabrik membuang limbah ke sungai airnya hitam",
    "warung sari rasa buka sampai malam dan berisik",
    "toko jaya makmur menjual pupuk subsidi di atas het",
    "punten bade naros, syarat bikin akta lahir naon wae?",
    "kumaha carana ngadamel ktp anyar?",
    "nyuwun pirsa, kantor capil bukak jam pinten?",
    "jalan berlubang di tanjakan dekat masjid agung",
    "ada kebakaran rumah, api sudah besar, tolong cepat",
    "longsor menutup jalan setelah hujan deras semalam",
    "kecelakaan motor di pertigaan lampu merah",
    "tetangga saya memukul istrinya setiap malam",
    "guru sering tidak masuk kelas, murid dibiarkan",
    "harga beras naik terus, bantuan sembako belum cair",
    "parkir liar di trotoar mengganggu pejalan kaki",
    "air sumur warga tercemar limbah peternakan ayam",
    "gorong-gorong tersumbat sampah plastik",
    "sinyal internet hilang di sekolah, ujian terganggu",
    "petugas kebersihan tidak datang dua minggu",
    "rumah sakit menolak pasien bpjs dengan alasan penuh",
    "jalan tol keluar macet panjang sampai sore",
    "terima kasih atas tanggapannya, masalah sudah beres",
    "mohon info jadwal vaksin anak di posyandu",
    "kabel telepon menjuntai rendah di gang sempit",
    "anjing liar menggigit anak tetangga",
    "pengamen dan pengemis di lampu merah semakin banyak",
    "saluran irigasi kering padahal musim tanam",
    "atap sekolah bocor ruang kelas kebanjiran",
    "trotoar baru dibangun sudah retak dan amblas",
    "lapak pedagang kaki lima menutup jalan masuk perumahan",
    "suara knalpot brong tiap malam sangat mengganggu",
    "tiang listrik miring hampir roboh tertiup angin",
    "warga baru pindah belum bisa bikin kk",
    "pemadam kebakaran datang terlambat satu jam",
    "sayang sekali taman kota tidak terawat",
    "cahaya lampu sorot stadion menyilaukan pengendara",
]


@pytest.fixture(scope="module")
def hand() -> Gazetteer:
    return Gazetteer.from_regions(HAND_REGIONS, aliases={"32.04.12": ["Dakol"]})


def codes(matches: list[PlaceMatch]) -> list[str]:
    return [match.code for match in matches]


# --- text helpers ------------------------------------------------------------------------


def test_fold_joins_spacing_and_old_spelling_variants() -> None:
    assert compact("Solokan Jeruk") == compact("Solokanjeruk") == "solokanjeruk"
    assert compact("Mekar Rahayu") == compact("Mekarrahayu")
    assert fold("Tjiparaj") == "ciparaj"
    assert fold("Soekamenak") == "sukamenak"
    assert compact("Pasi Kuala Ba'u") == "pasikualabau"


def test_bounded_distance_counts_swaps_once_and_stops_past_the_limit() -> None:
    assert bounded_distance("baleendha", "baleendah", 2) == 1
    assert bounded_distance("sukamenek", "sukamenak", 2) == 1
    assert bounded_distance("persawahan", "pasawahan", 2) == 2
    assert bounded_distance("cimaung", "cicalengka", 2) == 3


def test_deletes_cover_every_two_letter_deletion() -> None:
    variants = set(deletes("abcd", 2))
    assert {"abcd", "bcd", "acd", "abd", "abc", "ab", "ad", "cd", "bc", "ac", "bd"} <= variants


# --- names, spelling variants and typos ------------------------------------------------------


def test_desa_and_kecamatan_with_abbreviated_cues(hand: Gazetteer) -> None:
    text = "jalan rusak di ds. Sukamenak kec. Margahayu"
    matches = hand.find(text)
    assert codes(matches) == ["32.04.09.2003", "32.04.09"]
    assert matches[0].matched_text == "Sukamenak"
    assert text[matches[1].start : matches[1].end] == "Margahayu"
    assert matches[0].score == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("banjir lagi di Solokan Jeruk", "32.04.34"),
        ("air naik di Bale Endah", "32.04.32"),
        ("listrik padam di Dayeuh Kolot", "32.04.12"),
        ("warga desa Cileunyi Wetan", "32.04.05.2002"),
        ("warga desa cileunyiwetan", "32.04.05.2002"),
        ("kel. Rancaekek-Kencana banjir", "32.04.28.1014"),
        ("di desa Mekar Rahayu", "32.04.10.2004"),
        ("kel margahayu tengah", "32.04.09.2001"),
        ("macet parah di Dakol", "32.04.12"),
    ],
)
def test_spacing_variants_and_aliases(hand: Gazetteer, text: str, code: str) -> None:
    assert codes(hand.find(text))[0] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ds sukamenek banjir", "32.04.09.2003"),  # one vowel changed
        ("desa sukamnak", "32.04.09.2003"),  # one letter missing
        ("jalan di kec margahyu", "32.04.09"),
        ("di dayeuhkolott", "32.04.12"),  # doubled letter
        ("banjir baleendha", "32.04.32"),  # swapped letters, long name: no cue needed
        ("desa cileunyi wetn", "32.04.05.2002"),
        ("di Tjiparaj", "32.04.29"),  # old spelling plus one edit
        ("kec solokanjeruj", "32.04.34"),
        ("di rancaekek kencono", "32.04.28.1014"),  # two edits on a long name
    ],
)
def test_typos_on_longer_names(hand: Gazetteer, text: str, code: str) -> None:
    assert codes(hand.find(text))[0] == code


def test_short_names_match_only_exactly(hand: Gazetteer) -> None:
    assert codes(hand.find("desa Sadu"))[0] == "32.04.37.2002"
    assert hand.find("desa Sadi") == []
    assert hand.find("desa Andri") == []


def test_typo_without_cue_needs_a_long_name(hand: Gazetteer) -> None:
    assert hand.find("rahayo") == []  # six letters, one edit, no cue
    assert hand.find("ciparai banjir") == []  # seven letters, one edit, no cue
    assert codes(hand.find("di ciparai banjir")) == ["32.04.29"]


# --- disambiguation and cues ---------------------------------------------------------------


def test_shared_desa_name_resolved_by_kecamatan_in_message(hand: Gazetteer) -> None:
    assert codes(hand.find("desa Sukamaju kec Majalaya")) == ["32.04.33.2008", "32.04.33"]
    assert codes(hand.find("Sukamaju, Cimaung, jalan rusak"))[0] == "32.04.17.2007"


def test_shared_desa_name_alone_returns_all_candidates_with_lower_score(hand: Gazetteer) -> None:
    matches = hand.find("warga Sukamaju mengeluh air mati")
    assert sorted(codes(matches)) == ["32.04.17.2007", "32.04.33.2008"]
    assert matches[0].score == matches[1].score < 0.6
    assert matches[0].alternatives == (matches[1].code,)


def test_level_cue_picks_desa_or_kecamatan_of_the_same_name(hand: Gazetteer) -> None:
    assert hand.find("kec. Soreang")[0].level == KECAMATAN
    assert hand.find("desa Soreang")[0].code == "32.04.37.2001"
    nested = hand.find("macet di Soreang")
    assert codes(nested) == ["32.04.37", "32.04.37.2001"]
    assert nested[0].score > nested[1].score


def test_kecamatan_preferred_over_a_same_named_desa_elsewhere(hand: Gazetteer) -> None:
    matches = hand.find("kp. Cangkuang rt 02 banjir")
    assert matches[0].code == "32.04.44"
    assert {"32.04.28.2007", "32.04.44.2001"} <= set(codes(matches))
    assert hand.find("desa cangkuang kec rancaekek")[0].code == "32.04.28.2007"


def test_cues_and_neighbourhood_raise_the_score(hand: Gazetteer) -> None:
    plain = hand.find("Sukamenak")[0].score
    weak = hand.find("di Sukamenak")[0].score
    strong = hand.find("desa Sukamenak")[0].score
    neighbourhood = hand.find("RT 03 RW 05 Sukamenak")[0].score
    assert plain < weak < strong
    assert plain < neighbourhood


def test_street_and_institution_names_lower_the_score(hand: Gazetteer) -> None:
    place = hand.find("macet di Soreang")[0].score
    street = hand.find("macet di jl. raya Soreang")[0].score
    assert street < place
    assert hand.locate("macet di jl. raya Soreang") is None
    assert hand.find("dirujuk ke RS Sukamenak")[0].score < 0.5
    assert hand.locate("dirujuk ke RS Sukamenak") is None


def test_locate_returns_one_confident_unambiguous_place(hand: Gazetteer) -> None:
    assert hand.locate("jalan rusak di ds. Sukamenak kec. Margahayu").code == "32.04.09.2003"
    assert hand.locate("macet di Soreang").code == "32.04.37"  # the kecamatan, not its desa
    assert hand.locate("warga Sukamaju mengeluh") is None  # two kecamatan have one
    assert hand.locate("jalan rusak parah") is None


def test_place_names_that_are_ordinary_words_need_a_strong_cue(hand: Gazetteer) -> None:
    assert hand.find("langit biru cerah") == []
    assert hand.find("rumahnya di biru") == []
    assert hand.find("ibu Rahayu guru honorer") == []
    assert codes(hand.find("desa Biru kec Majalaya")) == ["32.04.33.2003", "32.04.33"]
    assert codes(hand.find("Biru RT 02"))[0] == "32.04.33.2003"
    assert codes(hand.find("desa Rahayu"))[0] == "32.04.10.2005"


@pytest.mark.parametrize("word", ["jalan", "pasar", "baru", "tengah", "sari", "mekar", "jaya"])
def test_common_words_alone_never_match(hand: Gazetteer, word: str) -> None:
    assert hand.find(word) == []
    assert hand.find(f"di {word}") == []


def test_common_word_close_to_a_name_is_not_a_typo(hand: Gazetteer) -> None:
    assert hand.find("banjir di persawahan warga") == []
    assert codes(hand.find("banjir di Pasawahan"))[0] == "32.04.12.1001"


def test_other_places_spelt_right_are_not_typos_of_ours() -> None:
    regions = [_kecamatan("32.04.15", "Pangalengan"), _desa("32.04.15.2005", "Lamajang")]
    assert codes(Gazetteer.from_regions(regions).find("mudik ke Lumajang")) == ["32.04.15.2005"]
    elsewhere = Gazetteer.from_regions(regions, other_places=["Lumajang", "Kabupaten Lumajang"])
    assert elsewhere.find("mudik ke Lumajang") == []
    assert codes(elsewhere.find("desa Lamajang")) == ["32.04.15.2005"]


def test_sentences_without_places_find_nothing(hand: Gazetteer) -> None:
    found = {s: hand.find(s) for s in NO_PLACE_SENTENCES}
    assert {s: m for s, m in found.items() if m} == {}


def test_empty_and_odd_input(hand: Gazetteer) -> None:
    assert hand.find("") == []
    assert hand.find("!!! 123 ???") == []
    assert Gazetteer.from_regions([]).find("desa Sukamenak") == []


# --- the real 311 names of Kabupaten Bandung --------------------------------------------


@pytest.fixture(scope="module")
def bandung_rows() -> list[dict[str, str]]:
    # Imported here so that bench/triage_text.py can reuse this module's sentences without Django.
    from sigap.conftest import shared_data_path

    path = shared_data_path("wilayah_kemendagri", "kab_bandung_3204.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def bandung(bandung_rows: list[dict[str, str]]) -> Gazetteer:
    return Gazetteer.from_regions(regions_from_rows(bandung_rows))


def regions_from_rows(rows: list[dict[str, str]]) -> Iterator[RegionName]:
    for row in rows:
        if row["level"] in (KECAMATAN, DESA):
            parent = row["kode_kecamatan"] if row["level"] == DESA else KAB
            yield RegionName(row["kode"], row["nama"], row["level"], parent)


def _desa_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [row for row in rows if row["level"] == DESA]


@pytest.mark.shared_data
def test_every_real_desa_found_with_its_kecamatan(
    bandung: Gazetteer, bandung_rows: list[dict[str, str]]
) -> None:
    desa = _desa_rows(bandung_rows)
    assert len(desa) == 280
    missed = {}
    for row in desa:
        text = f"jalan rusak di desa {row['nama']} kec {row['nama_kecamatan']}"
        found = codes(bandung.find(text))
        if found[:2] != [row["kode"], row["kode_kecamatan"]]:
            missed[text] = found
    assert missed == {}


@pytest.mark.shared_data
def test_every_real_kecamatan_found(bandung: Gazetteer, bandung_rows: list[dict[str, str]]) -> None:
    kecamatan = [row for row in bandung_rows if row["level"] == KECAMATAN]
    assert len(kecamatan) == 31
    missed = {}
    for row in kecamatan:
        for text in (f"banjir di kecamatan {row['nama']}", f"banjir di {row['nama']}"):
            found = codes(bandung.find(text))
            if found[:1] != [row["kode"]]:
                missed[text] = found
    assert missed == {}


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("banjir di Solokan Jeruk", "32.04.34"),
        ("jalan rusak di Bale Endah", "32.04.32"),
        ("air naik di Dayeuh Kolot", "32.04.12"),
        ("kec Bojong Soang macet", "32.04.08"),
        ("desa Buah Batu kec Bojongsoang", "32.04.08.2003"),
        ("desa cileunyiwetan", "32.04.05.2002"),
        ("kel rancaekek kencana", "32.04.28.1014"),
        ("desa Babakan Peuteuy Cicalengka", "32.04.25.2003"),
        ("di Pasir Jambu longsor", "32.04.38"),
        ("kec Kuta Waringin", "32.04.46"),
        ("di Ranca Bali", "32.04.40"),
        ("desa Nagreg-Kendan", "32.04.26.2007"),
        ("desa Resmi Tinggal", "32.04.31.2008"),
        ("desa tegalsumedang kec rancaekek", "32.04.28.2011"),
        ("ds. Sukamenak kec. Margahayu", "32.04.09.2003"),
        ("di Tjitjalengka", "32.04.25"),
    ],
)
def test_real_spelling_variants(bandung: Gazetteer, text: str, code: str) -> None:
    assert codes(bandung.find(text))[0] == code


def _best_desa(matches: list[PlaceMatch]) -> str | None:
    return next((match.code for match in matches if match.level == DESA), None)


def _typos(name: str) -> list[str]:
    """One dropped letter, one swap of neighbours and (long names) one changed vowel, each in
    the middle of the name, where typos are made."""
    mid = len(name) // 2
    typos = [
        name[:mid] + name[mid + 1 :],
        name[: mid - 1] + name[mid] + name[mid - 1] + name[mid + 1 :],
    ]
    vowel = next((i for i in range(mid, len(name)) if name[i] in "aiueo"), None)
    if vowel is not None:
        typos.append(name[:vowel] + ("o" if name[vowel] != "o" else "a") + name[vowel + 1 :])
    return [typo for typo in typos if typo.lower() != name.lower()]


@pytest.mark.shared_data
def test_typo_recall_on_real_desa_names(
    bandung: Gazetteer, bandung_rows: list[dict[str, str]]
) -> None:
    cases = [
        (f"jalan rusak di desa {typo} kec {row['nama_kecamatan']}", row["kode"])
        for row in _desa_rows(bandung_rows)
        if len(compact(row["nama"])) >= 6
        for typo in _typos(row["nama"])
    ]
    hits = sum(_best_desa(bandung.find(text)) == code for text, code in cases)
    # Misses are typos that land on another real name or shorten a name below six letters.
    assert hits / len(cases) >= 0.95, f"{hits}/{len(cases)}"


@pytest.mark.shared_data
def test_real_names_give_no_false_positives_on_sentences_without_places(
    bandung: Gazetteer,
) -> None:
    found = {s: codes(bandung.find(s)) for s in NO_PLACE_SENTENCES}
    assert {s: m for s, m in found.items() if m} == {}
