"""Emergencies reach the command center and the agency's on-duty staff at once, never twice;
an assignment by someone else tells the assignee."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from sigap.cases.models import CaseEvent, DispositionReason, EventKind
from sigap.cases.services import case_assign, case_dispose, case_hook_register, case_set_priority
from sigap.cases.services import common as case_hooks
from sigap.catalog.models import CaseKind, Priority
from sigap.channels.tests import conftest as channel_fixtures
from sigap.channels.tests.conftest import PHONE_NUMBER_ID
from sigap.sla.hooks import case_emergency_alert, emergency_text, notifications_case_changed
from sigap.sla.models import NotificationKind, SlaNotification

# The WhatsApp account of the leader's office and the Meta stand-in, shared with channels.
leader_office = channel_fixtures.leader_office
wa_account = channel_fixtures.wa_account
meta = channel_fixtures.meta


@pytest.fixture(autouse=True)
def _hook_registered() -> Iterator[None]:
    """Registered by ``SlaConfig.ready`` once wired; only this module's tests add it here, and
    take it away again, so no other test sees a hook it did not expect."""
    added = notifications_case_changed not in case_hooks._case_hooks
    case_hook_register(notifications_case_changed)
    yield
    if added:
        case_hooks._case_hooks.remove(notifications_case_changed)


def emergencies(case) -> dict[str, str]:
    rows = SlaNotification.objects.filter(case=case, kind=NotificationKind.EMERGENCY)
    return {row.recipient.username: row.text for row in rows.select_related("recipient")}


def test_a_case_created_as_emergency_alerts_operators_and_on_duty_staff(
    make_case, agency_b, operator, staff_b, staff_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(
            "Kebakaran rumah di Baleendah sekarang! hubungi 081299998888",
            kind=CaseKind.EMERGENCY, priority=Priority.EMERGENCY, agency=agency_b,
        )  # fmt: skip
    alerted = emergencies(case)
    assert set(alerted) == {"operator", "petugas.b"}  # not DPUTR's staff
    text = alerted["operator"]
    assert text.startswith(f"DARURAT: laporan {case.tracking_number}")
    assert "Instansi: Dinkes." in text and "Kebakaran rumah di Baleendah" in text
    assert "081299998888" not in text  # personal data never leaves in a notification
    note = CaseEvent.objects.get(case=case, kind=EventKind.NOTE, data__alert="emergency")
    assert note.actor is None and sorted(note.data["recipients"]) == sorted(
        [operator.pk, staff_b.pk]
    )
    # Delivery was enqueued on commit, for exactly these rows.
    task = DBTaskResult.objects.get(task_path__endswith="notifications_deliver_task")
    ids = set(SlaNotification.objects.filter(case=case).values_list("pk", flat=True))
    assert set(task.args_kwargs["kwargs"]["notification_ids"]) == ids


def test_the_alert_carries_the_location(emergency_case):
    emergency_case.location_text = "Jl. Raya Baleendah 12"
    emergency_case.latitude, emergency_case.longitude = -7.0031, 107.6292
    text = emergency_text(emergency_case)
    assert "Lokasi: Jl. Raya Baleendah 12, https://maps.google.com/?q=-7.003100,107.629200." in text


def test_triage_raising_priority_alerts_and_repeats_never_do(
    case_a, operator, staff_a, staff_b, agency_b, django_capture_on_commit_callbacks
):
    assert emergencies(case_a) == {}  # an ordinary case alerts nobody
    with django_capture_on_commit_callbacks(execute=True):
        case_set_priority(case=case_a, priority=Priority.EMERGENCY, actor=None, note="api")
    assert set(emergencies(case_a)) == {"operator", "petugas.a"}
    with django_capture_on_commit_callbacks(execute=True):
        case_set_priority(case=case_a, priority=Priority.HIGH, actor=None)
        case_set_priority(case=case_a, priority=Priority.EMERGENCY, actor=None)
    assert case_emergency_alert(case_id=case_a.pk) == []
    assert SlaNotification.objects.filter(kind=NotificationKind.EMERGENCY).count() == 2
    # Moved to another agency: its on-duty staff hear about it, the operator not again.
    with django_capture_on_commit_callbacks(execute=True):
        case_dispose(
            case=case_a, to_agency=agency_b, reason=DispositionReason.NOT_OUR_AUTHORITY,
            actor=None, note="Bukan wewenang DPUTR",
        )  # fmt: skip
    assert set(emergencies(case_a)) == {"operator", "petugas.a", "petugas.b"}
    assert SlaNotification.objects.filter(kind=NotificationKind.EMERGENCY).count() == 3


def test_an_emergency_without_agency_alerts_the_operators_first(
    make_case, operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case("Banjir bandang di Dayeuhkolot", priority=Priority.EMERGENCY)
    alerted = emergencies(case)
    assert set(alerted) == {"operator"} and "Instansi: belum ditentukan." in alerted["operator"]


def test_emergency_reaches_the_operator_phone_through_the_stand_in(
    make_case, agency_b, operator, wa_account, meta, settings: Any,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "ingest", "outbox", "triage", "sweeper"],
        }
    }
    operator.phone = "0812-3450-0099"
    operator.save(update_fields=["phone"])
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(
            "Pohon tumbang menimpa mobil", priority=Priority.EMERGENCY, agency=agency_b
        )
    row = SlaNotification.objects.get(case=case, recipient=operator)
    assert row.whatsapp_status == "sent" and row.whatsapp_outbound.status == "sent"
    assert row.email_status == "skipped"  # emergencies: WhatsApp and console by default
    sent = [r.json for r in meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages")]
    to_operator = [body for body in sent if body.get("to") == "6281234500099"]
    assert len(to_operator) == 1
    summary = to_operator[0]["template"]["components"][0]["parameters"][1]["text"]
    assert summary.startswith(f"[Laporan darurat] DARURAT: laporan {case.tracking_number}")


def test_the_assignee_hears_when_someone_else_assigns_them(
    case_a, admin_a, staff_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case_assign(case=case_a, assignee=staff_a, actor=admin_a)
    row = SlaNotification.objects.get(kind=NotificationKind.ASSIGNED)
    assert row.recipient == staff_a and row.case == case_a and row.stage == ""
    assert row.text.startswith(
        f"admin.a menugaskan Anda menangani laporan {case_a.tracking_number}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        case_assign(case=case_a, assignee=None, actor=staff_a)
        case_assign(case=case_a, assignee=staff_a, actor=staff_a)  # took it themselves
    assert SlaNotification.objects.filter(kind=NotificationKind.ASSIGNED).count() == 1


def test_a_failing_alert_is_retried_in_a_task(monkeypatch, emergency_case, operator):
    import sigap.sla.hooks as hooks

    def broken(**_kwargs: Any) -> list[int]:
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(hooks, "case_emergency_alert", broken)
    notifications_case_changed(emergency_case.pk, "created")
    task = DBTaskResult.objects.get(task_path__endswith="case_notifications_task")
    assert task.args_kwargs["kwargs"] == {"case_id": emergency_case.pk, "change": "created"}
