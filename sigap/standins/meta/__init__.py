"""Fake Meta Graph API: WhatsApp Cloud API sends and media, Instagram Send API.

See `sigap.standins.meta.server` for the behaviour; `serve()` and `main()` are the entry points.
"""

from sigap.standins.meta.cli import build_parser, config_from_args, main, serve
from sigap.standins.meta.graph import GraphError
from sigap.standins.meta.server import MetaStandin
from sigap.standins.meta.state import Media, MetaConfig

__all__ = [
    "GraphError",
    "Media",
    "MetaConfig",
    "MetaStandin",
    "build_parser",
    "config_from_args",
    "main",
    "serve",
]
