"""The link phase: references resolved, inverse relations derived."""
