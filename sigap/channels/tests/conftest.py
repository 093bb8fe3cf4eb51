"""Channel fixtures: a WhatsApp account of the leader's office and the Meta stand-in over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sigap.agencies.models import Agency, AgencyKind
from sigap.agencies.services import agency_save
from sigap.channels.meta_webhook import keys_cache_clear
from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent
from sigap.channels.services.events import inbound_event_process
from sigap.standins import meta as meta_standin

PHONE_NUMBER_ID = "100000000000001"
APP_SECRET = "demo-app-secret"
ACCESS_TOKEN = "demo-access-token"
VERIFY_TOKEN = "demo-verify-token"
TEMPLATES = {"default": {"name": "status_laporan", "language": "id", "parameters": 2}}


@pytest.fixture(autouse=True)
def _fresh_webhook_keys() -> Iterator[None]:
    """Accounts are created per test; the webhook's per-process secrets cache must not leak."""
    keys_cache_clear()
    yield
    keys_cache_clear()


@pytest.fixture
def meta(settings: Any) -> Iterator[Any]:
    with meta_standin.serve(
        tokens={PHONE_NUMBER_ID: ACCESS_TOKEN}, status_webhooks=False, app_secret=APP_SECRET
    ) as server:
        settings.SIGAP_META_GRAPH_URL = f"{server.url}/v21.0"
        yield server


@pytest.fixture
def leader_office(pemda, root_agency) -> Agency:
    return agency_save(
        agency=Agency(
            pemda=pemda, code="bupati", name="Kantor Bupati", short_name="Bupati",
            kind=AgencyKind.LEADER_OFFICE, parent=root_agency,
        )
    )  # fmt: skip


@pytest.fixture
def wa_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda,
        agency=leader_office,
        kind="whatsapp",
        code="wa-bupati",
        name="WhatsApp Bupati",
        external_id=PHONE_NUMBER_ID,
        app_secret=APP_SECRET,
        access_token=ACCESS_TOKEN,
        verify_token=VERIFY_TOKEN,
        config={"templates": TEMPLATES},
    )


@pytest.fixture
def wa_account_of(pemda) -> Any:
    """A WhatsApp number owned by a given agency (an OPD's own quick-response line)."""

    def make(agency: Agency, number: str = "100000000000002") -> ChannelAccount:
        return ChannelAccount.objects.create(
            pemda=pemda, agency=agency, kind="whatsapp", code=f"wa-{agency.code}", name="WA",
            external_id=number, app_secret=APP_SECRET, access_token=ACCESS_TOKEN,
            config={"templates": TEMPLATES},
        )  # fmt: skip

    return make


def post(client: Any, wire: Any, path: str = "/webhooks/whatsapp") -> Any:
    headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in wire.headers.items()}
    headers.pop("HTTP_CONTENT_TYPE", None)
    return client.generic("POST", path, wire.body, content_type="application/json", **headers)


def process_pending() -> list[str]:
    """Run the event processor over every pending event, as a worker would."""
    pending = InboundEvent.objects.filter(status=EventStatus.PENDING).order_by("pk")
    return [inbound_event_process(event.pk) for event in pending]
