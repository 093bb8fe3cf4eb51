"""`/webhooks/whatsapp`: one URL for every number, routed by `metadata.phone_number_id`."""

from __future__ import annotations

from typing import Any

from sigap.channels.meta_webhook import make_webhook
from sigap.channels.models import ChannelKind


def phone_number_ids(envelope: Any) -> set[str]:
    """Every number the task's parser will read from the body. The parser skips items of the
    wrong shape and reads the rest, so this walk must not give up on them either: an id it
    missed would escape the check that the signer's secret is that number's own."""
    ids: set[str] = set()
    for entry in _items(envelope, "entry"):
        for change in _items(entry, "changes"):
            value = change.get("value")
            metadata = value.get("metadata") if isinstance(value, dict) else None
            if isinstance(metadata, dict) and "phone_number_id" in metadata:
                ids.add(str(metadata["phone_number_id"]))
    return ids


def _items(parent: Any, key: str) -> list[dict[str, Any]]:
    items = parent.get(key) if isinstance(parent, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


webhook = make_webhook(
    kind=ChannelKind.WHATSAPP, ids_in=phone_number_ids, unknown_note="phone_number_id tidak dikenal"
)
