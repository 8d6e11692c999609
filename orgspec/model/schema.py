"""JSON Schemas of the project files, for editors (VS Code YAML) and tools."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from orgspec.model import ClauseLibrary, Department, Post, Settings
from orgspec.model.approvals import ApprovalRules

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID_PREFIX = "urn:orgspec:schema:"

SCHEMAS: dict[str, type[BaseModel]] = {
    "post": Post,
    "department": Department,
    "organisation": Settings,
    "clauses": ClauseLibrary,
    "approvals": ApprovalRules,
}
"""Schema name → model; files are named ``<name>.schema.json``."""


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file."""
    body = SCHEMAS[name].model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "$id": f"{SCHEMA_ID_PREFIX}{name}", **body}


def schema_files() -> dict[str, str]:
    """File name → JSON text of every schema, formatted stably."""
    return {
        f"{name}.schema.json": json.dumps(schema_of(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name in SCHEMAS
    }
