"""Tests of the routing engine (pure Python; no Django settings or database needed).

The small complaint texts below were written for these tests; they are not taken from any
dataset. One test reads the real Surabaya data from ../shared/data when present.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest

from sigap.routing.engine import (
    AREA_OFFICE,
    Normaliser,
    Router,
    RouterConfig,
    build_normaliser,
    choose_threshold,
    collapse_area_office,
    evaluate,
    read_dataset,
)
from sigap.routing.engine.evaluate import SUMMARY_KEYS
from sigap.routing.engine.lexicon import shared_data_dir

ROADS = "Dinas Sumber Daya Air dan Bina Marga"
WASTE = "Dinas Lingkungan Hidup"
TRANSPORT = "Dinas Perhubungan"
SOCIAL = "Dinas Sosial"

CORPUS: dict[str, list[str]] = {
    ROADS: [
        "jalan rusak parah banyak lubang di depan pasar",
        "jln berlubang dalam sekali bahaya buat motor",
        "mohon perbaikan jalan aspal yang rusak di gang 3",
        "saluran air tersumbat jalan jadi banjir tiap hujan",
        "selokan depan rumah mampet dan meluap ke jalan",
        "aspal jalan mengelupas dan berlubang sudah sebulan",
        "tolong pengerukan saluran yang penuh lumpur",
        "paving jalan kampung rusak mohon diperbaiki",
        "jalan ambles dekat jembatan mohon segera diperbaiki",
        "gorong gorong buntu air meluber ke jalan",
    ],
    WASTE: [
        "sampah menumpuk di pinggir jalan belum diangkut",
        "tolong angkut sampah di tps sudah bau sekali",
        "pohon tumbang menutup jalan mohon dipotong",
        "minta pemangkasan pohon yang dahannya mau patah",
        "warga membakar sampah asapnya mengganggu",
        "tumpukan sampah di sungai bikin bau",
        "truk sampah tidak datang sudah seminggu",
        "ranting pohon besar hampir jatuh ke rumah warga",
        "pembuangan sampah liar di lahan kosong",
        "pohon di taman perlu dirapikan dahannya",
    ],
    TRANSPORT: [
        "lampu pju mati sudah seminggu jalan gelap",
        "lampu penerangan jalan padam di perempatan",
        "lampu lalu lintas di simpang mati bikin macet",
        "parkir liar di trotoar mengganggu pejalan kaki",
        "juru parkir minta tarif terlalu mahal",
        "traffic light rusak lampu merah tidak menyala",
        "pju depan gang mati mohon diganti",
        "banyak mobil parkir sembarangan bikin macet",
        "rambu lalu lintas roboh di pinggir jalan",
        "lampu jalan berkedip kedip dan sering padam",
    ],
    SOCIAL: [
        "saya belum dapat bantuan sosial padahal tidak mampu",
        "kenapa nama saya tidak terdaftar penerima bansos",
        "mohon bantuan sembako untuk lansia miskin",
        "blt belum cair sudah tiga bulan",
        "keluarga kami miskin tapi tidak masuk data penerima bantuan",
        "pendaftaran bantuan sosial untuk janda tua",
        "bantuan pkh tidak pernah diterima lagi",
        "ingin daftar bantuan untuk warga tidak mampu",
        "data bansos tidak sesuai orang mampu malah dapat",
        "tolong bantu anak yatim yang tidak mampu",
    ],
}


def corpus() -> tuple[list[str], list[str]]:
    texts = [text for items in CORPUS.values() for text in items]
    labels = [label for label, items in CORPUS.items() for _ in items]
    return texts, labels


@pytest.fixture(scope="module")
def router() -> Router:
    texts, labels = corpus()
    return Router(config=RouterConfig(cv_folds=3)).fit(texts, labels)


# --- normalisation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("gak ada yg ngurus", "tidak ada yang mengurus"),
        ("jln di dpn rmh udh rusak", "jalan di depan rumah sudah rusak"),
        ("tdk bs, blm diangkut", "tidak bisa belum diangkut"),
        ("lampune mati, ora nyala", "lampu mati tidak nyala"),
        ("banyu ne teu ngalir", "air ne tidak ngalir"),
    ],
)
def test_slang_and_regional_words_become_formal(raw: str, expected: str) -> None:
    assert Normaliser()(raw) == expected


def test_repeated_letters_are_squeezed() -> None:
    assert Normaliser()("tolonggg sampahhh numpukkk bangettt") == "tolong sampah numpuk banget"
    assert Normaliser()("maaaaf") == "maaf"


def test_placeholders_replace_numbers_and_contacts() -> None:
    text = "Hub [NOMOR] atau 081234567890, NIK [NIK] / 3578012345678901, lihat https://x.id/a?b=1"
    assert Normaliser()(text + " email a.b@contoh.id rt 04") == (
        "hub _nomor_ atau _nomor_ nik _nik_ _nik_ lihat _url_ email _email_ rt _angka_"
    )


def test_reduplication_with_digit_and_typo() -> None:
    assert Normaliser()("anak2 di kelurhan") == "anak anak di kelurahan"


def test_stopwords_removed_but_negations_kept() -> None:
    normalise = build_normaliser(use_shared_lexicon=False)
    assert normalise("mohon min, jalan ini tidak dan belum diperbaiki, jangan lama") == (
        "jalan tidak belum diperbaiki jangan lama"
    )


def test_area_office_labels_collapse() -> None:
    assert collapse_area_office("Kelurahan Dukuh Setro") == AREA_OFFICE
    assert collapse_area_office("Kecamatan Tambaksari") == AREA_OFFICE
    assert collapse_area_office("Desa Sukamaju") == AREA_OFFICE
    assert collapse_area_office(WASTE) == WASTE


# --- classifier --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("jalannya bolong2 parah, tolong diaspal", ROADS),
        ("sampahhh numpuk gak diangkut2", WASTE),
        ("lampu pju di gang kami mati total", TRANSPORT),
        ("sy blm dpt bansos pdhl gak mampu", SOCIAL),
    ],
)
def test_clear_examples_rank_right_label_first(router: Router, text: str, label: str) -> None:
    assert router.predict_ranked(text, k=3)[0][0] == label


def test_probabilities_are_sorted_and_sum_at_most_one(router: Router) -> None:
    ranked = router.predict_ranked("pohon tumbang dan lampu jalan mati", k=4)
    probabilities = [p for _, p in ranked]
    assert len(ranked) == 4
    assert probabilities == sorted(probabilities, reverse=True)
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert sum(probabilities) <= 1.0 + 1e-6
    assert sum(p for _, p in router.predict_ranked("sampah", k=2)) <= 1.0


def test_predict_many_agrees_with_single_predictions(router: Router) -> None:
    texts = ["parkir liar di trotoar", "saluran mampet", "", "bantuan lansia"]
    for text, ranked in zip(texts, router.predict_many(texts, k=2), strict=True):
        single = router.predict_ranked(text, k=2)
        assert [label for label, _ in ranked] == [label for label, _ in single]
        assert np.allclose([p for _, p in ranked], [p for _, p in single], atol=1e-5)


def test_serialisation_round_trip_gives_identical_predictions(router: Router) -> None:
    data = router.to_bytes()
    restored = Router.from_bytes(data)
    texts = ["jln rusak", "lampu merah mati", "blt tdk cair", "sampah di sungai", "halo"]
    for text in texts:
        assert restored.predict_ranked(text, k=4) == router.predict_ranked(text, k=4)
    assert restored.threshold == router.threshold
    assert restored.metrics == router.metrics
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        assert all(archive[name].dtype != object for name in archive.files)


def test_model_stored_by_an_older_version_still_loads(router: Router) -> None:
    """Rows in RoutingModel outlive code changes: a blob whose config lacks fields added later
    (`svm_tol`) and whose character n-gram range differs from today's default must load and
    predict exactly as before."""
    with np.load(io.BytesIO(router.to_bytes()), allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
    del meta["config"]["svm_tol"]
    meta["config"].update(char_min_n=2, char_max_n=5)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    restored = Router.from_bytes(buffer.getvalue())
    assert restored.config.svm_tol == RouterConfig().svm_tol
    assert restored.features is not None and router.features is not None
    # The vocabulary's own n-gram range travels with the model, not the config default.
    assert restored.features.char_range == router.features.char_range
    for text in ["jln rusak", "lampu merah mati", "blt tdk cair"]:
        assert restored.predict_ranked(text, k=3) == router.predict_ranked(text, k=3)


def test_from_bytes_rejects_other_data() -> None:
    with pytest.raises(ValueError):
        Router.from_bytes(b"not a model")


def test_route_flags_confidence_against_threshold(router: Router) -> None:
    decision = router.route("lampu pju mati sudah seminggu jalan gelap")
    assert decision.label == TRANSPORT
    assert decision.confident == (decision.probability >= router.threshold)


def test_fit_rejects_single_label() -> None:
    with pytest.raises(ValueError):
        Router().fit(["a", "b"], ["x", "x"])


def test_choose_threshold_is_a_probability() -> None:
    texts, labels = corpus()
    threshold = choose_threshold(texts, labels, target_precision=0.95, folds=3)
    assert 0.0 <= threshold <= 1.0


# --- evaluation --------------------------------------------------------------------------


def write_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "kecamatan", "kelurahan", "date"])
        writer.writerows([(text, label, "", "", "") for text, label in rows])
    return path


def test_evaluation_counts_unseen_test_labels_as_errors(tmp_path: Path) -> None:
    texts, labels = corpus()
    train = write_csv(tmp_path / "train.csv", list(zip(texts, labels, strict=True)))
    seen = [("jalan berlubang parah sekali", ROADS), ("sampah belum diangkut", WASTE)]
    unseen = [("anak saya ditolak sekolah negeri", "Dinas Pendidikan")] * 2
    test = write_csv(tmp_path / "test.csv", seen + unseen)
    summary = evaluate(train, test)
    assert tuple(summary) == SUMMARY_KEYS
    assert summary["n_train"] == len(texts)
    assert summary["n_test"] == 4
    assert summary["top1"] <= 0.5
    assert summary["top3"] <= 0.5
    assert 0.0 <= summary["coverage_at_precision_95"] <= 1.0
    assert summary["ms_per_item"] > 0


def test_read_dataset_collapses_area_offices(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [("x", "Kelurahan Ploso"), ("y", WASTE), ("z", "")])
    dataset = read_dataset(path, collapse_area=True)
    assert dataset.labels == [AREA_OFFICE, WASTE]


# --- real data ---------------------------------------------------------------------------

# Top-1 reached on the Jan-Sep / Oct-Dec 2022 split is 0.758 (see bench/routing.py).
SURABAYA_TOP1_FLOOR = 0.72


@pytest.mark.shared_data
def test_surabaya_time_split_top1_floor(tmp_path: Path) -> None:
    base = shared_data_dir()
    path = base / "surabaya_mediacenter" / "complaints.csv" if base else None
    if path is None or not path.is_file():
        pytest.skip(
            "../shared/data/surabaya_mediacenter absent: cannot check routing accuracy on "
            "real complaints (set SIGAP_SHARED_DATA_DIR to the shared data folder)"
        )
    rows = read_dataset(path, collapse_area=True)
    dates = rows.dates or []
    train_idx = [i for i, d in enumerate(dates) if d < "2022-10-01"]
    test_idx = [i for i, d in enumerate(dates) if d >= "2022-10-01"]
    train = [rows.texts[i] for i in train_idx], [rows.labels[i] for i in train_idx]
    # No calibration folds here: one fit keeps the test fast; ranking is unaffected.
    router = Router(config=RouterConfig(cv_folds=0)).fit(*train)
    predicted = router.predict_many([rows.texts[i] for i in test_idx], k=1)
    hits = [p[0][0] == rows.labels[i] for p, i in zip(predicted, test_idx, strict=True)]
    assert sum(hits) / len(hits) >= SURABAYA_TOP1_FLOOR
