from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from sigap.cases.models import CaseEvent


def test_case_event_refuses_update_and_delete_in_python(case_a):
    event = CaseEvent.objects.filter(case=case_a).first()
    event.note = "diubah"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


def test_database_refuses_update_and_delete_of_timeline(case_a):
    event = CaseEvent.objects.filter(case=case_a).first()
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).update(note="dipalsukan")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM cases_caseevent WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.note == ""
    assert CaseEvent.objects.filter(pk=event.pk).exists()
