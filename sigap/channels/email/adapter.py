from __future__ import annotations

from sigap.channels.adapters import ParsedDelivery, SendResult
from sigap.channels.email import inbound, transport
from sigap.channels.models import ChannelKind, InboundEvent, OutboundMessage


class EmailAdapter:
    kind: str = ChannelKind.EMAIL
    # Bounce status codes (RFC 3463) that mean the citizen's address no longer exists.
    unreachable_codes = inbound.UNREACHABLE_STATUSES

    def parse(self, event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
        return inbound.parse(event, final_attempt=final_attempt)

    def send(self, outbound: OutboundMessage, *, window_open: bool) -> SendResult:
        # Email has no customer-service window: window_open does not matter.
        return transport.send(outbound)
