"""The demo content is consistent with itself and with the shapes ``sigap.demo.seed`` expects."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest

from sigap.demo import data

AGENCY_KINDS = {
    "pemda", "leader_office", "dinas", "badan", "rsud", "kecamatan", "setda_bagian",
    "inspektorat", "satuan", "bidang", "upt", "puskesmas", "desa", "kelurahan", "external",
    "command_center",
}  # fmt: skip
CASE_KINDS = {"complaint", "aspiration", "information_request", "service_request", "emergency"}
GROUPS = {
    "Infrastruktur", "Lingkungan", "Kesehatan", "Pendidikan", "Kependudukan", "Perhubungan",
    "Ketertiban", "Sosial", "Perizinan", "Ketenagakerjaan", "Ekonomi", "Pelayanan Publik",
    "Informasi", "Darurat",
}  # fmt: skip
PRIORITIES = {"darurat", "tinggi", "normal", "rendah"}
ROLES = {"coordinator", "agency_admin", "agency_officer", "operator", "leader", "system_admin"}
SLUG = re.compile(r"^[a-z0-9-]+$")
REQUIRED_AGENCIES = {
    "bdg", "bupati", "cc", "disdik", "dinkes", "dputr", "disdukcapil", "dishub", "dlh", "dinsos",
    "bpbd", "damkar", "satpolpp", "diskominfo", "disnaker", "dpmptsp", "disperkimtan", "bapenda",
    "inspektorat", "dp2kbp3a", "distan", "diskopukm", "disdagin", "disparbud", "diskan",
    "bag-hukum", "bag-organisasi", "rsud-majalaya", "rsud-soreang", "rsud-cicalengka",
    "dputr-binamarga", "dputr-sda", "dishub-upt-terminal", "pkm-soreang", "pkm-baleendah", "pln",
    "pdam", "polresta", "bpn", "bpjs-kes",
}  # fmt: skip
AGENCY_CODES = {agency["code"] for agency in data.AGENCIES}


def _shared_data_dir() -> Path:
    default = Path(__file__).resolve().parents[3].parent / "shared" / "data"
    return Path(os.environ.get("SIGAP_SHARED_DATA_DIR", default))


def test_pemda() -> None:
    assert data.PEMDA["code"] == "bdg"
    assert data.PEMDA["tracking_prefix"] == "BDG"
    assert data.PEMDA["region_code"] == "32.04"


def test_agency_codes_are_unique_slugs_and_complete() -> None:
    codes = [agency["code"] for agency in data.AGENCIES]
    assert len(codes) == len(set(codes))
    assert all(SLUG.match(code) and len(code) <= 40 for code in codes)
    assert set(codes) >= REQUIRED_AGENCIES


def test_agency_fields() -> None:
    for agency in data.AGENCIES:
        assert agency["kind"] in AGENCY_KINDS, agency["code"]
        assert agency["kind"] != "kecamatan", "the seeder derives kecamatan offices"
        assert agency["name"] and len(agency["name"]) <= 200
        assert agency["short_name"] and len(agency["short_name"]) <= 60
    kinds = {agency["code"]: agency["kind"] for agency in data.AGENCIES}
    assert kinds["bdg"] == "pemda"
    assert kinds["bupati"] == "leader_office"
    assert kinds["cc"] == "command_center"


def test_every_parent_appears_before_its_child() -> None:
    seen: set[str] = set()
    for agency in data.AGENCIES:
        if agency["parent"] is None:
            assert agency["code"] == data.PEMDA["code"]
        else:
            assert agency["parent"] in seen, agency["code"]
        seen.add(agency["code"])


def test_kecamatan_offices_do_not_collide_with_agencies() -> None:
    generated = {f"kec-{name.lower().replace(' ', '-')}" for _code, name in data.KECAMATAN}
    assert not generated & AGENCY_CODES


def test_categories_are_unique_and_point_at_agencies() -> None:
    codes = [category["code"] for category in data.CATEGORIES]
    open311 = [category["open311_code"] for category in data.CATEGORIES]
    assert len(codes) == len(set(codes))
    assert len(open311) == len(set(open311))
    for category in data.CATEGORIES:
        assert SLUG.match(category["code"]) and SLUG.match(category["open311_code"])
        assert category["agency"] in AGENCY_CODES, category["code"]
        assert category["group"] in GROUPS, category["code"]
        assert category["default_priority"] in PRIORITIES, category["code"]
        assert category["name"] and category["description"], category["code"]


def test_categories_cover_every_kind() -> None:
    assert len(data.CATEGORIES) >= 30
    kinds = {category["kind"] for category in data.CATEGORIES}
    assert kinds == CASE_KINDS
    for category in data.CATEGORIES:
        if category["kind"] == "emergency":
            assert category["default_priority"] == "darurat", category["code"]


def test_categories_have_keywords_and_examples() -> None:
    for category in data.CATEGORIES:
        keywords, examples = category["keywords"], category["examples"]
        assert 8 <= len(keywords) <= 20, category["code"]
        assert len(keywords) == len(set(keywords)), category["code"]
        assert all(word and word == word.strip() for word in keywords), category["code"]
        assert len(examples) >= 10, category["code"]
        assert len(examples) == len(set(examples)), category["code"]
        assert all("  " not in text and text == text.strip() for text in examples)


def test_examples_are_not_shared_between_categories() -> None:
    examples = [text for category in data.CATEGORIES for text in category["examples"]]
    assert len(examples) == len(set(examples))


def test_kecamatan() -> None:
    assert len(data.KECAMATAN) == 31
    codes = [code for code, _name in data.KECAMATAN]
    names = [name for _code, name in data.KECAMATAN]
    assert len(set(codes)) == 31 and len(set(names)) == 31
    assert all(re.match(r"^32\.04\.\d{2}$", code) for code in codes)


def test_demo_staff() -> None:
    usernames = [staff["username"] for staff in data.DEMO_STAFF]
    assert len(usernames) == len(set(usernames))
    for staff in data.DEMO_STAFF:
        assert staff["email"].endswith("@demo.sigap.invalid")
        assert staff["memberships"], staff["username"]
        for agency_code, role in staff["memberships"]:
            assert agency_code in AGENCY_CODES, staff["username"]
            assert role in ROLES, staff["username"]


def test_emergency_numbers() -> None:
    assert set(data.EMERGENCY_NUMBERS) == {"110", "112", "113", "115", "119"}


def test_knowledge_articles() -> None:
    assert len(data.KNOWLEDGE_ARTICLES) >= 12
    titles = [article["title"] for article in data.KNOWLEDGE_ARTICLES]
    assert len(titles) == len(set(titles))
    for article in data.KNOWLEDGE_ARTICLES:
        assert article["agency"] in AGENCY_CODES, article["title"]
        assert 4 <= len(article["questions"]) <= 6, article["title"]
        assert article["answer"], article["title"]
        url = article["source_url"]
        assert url == "" or url.startswith("https://"), article["title"]


@pytest.mark.shared_data
def test_kecamatan_match_kemendagri_codes() -> None:
    path = _shared_data_dir() / "wilayah_kemendagri" / "kab_bandung_3204.csv"
    if not path.exists():
        pytest.skip(f"SKIPPED LOUDLY: {path} is absent; cannot check the kecamatan list.")
    with path.open(encoding="utf-8", newline="") as handle:
        official = {row["kode"]: row["nama"] for row in csv.DictReader(handle)}
    official = {code: name for code, name in official.items() if re.match(r"^32\.04\.\d{2}$", code)}
    assert dict(data.KECAMATAN) == official
