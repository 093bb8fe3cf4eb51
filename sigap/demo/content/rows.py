"""The shapes of the demo content, so the seeder and mypy agree on every field."""

from __future__ import annotations

from typing import TypedDict


class PemdaRow(TypedDict):
    code: str
    name: str
    short_name: str
    tracking_prefix: str
    region_code: str
    timezone: str


class AgencyRow(TypedDict):
    code: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    description: str


class CategoryRow(TypedDict):
    code: str
    name: str
    group: str
    kind: str
    agency: str
    default_priority: str
    open311_code: str
    description: str
    keywords: list[str]
    examples: list[str]


class StaffRow(TypedDict):
    username: str
    full_name: str
    email: str
    memberships: list[tuple[str, str]]


class KnowledgeRow(TypedDict):
    agency: str
    title: str
    questions: list[str]
    answer: str
    source_url: str


class CannedReplyRow(TypedDict):
    agency: str  # empty: Pemda-wide
    title: str
    body: str
