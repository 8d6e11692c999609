"""Validate loaded data against a model and explain every pydantic error in
the user's terms: the place, the bad value, what was expected and the fix."""

from __future__ import annotations

import datetime as dt
import re
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, Tag, ValidationError
from pydantic_core import ErrorDetails

from orgspec.core.diagnostics import Diagnostic
from orgspec.core.suggest import suggest
from orgspec.i18n import Term
from orgspec.load.yamlfile import Loc, SourceFile
from orgspec.model.common import TAG_PREFIX
from orgspec.model.types import ID_PATTERN, PERIOD_WORDS, SAY_WORDS, choices_text

ModelT = TypeVar("ModelT", bound=BaseModel)

_SIMPLE = {
    "string_type": "expected.text",
    "string_too_short": "expected.nonempty",
    "int_type": "expected.integer",
    "int_parsing": "expected.integer",
    "int_from_float": "expected.integer",
    "bool_type": "expected.boolean",
    "bool_parsing": "expected.boolean",
    "list_type": "expected.list",
    "model_type": "expected.mapping",
    "model_attributes_type": "expected.mapping",
    "dict_type": "expected.mapping",
    "date_type": "expected.date",
    "date_parsing": "expected.date",
    "date_from_datetime_inexact": "expected.date",
    "date_from_datetime_parsing": "expected.date",
    "date_range": "expected.date-range",
    "decimal_type": "expected.amount",
    "decimal_parsing": "expected.amount",
    "decimal_max_digits": "expected.amount",
    "decimal_max_places": "expected.amount",
    "decimal_whole_digits": "expected.amount",
    "finite_number": "expected.amount",
    "greater_than_equal": "expected.at-least",
    "less_than_equal": "expected.at-most",
    "too_short": "expected.not-empty-list",
    "too_long": "expected.at-most-entries",
    "literal_error": "expected.one-of",
    "string_pattern_mismatch": "expected.pattern",
    "text_or_clause": "expected.text-or-clause",
    "one_relation_target": "expected.one-target",
    "code_pattern": "expected.code-pattern",
    "import_target": "expected.import-target",
    "unknown_action": "expected.one-of",
    "action_word": "expected.distinct-words",
    "body_name": "expected.distinct-words",
    "no_final_action": "expected.final-action",
    "tier_order": "expected.tier-order",
}


def validate(
    model: type[ModelT], data: object, source: SourceFile, context: dict[str, object] | None = None
) -> tuple[ModelT | None, list[Diagnostic]]:
    """The model built from ``data`` (with a validation ``context``), or None and a diagnostic for every error."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as error:
        return None, [_diagnostic(model, source, detail) for detail in error.errors(include_url=False)]


def show_loc(loc: Loc) -> str:
    """A location as users read it: ``duties[2].share``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _where(loc: Loc) -> object:
    return show_loc(loc) if loc else Term("loc.top")


def show_value(value: object) -> str:
    """A value as quoted in a message, shortened when long."""
    if isinstance(value, str):
        return "'" + (value if len(value) <= 40 else value[:39] + "…") + "'"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value) if not isinstance(value, bool) else str(value).lower()


def _diagnostic(model: type[BaseModel], source: SourceFile, detail: ErrorDetails) -> Diagnostic:
    raw_loc = tuple(detail["loc"])
    loc: Loc = tuple(part for part in raw_loc if not (isinstance(part, str) and part.startswith(TAG_PREFIX)))
    kind = detail["type"]
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        return _error(source, "invalid-id", loc, key=True, value=show_value(loc[-1] if loc else ""))
    if kind == "missing":
        return _error(source, "missing-field", loc[:-1], field=loc[-1], where=_where(loc[:-1]))
    if kind == "extra_forbidden":
        return _unknown_key(model, source, raw_loc, loc)
    value = detail.get("input")
    if kind == "string_pattern_mismatch" and (detail.get("ctx") or {}).get("pattern") == ID_PATTERN:
        return _error(source, "invalid-id", loc, value=show_value(value))
    if kind == "string_type":
        info = source.node(loc)
        if info is not None and info.plain and info.raw is not None and not isinstance(value, (list, dict)):
            return _error(
                source,
                "yaml-trap",
                loc,
                raw=info.raw,
                read=show_value(value),
                hint=f"yaml-trap.{_trap(info.raw, value)}",
            )
    expected = _SIMPLE.get(kind)
    args: dict[str, object] = {"value": show_value(value), "detail": detail["msg"]}
    args.update({name: _ctx(item) for name, item in (detail.get("ctx") or {}).items()})
    if kind == "literal_error":
        args["expected"] = _choices(str(args.get("expected", "")))
    args["want"] = Term(expected or "expected.other")
    return Diagnostic("invalid-value", "error", source.name, source.locate(loc), {"field": show_loc(loc), **args})


def _choices(expected: str) -> str:
    """The allowed values, each with the Chinese word that is accepted for it (monthly 每月)."""
    names = [name.strip() for name in re.split(r",| or ", expected) if name.strip()]
    words = {**PERIOD_WORDS, **SAY_WORDS}
    return choices_text({name: words.get(name, ()) for name in names})


def _ctx(item: object) -> object:
    if isinstance(item, str) and "'" in item:  # pydantic's "'a', 'b' or 'c'" for literals
        return item.replace("'", "")
    return item


def _error(source: SourceFile, code: str, loc: Loc, /, *, key: bool = False, **args: object) -> Diagnostic:
    return Diagnostic(code, "error", source.name, source.locate(loc, key=key), {"field": show_loc(loc), **args})


def _trap(raw: str, value: object) -> str:
    """Name the YAML 1.1 rule that turned ``raw`` into ``value``."""
    if isinstance(value, bool):
        return "bool"
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return "date"
    digits = raw.lstrip("+-")
    if ":" in raw:
        return "sexagesimal"
    if isinstance(value, int) and len(digits) > 1 and digits.startswith("0") and digits[1:2].isdigit():
        return "octal"
    if str(value) != raw:
        return "number-changed"
    return "number"


def _unknown_key(model: type[BaseModel], source: SourceFile, raw_loc: tuple[Any, ...], loc: Loc) -> Diagnostic:
    key = str(loc[-1])
    allowed = allowed_keys(model, raw_loc[:-1]) or []
    close = suggest(key, allowed)
    hint = "unknown-key.did-you-mean" if close else "unknown-key.allowed"
    return Diagnostic(
        "unknown-key",
        "error",
        source.name,
        source.locate(loc, key=True),
        {
            "key": key,
            "where": _where(loc[:-1]),
            "suggestion": close or "",
            "allowed": allowed,
            "hint": hint,
        },
    )


def allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str] | None:
    """The keys the model accepts at ``loc`` (a pydantic error location, tags included)."""
    annotation: Any = model
    if issubclass(model, RootModel):
        annotation = model.model_fields["root"].annotation
    for part in loc:
        annotation = _step(annotation, part)
        if annotation is None:
            return None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``X | None`` down to the type that holds the keys."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if get_origin(annotation) in (Union, types.UnionType):
            members = [member for member in get_args(annotation) if member is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def _step(annotation: Any, part: Any) -> Any:
    if isinstance(part, str) and part.startswith(TAG_PREFIX):
        return _tagged(annotation, part)
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if isinstance(part, int) and origin is list:
        return get_args(annotation)[0]
    if origin is dict:
        return get_args(annotation)[1]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and part in annotation.model_fields:
        return annotation.model_fields[part].annotation
    return None


def _tagged(annotation: Any, tag: str) -> Any:
    """The member of a tagged union that carries ``tag``."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    for member in get_args(annotation):
        if get_origin(member) is Annotated and any(
            isinstance(meta, Tag) and meta.tag == tag for meta in get_args(member)[1:]
        ):
            return get_args(member)[0]
    return None
