"""`orgspec schema`: draft 2020-12 schemas that accept the example files and describe every field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from orgspec.export.guard import RECORD
from orgspec.load.yamlfile import read_yaml
from orgspec.model.schema import SCHEMA_DIALECT, schema_files, schema_of
from tests.conftest import REPO, run_cli

EXAMPLE_FILES = {
    "post": sorted((REPO / "roles").glob("*.yaml")),
    "department": sorted((REPO / "departments").glob("*.yaml")),
    "organisation": [REPO / "orgspec.yaml"],
    "clauses": [REPO / "clauses.yaml"],
    "approvals": [REPO / "approvals.yaml"],
}


def load(path: Path) -> Any:
    data, diagnostics, _ = read_yaml(path.name, path.read_bytes())
    assert not [diagnostic for diagnostic in diagnostics if diagnostic.severity == "error"]
    return data


@pytest.mark.parametrize("kind", sorted(EXAMPLE_FILES))
def test_schema_accepts_every_example_file(kind: str) -> None:
    schema = schema_of(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert EXAMPLE_FILES[kind], f"no example {kind} files"
    for path in EXAMPLE_FILES[kind]:
        data = load(path)
        # JSON has no dates: editors see them as strings, as YAML 1.2 does.
        errors = [error.message for error in validator.iter_errors(_dates_as_text(data))]
        assert errors == [], path.name


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def test_schema_rejects_what_the_validator_rejects() -> None:
    validator = jsonschema.Draft202012Validator(schema_of("post"))
    assert not validator.is_valid({"title": "x"})  # no department
    assert not validator.is_valid({"department": "cs", "titel": "x"})
    assert not validator.is_valid({"department": "../x"})
    assert validator.is_valid({"department": "cs", "duties": ["a", {"clause": "obey"}, {"group": "g", "items": ["b"]}]})


def test_schemas_declare_dialect_and_id() -> None:
    for kind in ("post", "department", "organisation", "clauses", "approvals"):
        schema = schema_of(kind)
        assert schema["$schema"] == SCHEMA_DIALECT
        assert schema["$id"] == f"urn:orgspec:schema:{kind}"


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = list(schema.get("properties", {}).items())
    for definition in schema.get("$defs", {}).values():
        found += list(definition.get("properties", {}).items())
    return found


def test_every_field_has_a_description() -> None:
    for kind in ("post", "department", "organisation", "approvals"):
        missing = [name for name, body in _properties(schema_of(kind)) if not body.get("description")]
        assert missing == [], kind


def test_committed_schemas_are_current() -> None:
    for name, text in schema_files().items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == text, f"run orgspec schema to refresh {name}"


def test_schema_command_writes_and_refuses_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    assert run_cli("schema", "--out", str(out)).exit_code == 0
    assert sorted(path.name for path in out.iterdir()) == sorted([*schema_files(), RECORD])
    assert "(unchanged)" in run_cli("schema", "--out", str(out)).stdout
    (out / "post.schema.json").write_text('{"mine": true}', encoding="utf-8")
    result = run_cli("schema", "--out", str(out))
    assert result.exit_code == 1
    assert (out / "post.schema.json").read_text(encoding="utf-8") == '{"mine": true}'


def test_example_files_carry_the_schema_modeline() -> None:
    for kind, paths in EXAMPLE_FILES.items():
        for path in paths:
            first = path.read_text(encoding="utf-8").splitlines()[0]
            prefix = "" if path.parent == REPO else "../"
            assert first == f"# yaml-language-server: $schema={prefix}schemas/{kind}.schema.json", path.name


def test_the_schemas_a_new_project_got_are_replaced_after_an_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = {name: text.replace("岗位名称", "岗位名") for name, text in schema_files().items()}
    with monkeypatch.context() as patch:  # the project was made by an older orgspec
        patch.setattr("orgspec.scaffold.init.schema_files", lambda: older)
        assert run_cli("init", str(tmp_path / "new")).exit_code == 0
    out = tmp_path / "new" / "schemas"
    assert (out / "post.schema.json").read_text(encoding="utf-8") == older["post.schema.json"]
    result = run_cli("schema", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert (out / "post.schema.json").read_text(encoding="utf-8") == schema_files()["post.schema.json"]
    (out / "post.schema.json").write_text(older["post.schema.json"], encoding="utf-8")  # edited by hand now
    assert run_cli("schema", "--out", str(out)).exit_code == 1
    assert (out / "post.schema.json").read_text(encoding="utf-8") == older["post.schema.json"]
