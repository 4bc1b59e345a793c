"""The page cache: what reading and checking one page produced, by the page's content.

``.speclint_cache/`` sits in the configuration's folder (the working folder without one). An
entry is keyed on the page's path and bytes, speclint's version and code, the model's layout and
the settings that change how a page is read; findings are keyed on the rules too. So an entry is
only ever read back by a run that would have computed exactly the same thing, and a changed page
simply misses.

The cache is an optimisation, never a source of errors: an entry that cannot be read or does not
check out is ignored (with one warning per run), a folder that cannot be written (a read-only
checkout) turns the cache off with one warning, and every write goes to a temporary file that
``os.replace`` renames into place, so two runs sharing the cache each see whole entries only.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import marshal
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from speclint import __version__
from speclint.cache_folder import CACHE_DIR, digest, ensure_folder
from speclint.read.known import KnownPages
from speclint.read.plain import LAYOUT, Plain

if TYPE_CHECKING:
    from speclint.config import Settings

# Bumped when the entry format below changes.
FORMAT = b"speclint-cache-1\n"
_DIGEST_SIZE = 16  # bytes of BLAKE2b over the payload: detects torn and corrupt entries
_PACKAGE = Path(__file__).resolve().parent.parent
_KNOWN = "known"  # the kind and key of the entry of the pages' statuses (``read.known``)


@dataclass
class CacheWarnings:
    """What went wrong with the cache in this run: said once each, never an error."""

    messages: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        if message not in self.messages:
            self.messages.append(message)


def code_stamp(extra_modules: Iterable[str] = ()) -> str:
    """What identifies the code that produced an entry: the version, and the size and mtime of
    speclint's own files and of the rules' modules (so an edited checkout never reads entries
    an older version of itself wrote)."""
    stamps: list[str] = [__version__, LAYOUT]
    roots = [_PACKAGE, _PACKAGE.parent / "rules", _PACKAGE.parent / "schemas"]
    files: set[str] = set(extra_modules)
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            files.update(os.path.join(folder, n) for n in names if n.endswith((".py", ".json")))
    for name in sorted(files):
        try:
            info = os.stat(name)
        except OSError:
            continue
        stamps.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return digest(*stamps)


def rule_modules(rules: Sequence[Any]) -> list[str]:
    found = []
    for rule in rules:
        try:
            found.append(inspect.getfile(type(rule)))
        except (TypeError, OSError):
            continue
    return found


def rules_key(rules: Sequence[Any]) -> str:
    """What identifies a set of configured rules: class, severity and options, and the content
    of every option that names a file (a record schema) and of the files it refers to."""
    parts: list[str | bytes] = []
    for rule in rules:
        parts.append(f"{type(rule).__module__}.{type(rule).__qualname__}")
        parts.append(f"{rule.level.value}:{rule.options!r}")
        for value in _option_values(rule.options):
            if isinstance(value, str) and value and os.path.isfile(value):
                parts.extend(_file_and_references(Path(value)))
    return digest(*parts)


def _file_and_references(path: Path) -> list[str | bytes]:
    """The bytes of ``path`` and, for a JSON schema, of every file its ``$ref``s reach (a
    schema may be split over files beside it): a change to any of them changes the findings."""
    found: list[str | bytes] = []
    todo, seen = [path.resolve()], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            data = current.read_bytes()
        except OSError:
            found.append(f"unreadable:{current}")
            continue
        found += [str(current), data]
        if current.suffix == ".json":
            todo += [current.parent / ref for ref in _file_references(data)]
    return found


def _file_references(data: bytes) -> list[str]:
    """The file parts of the relative ``$ref``s in a JSON document ("defs.json#/x" -> "defs.json")."""
    try:
        document = json.loads(data)
    except ValueError:
        return []
    refs: list[str] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ":" not in ref.split("#")[0]:
                target = ref.split("#")[0]
                if target:
                    refs.append(target)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return refs


def _option_values(options: Any) -> list[Any]:
    slots = getattr(type(options), "__dataclass_fields__", None)
    if slots is None:
        return []
    return [getattr(options, name, None) for name in slots]


def reading_key(column_aliases: Mapping[str, tuple[str, ...]], pins: Sequence[Any]) -> str:
    """The settings that change how a page is read (header words, pinned columns)."""
    aliases = sorted((role, tuple(words)) for role, words in column_aliases.items())
    pinned = [(p.files, p.section, sorted(p.roles.items())) for p in pins]
    return digest(repr(aliases), repr(pinned))


class PageCache:
    """Entries of one configuration, code and reading settings, in ``root``.

    ``findings_namespace`` identifies the rules whose findings are cached with a page.
    """

    def __init__(
        self, root: Path, namespace: str, findings_namespace: str, warnings: CacheWarnings
    ) -> None:
        self.root = root
        self.folder = root / namespace[:2] / namespace
        self.findings_namespace = findings_namespace
        self.warnings = warnings
        self.writable = True
        self._keys_read: dict[str, str] = {}  # each page's key, read once per run (``key_of``)
        self._known: KnownPages | None = None  # pages' statuses and keys, loaded on first use

    def key(self, page: str, content: bytes) -> str:
        """The key of a page's parse: its path (records carry it) and its bytes."""
        return digest(page, content)

    def key_of(self, page: str, path: Path) -> str | None:
        """The key of the page ``page`` as it is on disk at ``path`` (None when it cannot be
        read: reading it again says why). Worked out once per run, and without reading the
        page when its file's status is the one recorded with its key (``read.known``)."""
        found = self._keys_read.get(page)
        if found is None:
            known = self._known_pages()
            found = known.key(page, path)
            if found is None:
                try:
                    content, status = known.read(path)
                except OSError:
                    return None
                found = self.key(page, content)
                known.record(page, status, found)
            self._keys_read[page] = found
        return found

    def _known_pages(self) -> KnownPages:
        if self._known is None:
            self._known = KnownPages()
            entry = self.load(_KNOWN, _KNOWN)
            if entry is not None:
                try:
                    self._known = KnownPages.from_plain(entry)
                except (TypeError, ValueError):
                    self.warnings.add(self.corrupt())
        return self._known

    def keep_known(self) -> None:
        """Keep the statuses of the pages this run read (when any is new), for the next run."""
        if self._known is not None and self._known.changed:
            self.store(_KNOWN, _KNOWN, self._known.to_plain())
            self._known.changed = False

    def findings_key(self, page_key: str) -> str:
        """The key of a page's findings: its parse's key and the rules."""
        return digest(page_key, self.findings_namespace)

    def registry_key(self, contents: Sequence[bytes]) -> str:
        """The key of the declared registries' findings over pages whose parses have these
        digests (``plain.page_digest``, in path order): what the rules see of the pages (a
        parse holds its page's path), the registries declared and the rules."""
        return digest("registries", self.findings_namespace, *contents)

    def corrupt(self) -> str:
        # One message per run, however many entries: each is simply parsed and written again.
        return f"ignoring corrupt entries in the cache {self.root}; they are rewritten"

    def load(self, kind: str, key: str) -> Plain | None:
        path = self.folder / kind / f"{key}.bin"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.warnings.add(f"cannot read the cache ({path}: {exc.strerror}); ignoring it")
            return None
        head = len(FORMAT)
        payload = data[head + _DIGEST_SIZE :]
        expected = data[head : head + _DIGEST_SIZE]
        if not data.startswith(FORMAT) or _checksum(payload) != expected:
            self.warnings.add(self.corrupt())
            return None
        try:
            loaded = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            self.warnings.add(self.corrupt())
            return None
        return loaded if isinstance(loaded, tuple) else None

    def store(self, kind: str, key: str, value: Plain) -> None:
        if not self.writable:
            return
        try:
            payload = marshal.dumps(value)
        except ValueError:
            return  # a plugin's finding holds something marshal cannot write: not cached
        folder = self.folder / kind
        try:
            ensure_folder(self.root, folder)
            import tempfile  # only a run that writes the cache pays for it

            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(FORMAT + _checksum(payload) + payload)
                os.replace(temporary, folder / f"{key}.bin")
            except BaseException:
                _remove(temporary)
                raise
        except OSError as exc:
            self.writable = False
            reason = exc.strerror or str(exc)
            self.warnings.add(f"cannot write the cache in {self.root} ({reason}); not caching")


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest()


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def open_cache(settings: Settings, rules: Sequence[Any], warnings: CacheWarnings) -> PageCache:
    """The cache of the configuration's folder, for these rules and reading settings.

    Findings depend on the rules and on which sections of a page a declared registry takes
    (those are judged with the registry, not with the page).
    """
    namespace = digest(
        code_stamp(rule_modules(rules)),
        reading_key(settings.column_aliases, settings.pins),
        # --encoding decides the text of a page that is not UTF-8, and so its records.
        settings.encoding or "",
    )
    specs = [(s.name, s.include, s.sections) for s in settings.registries]
    findings = digest(rules_key(rules), repr(specs))
    return PageCache(Path(settings.root) / CACHE_DIR, namespace, findings, warnings)
