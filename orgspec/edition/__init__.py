"""Editions: what the public edition leaves out, applied once (`redact`)."""

from orgspec.edition.redact import redact

__all__ = ["redact"]
