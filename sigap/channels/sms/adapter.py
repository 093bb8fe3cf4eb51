from __future__ import annotations

from sigap.channels.adapters import ParsedDelivery, SendResult
from sigap.channels.models import ChannelKind, InboundEvent, OutboundMessage
from sigap.channels.sms import inbound, transport


class SmsAdapter:
    kind: str = ChannelKind.SMS

    def parse(self, event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
        return inbound.parse(event, final_attempt=final_attempt)

    def send(self, outbound: OutboundMessage, *, window_open: bool) -> SendResult:
        # SMS has no customer-service window: any time is a good time to answer.
        return transport.send(outbound)
