"""The floors the budgets are measured against: what the work costs a plain script, in one process.

``python -m benchmarks.floor parse ROOT`` parses every YAML file of the
organisation at ``ROOT`` with PyYAML's LibYAML loader (``CSafeLoader``)
and does nothing else: no check can read its input faster on one core.

``python -m benchmarks.floor write ROOT PACK OUT`` parses the same files,
then writes the files packed in ``PACK`` (the bytes a generate wrote, packed
by `pack` beforehand) under ``OUT``: the least a generate can do to turn
those sources into those files.

Both are run in a fresh process by the runner, as orgspec is, so that
interpreter start-up counts on both sides of a ratio.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

SOURCE_FOLDERS = ("departments", "roles")
NOT_ORGANISATION = {"mkdocs.yml", "mkdocs.yaml"}


def source_yaml(root: Path) -> Iterator[Path]:
    """The organisation's YAML files: those at the top (but the site's configuration) and under
    departments/ and roles/, in a stable order."""
    for path in sorted(root.glob("*.yaml")):
        if path.name not in NOT_ORGANISATION and not path.name.startswith("."):
            yield path
    for folder in SOURCE_FOLDERS:
        yield from sorted(path for path in (root / folder).rglob("*.yaml") if path.is_file())


def parse(root: Path) -> int:
    """Parse every YAML file of the organisation; returns how many."""
    count = 0
    for path in source_yaml(root):
        with path.open("rb") as stream:
            yaml.load(stream, Loader=yaml.CSafeLoader)
        count += 1
    return count


def pack(root: Path, files: Iterable[Path], destination: Path) -> int:
    """Pack ``files`` (under ``root``) into one file for the write floor; returns their total bytes."""
    contents = [(str(path.relative_to(root)), path.read_bytes()) for path in files]
    destination.write_bytes(marshal.dumps(contents))
    return sum(len(data) for _, data in contents)


def write(packed: Path, out: Path) -> int:
    """Write every file of ``packed`` under ``out``, as a plain script would; returns how many."""
    contents = marshal.loads(packed.read_bytes())
    folders: set[Path] = set()
    for relative, data in contents:
        path = out / relative
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        path.write_bytes(data)
    return len(contents)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "parse":
        print(f"{parse(Path(argv[1]))} YAML files parsed")
        return 0
    if len(argv) == 4 and argv[0] == "write":
        parsed = parse(Path(argv[1]))
        print(f"{parsed} YAML files parsed, {write(Path(argv[2]), Path(argv[3]))} files written")
        return 0
    print("usage: python -m benchmarks.floor parse ROOT | write ROOT PACK OUT", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
