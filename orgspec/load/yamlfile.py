"""Read one YAML file into plain Python data, keeping where every value came from.

The C LibYAML parser is used when PyYAML has it (about ten times faster than
the pure-Python one); both give the same nodes and marks. Values are built
from the node tree here rather than by PyYAML's constructor, so that
duplicate keys, aliases, merges and foreign tags are refused with their
position, and so that source positions can be recomputed later from the
same tree when a diagnostic needs one.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from orgspec.core.diagnostics import Diagnostic, Position

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without LibYAML
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Loc = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STR_TAG = f"{_TAG}str"
_CONSTRUCTOR = SafeConstructor()
_MAX_DEPTH = 40


@dataclass(frozen=True)
class NodeInfo:
    """Where a value stands in its file and how it was written."""

    position: Position
    key_position: Position | None
    raw: str | None
    plain: bool


class SourceFile:
    """A file's display name and text, with positions computed on demand.

    Positions are only needed when something is reported, so the index of
    every node is built the first time one is asked for.
    """

    def __init__(self, name: str, text: str, digest: str | None = None) -> None:
        self.name = name
        self.text = text
        self._index: dict[Loc, NodeInfo] | None = None
        self._digest = digest

    @property
    def digest(self) -> str:
        """A hash of the text's UTF-8 bytes (`text_hash`): given when the file's bytes were hashed as they were
        read, worked out from the text otherwise."""
        if self._digest is None:
            self._digest = text_hash(self.text.encode("utf-8", "surrogatepass"))
        return self._digest

    def node(self, loc: Loc) -> NodeInfo | None:
        """What is known of the value at ``loc``, or None if it is not in the file."""
        return self.index.get(loc)

    def locate(self, loc: Loc, *, key: bool = False) -> Position:
        """The position of ``loc``, or of its nearest ancestor present in the file."""
        for end in range(len(loc), -1, -1):
            info = self.index.get(loc[:end])
            if info is not None:
                if key and end == len(loc) and info.key_position is not None:
                    return info.key_position
                return info.position
        return Position(1, 1)

    @property
    def index(self) -> dict[Loc, NodeInfo]:
        if self._index is None:
            self._index = {}
            try:
                root = _compose(self.text)
            except yaml.YAMLError:
                return self._index
            if root is not None:
                _Builder(self.name, self._index).build(root)
        return self._index


def text_hash(raw: bytes) -> str:
    """The hash of a file's bytes by which its parsed data is kept, and an unchanged file is known."""
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


def _shown_tag(tag: str) -> str:
    """A tag as the user wrote it: ``!!python/object`` rather than its expanded form."""
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Builder:
    """Turns a node tree into Python values, refusing what an org file never needs."""

    def __init__(self, name: str, index: dict[Loc, NodeInfo] | None = None) -> None:
        self.name = name
        self.index = index
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[int] = set()

    def build(self, node: yaml.Node) -> object:
        self._record((), node, None)
        return self._value(node, (), 0)

    def _report(self, code: str, node: yaml.Node, **args: object) -> None:
        self.diagnostics.append(Diagnostic(code, "error", self.name, _position(node.start_mark), args))

    def _record(self, loc: Loc, node: yaml.Node, key: yaml.Node | None) -> None:
        if self.index is None:
            return
        scalar = isinstance(node, yaml.ScalarNode)
        self.index[loc] = NodeInfo(
            position=_position(node.start_mark),
            key_position=None if key is None else _position(key.start_mark),
            raw=node.value if scalar else None,
            plain=scalar and not getattr(node, "style", None),  # LibYAML says '', the Python parser None
        )

    def _value(self, node: yaml.Node, loc: Loc, depth: int) -> object:
        if id(node) in self._seen:
            self._report("yaml-alias", node)
            return None
        self._seen.add(id(node))
        if depth > _MAX_DEPTH:
            self._report("yaml-too-deep", node, depth=_MAX_DEPTH)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, loc, depth)
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> object:
        if node.tag == _STR_TAG:  # most values: what SafeConstructor.construct_yaml_str returns, without its calls
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self._report("yaml-tag", node, tag=_shown_tag(node.tag))
            return None
        constructor: Callable[[SafeConstructor, yaml.Node], object] = _CONSTRUCTOR.yaml_constructors[node.tag]
        try:
            return constructor(_CONSTRUCTOR, node)
        except (ValueError, yaml.YAMLError):
            hint = "yaml-bad-scalar.date" if node.tag == f"{_TAG}timestamp" else "yaml-bad-scalar.hint"
            self._report("yaml-bad-scalar", node, value=node.value, hint=hint)
            return None

    def _sequence(self, node: yaml.SequenceNode, loc: Loc, depth: int) -> list[object]:
        if node.tag != f"{_TAG}seq":
            self._report("yaml-tag", node, tag=_shown_tag(node.tag))
        if self.index is None:  # parsing: places are not kept, and not made
            return [self._value(item, loc, depth + 1) for item in node.value]
        items = []
        for number, item in enumerate(node.value):
            self._record((*loc, number), item, None)
            items.append(self._value(item, (*loc, number), depth + 1))
        return items

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, object]:
        if node.tag != f"{_TAG}map":
            self._report("yaml-tag", node, tag=_shown_tag(node.tag))
        result: dict[str, object] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_TAG}merge":
                self._report("yaml-merge", key_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._report("yaml-complex-key", key_node)
                continue
            key = str(key_node.value)
            if key in first_line:
                self._report("yaml-duplicate-key", key_node, key=key, first=first_line[key])
                continue
            first_line[key] = key_node.start_mark.line + 1
            here = loc
            if self.index is not None:
                here = (*loc, key)
                self._record(here, value_node, key_node)
            result[key] = self._value(value_node, here, depth + 1)
        return result


def source_of(name: str, raw: bytes) -> SourceFile:
    """The source a file's bytes give: the text `read_yaml` parses (empty when they are not UTF-8)."""
    return SourceFile(name, _decode(name, raw)[0] or "")


def read_yaml(name: str, raw: bytes) -> tuple[object | None, list[Diagnostic], SourceFile]:
    """Parse a file's bytes; returns its data (None when unreadable), diagnostics and source."""
    text, diagnostics = _decode(name, raw)
    source = SourceFile(name, text or "")
    if text is None:
        return None, diagnostics, source
    problems = _precheck(name, text)
    if problems:
        return None, diagnostics + problems, source
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [*diagnostics, _syntax_error(name, text, error)], source
    except yaml.YAMLError as error:  # pragma: no cover - errors without a mark
        return (
            None,
            [*diagnostics, Diagnostic("yaml-syntax", "error", name, Position(), {"problem": str(error)})],
            source,
        )
    except RecursionError:
        return (
            None,
            [*diagnostics, Diagnostic("yaml-too-deep", "error", name, Position(), {"depth": _MAX_DEPTH})],
            source,
        )
    if root is None:
        return None, [*diagnostics, Diagnostic("yaml-empty", "error", name, Position())], source
    builder = _Builder(name)
    data = builder.build(root)
    if not builder.diagnostics and not isinstance(data, dict):
        builder.diagnostics.append(_not_mapping(name, text, root))
    return data, diagnostics + builder.diagnostics, source


def _decode(name: str, raw: bytes) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        args = {"byte": f"0x{raw[0]:02X}", "encoding": "UTF-16"}
        return None, [Diagnostic("yaml-encoding", "error", name, Position(), args)]
    diagnostics = []
    if raw.startswith(codecs.BOM_UTF8):
        diagnostics.append(Diagnostic("yaml-bom", "warning", name, Position()))
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), diagnostics
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        line_end = raw.find(b"\n", error.start)
        guess = _guess_encoding(raw[before.rfind(b"\n") + 1 : None if line_end < 0 else line_end])
        args = {"byte": f"0x{raw[error.start]:02X}", "encoding": guess}
        return None, [*diagnostics, Diagnostic("yaml-encoding", "error", name, Position(line, column), args)]


def _guess_encoding(raw: bytes) -> str:
    """Name the likely encoding: files saved by Chinese Windows are usually GBK."""
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return "an unknown encoding"
    return "GBK/GB18030"


_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _precheck(name: str, text: str) -> list[Diagnostic]:
    """Problems found before parsing, explained better than the parser would."""
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return [Diagnostic("yaml-empty", "error", name, Position())]
    match = _TAB_INDENT.search(text)
    if match:
        return [Diagnostic("yaml-tab", "error", name, _offset_position(text, match.end() - 1))]
    bad = _NON_PRINTABLE.search(text)
    if bad:
        args = {"char": f"U+{ord(bad.group()):04X}"}
        return [Diagnostic("yaml-control-char", "error", name, _offset_position(text, bad.start()), args)]
    return []


def _offset_position(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


_COLON_TRAP = re.compile(r"^[ \t-]*([A-Za-z_][A-Za-z0-9_]*)(：|:(?=[^\s:]))", re.MULTILINE)

_PROBLEMS = {
    "mapping values are not allowed": "yaml-syntax.colon-in-value",
    "could not find expected ':'": "yaml-syntax.missing-colon",
    "did not find expected key": "yaml-syntax.indentation",
    "did not find expected '-' indicator": "yaml-syntax.indentation",
    "expected <block end>": "yaml-syntax.indentation",
    "found unexpected end of stream": "yaml-syntax.unclosed-quote",
    "found undefined alias": "yaml-alias",
    "expected a single document": "yaml-syntax.many-documents",
    "but found another document": "yaml-syntax.many-documents",
}


def _syntax_error(name: str, text: str, error: yaml.MarkedYAMLError) -> Diagnostic:
    """Explain a parser error in plain words, at the place the user must look."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    position = _position(mark) if mark is not None else Position()
    trap = _colon_trap(name, text, position.line)
    if trap is not None:
        return trap
    for start, hint in _PROBLEMS.items():
        if problem.startswith(start):
            if hint == "yaml-alias":
                return Diagnostic("yaml-alias", "error", name, position)
            return Diagnostic("yaml-syntax", "error", name, position, {"problem": problem, "hint": hint})
    return Diagnostic("yaml-syntax", "error", name, position, {"problem": problem})


def _colon_trap(name: str, text: str, near_line: int) -> Diagnostic | None:
    """A key followed by a full-width colon or by no space: YAML reads the line as plain text.

    Only a line at or just before the place the parser stopped is considered.
    """
    candidates = [m for m in _COLON_TRAP.finditer(text) if text.count("\n", 0, m.start()) + 1 <= near_line]
    if not candidates or text.count("\n", 0, candidates[-1].start()) + 1 < near_line - 2:
        return None
    match = candidates[-1]
    key, colon = match.group(1), match.group(2)
    hint = "yaml-syntax.fullwidth-colon" if colon == "：" else "yaml-syntax.no-space"
    position = _offset_position(text, match.start(2))
    return Diagnostic("yaml-syntax", "error", name, position, {"problem": f"{key}{colon}", "hint": hint, "key": key})


def _not_mapping(name: str, text: str, root: yaml.Node) -> Diagnostic:
    trap = _colon_trap(name, text, text.count("\n") + 1)
    if trap is not None:
        return trap
    return Diagnostic("yaml-not-mapping", "error", name, _position(root.start_mark))
