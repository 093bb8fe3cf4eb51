"""Full-text search over cases on both databases (``sigap.cases.search``)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext

from sigap.agencies.selectors import staff_scope
from sigap.cases.models import Case, DispositionReason, Message
from sigap.cases.search import (
    case_search,
    case_search_ids,
    fts5_query,
    looks_like_tracking_number,
)
from sigap.cases.selectors import (
    CaseFilters,
    case_inbox_for_user,
    case_inbox_search,
    case_list_for_user,
)
from sigap.cases.services import IncomingMessage, case_dispose, case_message_add
from sigap.contacts.services import SenderIdentity


def found(text: str, *, rank: bool = False) -> list[str]:
    return list(
        case_search(Case.objects.all(), text, rank=rank).values_list("tracking_number", flat=True)
    )


def test_search_matches_words_of_the_description(make_case, category_a):
    road = make_case("Jalan berlubang di depan pasar Baleendah", category=category_a)
    make_case("Lampu penerangan jalan mati di Soreang", category=category_a)
    make_case("Sampah menumpuk di pinggir sungai", category=category_a)
    assert found("berlubang") == [road.tracking_number]
    assert found("pasar berlubang") == [road.tracking_number]
    assert found("sungai berlubang") == []


def test_search_stems_indonesian_suffixes(make_case, category_a):
    """'jalan berlubang' finds 'jalannya berlubang': the Snowball stemmer on PostgreSQL, prefix
    tokens on SQLite."""
    case = make_case("Jalannya berlubang parah sejak minggu lalu", category=category_a)
    assert found("jalan berlubang") == [case.tracking_number]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stemmer is PostgreSQL's")
def test_postgres_stems_prefixes_too(make_case, category_a):
    case = make_case("Banyak lubang di jalan desa", category=category_a)
    assert found("berlubang") == [case.tracking_number]  # ber-lubang → lubang


def test_search_covers_citizen_follow_up_messages(make_case, category_a):
    case = make_case("Mohon dibantu pak", category=category_a)
    other = make_case("Pohon tumbang", category=category_a)
    assert found("gorong") == []
    case_message_add(
        case=case,
        message=IncomingMessage(
            channel="whatsapp",
            text="Gorong-gorong tersumbat dekat masjid",
            sender=SenderIdentity(external_id="6281234567890", phone="6281234567890"),
            external_id="wamid.followup1",
        ),
    )
    assert found("gorong tersumbat") == [case.tracking_number]
    assert other.tracking_number not in found("gorong")


def test_search_follows_edits_of_title_and_description(make_case, category_a):
    case = make_case("Kabel listrik menjuntai", category=category_a)
    Case.objects.filter(pk=case.pk).update(title="Pipa air bocor", description="Diedit petugas")
    assert found("pipa bocor") == [case.tracking_number]
    assert found("diedit") == [case.tracking_number]
    assert found("kabel") == [case.tracking_number]  # still in the citizen's own message


def test_tracking_number_matches_exactly(make_case, category_a):
    first = make_case("Laporan pertama", category=category_a)
    make_case("Laporan kedua", category=category_a)
    assert looks_like_tracking_number(first.tracking_number.lower())
    assert found(first.tracking_number.lower()) == [first.tracking_number]


def test_results_ranked_by_relevance(make_case, category_a):
    weak = make_case("Jalan rusak di desa, tolong dicek", category=category_a)
    strong = make_case(
        "Jalan rusak, jalan berlubang, jalan licin: jalan rusak!", category=category_a
    )
    scope_user_cases = case_search(Case.objects.all(), "jalan rusak", rank=True)
    ordered = list(
        scope_user_cases.order_by(F("search_rank").desc()).values_list("tracking_number", flat=True)
    )
    assert ordered == [strong.tracking_number, weak.tracking_number]


def test_operators_in_user_text_are_harmless(make_case, category_a):
    case = make_case("Air PDAM keruh (kuning) sejak kemarin", category=category_a)
    assert fts5_query('keruh" OR * NEAR(') == '"keruh"* "or" "near"*'
    assert found('keruh" OR * NEAR(') == []  # "or" is a word here, not an operator
    assert found("(kuning) -") == [case.tracking_number]
    assert found("   ") == [case.tracking_number]  # empty search filters nothing


def test_search_respects_agency_scope(make_case, category_a, agency_b, staff_a, staff_b):
    mine = make_case("Jembatan retak di Dayeuhkolot", category=category_a)
    make_case("Jembatan puskesmas retak", agency=agency_b)
    for user, expected in ((staff_a, mine.tracking_number), (staff_b, None)):
        filters = CaseFilters(query="jembatan", agency_id=None)
        listed = set(
            case_list_for_user(staff_scope(user), filters).values_list("tracking_number", flat=True)
        )
        assert mine.tracking_number in listed if expected else mine.tracking_number not in listed
        assert len(listed) == 1
        inbox = case_inbox_for_user(staff_scope(user), filters)
        assert [c.tracking_number for c in inbox] == list(listed)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 triggers")
def test_sqlite_fts_triggers_exist_after_all_migrations(db):
    """A later migration that remakes cases_case on SQLite drops these triggers silently."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"cases_case_fts_ai", "cases_case_fts_au", "cases_case_fts_ad"} <= names
    assert {"cases_message_fts_ai", "cases_message_fts_au", "cases_message_fts_ad"} <= names


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN indexes")
def test_postgres_search_uses_the_gin_indexes(make_case, category_a):
    make_case("Jalan berlubang", category=category_a)
    message_match = (
        "SELECT id FROM cases_message WHERE direction = 'in' "
        "AND to_tsvector('indonesian'::regconfig, text) @@ websearch_to_tsquery("
        "'indonesian'::regconfig, 'jalan')"
    )
    with connection.cursor() as cursor:
        # A tiny table: forbid the scans that beat an index there, so the plans show whether
        # the GIN indexes can serve the search predicates at all.
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
        plan = case_search(Case.objects.all(), "jalan").explain()
        cursor.execute(f"EXPLAIN {message_match}")
        message_plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
        cursor.execute("SET enable_indexscan = on")
    assert "case_search_agency_idx" in plan, plan
    assert "message_in_search_idx" in message_plan, message_plan
    assert Message.objects.count() == 1


def test_inbox_search_is_resolved_once_bounded_and_scoped(make_case, category_a, agency_b, staff_b):
    for index in range(4):
        make_case(f"Banjir setinggi lutut di RT {index}", category=category_a)
    theirs = make_case("Banjir masuk ke puskesmas", agency=agency_b)
    filters, truncated = case_inbox_search(staff_scope(staff_b), CaseFilters(query="banjir"))
    assert filters.search_ids == (theirs.pk,) and not truncated
    ids, truncated = case_search_ids(Case.objects.all(), "banjir", messages_visible=Q(), limit=3)
    assert len(ids) >= 3 and truncated
    ids, truncated = case_search_ids(Case.objects.all(), "banjir", messages_visible=Q(), limit=9)
    assert len(ids) == 5 and not truncated


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's stored tsvector")
def test_stored_search_document_follows_edits(make_case, category_a):
    case = make_case("Lampu jalan mati", category=category_a)
    assert list(case_search(Case.objects.all(), "sampah")) == []
    Case.objects.filter(pk=case.pk).update(description="Sampah menumpuk di pasar")
    assert list(case_search(Case.objects.all(), "sampah")) == [case]


def test_officer_search_follows_a_case_and_its_messages_to_the_new_agency(
    make_case, category_a, agency_a, agency_b, staff_a, staff_b, coordinator
):
    """A citizen's follow-up message is found by the agency the case is with now: on PostgreSQL
    the message's copy of its case's agency follows the case (triggers of migration 0009)."""
    case = make_case("Mohon dibantu pak", category=category_a)
    case_message_add(
        case=case,
        message=IncomingMessage(
            channel="whatsapp",
            text="Gorong-gorong tersumbat dekat masjid",
            sender=SenderIdentity(external_id="6281234567890", phone="6281234567890"),
            external_id="wamid.followup2",
        ),
    )

    def searched(user) -> tuple[int, ...] | None:
        return case_inbox_search(staff_scope(user), CaseFilters(query="gorong"))[0].search_ids

    assert searched(staff_a) == (case.pk,) and searched(staff_b) == ()
    case_dispose(
        case=case, to_agency=agency_b, reason=DispositionReason.NOT_OUR_AUTHORITY,
        actor=coordinator, note="Wewenang Dinkes",
    )  # fmt: skip
    assert searched(staff_a) == () and searched(staff_b) == (case.pk,)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT case_agency_id FROM cases_message WHERE case_id = %s",
                           [case.pk])  # fmt: skip
            assert cursor.fetchall() == [(agency_b.pk,)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN indexes")
def test_officer_search_narrows_by_agency_inside_the_text_indexes(make_case, category_a, staff_a):
    """The compiled agency condition must equal the indexed expression (ARRAY[agency])."""
    make_case("Jalan berlubang", category=category_a)
    with CaptureQueriesContext(connection) as queries:
        case_inbox_search(staff_scope(staff_a), CaseFilters(query="jalan"))
    (search,) = [q["sql"] for q in queries.captured_queries if "WITH source_" in q["sql"]]
    body = search.split("; ", 1)[1].split("; RESET", 1)[0]  # without the SET/RESET around it
    with connection.cursor() as cursor:
        # A tiny table: leave the planner no other way than the GIN indexes (the B-tree ones
        # are dropped inside the test's transaction, which rolls back).
        cursor.execute(
            "SELECT i.indexrelid::regclass::text FROM pg_index i WHERE i.indrelid IN "
            "('cases_case'::regclass, 'cases_message'::regclass) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
            "AND (SELECT amname FROM pg_am a JOIN pg_class r ON r.relam = a.oid "
            "WHERE r.oid = i.indexrelid) = 'btree'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {body}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    conditions = [line for line in plan.splitlines() if "Index Cond" in line and "@@" in line]
    assert conditions and all("ARRAY[" in line and "&&" in line for line in conditions), plan
    assert "case_search_agency_idx" in plan and "message_in_search_idx" in plan, plan
