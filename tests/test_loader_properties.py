"""Property tests: whatever the bytes, the loader answers with diagnostics, never a crash."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgspec.check.pipeline import check_project
from orgspec.core.diagnostics import Diagnostic
from orgspec.i18n import LOCALES
from orgspec.i18n.catalogue import CATALOGUE
from orgspec.load.validate import validate
from orgspec.load.yamlfile import read_yaml
from orgspec.model import Department, Post
from tests.conftest import BASE_FILES, write_files

YAML_ALPHABET = st.sampled_from(list(":-?&*!|>'\"%@`#,[]{}\t\n \\~=<.0123456789abcxyz：客服\ufeff\x00\x07"))

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates()
)
documents = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from([*sorted(Post.model_fields), "x", "text", "clause", "group", "items"]), children, max_size=5
        )
    ),
    max_leaves=25,
)


def placeholders(key: str) -> set[str]:
    names: set[str] = set()
    for template in CATALOGUE[key]:
        names.update(name for _, name, _, _ in string.Formatter().parse(template) if name)
    return names


def assert_all_renderable(diagnostics: list[Diagnostic]) -> None:
    """Every diagnostic is known to the catalogue, has all its arguments, and renders in both languages."""
    for diagnostic in diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        hint = str(diagnostic.args.get("hint", f"{diagnostic.code}.hint"))
        needed = placeholders(diagnostic.code) | (placeholders(hint) if hint in CATALOGUE else set())
        assert needed <= set(diagnostic.args), (diagnostic.code, needed - set(diagnostic.args))
        for locale in LOCALES:
            assert diagnostic.format(locale).startswith(f"{diagnostic.file}:{diagnostic.position.line}:")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=200))
def test_any_bytes(raw: bytes) -> None:
    data, diagnostics, _ = read_yaml("roles/x.yaml", raw)
    assert_all_renderable(diagnostics)
    assert data is None or isinstance(data, dict) or diagnostics


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(YAML_ALPHABET, max_size=120))
def test_yaml_like_text(text: str) -> None:
    data, diagnostics, source = read_yaml("roles/x.yaml", text.encode("utf-8", "surrogatepass"))
    assert_all_renderable(diagnostics)
    if isinstance(data, dict) and not diagnostics:
        _, errors = validate(Post, data, source)
        assert_all_renderable(errors)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(documents)
def test_random_documents_validate_or_explain(document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    data, diagnostics, source = read_yaml("departments/x.yaml", text.encode("utf-8"))
    assert_all_renderable(diagnostics)
    if isinstance(data, dict):
        for model in (Post, Department):
            built, errors = validate(model, data, source)
            assert built is not None or errors
            assert_all_renderable(errors)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """The text with a few random edits: deletions, insertions, duplicated or swapped lines."""
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "swap"]))
        lines = text.splitlines(keepends=True)
        if kind == "delete" and text:
            start = draw(st.integers(0, len(text) - 1))
            text = text[:start] + text[start + draw(st.integers(1, 8)) :]
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.text(YAML_ALPHABET, min_size=1, max_size=6)) + text[at:]
        elif kind == "duplicate" and lines:
            at = draw(st.integers(0, len(lines) - 1))
            text = "".join(lines[: at + 1] + lines[at:])
        elif kind == "swap" and len(lines) > 1:
            at = draw(st.integers(0, len(lines) - 2))
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
            text = "".join(lines)
    return text


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(BASE_FILES)).flatmap(lambda name: st.tuples(st.just(name), mutated(BASE_FILES[name]))))
def test_mutated_project_files(change: tuple[str, str]) -> None:
    name, text = change
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_files(root, {**BASE_FILES, name: text})
        result = check_project(root)
    assert_all_renderable(result.diagnostics)
