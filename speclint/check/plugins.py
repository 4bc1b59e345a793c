"""Find rule classes: every ``speclint.rules`` entry point, built-in or third-party alike."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from speclint.check.entry_index import FoundEntry, entries, origin
from speclint.rule import Rule, problems_in_rule_class

GROUP = "speclint.rules"


@dataclass(frozen=True, slots=True)
class LoadedRules:
    rules: tuple[type[Rule], ...]
    errors: tuple[str, ...]


def _origin(entry: FoundEntry) -> str:
    return f"plugin {entry.name!r} ({entry.value}, from {origin(GROUP, entry)})"


def _built_in(entry: FoundEntry) -> bool:
    return entry.value.startswith("speclint.rules.")


def load_rules(extra: tuple[str, ...] = (), *, remember_in: Path | None = None) -> LoadedRules:
    """Load every registered rule, plus ``module:Class`` names given in the configuration.

    A plugin that cannot be loaded is reported, never raised: the other rules still run. With
    ``remember_in`` (a cache folder), the entry points found are remembered there for the next
    run of the same installation (see ``entry_index``).
    """
    found: dict[str, type[Rule]] = {}
    errors: list[str] = []

    # ``origin`` is called only to word an error: reading a distribution's metadata for every
    # rule cost a short run more than linting its page.
    def accept(candidate: object, origin: Callable[[], str]) -> None:
        problems = problems_in_rule_class(candidate)  # type: ignore[arg-type]
        if problems:
            errors.append(f"{origin()}: not a valid rule: {'; '.join(problems)}")
            return
        rule: type[Rule] = candidate  # type: ignore[assignment]
        clash = found.get(rule.code)
        if clash is not None and clash is not rule:
            errors.append(
                f"{origin()}: rule code {rule.code} is already used by {clash.name}; this rule "
                "is not loaded (give it a code of its own)"
            )
            return
        found[rule.code] = rule

    # Built-in rules first: a plugin that claims a built-in's code is the one refused, whatever
    # its entry point is called.
    for entry in sorted(entries(GROUP, remember_in), key=lambda e: (not _built_in(e), e.name)):
        try:
            candidate = entry.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the lint
            errors.append(f"{_origin(entry)}: failed to import: {type(exc).__name__}: {exc}")
            continue
        accept(candidate, partial(_origin, entry))
    for spec in extra:
        module, _, attribute = spec.partition(":")
        try:
            candidate = getattr(importlib.import_module(module), attribute)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"plugin {spec!r}: failed to import: {type(exc).__name__}: {exc}")
            continue
        accept(candidate, partial(str, f"plugin {spec!r}"))
    rules = tuple(sorted(found.values(), key=lambda r: r.code))
    return LoadedRules(rules, tuple(errors))
