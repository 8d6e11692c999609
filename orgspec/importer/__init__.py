"""Bringing existing documents in: Word job descriptions and staffing tables, read into the YAML of a project."""
