"""Search never finds an anonymous case by the personal data an agency reads masked in it
(security audit finding 3): not the NIK, the phone numbers, the e-mail address or the reporter's
name inside it, not by prefix, not by negation, not by rank. Both databases."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from sigap.agencies.selectors import staff_scope
from sigap.cases.models import Case
from sigap.cases.search import fts5_query
from sigap.cases.selectors import (
    CaseFilters,
    case_inbox_counts,
    case_inbox_for_user,
    case_inbox_search,
    case_list_for_user,
)
from sigap.cases.services import IncomingMessage, case_message_add
from sigap.cases.tests.test_api import bearer
from sigap.contacts.services import SenderIdentity

ANONYMOUS_TEXT = (
    "Pelayanan puskesmas buruk. NIK saya 3204121208900003, hp 081234567890, "
    "email budi.santoso@gmail.com"
)
# What the officer must not be able to confirm, and a prefix of each.
PERSONAL_DATA = [
    "081234567890",
    "0812345",
    "3204121208900003",
    "320412",
    "budi.santoso@gmail.com",
    "santoso",
    "Budi Santoso",
    "santo",
    "085712345678",  # in the citizen's follow-up message
    "0857",
    "puskesmas 081234567890",
    "puskesmas -santoso",  # a NOT on the original text would be an oracle as well
]


@pytest.fixture
def anonymous_case(make_case, agency_b) -> Case:
    case = make_case(
        ANONYMOUS_TEXT,
        sender="6281234567890",
        agency=agency_b,
        is_anonymous=True,
        title="Keluhan hp 081234567890",
    )
    case_message_add(
        case=case,
        message=IncomingMessage(
            channel="whatsapp",
            text="Tolong hubungi WA saya 085712345678, antrean obat lama sekali",
            sender=SenderIdentity(external_id="6281234567890", phone="6281234567890"),
            external_id="wamid.anon-followup",
        ),
    )
    return case


def inbox_found(user, text: str) -> list[str]:
    filters, _truncated = case_inbox_search(staff_scope(user), CaseFilters(query=text))
    listed = case_inbox_for_user(staff_scope(user), filters)
    return [case.tracking_number for case in listed]


def list_found(user, text: str) -> list[str]:
    cases = case_list_for_user(staff_scope(user), CaseFilters(query=text))
    return list(cases.values_list("tracking_number", flat=True))


@pytest.mark.parametrize("text", PERSONAL_DATA)
def test_officer_cannot_find_an_anonymous_case_by_its_masked_personal_data(
    anonymous_case, staff_b, text
):
    assert inbox_found(staff_b, text) == []
    assert list_found(staff_b, text) == []


def test_officer_still_finds_the_anonymous_case_by_its_words(anonymous_case, staff_b):
    number = anonymous_case.tracking_number
    for text in ("puskesmas", "pelayanan buruk", "antrean obat", "keluhan"):
        assert inbox_found(staff_b, text) == [number], text
        assert list_found(staff_b, text) == [number], text
    filters, _cut = case_inbox_search(staff_scope(staff_b), CaseFilters(query="puskesmas"))
    assert case_inbox_counts(staff_scope(staff_b), filters)["all"] == 1


def test_leader_reads_masked_and_cannot_find_by_personal_data(anonymous_case, leader):
    assert inbox_found(leader, "081234567890") == []
    assert list_found(leader, "santoso") == []
    assert inbox_found(leader, "puskesmas") == [anonymous_case.tracking_number]


def test_coordinator_who_may_reveal_the_reporter_still_finds_it(anonymous_case, coordinator):
    number = anonymous_case.tracking_number
    for text in ("081234567890", "3204121208900003", "085712345678", "puskesmas"):
        assert inbox_found(coordinator, text) == [number], text
        assert list_found(coordinator, text) == [number], text


def test_personal_data_of_cases_that_are_not_anonymous_stays_searchable(
    make_case, agency_b, staff_b
):
    case = make_case("Obat habis di puskesmas, hubungi saya 081298765432", agency=agency_b)
    assert inbox_found(staff_b, "081298765432") == [case.tracking_number]
    assert list_found(staff_b, "081298765432") == [case.tracking_number]


def test_masked_cases_get_no_rank_from_their_original_text(
    anonymous_case, make_case, agency_b, staff_b, coordinator
):
    """Ranked on the original, "puskesmas" would weigh also where it stands in masked text;
    the officer's list puts the masked case after the ranked ones instead."""
    plain = make_case("Puskesmas tutup lebih awal", agency=agency_b)
    for user, masked in ((staff_b, True), (coordinator, False)):
        filters, _cut = case_inbox_search(staff_scope(user), CaseFilters(query="puskesmas"))
        listed = list(case_inbox_for_user(staff_scope(user), filters))
        ranks = {case.pk: getattr(case, "search_rank", "absent") for case in listed}
        assert ranks[plain.pk] is not None
        assert (ranks[anonymous_case.pk] is None) is masked
        if masked:
            assert [c.pk for c in listed] == [plain.pk, anonymous_case.pk]


def test_digit_tokens_are_never_prefixes():
    assert fts5_query("0812 jalan rt05 di") == '"0812" "jalan"* "rt05" "di"'
    assert fts5_query("budi_santoso Jalán") == '"budi"* "santoso"* "jalan"*'


def test_api_search_as_officer_finds_only_what_the_officer_reads(
    client: Client, anonymous_case, staff_b
):
    def numbers(text: str) -> list[str]:
        response = client.get("/api/cases", {"q": text}, **bearer(staff_b))
        assert response.status_code == 200
        return [item["tracking_number"] for item in response.json()["items"]]

    assert numbers("081234567890") == []
    assert numbers("santoso") == []
    response = client.get("/api/cases", {"q": "puskesmas"}, **bearer(staff_b))
    (item,) = response.json()["items"]
    assert item["tracking_number"] == anonymous_case.tracking_number
    assert "081234567890" not in json.dumps(item) and "xxxxxxxxxx90" in item["description"]


def test_console_inbox_search_shows_nothing_for_the_masked_phone(
    client: Client, anonymous_case, staff_b
):
    client.force_login(staff_b)
    response = client.get("/konsol/", {"q": "081234567890", "view": "all"})
    assert response.status_code == 200
    assert anonymous_case.tracking_number not in response.content.decode()
    response = client.get("/konsol/", {"q": "puskesmas", "view": "all"})
    page = response.content.decode()
    assert anonymous_case.tracking_number in page and "081234567890" not in page
