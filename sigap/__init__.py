"""Sigap: public-complaint and quick-response platform for Indonesian regional governments."""
