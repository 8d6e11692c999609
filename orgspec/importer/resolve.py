"""Names resolved against the project: departments, superiors, grades, parties, standard clauses.

A name matches a department or post of the project, or one imported in the
same run, when it is written the same (white space and full-width forms
aside), in either language. A post name that matches nothing is left out
of the YAML and named in a note with the closest known name (did you
mean); a department that matches nothing is created, with a note naming
the closest one that exists.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from orgspec.core.suggest import suggest
from orgspec.load.project import Project
from orgspec.model.code_pattern import CodePattern
from orgspec.model.settings import Grade


def key(name: str) -> str:
    """A name as names are compared: full-width forms folded, white space removed, case ignored."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


@dataclass
class Names:
    """Names of one kind (departments or posts) → the ids that carry them."""

    ids: dict[str, list[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    """A name as written, by its key: for did-you-mean."""

    def add(self, identifier: str, *spellings: str | None) -> None:
        for spelling in spellings:
            if spelling:
                found = self.ids.setdefault(key(spelling), [])
                if identifier not in found:
                    found.append(identifier)
                self.shown.setdefault(key(spelling), spelling)

    def find(self, name: str) -> list[str]:
        return self.ids.get(key(name), [])

    def closest(self, name: str) -> str | None:
        """The known name closest to ``name``, as written, or None."""
        close = suggest(key(name), self.shown)
        return self.shown[close] if close is not None else None


def bilingual(name: str, english: str | None) -> list[str]:
    """The ways a sheet may print a name: the original, the English one, both (甲 / A)."""
    return [name, *([english, f"{name} / {english}"] if english else [])]


@dataclass
class Context:
    """What names are resolved against: the project, and what the run imports beside it."""

    project: Project
    departments: Names = field(default_factory=Names)
    posts: Names = field(default_factory=Names)
    post_departments: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)
    codes: dict[str, str | None] = field(default_factory=dict)
    clauses: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, project: Project) -> Context:
        context = cls(project)
        for identifier, department in project.departments.items():
            model = department.model
            context.add_department(identifier, model.name, model.name_en, model.parent, model.code)
        for identifier, post in project.posts.items():
            if post.model.title:
                context.add_post(identifier, post.model.title, post.model.title_en, post.model.department)
        context.clauses = {key(item.text): identifier for identifier, item in project.clauses.items()}
        return context

    def add_department(
        self, identifier: str, name: str, name_en: str | None, parent: str | None, code: str | None = None
    ) -> None:
        self.departments.add(identifier, *bilingual(name, name_en))
        self.parents[identifier] = parent
        self.codes[identifier] = code

    def add_post(self, identifier: str, title: str, title_en: str | None, department: str) -> None:
        self.posts.add(identifier, *bilingual(title, title_en))
        self.post_departments[identifier] = department

    def post(self, name: str, department: str | None, *, below: bool = False) -> tuple[str | None, list[str]]:
        """The post ``name`` names, or None and the candidates; of several so named, the nearest one up the
        department tree from ``department`` (its own department, then its parent, …), or with ``below`` (a post
        held too, 兼任) the one alone in ``department`` and the departments under it, if there is one."""
        found = self.posts.find(name)
        inside = [post for post in found if self._under(self.post_departments.get(post), department)]
        if below and len(found) > 1 and len(inside) == 1:
            return inside[0], found
        seen: set[str] = set()
        while len(found) > 1 and department is not None and department not in seen:
            seen.add(department)
            inside = [post for post in found if self.post_departments.get(post) == department]
            if len(inside) == 1:
                return inside[0], found
            department = self.parents.get(department)
        return (found[0], found) if len(found) == 1 else (None, found)

    def _under(self, department: str | None, top: str | None) -> bool:
        """Whether ``department`` is ``top`` or lies under it."""
        seen: set[str] = set()
        while department is not None and department not in seen:
            if department == top:
                return True
            seen.add(department)
            department = self.parents.get(department)
        return False

    def department(self, name: str, *, code: str | None = None, parent: str | None = None) -> str | None:
        """The department ``name`` names; of several so named, the one under ``parent``, or the one whose code
        the post number ``code`` carries (EX-KF02-001 → KF02, by the settings' code_pattern)."""
        found = self.departments.find(name)
        if parent is not None:
            found = [department for department in found if self.parents.get(department) == parent]
        pattern = self.project.settings.code_pattern
        if len(found) > 1 and code and pattern and "{department}" in pattern:
            numbered = CodePattern(pattern)
            found = [
                department
                for department in found
                if (own := self.codes.get(department)) and numbered.regex(own, exact_width=False).fullmatch(code)
            ] or found
        return found[0] if len(found) == 1 else None

    def clause(self, text: str) -> str | None:
        """The standard clause whose wording ``text`` is, or None."""
        return self.clauses.get(key(text))

    def grade(self, text: str) -> str | None:
        """The grade a sheet names: its id, its name, or both (经理级（M2）)."""
        return grade_of(self.project.settings.grades, text)


def grade_of(grades: Iterable[Grade], text: str) -> str | None:
    wanted = key(text)
    for grade in grades:
        spellings = [grade.id, *([grade.name, f"{grade.name}({grade.id})"] if grade.name else [])]
        if wanted in {key(spelling) for spelling in spellings}:
            return grade.id
    return None
