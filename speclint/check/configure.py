"""Pick the rules a run uses and build them with their configured options and severity."""

from __future__ import annotations

import dataclasses
import difflib
import typing
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal

from speclint.config import ConfigError, Settings
from speclint.registry.ranges import Range, RangeOptions, parse_ranges
from speclint.rule import Rule
from speclint.selectors import Selector, SelectorError, parse_selector


def matches(rule: type[Rule], selector: str | Selector) -> bool:
    return _parsed(selector).matches(rule.code, rule.name)


def _exact(rule: type[Rule], selector: str | Selector) -> bool:
    return _parsed(selector).names_exactly(rule.code, rule.name)


def _parsed(selector: str | Selector) -> Selector:
    return selector if isinstance(selector, Selector) else parse_selector(selector)


def selected_rules(
    rules: Sequence[type[Rule]],
    select: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[type[Rule]]:
    """Rules on by default (or ``select``), plus ``extend_select``, minus ``ignore``.

    A rule that is off by default is only turned on by its exact code or name, so that
    ``select = ["SL3"]`` does not switch on every optional rule in the group.
    """

    def chosen(rule: type[Rule], selectors: Sequence[str]) -> bool:
        return any(
            _exact(rule, s) if not rule.enabled_by_default else matches(rule, s) for s in selectors
        )

    on = [
        rule
        for rule in rules
        if (chosen(rule, select) if select else rule.enabled_by_default)
        or chosen(rule, extend_select)
    ]
    return [rule for rule in on if not any(matches(rule, s) for s in ignore)]


def unknown_selectors(rules: Sequence[type[Rule]], selectors: Iterable[str]) -> list[str]:
    """The selectors that name no rule of ``rules`` (or are no selector at all)."""
    unknown = []
    for text in selectors:
        try:
            selector = parse_selector(text)
        except SelectorError:
            unknown.append(text)
            continue
        if not any(matches(rule, selector) for rule in rules):
            unknown.append(text)
    return unknown


def explain_unknown(rules: Sequence[type[Rule]], unknown: Sequence[str]) -> str:
    """``unknown rule selector 'SL1O1' (did you mean 'SL101'?)``, for each of ``unknown``."""
    known = [key for rule in rules for key in (rule.code, rule.name)]
    parts = []
    for text in unknown:
        guesses = difflib.get_close_matches(text, known, n=1, cutoff=0.6)
        if not guesses:
            guesses = difflib.get_close_matches(text.upper(), known, n=1, cutoff=0.6)
        parts.append(f"{text!r} (did you mean {guesses[0]!r}?)" if guesses else repr(text))
    label = "unknown rule selector" if len(parts) == 1 else "unknown rule selectors"
    return f"{label} {', '.join(parts)} (see `speclint rules`)"


def build_rules(
    classes: Sequence[type[Rule]], settings: Settings, known: Sequence[type[Rule]] = ()
) -> list[Rule]:
    """Instantiate each rule with its options and severity from the configuration.

    ``known`` is every loaded rule: options of a rule that is loaded but not selected are
    accepted (and unused); options of a rule nobody knows are a configuration error.
    """
    where = settings.describe()
    known_keys = {key for rule in (*known, *classes) for key in (rule.code, rule.name)}
    for key in settings.rule_options:
        if key not in known_keys:
            raise ConfigError(f"{where}: rules.{key}: no rule has this code or name")
    built = []
    for rule in classes:
        raw = _raw_options(rule, settings)
        options = build_options(rule.Options, raw, f"{where}: rules.{rule.name}")
        severity = settings.severity.get(rule.code) or settings.severity.get(rule.name)
        try:
            built.append(rule(options, severity))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{where}: {_option_key(rule, settings)}: {exc}") from None
    return built


def _option_key(rule: type[Rule], settings: Settings) -> str:
    """Where a rule's options come from, for a message: the top-level ``schema`` setting is
    schema-violation's option too."""
    own = any(key in settings.rule_options for key in (rule.code, rule.name))
    if rule.name == "schema-violation" and settings.schema and not own:
        return "schema"
    return f"rules.{rule.name}"


def _raw_options(rule: type[Rule], settings: Settings) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for key in (rule.code, rule.name):
        raw.update(settings.rule_options.get(key, {}))
    # An option another rule owns (category-overlap reads category-range's ranges) is taken
    # from there unless this rule sets it itself, so users write it once.
    for option, owner in rule.shared_options.items():
        if option not in raw:
            raw.update(
                {k: v for k, v in settings.rule_options.get(owner, {}).items() if k == option}
            )
    # A rule that tells deprecated and reserved codes apart reads the configuration's
    # [markers] unless its own options set them: one vocabulary for every rule.
    takes_markers = any(f.name == "markers" for f in dataclasses.fields(rule.Options))
    if takes_markers and "markers" not in raw:
        raw["markers"] = {kind: list(words) for kind, words in settings.markers.items()}
    if rule.name == "schema-violation":
        if "schema" in raw:  # a path in the configuration is relative to its folder
            raw["schema"] = str((settings.root / raw["schema"]).resolve())
        elif settings.schema:
            raw["schema"] = settings.schema
    return raw


def build_options(options_class: type, raw: Mapping[str, Any], where: str) -> Any:
    """Check ``raw`` against the options dataclass's typed fields and build it."""
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(options_class)}
    hints = typing.get_type_hints(options_class)
    values = {}
    for key, value in raw.items():
        spec = fields.get(key) or fields.get(key.replace("_", "-"))
        if spec is None:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(f"{where}.{key}: unknown option (options: {known})")
        problem = _type_problem(value, hints[spec.name])
        if problem:
            raise ConfigError(f"{where}.{key}: {problem}")
        values[spec.name] = _freeze(value)
    return options_class(**values)


def _freeze(value: Any) -> Any:
    """Options are shared by every check a rule makes: make what TOML gave immutable."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    return value


def _type_problem(value: Any, hint: Any) -> str | None:
    """Why ``value`` (from TOML) does not fit the type ``hint``, or None."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Literal:
        return None if value in args else f"expected one of {', '.join(map(repr, args))}"
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        problems = [_type_problem(value, arg) for arg in args]
        return None if None in problems else f"expected {_name(hint)}, got {value!r}"
    if hint is type(None):
        return None if value is None else "expected nothing"
    if origin in (tuple, list):
        if not isinstance(value, list | tuple):
            return f"expected a list, got {value!r}"
        item = args[0] if args else Any
        for element in value:
            problem = _type_problem(element, item)
            if problem:
                return f"in {value!r}: {problem}"
        return None
    if origin in (dict, Mapping) or hint in (dict, Mapping):
        if not isinstance(value, dict):
            return f"expected a table, got {value!r}"
        if args:
            for element in value.values():
                problem = _type_problem(element, args[1])
                if problem:
                    return f"in {value!r}: {problem}"
        return None
    if hint is Any:
        return None
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return None if ok else f"expected a number, got {value!r}"
    if hint is int and isinstance(value, bool):
        return f"expected an integer, got {value!r}"
    if isinstance(hint, type) and not isinstance(value, hint):
        return f"expected {_name(hint)}, got {value!r}"
    return None


def _name(hint: Any) -> str:
    return {str: "a string", int: "an integer", bool: "true or false"}.get(hint, str(hint))


RANGE_RULE = "category-range"  # the rule whose options say which ranges are configured


def configured_ranges(settings: Settings) -> tuple[dict[str, Range], bool]:
    """The ranges configured for category-range (by name or code) and whether it infers the
    others, as the rule itself reads them: a report's maps and ``allocate`` use what it checks."""
    raw: dict[str, Any] = {}
    for key in ("SL301", RANGE_RULE):
        raw.update(settings.rule_options.get(key, {}))
    where = f"{settings.describe()}: rules.{RANGE_RULE}"
    options = build_options(RangeOptions, raw, where)
    try:
        return parse_ranges(options.ranges), options.infer
    except ValueError as exc:
        raise ConfigError(f"{where}.{exc}") from None
