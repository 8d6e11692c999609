"""`orgspec import docx`: Word job descriptions → one post file each (and the departments they name).

Everything is read and resolved first, and the files to write are returned
as a `Plan`; the command writes them (never replacing a file) or, for a
dry run, only reports them. A file that cannot be imported is named with
the reason and the fix, and nothing is written for it.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from orgspec.core.suggest import suggest
from orgspec.i18n import Locale, translate
from orgspec.importer import legacy
from orgspec.importer.assemble import COUNTED, assemble
from orgspec.importer.draft import Draft, Ref, draft
from orgspec.importer.emit import kept_section, post_text
from orgspec.importer.ids import slug, unique
from orgspec.importer.labels import labels_of
from orgspec.importer.plan import FileReport, Plan, department_files, kept_notes, validated
from orgspec.importer.problems import Note, Unreadable
from orgspec.importer.resolve import Context
from orgspec.importer.tables import read_blocks
from orgspec.importer.word import OLE_MAGIC, Block, read_word
from orgspec.load.project import ROLES_DIR, Project, file_id, project_files
from orgspec.model import Post
from orgspec.scaffold.new import department_path, is_id

WORD_SUFFIXES = (".docx", ".doc")


@dataclass(frozen=True)
class Options:
    """What the command line asks for: a department for every post, the folder for posts, one post's id."""

    out: Path
    department: str | None = None
    post_id: str | None = None


@dataclass
class _Document:
    path: Path
    draft: Draft
    key: str = ""
    department: str = ""


def word_files(inputs: Iterable[Path]) -> list[Path]:
    """The files given and the Word files inside the folders given, in order; Word's lock files left out."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.casefold() in WORD_SUFFIXES and _wanted(p))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _wanted(path: Path) -> bool:
    return path.is_file() and not path.name.startswith("~$")


def import_documents(project: Project, inputs: Sequence[Path], options: Options) -> Plan:
    """The files that importing ``inputs`` into ``project`` writes, and the report of every file."""
    plan = Plan(locale=project.settings.locale)
    labels = labels_of(project.settings)
    documents = []
    paths = word_files(inputs)
    plan.inputs = len(paths)
    for path, blocks in _read_all(paths, plan):
        reading = read_blocks(blocks, labels)
        if not reading.found_anything:
            plan.fail(Note("error", "import.no-job-description", str(path)))
            continue
        documents.append(_Document(path, draft(reading, str(path), labels, project.settings)))
    documents = _identified(documents, project, options, plan)
    context = Context.of(project)
    new_departments = _departments(documents, context, options, plan)
    for document in documents:
        title = document.draft.title or document.key
        context.add_post(document.key, title, document.draft.data.get("title_en"), document.department)
    for document in documents:
        _write_post(document, context, options, plan)
    plan.files += department_files(new_departments, project, plan)
    return plan


def _read_all(paths: Sequence[Path], plan: Plan) -> Iterator[tuple[Path, list[Block]]]:
    """The blocks of each file that can be read; a note for each that cannot."""
    legacy_paths = [path for path in paths if _is_legacy(path)]
    with tempfile.TemporaryDirectory(prefix="orgspec-import-") as folder:
        converted = legacy.convert(legacy_paths, Path(folder)) if legacy_paths else {}
        for path in paths:
            try:
                readable = converted.get(path, path)
                if isinstance(readable, Unreadable):
                    raise readable
                if readable.suffix.casefold() not in WORD_SUFFIXES:
                    raise Unreadable("import.not-word")
                blocks = read_word(readable)
            except Unreadable as problem:
                plan.fail(Note("error", problem.code, str(path), args=problem.args_))
                continue
            yield path, blocks


def _is_legacy(path: Path) -> bool:
    """A Word 97–2003 file, whatever its name ends with (a password-protected .docx looks alike and is not)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(len(OLE_MAGIC))
    except OSError:
        return False
    return head == OLE_MAGIC and (path.suffix.casefold() == ".doc" or not _encrypted(path))


def _encrypted(path: Path) -> bool:
    return "EncryptedPackage".encode("utf-16-le") in path.read_bytes()


def _identified(documents: list[_Document], project: Project, options: Options, plan: Plan) -> list[_Document]:
    """Each document with its post id; two with one id, or one whose file exists, are not imported."""
    for document in documents:
        document.key = options.post_id or _key(document)
    counts = Counter(document.key for document in documents)
    taken = _post_files(project)
    kept = []
    for document in documents:
        file = str(document.path)
        defining = [str(project.root / name) for name in taken.get(document.key, [])]
        existing = [*defining, *_existing(options.out, document.key)]
        if counts[document.key] > 1:
            others = [str(other.path) for other in documents if other.key == document.key and other is not document]
            plan.fail(Note("error", "import.duplicate-post", file, args={"id": document.key, "files": others}))
        elif existing:
            plan.fail(Note("error", "import.exists", file, args={"path": existing[0], "id": document.key}))
        else:
            kept.append(document)
    return kept


def _post_files(project: Project) -> dict[str, list[str]]:
    """The files of ``roles/`` (sub-folders too) by the id they give, listed once for all documents."""
    files: dict[str, list[str]] = {}
    for name in project_files(project.root):
        if name.startswith(f"{ROLES_DIR}/"):
            files.setdefault(file_id(name), []).append(name)
    return files


def _key(document: _Document) -> str:
    stem = document.path.stem
    if is_id(stem):
        return stem
    return slug(document.draft.title or stem)


def _existing(out: Path, key: str) -> list[str]:
    target = out / f"{key}.yaml"
    return [str(target)] if os.path.lexists(target) else []


def _departments(documents: list[_Document], context: Context, options: Options, plan: Plan) -> dict[str, str]:
    """Each document's department id; departments no project file has are made (id → name)."""
    made: dict[str, str] = {}
    for document in list(documents):
        ref = document.draft.department
        if options.department is not None:
            document.department = options.department
        elif ref is None:
            plan.fail(Note("error", "import.no-department", str(document.path)))
            documents.remove(document)
        elif (found := context.department(ref.text, code=document.draft.data.get("code"))) is not None:
            document.department = found
        elif candidates := context.departments.find(ref.text):
            args = {"name": ref.text, "departments": sorted(candidates)}
            plan.fail(Note("error", "import.ambiguous-department", str(document.path), ref.place, args))
            documents.remove(document)
        else:
            document.department = unique(slug(ref.text, "department"), {*context.project.departments, *made})
            made[document.department] = ref.text
            context.add_department(document.department, ref.text, None, None)
            document.draft.notes.append(_new_department(document, ref, context.project))
    return made


def _new_department(document: _Document, ref: Ref, project: Project) -> Note:
    """The note on a department made for a name no department of the project has, with the closest that does."""
    names = {entity.model.name: key for key, entity in project.departments.items()}
    closest = suggest(ref.text, names)
    args: dict[str, object] = {"name": ref.text, "file": department_path(document.department), "closest": closest or "",
            "id": names.get(closest or "", "")}  # fmt: skip
    code = "import.new-department.did-you-mean" if closest else "import.new-department"
    return Note("check", code, str(document.path), ref.place, args)


def _write_post(document: _Document, context: Context, options: Options, plan: Plan) -> None:
    result = assemble(document.draft, document.department, context)
    target = options.out / f"{document.key}.yaml"
    file = str(document.path)
    notes = document.draft.notes + result.notes
    kept = document.draft.kept
    places = [item.place.describe(plan.locale) for item in kept]
    text = post_text(
        result.data,
        schema=Path(os.path.relpath(context.project.root / "schemas" / "post.schema.json", options.out)).as_posix(),
        source=document.path.name,
        checks=[note.message(plan.locale) for note in notes] + _derived(document.draft, plan.locale),
        kept=kept_section(kept, plan.locale, places),
        locale=plan.locale,
    )
    problem = validated(text, str(target), Post)
    if problem is not None:
        plan.fail(Note("error", "import.invalid", file, args={"problem": problem}))
        return
    plan.files.append((target, text))
    plan.posts[document.key] = result.data
    plan.notes += notes + kept_notes(file, kept, str(target))
    plan.reports.append(FileReport(file, document.key, result.data.get("title"), str(target), result.filled,
                                   len(COUNTED), document.draft.placed_share, len(kept)))  # fmt: skip


def _derived(draft: Draft, locale: Locale) -> list[str]:
    return [translate("import.derived", locale, {"label": label, "text": text}) for label, text in draft.derived]
