"""Read the pages as they were at BASE: a git revision (no checkout needed) or a catalog JSON.

The pages read at BASE are the pages a run would read today at that revision: the files under
the paths given, matched by the configuration's ``include`` and ``exclude`` as ``discover`` does
(hidden folders skipped; a file named explicitly is always read; ``.gitignore`` is not
consulted, since what git tracks is not ignored), plus every page of a declared registry one of
them belongs to. They are read by the read stage with today's configuration, so
that their records compare with today's.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from speclint.config import Settings
from speclint.discover import discover, relative_name
from speclint.globs import spec
from speclint.model import ParsedFile, Record, Snapshot
from speclint.read.page import parse_text
from speclint.read.source import SourceError, decode
from speclint.resources import load_schema

_SYMLINK_MODE = "120000"


class BaseError(Exception):
    """A BASE that cannot be read; the message is one line saying why and what to do."""


def load_base(base: str, paths: Sequence[Path], settings: Settings) -> Snapshot:
    """The pages under ``paths`` as they were at ``base``: a catalog file if one is there by
    that name, else a git revision of the repository the paths are in."""
    if not base.strip():
        raise BaseError("BASE is empty: name a git revision (origin/main, v1.2) or a catalog")
    if Path(base).is_file():
        return _from_catalog(Path(base), base, paths, settings)
    return _from_git(base, paths, settings)


@dataclass(frozen=True, slots=True)
class _Scope:
    """Which pages of a revision a run reads: the paths it was given, as ``discover`` walks."""

    settings: Settings
    roots: tuple[tuple[str, bool], ...]  # (key of a path given, whether it is a folder)
    current: frozenset[str]  # the pages read today (for the registries they belong to)

    @classmethod
    def of(cls, paths: Sequence[Path], settings: Settings) -> _Scope:
        root = settings.root
        roots = tuple((relative_name(path, root), path.is_dir()) for path in paths)
        # Only a declared registry needs to know what is read today (a page new since BASE
        # still brings its registry's other pages at BASE).
        today = discover(paths, settings).pages if settings.registries else ()
        return cls(settings, roots, frozenset(page.key for page in today))

    def reads(self, key: str) -> bool:
        return any(self._under(key, given, folder) for given, folder in self.roots)

    def _under(self, key: str, given: str, folder: bool) -> bool:
        if not folder:
            return key == given
        if given != "." and not key.startswith(given.rstrip("/") + "/"):
            return False
        settings = self.settings
        below = PurePosixPath(key).relative_to(given) if given != "." else PurePosixPath(key)
        if any(part.startswith(".") for part in below.parts[:-1]):
            return False
        # A folder named explicitly is walked even if excluded (as discover does).
        exclude = spec(settings.exclude)
        if given != "." and exclude.match_file(given.rstrip("/") + "/"):
            exclude = spec(())
        folders = [str(PurePosixPath(given) / p) for p in _parents(below)] if below.parts else []
        if any(exclude.match_file(f"{folder}/") for folder in folders):
            return False
        return spec(settings.include).match_file(key) and not exclude.match_file(key)

    def registry_pages(self, keys: Iterable[str]) -> list[str]:
        """Of ``keys`` (every page under the configuration's folder), those of a declared
        registry that a page read today or at the base belongs to."""
        if not self.settings.registries:
            return []
        keys = list(keys)
        read = {k for k in keys if self.reads(k)} | self.current
        specs = [s for s in self.settings.registries if any(s.includes(k) for k in read)]
        include, exclude = spec(self.settings.include), spec(self.settings.exclude)
        return [
            k
            for k in keys
            if any(s.includes(k) for s in specs)
            and include.match_file(k)
            and not exclude.match_file(k)
            and not any(part.startswith(".") for part in PurePosixPath(k).parts[:-1])
        ]


def _parents(path: PurePosixPath) -> list[PurePosixPath]:
    """The folders between a walked folder and a file in it: ``a``, ``a/b`` for ``a/b/c.md``."""
    parts = path.parts[:-1]
    return [PurePosixPath(*parts[: i + 1]) for i in range(len(parts))]


def _from_catalog(path: Path, label: str, paths: Sequence[Path], settings: Settings) -> Snapshot:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaseError(f"{path}: cannot read the catalog: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaseError(
            f"{path}: not a catalog written by `speclint export --format json` ({exc})"
        ) from None
    error = best_match(Draft202012Validator(load_schema("catalog")).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise BaseError(f"{path}: not a speclint catalog: {where}: {error.message}")
    records = [Record.from_dict(item) for item in data["records"]]
    scope = _Scope.of(paths, settings)
    keep = {k for k in {r.file for r in records} if scope.reads(k)}
    keep |= set(scope.registry_pages({r.file for r in records}))
    by_page: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        if record.file in keep:
            by_page[record.file].append(record)
    files = tuple(ParsedFile(key, tuple(found), (), ()) for key, found in sorted(by_page.items()))
    return Snapshot(label, files)


def _from_git(revision: str, paths: Sequence[Path], settings: Settings) -> Snapshot:
    start = paths[0] if paths[0].is_dir() else paths[0].parent
    folder = Path(os.path.abspath(start))
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top is None:
        # git says why (no repository, or one it will not use: "dubious ownership" in CI
        # containers); its first line is the useful one.
        said = _git_error(["rev-parse", "--show-toplevel"], folder)
        raise BaseError(
            f"{revision!r} is not a file, and git cannot use {folder} ({said}): BASE is a git "
            "revision or a catalog written by `speclint export --format json`"
        )
    repository = Path(top.decode().strip())
    commit = _commit(revision, repository)
    scope = _Scope.of(paths, settings)
    root = Path(os.path.realpath(settings.root))
    pathspecs = [_inside(path, repository) for path in paths]
    if settings.registries:
        pathspecs.append(_inside(root, repository))
    listing = _git(
        ["--literal-pathspecs", "ls-tree", "-r", "-z", commit, "--", *pathspecs], repository
    )
    if listing is None:
        raise BaseError(f"git cannot list the files of {revision!r} in {repository}")
    blobs: dict[str, tuple[str, str]] = {}  # key -> (object, path in the repository)
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.decode("utf-8", "surrogateescape").partition("\t")
        mode, kind, obj = meta.split(" ")
        if kind == "blob" and mode != _SYMLINK_MODE:
            blobs[relative_name(repository / name, root)] = (obj, name)
    wanted = {k for k in blobs if scope.reads(k)} | set(scope.registry_pages(blobs))
    # Most pages are the same at BASE as today: those are parsed once, by the run, not twice.
    unchanged = {k for k in wanted if _same_as_today(repository / blobs[k][1], blobs[k][0])}
    changed = sorted(wanted - unchanged)
    contents = _blobs([blobs[k][0] for k in changed], repository)
    files: list[ParsedFile] = []
    errors: list[str] = []
    for key in changed:
        obj, name = blobs[key]
        try:
            source = decode(contents[obj], f"{revision}:{name}")
        except SourceError as exc:
            errors.append(str(exc))
            continue
        files.append(parse_text(key, source.text, settings))
    return Snapshot(revision, tuple(files), frozenset(unchanged), tuple(errors))


def _same_as_today(path: Path, obj: str) -> bool:
    """Whether the file at ``path`` holds exactly the bytes of the git blob ``obj`` (git names a
    blob by the hash of ``blob <size>\\0`` and its bytes: SHA-1, or SHA-256 in such a
    repository). A file git filters on checkout (line endings) just counts as changed."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    algorithm = hashlib.sha256 if len(obj) == 64 else hashlib.sha1
    return algorithm(b"blob %d\0" % len(data) + data).hexdigest() == obj


def _inside(path: Path, repository: Path) -> str:
    """``path`` relative to the repository, as git names it ("." for the top)."""
    relative = os.path.relpath(os.path.realpath(path), repository)
    if relative == ".." or relative.startswith(f"..{os.sep}"):
        raise BaseError(f"{path} is outside the git repository {repository}")
    return Path(relative).as_posix()


def _commit(revision: str, repository: Path) -> str:
    """The commit ``revision`` names, or one line saying git does not know it and how to
    fetch it."""
    found = None
    if not revision.startswith("-"):  # never an option to git
        found = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], repository)
    if found is not None:
        return found.decode().strip()
    shallow = _git(["rev-parse", "--is-shallow-repository"], repository) == b"true\n"
    remotes = (_git(["remote"], repository) or b"").decode().split()
    remote, _, branch = revision.partition("/")
    said = f"git does not know the revision {revision!r}"
    if remote in remotes and branch:
        # A remote-tracking branch that was not fetched (actions/checkout fetches one commit of
        # one branch); the explicit refspec works whatever branches the clone tracks.
        depth = "--depth=1 " if shallow else ""
        fetch = f"git fetch {depth}{remote} {branch}:refs/remotes/{remote}/{branch}"
        if shallow:
            raise BaseError(
                f"{said} (this clone is shallow): fetch it with `{fetch}` "
                "(actions/checkout: `fetch-depth: 0` fetches every branch)"
            )
        raise BaseError(f"{said}: check the name, or fetch it with `{fetch}`")
    if shallow:
        raise BaseError(
            f"{said} (this clone is shallow): fetch the history with `git fetch --unshallow` "
            "(actions/checkout: `fetch-depth: 0`)"
        )
    raise BaseError(
        f"{said}: check the name, or fetch it (`git fetch {remotes[0] if remotes else 'origin'}`)"
    )


def _git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> bytes | None:
    """git's output, or None when git fails."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise BaseError(
            "git is not installed: BASE must be a catalog from `speclint export`"
        ) from None
    except OSError as exc:
        raise BaseError(f"cannot run git in {cwd}: {exc.strerror}") from None
    return done.stdout if done.returncode == 0 else None


def _git_error(args: Sequence[str], cwd: Path) -> str:
    """The first line git writes to stderr for ``args`` (run again: failures are rare)."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    lines = done.stderr.strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else f"git exit code {done.returncode}"


def _blobs(objects: Sequence[str], repository: Path) -> dict[str, bytes]:
    """The contents of git objects, read by one ``git cat-file --batch`` (not a process each)."""
    if not objects:
        return {}
    output = _git(["cat-file", "--batch"], repository, "".join(f"{o}\n" for o in objects).encode())
    if output is None:
        raise BaseError(f"git cannot read the pages at BASE in {repository}")
    contents: dict[str, bytes] = {}
    at = 0
    while at < len(output):
        end = output.index(b"\n", at)
        header = output[at:end].decode().split(" ")
        if len(header) != 3:  # "<object> missing": the repository is damaged
            raise BaseError(f"git cannot read the object {header[0]} in {repository}")
        obj, _type, size = header
        start = end + 1
        contents[obj] = output[start : start + int(size)]
        at = start + int(size) + 1  # the content is followed by a newline
    return contents
