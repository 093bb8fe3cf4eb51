"""Coordinator triage: unrouted and low-confidence cases, verification, anonymity review."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
