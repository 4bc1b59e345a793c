"""Find rule classes: every ``speclint.rules`` entry point, built-in or third-party alike."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from speclint.rule import Rule, problems_in_rule_class

GROUP = "speclint.rules"


@dataclass(frozen=True, slots=True)
class LoadedRules:
    rules: tuple[type[Rule], ...]
    errors: tuple[str, ...]


def _origin(entry: EntryPoint) -> str:
    dist = entry.dist
    where = f"{dist.name} {dist.version}" if dist is not None else "unknown distribution"
    return f"plugin {entry.name!r} ({entry.value}, from {where})"


def _built_in(entry: EntryPoint) -> bool:
    return entry.value.startswith("speclint.rules.")


def load_rules(extra: tuple[str, ...] = ()) -> LoadedRules:
    """Load every registered rule, plus ``module:Class`` names given in the configuration.

    A plugin that cannot be loaded is reported, never raised: the other rules still run.
    """
    found: dict[str, type[Rule]] = {}
    errors: list[str] = []

    def accept(candidate: object, origin: str) -> None:
        problems = problems_in_rule_class(candidate)  # type: ignore[arg-type]
        if problems:
            errors.append(f"{origin}: not a valid rule: {'; '.join(problems)}")
            return
        rule: type[Rule] = candidate  # type: ignore[assignment]
        clash = found.get(rule.code)
        if clash is not None and clash is not rule:
            errors.append(
                f"{origin}: rule code {rule.code} is already used by {clash.name}; this rule "
                "is not loaded (give it a code of its own)"
            )
            return
        found[rule.code] = rule

    # Built-in rules first: a plugin that claims a built-in's code is the one refused, whatever
    # its entry point is called.
    for entry in sorted(entry_points(group=GROUP), key=lambda e: (not _built_in(e), e.name)):
        try:
            candidate = entry.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the lint
            errors.append(f"{_origin(entry)}: failed to import: {type(exc).__name__}: {exc}")
            continue
        accept(candidate, _origin(entry))
    for spec in extra:
        module, _, attribute = spec.partition(":")
        try:
            candidate = getattr(importlib.import_module(module), attribute)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"plugin {spec!r}: failed to import: {type(exc).__name__}: {exc}")
            continue
        accept(candidate, f"plugin {spec!r}")
    rules = tuple(sorted(found.values(), key=lambda r: r.code))
    return LoadedRules(rules, tuple(errors))
