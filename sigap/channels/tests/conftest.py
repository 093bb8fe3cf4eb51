"""Channel fixtures: a WhatsApp account of the leader's office and the Meta stand-in over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sigap.agencies.models import Agency, AgencyKind, Pemda
from sigap.agencies.services import agency_save
from sigap.catalog.models import Category
from sigap.channels.meta_webhook import keys_cache_clear
from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent
from sigap.channels.services.events import inbound_event_process
from sigap.regions.models import Region, RegionLevel
from sigap.routing.models import RoutingModel
from sigap.routing.training import router_cache_clear, routing_train
from sigap.standins import meta as meta_standin
from sigap.standins import payloads
from sigap.standins import telegram as telegram_standin

PHONE_NUMBER_ID = "100000000000001"
APP_SECRET = "demo-app-secret"
ACCESS_TOKEN = "demo-access-token"
VERIFY_TOKEN = "demo-verify-token"
TEMPLATES = {"default": {"name": "status_laporan", "language": "id", "parameters": 2}}
BOT_ID = "7000000001"
BOT_TOKEN = f"{BOT_ID}:demo-telegram-bot-token"


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
def telegram(settings: Any) -> Iterator[telegram_standin.TelegramStandin]:
    """The Telegram stand-in, knowing the test bot, with Sigap pointed at it."""
    with telegram_standin.serve(tokens={BOT_TOKEN: "SigapUjiBot"}) as server:
        settings.SIGAP_TELEGRAM_API_URL = server.url
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


def stored_text(client: Any, text: str, wa_id: str, message_id: str) -> int:
    """The webhook's part: a signed WhatsApp text stored as a pending event; its id."""
    message = payloads.whatsapp_text(text, wa_id=wa_id, message_id=message_id)
    post(client, payloads.whatsapp_inbound(message, app_secret=APP_SECRET,
                                           phone_number_id=PHONE_NUMBER_ID))  # fmt: skip
    return InboundEvent.objects.get(status="pending").pk


@pytest.fixture
def places(pemda: Pemda) -> Region:
    """A Kabupaten with two kecamatan, so the gazetteer places the reports."""
    kabupaten = Region.objects.create(
        code="32.04", name="Kabupaten Uji", level=RegionLevel.KABUPATEN_KOTA
    )
    for code, name in (("32.04.13", "Banjaran"), ("32.04.15", "Pangalengan")):
        Region.objects.create(code=code, name=name, level=RegionLevel.KECAMATAN, parent=kabupaten)
    Pemda.objects.filter(pk=pemda.pk).update(region=kabupaten)
    return kabupaten


@pytest.fixture
def router(pemda: Pemda, agency_a: Agency, agency_b: Agency, category_a: Category) -> None:
    """Roads go to agency A, health to agency B, confidently enough to route on their own."""
    category_a.examples = [
        "jalan berlubang besar", "aspal rusak parah", "jalan desa rusak", "jalan bolong",
        "perbaikan jalan rusak", "jalan amblas berlubang",
    ]  # fmt: skip
    category_a.save()
    Category.objects.create(
        pemda=pemda, code="puskesmas", name="Puskesmas", kind="complaint", default_agency=agency_b,
        examples=["puskesmas antri lama", "perawat judes", "dokter tidak ada", "obat habis"],
    )  # fmt: skip
    routing_train(pemda=pemda)
    RoutingModel.objects.update(threshold=0.5)
    router_cache_clear()
