from __future__ import annotations

from sigap.channels.adapters import ParsedDelivery, SendResult
from sigap.channels.instagram import inbound, transport
from sigap.channels.models import ChannelKind, InboundEvent, OutboundMessage


class InstagramAdapter:
    """Instagram Messaging (Instagram API with Instagram Login; research/protocols.md 2)."""

    kind: str = ChannelKind.INSTAGRAM

    def parse(self, event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
        return inbound.parse(event, final_attempt=final_attempt)

    def send(self, outbound: OutboundMessage, *, window_open: bool) -> SendResult:
        return transport.send(outbound, window_open=window_open)
