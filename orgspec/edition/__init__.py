"""Editions: what the public edition leaves out, applied once (`redact`)."""

from orgspec.edition.redact import chosen_edition, redact

__all__ = ["chosen_edition", "redact"]
