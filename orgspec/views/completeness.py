"""完整度: which sections of each job description are written, so HR sees what is left (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from orgspec.model import Post
from orgspec.model.post import duty_entries
from orgspec.views.common import Ctx, Link

SECTIONS = ("duties", "responsibilities", "authorities", "kpis", "qualifications", "revisions")
"""The sections counted, in the order of the job sheet."""
QUALIFICATIONS = ("education", "majors", "experience", "certificates", "skills", "knowledge", "qualities")


@dataclass(frozen=True)
class PostRow:
    """A post and the number of entries in each section (0: not written)."""

    link: Link
    counts: tuple[int, ...]


@dataclass(frozen=True)
class DepartmentBlock:
    """A department's own posts, and how many of them have each section."""

    link: Link
    rows: list[PostRow]
    written: tuple[int, ...]


@dataclass(frozen=True)
class Completeness:
    """Every department's block, how many posts have each section, and how many have duties alone."""

    blocks: list[DepartmentBlock]
    posts: int
    written: tuple[int, ...]
    duties_only: int


def section_counts(post: Post) -> tuple[int, ...]:
    """The entries of each section of ``post``; a duty group counts its duties, qualifications their fields."""
    qualifications = post.qualifications
    filled = sum(1 for name in QUALIFICATIONS if qualifications and getattr(qualifications, name))
    return (
        sum(1 for _ in duty_entries(post)),
        len(post.responsibilities),
        len(post.authorities),
        len(post.kpis),
        filled,
        len(post.revisions),
    )


def _written(rows: list[PostRow]) -> tuple[int, ...]:
    return tuple(sum(1 for row in rows if row.counts[index]) for index in range(len(SECTIONS)))


def completeness(ctx: Ctx) -> Completeness:
    """The completeness of every post, department by department in tree order."""
    organisation = ctx.organisation
    blocks = []
    for key, _ in organisation.department_tree():
        rows = [
            PostRow(ctx.post_link(post) or Link(post), section_counts(organisation.posts[post]))
            for post in organisation.department_posts.get(key, [])
        ]
        if rows:
            blocks.append(DepartmentBlock(ctx.department_link(key) or Link(key), rows, _written(rows)))
    every = [row for block in blocks for row in block.rows]
    duties_only = sum(1 for row in every if row.counts[0] and not any(row.counts[1:]))
    return Completeness(blocks, len(every), _written(every), duties_only)
