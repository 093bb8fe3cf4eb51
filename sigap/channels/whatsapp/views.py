"""`/webhooks/whatsapp`: one URL for every number, routed by `metadata.phone_number_id`."""

from __future__ import annotations

from typing import Any

from sigap.channels.meta_webhook import make_webhook
from sigap.channels.models import ChannelKind


def phone_number_ids(envelope: Any) -> set[str]:
    return {
        str(change["value"]["metadata"]["phone_number_id"])
        for entry in envelope.get("entry", [])
        for change in entry.get("changes", [])
        if isinstance(change.get("value"), dict) and "metadata" in change["value"]
    }


webhook = make_webhook(
    kind=ChannelKind.WHATSAPP, ids_in=phone_number_ids, unknown_note="phone_number_id tidak dikenal"
)
