"""Find and read every file of a project: settings, clauses, departments, posts.

Every file is read and validated on its own, so one bad file never hides
the problems of another; files that fail are remembered so that references
to them are not reported a second time as unknown.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cached_property
from multiprocessing.connection import Connection
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel

from orgspec.core.diagnostics import Diagnostic, Position
from orgspec.core.errors import EnvironmentProblem
from orgspec.i18n import Term
from orgspec.load.parsed import PARSED_CACHE, Kept, ParsedCache
from orgspec.load.validate import validate
from orgspec.load.yamlfile import SourceFile, read_yaml, source_of
from orgspec.model import ClauseLibrary, Department, Post, Settings
from orgspec.model.approvals import APPROVALS_CONTEXT, ApprovalRule, ApprovalRules
from orgspec.model.common import TextItem
from orgspec.model.types import ID_RE

SETTINGS_FILE = "orgspec.yaml"
CLAUSES_FILE = "clauses.yaml"
APPROVALS_FILE = "approvals.yaml"
DEPARTMENTS_DIR = "departments"
ROLES_DIR = "roles"

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Entity(Generic[ModelT]):
    """A validated department or post with the id its file name gives it."""

    id: str
    model: ModelT
    source: SourceFile


@dataclass
class Project:
    """Everything read from a project folder, before linking."""

    root: Path
    settings: Settings
    settings_source: SourceFile
    clauses: dict[str, TextItem] = field(default_factory=dict)
    clauses_source: SourceFile | None = None
    approvals: list[ApprovalRule] = field(default_factory=list)
    """The rules of the authority matrix (approvals.yaml), in the order written."""
    approvals_source: SourceFile | None = None
    departments: dict[str, Entity[Department]] = field(default_factory=dict)
    posts: dict[str, Entity[Post]] = field(default_factory=dict)
    broken: set[tuple[str, str]] = field(default_factory=set)
    """(kind, id) of files that exist but could not be read: not reported again as unknown."""


class KeptModels:
    """The models a process validated, by the model and the hash of the file's text: for a process that loads
    the same project again and again (`orgspec serve` regenerates after each edit), which then validates
    only the files that changed since its last load (validation is a second of a load of 10,000 posts).

    Models are immutable, so a load shares them with the last one. What the last load did not use is
    dropped as the next one ends.
    """

    def __init__(self) -> None:
        self._last: dict[tuple[type[BaseModel], str], BaseModel] = {}
        self._now: dict[tuple[type[BaseModel], str], BaseModel] = {}

    def get(self, model: type[ModelT], digest: str) -> ModelT | None:
        """The model validated from the text whose hash is ``digest``, unless this load took it already (two
        files of the same text are two models)."""
        key = (model, digest)
        found = self._last.get(key)
        if found is None or key in self._now:
            return None
        self._now[key] = found
        return found  # type: ignore[return-value]

    def keep(self, model: type[BaseModel], digest: str, built: BaseModel) -> None:
        self._now.setdefault((model, digest), built)

    def settle(self) -> None:
        """End a load: what it used is what the next one finds."""
        self._last, self._now = self._now, {}


KEPT: KeptModels | None = None
"""The models kept between loads, in a process that keeps them (`keeping_models`)."""


@contextmanager
def keeping_models() -> Iterator[None]:
    """Keep the models of every load during the block, for the next load to take (`KeptModels`)."""
    global KEPT
    KEPT = KeptModels()
    try:
        yield
    finally:
        KEPT = None


def is_project(root: Path) -> bool:
    """Whether ``root`` holds an orgspec project (its settings file)."""
    return (root / SETTINGS_FILE).is_file()


def project_files(root: Path) -> list[str]:
    """The files of the project at ``root`` that orgspec reads, as paths relative to it."""
    names = [SETTINGS_FILE, *(name for name in (CLAUSES_FILE, APPROVALS_FILE) if (root / name).is_file())]
    return names + [name for folder in (DEPARTMENTS_DIR, ROLES_DIR) for name in _yaml_files(root, folder)]


def files_defining(root: Path, folder: str, identifier: str) -> list[str]:
    """The files in ``folder`` (``roles`` or ``departments``, sub-folders included) whose name gives ``identifier``."""
    return [name for name in _yaml_files(root, folder) if file_id(name) == identifier]


def file_id(name: str) -> str:
    """The id a department or post file gives its content: its name without the extension."""
    return PurePosixPath(name).stem


def load_project(root: Path, *, keep_parsed: bool = False) -> tuple[Project, list[Diagnostic]]:
    """Read and validate every file of the project at ``root``, taking what a file parsed into last time from
    its ``.cache`` (`orgspec.load.parsed`); with ``keep_parsed`` (the commands that write the project anyway,
    under its lock) that cache is brought up to date for the next load."""
    cache = ParsedCache.read(root / PARSED_CACHE, saving=keep_parsed)
    loaded = load_files(root, project_files(root), DiskReader(root), cache)
    cache.save()
    return loaded


MAX_FILE_BYTES = 2_000_000
"""The largest project file orgspec reads; a post of 500 long duties is a tenth of it."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
"""Non-blocking, so that a FIFO opens at once (and is then refused) instead of waiting for a writer."""


class RefusedFile(OSError):
    """A project file orgspec does not read: it leaves the project, is not a regular file, or is too large.

    ``code`` is the diagnostic's message key and ``details`` its arguments.
    """

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class DiskReader:
    """Reads project files from the disk; the only reader whose files may be parsed in two processes.

    It reads regular files inside the project only (a symbolic link may point
    to another file of the project, never out of it), and at most
    `MAX_FILE_BYTES` of them: a link to /dev/zero, a FIFO or a link to a file
    of the system is refused with a `RefusedFile` naming it.
    """

    root: Path

    def __call__(self, name: str) -> bytes:
        path = self.root / name
        outside = self._outside(path)
        if outside is not None:
            raise RefusedFile("file-outside-project", target=outside)
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb", buffering=0) as stream:
            state = os.fstat(stream.fileno())
            if not stat.S_ISREG(state.st_mode):
                raise RefusedFile("file-not-regular")
            if state.st_size > MAX_FILE_BYTES:
                raise RefusedFile("file-too-large", size=f"{state.st_size:,}", limit=f"{MAX_FILE_BYTES:,}")
            return stream.readall()

    def _outside(self, path: Path) -> str | None:
        """Where ``path`` really leads when that is outside the project; None when it stays inside."""
        folder = path.parent
        folder_inside = self._folders.get(folder)
        if folder_inside is None:  # resolved once per folder: 10,000 posts share a few
            folder_inside = self._folders[folder] = _inside(os.path.realpath(folder), self._real_root)
        if folder_inside and not path.is_symlink():
            return None
        target = os.path.realpath(path)
        return None if _inside(target, self._real_root) else target

    @cached_property
    def _real_root(self) -> str:
        return os.path.realpath(self.root)

    @cached_property
    def _folders(self) -> dict[Path, bool]:
        return {}


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


Parsed = tuple[object | None, list[Diagnostic], SourceFile]
PARALLEL_FROM = 2_000
"""From this many files on, a second process parses part of them (LibYAML holds the GIL)."""
CHILD_SHARE = 0.55
"""The part a second process parses: this one validates its own files while the other still parses."""


def _parse(name: str, read: Callable[[str], bytes]) -> Parsed | OSError:
    try:
        raw = read(name)
    except OSError as error:
        return error
    return read_yaml(name, raw)


class ParsedFiles:
    """Files parsed ahead, each handed out once (called with its name) so that its data is freed once
    validated; a file not parsed ahead is read and parsed when asked for.

    The files a second process parses are taken in as they are asked for:
    this process validates the files it parsed itself meanwhile.
    """

    def __init__(
        self, files: dict[str, Parsed | OSError | Kept], read: Callable[[str], bytes], child: _Child | None = None
    ) -> None:
        self._files = files
        self._read = read
        self._child = child

    def __call__(self, name: str) -> Parsed | OSError:
        found = self._files.pop(name, None)
        if isinstance(found, Kept):  # from the cache, decoded only now
            data = found.data()
            found = None if data is None else (data, [], found.source)
        if found is None and self._child is not None and name in self._child.names:
            found = self._child.take(name)
        return found if found is not None else _parse(name, self._read)

    def kept(self, name: str, model: type[ModelT]) -> tuple[SourceFile, ModelT] | None:
        """The file ``name``, taken from the parsed cache, and its model as validated by an earlier load of this
        process (`KEPT`), its data never decoded; None when either is not kept."""
        found = self._files.get(name)
        if KEPT is None or not isinstance(found, Kept):
            return None
        built = KEPT.get(model, found.source.digest)
        if built is None:
            return None
        del self._files[name]
        return found.source, built

    def take_all(self) -> dict[str, Parsed | OSError | Kept]:
        if self._child is not None:
            self._files.update(self._child.rest())
            self._child = None
        files, self._files = self._files, {}
        return files


class _Child:
    """A forked process parsing the files ``raws`` (bytes it has from this one's memory, never read again;
    here, each file's bytes are freed once its batch is taken in).

    It sends back, a few files at a time as it parses them, what each file
    parsed into and what was wrong with it; a thread here keeps each batch as
    it comes, still pickled, so that the process ends as soon as it has
    parsed, and a batch is unpickled only when one of its files is asked for.
    The text of each file is decoded here, rather than sent back. Should the
    process die, the files it had not sent are parsed here.
    """

    def __init__(self, raws: dict[str, bytes]) -> None:
        self.names = frozenset(raws)
        self._unsent = list(raws.items())
        self._parsed: dict[str, Parsed] = {}
        self._batches: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        _widen(send)
        self._process = context.Process(target=_parse_in_child, args=(raws, send), daemon=True)
        self._process.start()
        send.close()
        self._receiver = threading.Thread(target=self._receive, args=(receive,), daemon=True)
        self._receiver.start()

    def _receive(self, receive: Connection) -> None:
        with receive:
            try:
                while True:
                    self._batches.put(receive.recv_bytes())
            except (EOFError, OSError):  # all sent, or the process died
                self._batches.put(None)

    def take(self, name: str) -> Parsed | None:
        """The file ``name``, unless it was taken before; batches are taken in up to it."""
        while name not in self._parsed and self._unsent:
            self._take_batch()
        return self._parsed.pop(name, None)

    def rest(self) -> dict[str, Parsed]:
        """Every file not taken yet."""
        while self._unsent:
            self._take_batch()
        parsed, self._parsed = self._parsed, {}
        return parsed

    def _take_batch(self) -> None:
        batch = self._batches.get()
        if batch is None:  # the process died: what it did not send is parsed here
            self._parsed.update((name, read_yaml(name, raw)) for name, raw in self._unsent)
            self._unsent = []
        else:
            results = pickle.loads(batch)
            files, self._unsent = self._unsent[: len(results)], self._unsent[len(results) :]
            for (name, raw), (data, problems) in zip(files, results, strict=True):
                self._parsed[name] = (data, problems, source_of(name, raw))
        if not self._unsent:
            self._receiver.join()
            self._process.join()


BATCH = 20
"""Files the second process sends back at a time."""
PIPE_BYTES = 1 << 20
"""What the pipe from the second process holds (Linux's largest by default): it goes on parsing while this
process, busy parsing in turn, has yet to take in what it sent."""


def _widen(pipe: Connection) -> None:
    if sys.platform == "linux":  # elsewhere: the pipe as it is
        import fcntl

        with suppress(OSError):  # a lower limit set on this machine
            fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _parse_in_child(raws: dict[str, bytes], send: Connection) -> None:
    names = list(raws)
    for start in range(0, len(names), BATCH):
        send.send([read_yaml(name, raws[name])[:2] for name in names[start : start + BATCH]])
    send.close()


def parse_files(names: list[str], read: Callable[[str], bytes], cache: ParsedCache | None = None) -> ParsedFiles:
    """Each file read and parsed, or taken from ``cache``; shared with a forked process when there are many
    to parse and they come from the disk."""
    files: dict[str, Parsed | OSError | Kept] = {}
    raws: dict[str, bytes] = {}
    for name in names:
        try:
            raw = read(name)
        except OSError as error:
            files[name] = error
            continue
        kept = cache.get(name, raw) if cache is not None else None
        if kept is None:
            raws[name] = raw
        else:
            files[name] = kept
    fresh, child = list(raws), None
    if isinstance(read, DiskReader) and _worth_forking(len(raws)):
        child = _Child(_last_share(raws, CHILD_SHARE))
    for name in list(raws):  # each file's bytes freed once parsed
        files[name] = read_yaml(name, raws.pop(name))
    parsed = ParsedFiles(files, read, child)
    if cache is None or not cache.saving:
        return parsed
    everything = parsed.take_all()
    for name in fresh:
        result = everything[name]
        if isinstance(result, tuple) and not result[1]:
            cache.keep(result[2], result[0])
    return ParsedFiles(everything, read)


def _last_share(raws: dict[str, bytes], share: float) -> dict[str, bytes]:
    """The last files of ``raws``, taken out of it, that hold ``share`` of its bytes."""
    wanted, taken = sum(map(len, raws.values())) * share, 0
    theirs: list[str] = []
    for name in reversed(raws):
        if taken >= wanted:
            break
        theirs.append(name)
        taken += len(raws[name])
    return {name: raws.pop(name) for name in reversed(theirs)}


def _worth_forking(files: int) -> bool:
    return (
        files >= PARALLEL_FROM
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1  # forking a process with threads risks locks held by them
    )


def load_files(
    root: Path, names: Iterable[str], read: Callable[[str], bytes], cache: ParsedCache | None = None
) -> tuple[Project, list[Diagnostic]]:
    """Read and validate the project files ``names`` (paths relative to ``root``) through ``read``.

    ``read`` returns a file's bytes or raises `OSError`; it lets a project be
    read from somewhere other than the disk, such as a git revision. The
    settings file is always read, whether or not ``names`` lists it. Posts and
    departments parsed before are taken from ``cache`` when it is given.
    """
    names = list(names)
    departments, posts = _in_folder(names, DEPARTMENTS_DIR), _in_folder(names, ROLES_DIR)
    read_parsed = parse_files(departments + posts, read, cache)
    diagnostics: list[Diagnostic] = []
    settings_source, settings = _read_one(SETTINGS_FILE, read_parsed, Settings, diagnostics)
    project = Project(root, settings or Settings(name=root.resolve().name or "orgspec"), settings_source)
    if CLAUSES_FILE in names:
        project.clauses_source, library = _read_one(CLAUSES_FILE, read_parsed, ClauseLibrary, diagnostics)
        if library is not None:
            project.clauses = {key: _clause(value) for key, value in library.root.items()}
        else:
            project.broken.add(("clause", "*"))
    if APPROVALS_FILE in names:
        _read_approvals(project, read_parsed, diagnostics)
    _read_folder(project, departments, read_parsed, "department", Department, project.departments, diagnostics)
    _read_folder(project, posts, read_parsed, "post", Post, project.posts, diagnostics)
    read_parsed.take_all()  # the second process is waited for even when none of its files was asked for
    if KEPT is not None:
        KEPT.settle()
    return project, diagnostics


def _read_approvals(project: Project, parse: Callable[[str], Parsed | OSError], diagnostics: list[Diagnostic]) -> None:
    """The rules of approvals.yaml, their actions read in the vocabulary of the settings."""
    context: dict[str, object] = {APPROVALS_CONTEXT: project.settings.approvals}
    project.approvals_source, rules = _read_one(APPROVALS_FILE, parse, ApprovalRules, diagnostics, context)
    if rules is not None:
        project.approvals = rules.rules


def _clause(value: str | TextItem) -> TextItem:
    return TextItem(text=value) if isinstance(value, str) else value


def _read_one(
    name: str,
    parse: Callable[[str], Parsed | OSError],
    model: type[ModelT],
    diagnostics: list[Diagnostic],
    context: dict[str, object] | None = None,
) -> tuple[SourceFile, ModelT | None]:
    kept = parse.kept(name, model) if isinstance(parse, ParsedFiles) and context is None else None
    if kept is not None:
        return kept
    parsed = parse(name)
    if isinstance(parsed, RefusedFile):
        diagnostics.append(Diagnostic(parsed.code, "error", name, Position(), parsed.details))
        return SourceFile(name, ""), None
    if isinstance(parsed, OSError):
        reason = parsed.strerror or str(parsed)
        diagnostics.append(Diagnostic("unreadable-file", "error", name, Position(), {"reason": reason}))
        return SourceFile(name, ""), None
    data, problems, source = parsed
    diagnostics.extend(problems)
    if data is None or any(problem.severity == "error" for problem in problems):
        return source, None
    built = KEPT.get(model, source.digest) if KEPT is not None and context is None else None
    if built is not None:
        return source, built
    built, errors = validate(model, data, source, context)
    diagnostics.extend(errors)
    if KEPT is not None and built is not None and context is None:
        KEPT.keep(model, source.digest, built)
    return source, built


def _yaml_files(root: Path, folder: str) -> list[str]:
    """The YAML files under ``root/folder`` as paths relative to ``root``, in a stable order, hidden ones skipped.

    A folder that cannot be listed is an `EnvironmentProblem`: taken as
    empty, it would hide every post in it behind misleading errors.
    """
    names = []
    for top, folders, files in os.walk(root / folder, onerror=_unlisted):
        folders[:] = [name for name in folders if not name.startswith(".")]
        inside = Path(top).relative_to(root).as_posix()
        names += [f"{inside}/{name}" for name in files if name.endswith((".yaml", ".yml")) and not name.startswith(".")]
    return sorted(names)


def _unlisted(error: OSError) -> None:
    if isinstance(error, FileNotFoundError):
        return  # a project without departments/ or roles/ yet
    raise EnvironmentProblem(
        f"{error.filename}: cannot be listed as a folder ({error.strerror}), so the files in it cannot be checked; "
        f"make it a folder you can read (for permission: chmod u+rx {error.filename})"
    ) from error


def _in_folder(names: list[str], folder: str) -> list[str]:
    """The YAML files of ``names`` under ``folder``, in a stable order, hidden files skipped."""
    prefix = f"{folder}/"
    inside = [
        name
        for name in names
        if name.startswith(prefix)
        and name.endswith((".yaml", ".yml"))
        and not any(part.startswith(".") for part in PurePosixPath(name[len(prefix) :]).parts)
    ]
    return sorted(inside)


def _read_folder(
    project: Project,
    names: list[str],
    parse: Callable[[str], Parsed | OSError],
    kind: str,
    model: type[ModelT],
    into: dict[str, Entity[ModelT]],
    diagnostics: list[Diagnostic],
) -> None:
    first_file: dict[str, str] = {}
    for name in names:
        identifier = file_id(name)
        if not ID_RE.match(identifier):
            value = f"'{PurePosixPath(name).name}'"
            diagnostics.append(Diagnostic("invalid-file-id", "error", name, Position(), {"value": value}))
            continue
        if identifier in first_file:
            args = {"kind": Term(f"kind.{kind}"), "id": identifier, "other": first_file[identifier]}
            diagnostics.append(Diagnostic("duplicate-id", "error", name, Position(), args))
            continue
        first_file[identifier] = name
        source, built = _read_one(name, parse, model, diagnostics)
        if built is None:
            project.broken.add((kind, identifier))
        else:
            into[identifier] = Entity(identifier, built, source)
