"""Find, read and validate the configuration, and turn it into immutable ``Settings``.

The configuration lives in ``[tool.speclint]`` of ``pyproject.toml`` or at the top level of
``speclint.toml`` / ``.speclint.toml``, found by walking up from the linted path. It is checked
against ``schemas/config.schema.json``; a mistake names the file, the key and what was expected.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from speclint.globs import glob_matches
from speclint.model import Severity
from speclint.resources import load_schema, schema_path
from speclint.schema_subset import surely_valid

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

CONFIG_FILES = ("speclint.toml", ".speclint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration that cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class ColumnPin:
    """Column roles the configuration fixes for the tables of some files or sections."""

    files: str | None
    section: str | None
    roles: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class RegistrySpec:
    """A declared code space: the pages (globs) whose records must agree, optionally narrowed
    to some sections."""

    name: str
    include: tuple[str, ...]
    sections: tuple[str, ...] = ()

    def includes(self, path: str) -> bool:
        """Whether the page ``path`` (relative to the configuration's folder) belongs to it."""
        return glob_matches(self.include, path)

    def includes_section(self, section: Sequence[str]) -> bool:
        return not self.sections or any(s in section for s in self.sections)


@dataclass(frozen=True, slots=True)
class Translations:
    """Pages that are translations of each other (``[translations]``).

    ``roots`` give each language's folder: pages at the same path under each folder translate
    each other (with nested folders, ``en = "docs"`` and ``zh = "docs/zh"``, a page belongs to
    the deepest one). ``groups`` are explicit groups of pages and win over the folders. Paths
    are relative to the configuration's folder, as page identities are. The first language
    declared is the reference the others are compared with.
    """

    roots: tuple[tuple[str, str], ...] = ()  # (language, folder)
    groups: tuple[tuple[tuple[str, str], ...], ...] = ()  # ((language, page), ...) per group

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language, in the order the configuration first names it."""
        named = [language for language, _ in self.roots]
        named += [language for group in self.groups for language, _ in group]
        return tuple(dict.fromkeys(named))

    def unit(self, page: str) -> tuple[tuple[str, str], ...] | None:
        """``page`` and its translations as (language, page), in language order; None when the
        configuration does not make ``page`` a translated page."""
        order = {language: i for i, language in enumerate(self.languages)}
        group = next((g for g in self.groups if any(p == page for _, p in g)), None)
        if group is not None:
            return tuple(sorted(group, key=lambda member: order[member[0]]))
        inside = [(root, language) for language, root in self.roots if _under(page, root)]
        if not inside:
            return None
        deepest = max(inside, key=lambda found: len(_parts(found[0])))[0]
        rest = page if deepest == "." else page[len(deepest) + 1 :]
        return tuple(
            (language, rest if root == "." else f"{root}/{rest}") for language, root in self.roots
        )


def _parts(root: str) -> tuple[str, ...]:
    return () if root == "." else tuple(root.split("/"))


def _under(page: str, root: str) -> bool:
    return root == "." or page.startswith(root + "/")


@dataclass(frozen=True)
class Settings:
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    include: tuple[str, ...] = ("*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    fail_on: Severity = Severity.ERROR
    schema: str | None = None
    baseline: str | None = None
    plugins: tuple[str, ...] = ()
    encoding: str | None = None  # of pages that are not UTF-8 (``--encoding``); None: guess
    # More header words per column role (name, value, description), as configured; the read
    # stage adds them to its own vocabulary.
    column_aliases: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    pins: tuple[ColumnPin, ...] = ()
    registries: tuple[RegistrySpec, ...] = ()
    # Words that mark a code deprecated or reserved, as configured (``[markers]``); absent keys
    # keep speclint's own (speclint.registry.lifecycle).
    markers: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    translations: Translations = Translations()
    rule_options: Mapping[str, Mapping[str, Any]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def describe(self) -> str:
        return str(self.source) if self.source else "the defaults"


def find_config(start: Path) -> Path | None:
    """Return the nearest configuration file at or above ``start``."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or "speclint" in _read_toml(candidate).get("tool", {}):
                return candidate
    return None


def load_settings(
    config: Path | None, start: Path | None = None, *, remember_valid: bool = False
) -> Settings:
    """Read ``config`` (or the one found from ``start``, or the defaults) into ``Settings``.

    ``remember_valid`` lets the cache remember that this very configuration was valid, so the
    next run need not load jsonschema to check it again (a third of a short run's start-up).
    """
    path = config if config is not None else find_config(start or Path.cwd())
    if path is None:
        return Settings(root=Path.cwd())  # globs and page identities are relative to it
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("speclint", {})
    return settings_from_mapping(data, path, remember_valid=remember_valid)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the configuration is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def validate(data: Mapping[str, Any], path: Path, *, remember_valid: bool = False) -> None:
    """Raise ``ConfigError`` naming the key, the file and what was expected."""
    from speclint import cache_folder

    folder = path.resolve().parent / cache_folder.CACHE_DIR
    # The verdict depends on the settings as read and on the schema, nothing else.
    identity = (schema_path("config").read_bytes(), repr(sorted(data.items())))
    if remember_valid and cache_folder.remembered_valid(folder, *identity):
        return
    schema = load_schema("config")
    if surely_valid(dict(data), schema):
        return  # plain settings: jsonschema is not imported (see speclint.schema_subset)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    validator = Draft202012Validator(schema)
    error = best_match(validator.iter_errors(data))
    if error is None:
        if remember_valid:
            cache_folder.remember_valid(folder, *identity)
        return
    key = ".".join(str(part) for part in error.absolute_path)
    prefix = "[tool.speclint]" if path.name == "pyproject.toml" else ""
    where = f"{prefix}.{key}".strip(".") if key else (prefix or "top level")
    raise ConfigError(f"{path}: {where}: {_explain(error)}")


def _explain(error: ValidationError) -> str:
    """The jsonschema message, except for unknown keys, which get a suggestion."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return error.message
    known = list(error.schema.get("properties", {}))
    patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
    unknown = [
        k for k in error.instance if k not in known and not any(p.search(k) for p in patterns)
    ]
    if not unknown:
        return error.message
    guesses = difflib.get_close_matches(unknown[0], known, n=1)
    hint = f" (did you mean {guesses[0]!r}?)" if guesses else f" (known: {', '.join(known)})"
    if patterns and not guesses:
        hint = f" (known: {', '.join(known)}, or a language tag such as zh, en or pt-BR)"
    return f"unknown setting {unknown[0]!r}{hint}"


def settings_from_mapping(
    data: Mapping[str, Any], path: Path, *, remember_valid: bool = False
) -> Settings:
    validate(data, path, remember_valid=remember_valid)
    root = path.resolve().parent
    columns = data.get("columns", {})
    pins = tuple(
        ColumnPin(
            files=pin.get("files"),
            section=pin.get("section"),
            roles=MappingProxyType(
                {k: v for k, v in pin.items() if k in ("name", "value", "description")}
            ),
        )
        for pin in columns.get("pin", ())
    )
    schema = data.get("schema")
    return Settings(
        root=root,
        source=path,
        include=tuple(data.get("include", Settings.include)),
        exclude=tuple(data.get("exclude", ())),
        respect_gitignore=data.get("respect-gitignore", True),
        select=tuple(data.get("select", ())),
        extend_select=tuple(data.get("extend-select", ())),
        ignore=tuple(data.get("ignore", ())),
        per_file_ignores=tuple(
            (glob, tuple(codes)) for glob, codes in data.get("per-file-ignores", {}).items()
        ),
        severity=MappingProxyType(
            {rule: Severity(level) for rule, level in data.get("severity", {}).items()}
        ),
        fail_on=Severity(data.get("fail-on", "error")),
        schema=str((root / schema).resolve()) if schema else None,
        baseline=str(root / data["baseline"]) if "baseline" in data else None,
        plugins=tuple(data.get("plugins", ())),
        column_aliases=MappingProxyType(
            {role: tuple(words) for role, words in columns.get("aliases", {}).items()}
        ),
        pins=pins,
        registries=tuple(
            RegistrySpec(name, tuple(spec["include"]), tuple(spec.get("sections", ())))
            for name, spec in data.get("registries", {}).items()
        ),
        markers=MappingProxyType(
            {kind: tuple(words) for kind, words in data.get("markers", {}).items()}
        ),
        translations=_translations(data.get("translations", {}), path),
        rule_options=MappingProxyType(
            {key: MappingProxyType(dict(value)) for key, value in data.get("rules", {}).items()}
        ),
    )


def _translations(data: Mapping[str, Any], path: Path) -> Translations:
    """``[translations]`` as ``Translations``; what the schema cannot say is checked here."""

    def page(value: str, key: str) -> str:
        normal = posixpath.normpath(value.replace("\\", "/"))
        if posixpath.isabs(normal) or normal == ".." or normal.startswith("../"):
            raise ConfigError(
                f"{path}: translations.{key}: {value!r} is not inside the configuration's folder"
            )
        return normal

    roots = tuple(
        (language, page(folder, language))
        for language, folder in data.items()
        if language != "pairs"
    )
    if len(roots) == 1:
        raise ConfigError(
            f"{path}: translations: the {roots[0][0]} folder has nothing to be compared with; "
            "name the folders of at least two languages"
        )
    folders: dict[str, str] = {}
    for language, folder in roots:
        if folder in folders:
            raise ConfigError(
                f"{path}: translations.{language}: {folder!r} is already the folder of "
                f"{folders[folder]}"
            )
        folders[folder] = language
    groups = []
    grouped: dict[str, int] = {}
    for number, group in enumerate(data.get("pairs", ())):
        members = tuple(
            (language, page(file, f"pairs.{number}.{language}")) for language, file in group.items()
        )
        for language, file in members:
            if file in grouped:
                where = "this group" if grouped[file] == number else f"pairs.{grouped[file]}"
                raise ConfigError(
                    f"{path}: translations.pairs.{number}.{language}: {file!r} is already in "
                    f"{where}"
                )
            grouped[file] = number
        groups.append(members)
    return Translations(roots, tuple(groups))


def override(settings: Settings, **changes: Sequence[str] | None) -> Settings:
    """Apply command-line selections on top of the file's (``None`` leaves a key alone)."""
    given = {key: tuple(value) for key, value in changes.items() if value is not None}
    return replace(settings, **given) if given else settings
