"""Query budgets of processing one inbound WhatsApp message (issue #3: acknowledged in seconds).

The budgets count every statement of ``inbound_event_process`` as a task worker runs it: parse,
route, the case's two transactions, triage, the SLA clock, the acknowledgement, the hooks after
the commits and the HTTP send to the stand-in. The tests run with real transactions
(``transactional_db``) so that savepoints and after-commit hooks count as they do in production;
``bench/intake_profile.py`` prints the same figures for a few hundred messages.

Budgets are the counts measured when they were set (see each test). If a change needs more,
raise the budget in the same commit and say why; a lower count lowers the budget.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from sigap.cases.models import Case, EventKind
from sigap.catalog.models import Priority
from sigap.channels.models import OutboundMessage
from sigap.channels.services.events import inbound_event_process
from sigap.channels.tests.conftest import PHONE_NUMBER_ID, stored_text
from sigap.routing.models import CaseLink, KnowledgeArticle, TriageResult
from sigap.routing.tests.queued import incident_tasks_run
from sigap.sla.models import NotificationKind, SlaNotification

# Measured when set, the same on PostgreSQL and SQLite; see the module docstring.
NEW_CASE_ROUTED = 35  # placed by the gazetteer, routed by the model, acknowledged
NEW_CASE_DUPLICATE = 36  # the same, and the incident task queued for the worker
INCIDENT_TASK = 11  # the queued task: a link and an incident with the earlier report
NEW_CASE_EMERGENCY = 45  # placed, emergency priority, routed, the operator alerted (11)
JOINED = 16  # a second message of the sender joins the open case


@pytest.fixture
def warm(transactional_db, client, wa_account, meta, places, router, agency_b) -> Case:
    """One message processed first: a long-running worker has loaded the router, the
    gazetteer and the FAQ index and made the month's tracking counter long ago. The Pemda
    answers common questions from a knowledge article, as the demo does."""
    KnowledgeArticle.objects.create(
        agency=agency_b, title="Syarat membuat KTP-el",
        questions=["apa syarat bikin ktp", "syarat membuat ktp elektronik apa saja"],
        answer="Fotokopi KK dan berusia 17 tahun. Gratis.",
    )  # fmt: skip
    event_id = stored_text(
        client, "puskesmas antri lama sekali di Pangalengan", "6281199999", "w.W"
    )
    assert inbound_event_process(event_id) == "processed"
    return Case.objects.get()


def _case_of(message_id: str) -> Case:
    return Case.objects.select_related("region").get(messages__external_id=message_id)


_TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK")


def _process(event_id: int, budget: int) -> list[str]:
    """Process the event; fail when it took more statements than ``budget``. Transaction
    control is left out: SQLite logs its ``BEGIN IMMEDIATE``, PostgreSQL's BEGIN is implicit,
    and the profile (a cursor wrapper) sees no COMMIT; so one budget holds everywhere."""
    with CaptureQueriesContext(connection) as captured:
        assert inbound_event_process(event_id) == "processed"
    statements = [
        q["sql"] for q in captured.captured_queries if not q["sql"].startswith(_TRANSACTION)
    ]
    flat = [" ".join(sql.split()) for sql in statements]
    listing = "\n".join(f"{n:3d} {sql[:160]}" for n, sql in enumerate(flat, 1))
    assert len(statements) <= budget, f"{len(statements)} statements > {budget}:\n{listing}"
    return statements


def _clock_computations(statements: list[str]) -> int:
    """How often the SLA clock was computed: each computation reads the case's timeline facts
    once, in the one statement that asks for its pauses (the rules are cached per process)."""
    return sum("sla_slapause" in sql for sql in statements)


def test_new_case_is_placed_routed_and_acknowledged_within_budget(warm, client, meta, agency_a):
    event_id = stored_text(client, "jalan berlubang besar di Banjaran", "6281100001", "wamid.B1")
    statements = _process(event_id, NEW_CASE_ROUTED)

    case = _case_of("wamid.B1")
    assert case.agency == agency_a and case.region is not None and case.region.code == "32.04.13"
    assert TriageResult.objects.get(case=case).auto_routed
    assert case.first_response_due_at is not None
    ack = OutboundMessage.objects.select_related("message").get(message__case=case)
    assert ack.status == "sent" and f"Ditangani oleh: {agency_a.name}" in ack.message.text
    assert len(meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")) == 2
    # The clock is computed once (for the acknowledgement), not again by the hooks; the
    # triage ran inline and committed, so no triage task is queued for it.
    assert _clock_computations(statements) == 1
    assert not DBTaskResult.objects.filter(task_path__endswith="case_triage_task").exists()
    kinds = list(case.events.order_by("created_at", "id").values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.LOCATION, EventKind.ROUTED, EventKind.MESSAGE_OUT]


def test_second_report_of_one_incident_is_linked_within_budget(warm, client, meta):
    first = stored_text(
        client, "jalan berlubang besar di Banjaran depan pasar", "6281100002", "w.D1"
    )
    assert inbound_event_process(first) == "processed"
    second = stored_text(
        client, "jalan berlubang besar di Banjaran dekat pasar", "6281100003", "w.D2"
    )
    statements = _process(second, NEW_CASE_DUPLICATE)
    assert OutboundMessage.objects.filter(status="sent", message__case__pk__gt=0).count() == 3
    assert not CaseLink.objects.exists()  # after the acknowledgement, by the queued task

    with CaptureQueriesContext(connection) as linking:
        assert incident_tasks_run() == 1
    task_statements = [
        q["sql"] for q in linking.captured_queries
        if not q["sql"].startswith(_TRANSACTION) and "dbtaskresult" not in q["sql"]
    ]  # fmt: skip
    assert len(task_statements) <= INCIDENT_TASK, "\n".join(s[:150] for s in task_statements)
    older, newer = _case_of("w.D1"), _case_of("w.D2")
    link = CaseLink.objects.get()
    assert (link.low_id, link.high_id) == (older.pk, newer.pk) and link.status == "suggested"
    assert older.incident_member.incident_id == newer.incident_member.incident_id
    assert newer.events.filter(kind=EventKind.NOTE, data__triage="incident").exists()
    assert OutboundMessage.objects.filter(status="sent", message__case=newer).count() == 1
    assert _clock_computations(statements) == 1


def test_emergency_alerts_the_operator_and_is_acknowledged_within_budget(
    warm, client, meta, operator
):
    text = "TOLONG kebakaran rumah di Banjaran sekarang, apinya masih besar!"
    event_id = stored_text(client, text, "6281100004", "wamid.E1")
    statements = _process(event_id, NEW_CASE_EMERGENCY)

    case = _case_of("wamid.E1")
    assert case.priority == Priority.EMERGENCY
    alert = SlaNotification.objects.get(kind=NotificationKind.EMERGENCY)
    assert alert.recipient == operator and alert.case == case
    ack = OutboundMessage.objects.select_related("message").get(message__case=case)
    assert "112" in ack.message.text and ack.status == "sent"
    assert _clock_computations(statements) == 1


def test_second_message_joins_the_open_case_within_budget(warm, client, meta):
    first = stored_text(client, "jalan berlubang besar di Banjaran", "6281100005", "wamid.J1")
    assert inbound_event_process(first) == "processed"
    second = stored_text(
        client, "Sudah 2 hari belum ada tindakan, mohon dicek.", "6281100005", "w.J2"
    )
    _process(second, JOINED)

    case = _case_of("wamid.J1")
    texts = list(case.messages.filter(direction="in").values_list("text", flat=True))
    assert texts == [
        "jalan berlubang besar di Banjaran",
        "Sudah 2 hari belum ada tindakan, mohon dicek.",
    ]
    assert case.events.filter(kind=EventKind.MESSAGE_IN).count() == 1
    assert OutboundMessage.objects.filter(message__case=case).count() == 1  # the first's ack
    assert Case.objects.count() == 2  # the warm-up's and this one
