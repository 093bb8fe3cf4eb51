"""Walk-in entry: staff record complaints received by phone, letter or in person."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
