"""The generate phase: render the handbook and write it into docs/handbook.

Everything is rendered in memory first; only then is the disk touched, by
`orgspec.core.write`, which writes changed files only and removes stale ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orgspec.core.errors import RefusedError
from orgspec.core.progress import SILENT, Progress
from orgspec.core.write import TreeReport, write_if_changed, write_tree
from orgspec.edition import publish
from orgspec.link.organisation import Organisation
from orgspec.model.types import Edition
from orgspec.render.handbook import handbook
from orgspec.render.navigation import NavItem, handbook_nav
from orgspec.render.pages import page_jobs
from orgspec.render.templates import builtin_templates, project_templates
from orgspec.render.urls import GENERATED_DIR
from orgspec.site.cache import CACHE_DIR
from orgspec.site.downloads import make_copies
from orgspec.site.incremental import Record, common_key, read_record, render_changed, write_record
from orgspec.site.mkdocs_config import GENERATED_CONFIG, UserConfig, build_config, is_generated, read_user_config

STYLESHEET = "orgspec.css"


class ConfigConflictError(RefusedError):
    """A file named like the generated configuration exists and was written by someone else."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: not written: the file exists and was not written by orgspec; rename it")


@dataclass(frozen=True)
class Generated:
    """What generate wrote: the pages folder report and the configuration path."""

    folder: Path
    report: TreeReport
    config: Path | None
    user: UserConfig


def render_handbook(
    organisation: Organisation,
    root: Path,
    *,
    cache: Path | None = None,
    progress: Progress = SILENT,
    record: Record | None = None,
) -> tuple[dict[str, bytes], dict[str, str]]:
    """Every generated file, keyed by its path inside the generated folder, and the key of each page.

    ``organisation`` is already the edition's; ``cache`` keeps the Word and PDF copies between runs;
    ``progress`` is told of each copy and page made; a page whose key ``record`` holds for its intact
    file is read from that file instead of being rendered again.
    """
    copies = make_copies(handbook(organisation, project_root=root), root, cache, progress)
    book = handbook(organisation, project_root=root, downloads=copies.formats)
    prefix = f"{book.layout.folder}/"
    templates = [folder for folder in (project_templates(root), builtin_templates()) if folder is not None]
    jobs = page_jobs(book)
    known = {prefix + name: key for name, key in record.intact().items()} if record is not None else {}
    rendered = render_changed(book, jobs, common_key(book, templates), known, progress=progress)
    files: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    for job, page in zip(jobs, rendered, strict=True):
        name = job.path.removeprefix(prefix)
        if page.text is None:
            assert record is not None
            files[name] = (record.folder / name).read_bytes()
        else:
            files[name] = page.text.encode("utf-8")
        if page.key is not None:
            keys[name] = page.key
    files[f"assets/{STYLESHEET}"] = _stylesheet(root)
    files.update(copies.files)
    return files, keys


def _stylesheet(root: Path) -> bytes:
    own = project_templates(root)
    if own is not None and (own / STYLESHEET).is_file():
        return (own / STYLESHEET).read_bytes()
    return (builtin_templates() / STYLESHEET).read_bytes()


def navigation(organisation: Organisation, root: Path, user: UserConfig) -> list[NavItem]:
    """The project's own navigation (or its hand-written pages), then the handbook."""
    book = handbook(organisation, project_root=root)
    own: list[NavItem] = list(user.nav) if user.nav else hand_written_pages(root / user.docs_dir)
    return [*own, *handbook_nav(organisation, book.layout)]


def hand_written_pages(docs: Path) -> list[NavItem]:
    """The Markdown pages in ``docs`` outside the generated folder: index.md first, then by path."""
    if not docs.is_dir():
        return []
    pages = sorted(
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if path.relative_to(docs).parts[0] != GENERATED_DIR
    )
    return sorted(pages, key=lambda page: (page != "index.md", page))


def generate(
    organisation: Organisation,
    root: Path,
    *,
    edition: Edition = "internal",
    out: Path | None = None,
    progress: Progress = SILENT,
) -> Generated:
    """Render the edition's handbook and write it; the build configuration too unless ``out`` is given."""
    user = read_user_config(root)
    organisation = publish(organisation, edition)
    folder = out if out is not None else root / user.docs_dir / GENERATED_DIR
    record = read_record(root, edition, folder)
    files, keys = render_handbook(
        organisation, root, cache=root / CACHE_DIR / edition, progress=progress, record=record
    )
    config_path = None
    if out is None:
        config_path = root / GENERATED_CONFIG
        if config_path.exists() and not is_generated(config_path):
            raise ConfigConflictError(config_path)
        stylesheet = f"{GENERATED_DIR}/assets/{STYLESHEET}"
        text = build_config(user, organisation.settings, navigation(organisation, root, user), stylesheet)
    report = write_tree(folder, files)
    write_record(record, keys)
    if config_path is not None:
        write_if_changed(config_path, text.encode("utf-8"))
    return Generated(folder, report, config_path, user)
