"""Which job sheets an export makes, and the files they go into (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from orgspec.core.errors import UnknownNameError, UsageError
from orgspec.export.package import document_time as package_time
from orgspec.link.organisation import Organisation
from orgspec.views.common import Ctx
from orgspec.views.department_sheet import department_sheet
from orgspec.views.sheet import JobSheet, job_sheet


@dataclass(frozen=True)
class Document:
    """One file to make: its name (without extension), its posts, and for a booklet its department."""

    name: str
    posts: list[str]
    department: str | None = None


def select_posts(
    organisation: Organisation, posts: Sequence[str], departments: Sequence[str], *, every: bool
) -> list[str]:
    """The posts named, then those of the departments named (or every post), each once, in that order."""
    if not posts and not departments and not every:
        raise UsageError("name the posts to export, or use --department ID or --all")
    _known("post", posts, list(organisation.posts))
    _known("department", departments, list(organisation.departments))
    chosen = list(posts)
    for department in departments:
        chosen += organisation.posts_in(department)
    if every:
        chosen += [key for department, _ in organisation.department_tree() for key in organisation.posts_in(department)]
        chosen += sorted(organisation.posts, key=organisation.post_sort_key)
    return list(dict.fromkeys(chosen))


def _known(kind: str, names: Sequence[str], known: list[str]) -> None:
    for name in names:
        if name not in known:
            raise UnknownNameError(kind, name, known)


def documents(
    organisation: Organisation,
    posts: Sequence[str],
    departments: Sequence[str],
    *,
    every: bool,
    booklet: bool,
    each: bool = False,
) -> list[Document]:
    """One document per post; one per department named (its organisation sheet, then its posts) unless
    ``each``; with ``booklet`` and ``every``, one per department."""
    if departments and not each and not posts:
        booklet = True
    if not booklet:
        return [Document(key, [key]) for key in select_posts(organisation, posts, departments, every=every)]
    if posts:
        raise UsageError("--booklet gathers whole departments: use --department ID (or --all), not post ids")
    if not departments and not every:
        raise UsageError("--booklet needs --department ID (or --all for a booklet per department)")
    _known("department", departments, list(organisation.departments))
    chosen = departments if departments else [key for key, _ in organisation.department_tree()]
    return [
        Document(f"booklet-{department}", organisation.posts_in(department), department)
        for department in dict.fromkeys(chosen)
    ]


def document_sheets(ctx: Ctx, document: Document) -> list[JobSheet]:
    """The sheets of a document: a department's organisation sheet first, then the job sheets of its posts."""
    posts = [job_sheet(ctx, key) for key in document.posts]
    if document.department is None:
        return posts
    return [department_sheet(ctx, document.department), *posts]


def document_time(organisation: Organisation, document: Document) -> dt.datetime:
    """The document's date: SOURCE_DATE_EPOCH, or the latest revision of what it holds."""
    revisions = [revision for key in document.posts for revision in organisation.posts[key].revisions]
    if document.department is not None:
        revisions += organisation.departments[document.department].revisions
    return package_time(revision.date for revision in revisions)
