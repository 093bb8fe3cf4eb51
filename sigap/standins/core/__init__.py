"""Shared machinery of the stand-in servers."""

from sigap.standins.core.records import Delivery, Fault, RecordedRequest
from sigap.standins.core.server import StandinServer, parse_pair
from sigap.standins.core.transport import Request, Response, parse_json

__all__ = [
    "Delivery",
    "Fault",
    "RecordedRequest",
    "Request",
    "Response",
    "StandinServer",
    "parse_json",
    "parse_pair",
]
