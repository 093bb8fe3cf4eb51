"""Real parallel connections on PostgreSQL: idempotency and tracking numbers under races."""

from __future__ import annotations

import pytest
from django.db import connection

from sigap.agencies.models import Pemda
from sigap.cases.models import Case, Message
from sigap.cases.services import IncomingMessage, case_create
from sigap.contacts.models import Contact, ContactIdentity
from sigap.contacts.services import SenderIdentity
from sigap.core.testing import run_in_parallel

pytestmark = pytest.mark.postgres_only


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SKIPPED: real parallel writers need PostgreSQL (SQLite serialises writers)")


@pytest.fixture
def live_pemda(transactional_db: None) -> Pemda:
    return Pemda.objects.create(
        code="uji", name="Kab. Uji", short_name="Uji", tracking_prefix="UJI"
    )


def test_concurrent_deliveries_of_one_message_make_exactly_one_case(live_pemda):
    message = IncomingMessage(
        channel="whatsapp",
        text="Banjir di Dayeuhkolot",
        sender=SenderIdentity(external_id="6281111111111", display_name="Asep"),
        external_id="wamid.RACE1",
    )
    results = run_in_parallel(8, lambda _i: case_create(pemda=live_pemda, message=message))
    assert Case.objects.count() == 1
    assert Message.objects.filter(external_id="wamid.RACE1").count() == 1
    assert sum(1 for r in results if r.created) == 1
    assert {r.case.pk for r in results} == {Case.objects.get().pk}
    assert Contact.objects.count() == 1 and ContactIdentity.objects.count() == 1


def test_concurrent_new_cases_get_unique_gap_free_tracking_numbers(live_pemda):
    def create(index: int) -> str:
        message = IncomingMessage(
            channel="telegram",
            text=f"Laporan nomor {index}",
            sender=SenderIdentity(external_id=f"7000{index}"),
            external_id=f"tg:{index}",
        )
        return case_create(pemda=live_pemda, message=message).case.tracking_number

    numbers = run_in_parallel(12, create)
    assert len(set(numbers)) == 12
    sequence = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert sequence == list(range(1, 13))


def test_concurrent_messages_from_one_new_sender_make_one_contact(live_pemda):
    def create(index: int) -> int:
        message = IncomingMessage(
            channel="whatsapp",
            text=f"pesan {index}",
            sender=SenderIdentity(external_id="6282222222222"),
            external_id=f"wamid.C{index}",
        )
        return case_create(pemda=live_pemda, message=message).case.pk

    run_in_parallel(6, create)
    assert Case.objects.count() == 6
    assert Contact.objects.count() == 1
    assert ContactIdentity.objects.count() == 1
