"""Synthetic organisations of N posts that look like the example organisation.

The shape (departments nested at most three deep, 20 to 300 posts in a
department, spans of 3 to 10, chains of 4 to 7 posts) is planned in
`benchmarks.plan`; the text of every post and department is written in
`benchmarks.content`; this module writes the files of a normal project:
``orgspec.yaml``, ``clauses.yaml``, ``departments/``, ``roles/``,
``mkdocs.yml`` and ``docs/index.md``.

Every sentence, title, KPI, routine and setting is drawn from the example
organisation in the repository root (see `benchmarks.vocabulary`), with
the same seed giving the same files. The result checks clean: no errors and
no warnings (duty sentences repeat across departments but never within
one; every business item of the authority matrix has a post that decides).

Run ``python -m benchmarks.synth POSTS FOLDER`` to write one.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from benchmarks.content import Drafter
from benchmarks.long_sheet import LongDrafter, LongPlanner
from benchmarks.plan import Plan, Planner, plan_organisation
from benchmarks.vocabulary import Vocabulary, load_vocabulary

SEED = 8
SHAPES: dict[str, tuple[type[Planner], type[Drafter]]] = {
    "current": (Planner, Drafter),
    "long": (LongPlanner, LongDrafter),
}
"""``current``: posts about as long as the example's; ``long``: full job sheets (`benchmarks.long_sheet`)."""
MARKER = ".synthetic-organisation"


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096)


def write_organisation(
    folder: Path,
    posts: int,
    *,
    seed: int = SEED,
    words: Vocabulary | None = None,
    downloads: list[str] | None = None,
    shape: str = "current",
) -> Plan:
    """Write an organisation of ``posts`` posts into ``folder`` as a normal orgspec project.

    ``downloads`` is the organisation's ``downloads`` setting: None leaves it
    out (every job sheet gets its Word and PDF copies), ``[]`` builds the
    handbook alone.
    """
    words = words or load_vocabulary()
    planner, drafter = SHAPES[shape]
    plan = plan_organisation(posts, words, seed, planner)
    documents = drafter(plan, words, random.Random(seed + 1)).documents()
    if downloads is not None:
        documents["orgspec.yaml"]["downloads"] = downloads
    _clear(folder)
    kind = "" if shape == "current" else f"，{shape} 形态"
    for relative, data in documents.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        header = f"# 合成组织（{posts} 个岗位{kind}，seed {seed}），由 benchmarks/synth.py 生成\n"
        path.write_text(header + _dump(data), encoding="utf-8")
    site_name = f"{documents['orgspec.yaml']['name']} 组织手册"
    mkdocs_yml = re.sub(r"(?m)^site_name:.*$", f"site_name: {site_name}", words.mkdocs_yml, count=1)
    (folder / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    (folder / "docs").mkdir(exist_ok=True)
    index = f"# {site_name}\n\n本手册由合成的 {posts} 个岗位生成，用于测量 orgspec 的速度。\n"
    (folder / "docs" / "index.md").write_text(index, encoding="utf-8")
    return plan


def _clear(folder: Path) -> None:
    """Empty a folder this module wrote before (never one it did not write)."""
    if folder.exists() and any(folder.iterdir()):
        if not (folder / MARKER).is_file():
            raise FileExistsError(f"{folder} is not empty and was not written by benchmarks.synth")
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("Written by benchmarks/synth.py; replaced on every run.\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("posts", type=int, help="number of posts")
    parser.add_argument("folder", type=Path, help="where to write the project (emptied first)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-downloads", action="store_true", help="set downloads: [] (the handbook alone)")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="current", help="current, or long: full job sheets")
    arguments = parser.parse_args()
    downloads: list[str] | None = [] if arguments.no_downloads else None
    plan = write_organisation(
        arguments.folder, arguments.posts, seed=arguments.seed, downloads=downloads, shape=arguments.shape
    )
    print(f"{arguments.folder}: {len(plan.units)} departments, {len(plan.slots)} posts")


if __name__ == "__main__":
    main()
