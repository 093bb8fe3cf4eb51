"""Telegram Bot API channel: one bot per account, webhook per account code."""
