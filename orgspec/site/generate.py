"""The generate phase: render the handbook and write it into docs/handbook.

Everything is rendered in memory first; only then is the disk touched, by
`orgspec.core.write`, which writes changed files only and removes the stale
ones it wrote, never a file a person put there.

The handbook's home is the site's front page, docs/index.md, unless the
project has one of its own (`orgspec.site.front_page`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from orgspec.core.diagnostics import printable
from orgspec.core.errors import PROBLEMS, OrgspecError, RefusedError
from orgspec.core.memory import set_aside
from orgspec.core.progress import SILENT, Progress
from orgspec.core.write import Tree, TreeReport, remove_temporaries, write_if_changed, writing
from orgspec.edition import publish
from orgspec.i18n import label
from orgspec.link.organisation import Organisation
from orgspec.model.types import Edition
from orgspec.render.chart.svg import CHART_CSS
from orgspec.render.handbook import handbook
from orgspec.render.navigation import NavItem, handbook_nav
from orgspec.render.pages import page_jobs
from orgspec.render.templates import builtin_templates, project_templates, title_text
from orgspec.render.urls import FRONT_PAGE, GENERATED_DIR, SiteLayout
from orgspec.site.cache import CACHE_DIR
from orgspec.site.config_names import GENERATED_CONFIG, PAGEFIND_CONFIG, ZENSICAL_CONFIG
from orgspec.site.downloads import make_copies
from orgspec.site.front_page import has_own_front_page, marked
from orgspec.site.incremental import Record, common_key, read_record, render_changed, write_record
from orgspec.site.incremental import Rendered as Page
from orgspec.site.mkdocs_config import (
    Assets,
    UserConfig,
    build_config,
    is_generated,
    pagefind_config,
    read_user_config,
    zensical_config,
)
from orgspec.site.reads import Hashes, entry_hashes, tracked
from orgspec.site.search import handbook_search, pagefind_theme

STYLESHEET = "orgspec.css"
CHART_STYLESHEET = "orgspec-charts.css"
"""The charts' style, written by orgspec (not a template a project overrides): every chart needs it."""
SCRIPT = "orgspec.js"


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


@dataclass(frozen=True)
class Rendered:
    """What writing the generated folder did; the key and reads of each page (`orgspec.site.incremental`), the
    hashes of what the pages read and the key common to all pages; the front page, if rendered."""

    report: TreeReport
    pages: dict[str, Page]
    hashes: Hashes
    common: bytes
    front_page: bytes | None = None


def render_handbook(
    organisation: Organisation,
    root: Path,
    folder: Path,
    *,
    cache: Path | None = None,
    progress: Progress = SILENT,
    record: Record | None = None,
    front_page: bool = False,
    ready: Callable[[], None] = lambda: None,
) -> Rendered:
    """Render every generated file into ``folder`` (`Tree`); the home as the site's front page when
    ``front_page``, given back rather than written.

    ``organisation`` is already the edition's; ``cache`` keeps the Word and PDF copies between runs;
    ``progress`` is told of each copy and page made; a page whose key ``record`` holds for its intact
    file is neither rendered nor written again. Each page is written by the process that rendered it, as it
    is rendered, so that no process holds the text of every page. ``ready`` is called before anything is
    written (it raises to stop the run), after the pages of an edit are rendered.
    """
    if organisation.settings.downloads:  # the copies are kept in the cache as they are made
        ready()
    copies = make_copies(handbook(organisation, project_root=root), root, cache, progress)
    book = handbook(organisation, project_root=root, downloads=copies.formats, front_page=front_page)
    prefix = f"{book.layout.folder}/"
    templates = [place for place in (project_templates(root), builtin_templates()) if place is not None]
    jobs = page_jobs(book)
    common = common_key(book, templates)
    files = {f"assets/{name}": _asset(root, name) for name in (STYLESHEET, SCRIPT)}
    files[f"assets/{CHART_STYLESHEET}"] = CHART_CSS.encode("utf-8")
    files.update(copies.files)
    names = [*(job.path.removeprefix(prefix) for job in jobs if job.path != FRONT_PAGE), *files]
    opened: list[Tree] = []

    def tree() -> Tree:
        """The generated folder, opened for writing once ``ready`` allows it."""
        if not opened:
            ready()
            opened.append(Tree(folder, names))
        return opened[0]

    with writing(folder):
        with tracked(book) as tables:
            hashes = entry_hashes(book.organisation, tables)
            intact = record.intact() if record is not None else {}
            settled = record.settled(intact, common, hashes) if record is not None else {}
            known = {prefix + name: key for name, key in intact.items()}
            done = {prefix + name: reads for name, reads in settled.items()}
            set_aside()
            rendered = render_changed(book, jobs, common, known, done, into=(tree, prefix), progress=progress)
        puts = {name: tree().put(name, content) for name, content in sorted(files.items())}
        pages: dict[str, Page] = {}
        front = None
        for job, page in zip(jobs, rendered, strict=True):
            if job.path == FRONT_PAGE:  # outside the generated folder, so never recorded: always rendered
                assert page.text is not None
                front = marked(page.text).encode("utf-8")
                continue
            name = job.path.removeprefix(prefix)
            if page.put is not None:
                puts[name] = page.put
            pages[name] = page
        report = tree().end(puts)
    return Rendered(report, pages, hashes, common, front)


def _asset(root: Path, name: str) -> bytes:
    """The stylesheet or script: the project's own (in its site_templates/) or the built-in one."""
    own = project_templates(root)
    if own is not None and (own / name).is_file():
        return (own / name).read_bytes()
    return (builtin_templates() / name).read_bytes()


def _write_builder_configs(root: Path, user: UserConfig, organisation: Organisation) -> None:
    """The configurations of a build searched with Pagefind and of a Zensical build, where they apply; a stale one
    is removed."""
    pagefind = _pagefind_text(root, user, organisation)
    _write_or_remove(root / PAGEFIND_CONFIG, pagefind)
    parent = PAGEFIND_CONFIG if pagefind is not None else GENERATED_CONFIG
    _write_or_remove(root / ZENSICAL_CONFIG, zensical_config(parent, user))


def _pagefind_text(root: Path, user: UserConfig, organisation: Organisation) -> str | None:
    """The configuration of a build searched with Pagefind, when the settings choose Pagefind; None
    otherwise. A project with a theme folder of its own has it merged with orgspec's (`pagefind_theme`), or,
    when it draws its own header or search box, keeps the builder's own search."""
    chosen = handbook_search(organisation.settings.search, len(organisation.posts)) == "pagefind"
    theme = pagefind_theme(root, user.theme_dir) if chosen else None
    return None if theme is None else pagefind_config(theme, user)


def _write_or_remove(path: Path, text: str | None) -> None:
    if text is not None:
        write_if_changed(path, text.encode("utf-8"))
    elif path.exists():
        path.unlink()


def site_layout(root: Path) -> SiteLayout:
    """Where the project's handbook pages are: its home on the front page unless the project has its own."""
    return SiteLayout(directory_urls=False, front_page=not has_own_front_page(root / read_user_config(root).docs_dir))


def navigation(organisation: Organisation, root: Path, user: UserConfig, *, front_page: bool) -> list[NavItem]:
    """The project's own navigation (or its hand-written pages), then the handbook."""
    book = handbook(organisation, project_root=root, front_page=front_page)
    own: list[NavItem] = list(user.nav or hand_written_pages(root / user.docs_dir))
    if own and own[0] == FRONT_PAGE:  # titled by the page's heading, often the site's name shown above it
        own[0] = {title_text(label("nav.home", organisation.settings.locale)): FRONT_PAGE}
    return [*own, *handbook_nav(organisation, book.layout)]


class PageNameError(OrgspecError):
    """A hand-written page whose name is not UTF-8 text: neither the navigation nor the builders can hold it."""

    exit_code = PROBLEMS

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{printable(str(path))}: the file name is not UTF-8 text, which the site builders cannot use; rename it"
        )


def hand_written_pages(docs: Path) -> list[str]:
    """The Markdown pages in ``docs`` outside the generated folder: index.md first, then by path.

    A front page orgspec wrote is not one of them.
    """
    if not docs.is_dir():
        return []
    # the generated folder, which holds a page per post, is not gone through; as rglob does, a linked folder
    # is not followed
    folders = (
        child for child in docs.iterdir() if child.name != GENERATED_DIR and child.is_dir() and not child.is_symlink()
    )
    found = chain(docs.glob("*.md"), chain.from_iterable(folder.rglob("*.md") for folder in folders))
    pages = sorted(path.relative_to(docs).as_posix() for path in found)
    if FRONT_PAGE in pages and not has_own_front_page(docs):
        pages.remove(FRONT_PAGE)
    for page in pages:
        try:
            page.encode("utf-8")
        except UnicodeEncodeError:  # a name from another system, its bytes kept as they were
            raise PageNameError(docs / page) from None
    return sorted(pages, key=lambda page: (page != FRONT_PAGE, page))


def generate(
    organisation: Organisation,
    root: Path,
    *,
    edition: Edition = "internal",
    out: Path | None = None,
    progress: Progress = SILENT,
    ready: Callable[[], None] = lambda: None,
) -> Generated:
    """Render the edition's handbook and write it; the build configuration too unless ``out`` is given.

    ``ready`` is called before anything is written, and may raise to stop the run: the pages are worked out
    meanwhile (`orgspec.check.pipeline.checks_aside`)."""
    user = read_user_config(root)
    organisation = publish(organisation, edition)
    docs = root / user.docs_dir
    folder = out if out is not None else docs / GENERATED_DIR
    front_page = out is None and not has_own_front_page(docs)
    record = read_record(root, edition, folder)
    config_path = root / GENERATED_CONFIG if out is None else None
    if config_path is not None:
        for path in (config_path, root / PAGEFIND_CONFIG, root / ZENSICAL_CONFIG):
            if path.exists() and not is_generated(path):
                raise ConfigConflictError(path)
    text = None
    if config_path is not None:  # worked out before anything is written, so as to be written with the pages
        stylesheets = tuple(f"{GENERATED_DIR}/assets/{name}" for name in (CHART_STYLESHEET, STYLESHEET))
        assets = Assets(stylesheets, f"{GENERATED_DIR}/assets/{SCRIPT}")
        nav = navigation(organisation, root, user, front_page=front_page)
        text = build_config(user, organisation.settings, nav, assets)
    tidied: list[bool] = []

    def tidy() -> None:
        """Once allowed to write, remove what a killed run left (the configuration's, the stamp's and the copies'
        temporary files, and the front page's), then write the configuration.

        Its navigation names the posts: written just before the pages of an edit, which are written together
        once rendered, a builder serving the project (orgspec serve) sees one burst of changes and builds once
        with the new navigation, rather than the pages with the old one and then everything again."""
        ready()
        if not tidied:
            tidied.append(True)
            remove_temporaries(root, recursive=False)
            remove_temporaries(root / CACHE_DIR.parent, recursive=True)
            if front_page:
                remove_temporaries(docs, recursive=False)
            if config_path is not None and text is not None:
                with writing(root):
                    write_if_changed(config_path, text.encode("utf-8"))
                    _write_builder_configs(root, user, organisation)

    rendered = render_handbook(
        organisation,
        root,
        folder,
        cache=root / CACHE_DIR / edition,
        progress=progress,
        record=record,
        front_page=front_page,
        ready=tidy,
    )
    if rendered.front_page is not None and not has_own_front_page(docs):  # nobody wrote one meanwhile
        with writing(docs):
            write_if_changed(docs / FRONT_PAGE, rendered.front_page)
    write_record(record, rendered.pages, rendered.common, rendered.hashes)
    return Generated(folder, rendered.report, config_path, user)
