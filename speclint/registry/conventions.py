"""Naming conventions: how a category's names are written, inferred from the names themselves.

A convention is an optional literal prefix (``ERR_``, ``ARMax_``, ``ERRCODE_``) and a style for
the rest (UPPER_SNAKE_CASE, PascalCase ...). Each category infers its own, because categories
keep their own on real pages (an SDK's ``ERR_`` errors beside its ``WARNING_`` warnings); a
category too small or too mixed to show one is held to the registry's, and where nothing rules,
to UPPER_SNAKE_CASE. A category whose names are labels (``market``, ``全局``, ``Bad Request``)
rather than identifiers has no convention to hold. naming-convention (SL201) checks names
against what is inferred here; the thresholds are in ``registry/thresholds.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from speclint.model import Record
from speclint.registry.thresholds import (
    CATEGORY_PREFIX_MIN_NAMES,
    CONVENTION_MIN_NAMES,
    PREFIX_MIN_NAMES,
    PREFIX_SHARE,
    STYLE_SHARE,
    WHOLE_CATEGORY_MIN,
)
from speclint.registry.words import split_words

UPPER_SNAKE_CASE = r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"
DEFAULT_STYLE = "UPPER_SNAKE_CASE"
# The conventions real pages follow, the default first: it wins a tie and applies when no
# convention is followed by most names.
STYLES = {
    "UPPER_SNAKE_CASE": UPPER_SNAKE_CASE,
    "lower_snake_case": r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
    "PascalCase": r"^[A-Z][a-zA-Z0-9]*$",
    "camelCase": r"^[a-z][a-zA-Z0-9]*$",
    "dotted.PascalCase": r"^[A-Z][a-zA-Z0-9]*(\.[A-Z][a-zA-Z0-9]*)+$",
    # Namespaced unique names (api.security.invalid_rights_given, wal.slot_missing).
    "dotted.lower_snake": r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$",
    # An enum's members named for their type in C (MLResult_Ok, MLSnapshotResult_PoseNotFound):
    # the type, one underscore, then a PascalCase member with lower case in it (so that no
    # UPPER_SNAKE_CASE name such as ERR_TIMEOUT follows it too).
    "Type_PascalCase": r"^[A-Z][A-Za-z0-9]*_[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$",
    "Title Case Words": r"^[A-Z][^\s_]*( \S+)*$",
    # One word (validation) is kebab-case as much as snake_case: a registry of kebab-case names
    # holds some.
    "kebab-case": r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
    # Names written for people (CJK, emoji, sentences): no identifier convention to hold.
    "free text": r"",
}
_COMPILED = {name: re.compile(pattern) for name, pattern in STYLES.items()}
# Only a name with a blank or outside ASCII counts as free text; "" matches any name.
_FREE_TEXT = re.compile(r"\s|[^\x00-\x7f]")
# A label rather than an identifier: free text, or one lower-case word (market, apple).
_PLAIN_WORD = re.compile(r"[a-z]+")
# The literal head of a name up to its first separator: ERR_, ARMax_, AuthFailure.
_HEAD = re.compile(r"[^_.\-]+[_.\-]")
# Success codes: exempt from an error prefix (OK 0 heading a table of ERR_ codes).
SUCCESS_NAMES = frozenset(
    {"OK", "SUCCESS", "SUCCEED", "SUCCEEDED", "SUCCESSFUL", "NO_ERROR", "NOERROR", "成功"}
)
SUCCESS_VALUES = frozenset({0, 200})
# "No error" said by denying one (NO_ERR, ERR_NONE, ERROR_NONE): with the value 0 or 200, the
# success code as OK is. The words a name ends with, as split_words gives them.
_NO_ERROR = frozenset(
    {("NO", "ERR"), ("NO", "ERROR"), ("ERR", "NONE"), ("ERROR", "NONE"), ("E", "NONE")}
)
_SUCCESS_NAME_MAX = max(map(len, SUCCESS_NAMES))  # longer names are asked nothing more


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    pattern: re.Pattern[str]
    following: int = 0  # names that follow it, when inferred
    total: int = 0


@dataclass(frozen=True, slots=True)
class Convention:
    """How names are written: ``prefix`` then ``style``.

    ``source`` is ``inferred`` (from ``total`` names of ``scope``, ``following`` of them
    following it), ``configured`` (a pattern given as is) or ``default``.
    """

    prefix: str
    style: Style
    source: str
    scope: str = ""
    following: int = 0
    total: int = 0
    prefix_configured: bool = False
    # When inferred: which of the records it was inferred from do not follow it (their ids), so
    # that a rule judging those records need not ask ``admits`` of each again.
    breaking: frozenset[int] | None = field(default=None, compare=False, repr=False)

    def breaking_among(self, records: Sequence[Record]) -> list[Record]:
        """The records of ``records`` that do not follow this convention, in order.

        ``records`` must be among those it was inferred from (for what ``conventions`` returns:
        the members of the category it was returned for); ``admits`` judges any record."""
        if self.breaking is not None:
            known = self.breaking
            return [r for r in records if id(r) in known]
        return [r for r in records if not self.admits(r)]

    def admits(self, record: Record) -> bool:
        name = record.name
        if self.source == "configured":
            return bool(self.style.pattern.search(name)) and name.startswith(self.prefix)
        if self.prefix and is_success(record):
            # OK, SUCCESS: exempt from an error prefix (ERR_), not from a product's (ARMax_).
            rest = name.removeprefix(self.prefix)
            return bool(self.style.pattern.search(rest) or self.style.pattern.search(name))
        if not name.startswith(self.prefix):
            return False
        rest = name[len(self.prefix) :]
        return bool(self.style.pattern.search(after_prefix(rest) if self.prefix else rest))

    def describe(self) -> str:
        configured_prefix = (
            f" and the configured prefix {self.prefix or '(none)'}"
            if self.prefix_configured
            else ""
        )
        if self.source == "configured":
            return f"the configured naming pattern {self.style.pattern.pattern}{configured_prefix}"
        if self.prefix_configured:
            if not self.prefix:
                return f"{self.style.name} with no prefix, as configured"
            return f"the configured prefix {self.prefix} then {self.style.name}"
        shape = f"{self.prefix} then {self.style.name}" if self.prefix else self.style.name
        if self.source == "default":
            return f"{shape}, the default where no naming convention rules"
        return f"{shape}, which {self.following} of the {self.total} names of {self.scope} follow"


def after_prefix(rest: str) -> str:
    """The rest of a name after its prefix, as a style is asked about it. The rest may begin with
    a digit (SW_2FA_INITIALIZED_KEY, ERR_3des_key): the name as a whole begins with the prefix's
    letter, so a letter of the case of the rest's first letter is put before it."""
    if not rest[:1].isdigit():
        return rest
    first = next((c for c in rest if c.isalpha()), "A")
    return ("a" if first.islower() else "A") + rest


def is_success(record: Record) -> bool:
    """The code for "no error": named OK, SUCCESS or 成功, whatever its value (an APDU's OK is
    0x9000), or S_OK, ERR_SUCCESS, NO_ERR, ERROR_NONE with the value 0 or 200."""
    name = record.name
    if len(name) <= _SUCCESS_NAME_MAX and name.upper() in SUCCESS_NAMES:
        return True
    if record.value not in SUCCESS_VALUES:
        return False
    words = split_words(record.name)
    return bool(words) and (words[-1] in SUCCESS_NAMES or tuple(words[-2:]) in _NO_ERROR)


# Either of the two, as one pattern: what ``is_label`` answers (a test holds them together).
_LABEL = re.compile(rf"{_FREE_TEXT.pattern}|\A{_PLAIN_WORD.pattern}\Z")
_BLANK = re.compile(r"\s")


def is_label(name: str) -> bool:
    """Free text (a blank, a character outside ASCII) or one lower-case word: ``_LABEL``,
    answered with string methods first (every name of a registry is asked, by several rules,
    and the pattern's three alternatives at each character cost 0.67 us for ERRCODE_NOT_EXIST,
    this 0.2)."""
    if not name.isascii():
        return True
    if name.isalpha():  # ASCII letters only: a label when every one is lower-case
        return name.islower()
    return _BLANK.search(name) is not None


def are_labels(names: Sequence[str]) -> bool:
    """Whether a category's names are labels for people, not identifiers."""
    return bool(names) and sum(1 for n in names if is_label(n)) >= STYLE_SHARE * len(names)


_LOWER_HEAD = re.compile(r"[a-z]{2,}(?=[A-Z])")


def _lower_head(name: str) -> str:
    """A type prefix in lower case run into the name that follows: tec of tecNO_DST."""
    match = _LOWER_HEAD.match(name)
    return match.group(0) if match else ""


def head(name: str) -> str:
    """The literal head of a name up to and including its first separator ("" if none)."""
    match = _HEAD.match(name)
    return match.group(0) if match and match.end() < len(name) else ""


def infer_style(names: Sequence[str]) -> Style:
    """The style at least STYLE_SHARE of ``names`` follow, else UPPER_SNAKE_CASE (unfollowed)."""
    default = _COMPILED[DEFAULT_STYLE]
    if names and all(default.search(n) for n in names):
        # Every name follows the default, which wins any tie: no other style can beat it.
        return Style(DEFAULT_STYLE, default, len(names), len(names))
    counts = {
        style: sum(
            1
            for n in names
            if (_FREE_TEXT.search(n) if style == "free text" else _COMPILED[style].search(n))
        )
        for style in STYLES
    }
    best = max(STYLES, key=lambda style: counts[style])  # the first of equals: the default
    if names and counts[best] >= STYLE_SHARE * len(names):
        return Style(best, _COMPILED[best], counts[best], len(names))
    return Style(DEFAULT_STYLE, _COMPILED[DEFAULT_STYLE])


def infer_convention(
    records: Sequence[Record], scope: str, min_names: int, prefix_min_names: int
) -> Convention | None:
    """The prefix and style most of ``records``' names share, or None when no style rules them
    (or there are fewer than ``min_names``); a prefix needs ``prefix_min_names`` names."""
    names = [r.name for r in records]
    if len(names) < min_names or not names:
        return None
    prefix = ""
    counts = Counter(head(n) for n in names)
    counts.pop("", None)
    if counts and len(names) >= prefix_min_names:
        text, sharing = max(counts.items(), key=lambda item: (item[1], item[0]))
        if sharing >= PREFIX_SHARE * len(names) and not _second_family(records, text):
            prefix = text
    rests = [
        n.removeprefix(prefix)
        for n, r in zip(names, records, strict=True)
        if not (prefix and is_success(r))
    ]
    if prefix and any(rest[:1].isdigit() for rest in rests):
        rests = [after_prefix(rest) for rest in rests]  # SW_2FA_KEY: asked as SW_A2FA_KEY
    style = infer_style(rests)
    if not style.total and not prefix and len(names) >= prefix_min_names:
        # No style rules the names whole: they may share a type prefix in lower case run into
        # the name (XRPL's tecNO_DST, tecPATH_DRY), followed by a style of their own.
        lowered = Counter(_lower_head(n) for n in names)
        lowered.pop("", None)
        if lowered:
            text, sharing = max(lowered.items(), key=lambda item: (item[1], item[0]))
            if sharing >= PREFIX_SHARE * len(names):
                prefix = text
                rests = [n.removeprefix(prefix) for n in names]
                style = infer_style(rests)
    if not style.total:
        return None
    admits = Convention(prefix, style, "inferred").admits
    if style.following == len(rests) and style.pattern is not _COMPILED["free text"]:
        # Every rest follows the style's pattern (as counted): a record it came from breaks the
        # convention only by its prefix, so only a success code is asked the whole question
        # (``admits`` again: a test holds the two ways to the same answer).
        breaking = frozenset(
            id(r)
            for r in records
            if (not admits(r) if prefix and is_success(r) else not r.name.startswith(prefix))
        )
    else:
        breaking = frozenset(id(r) for r in records if not admits(r))
    following = len(records) - len(breaking)
    return Convention(prefix, style, "inferred", scope, following, len(names), breaking=breaking)


def _second_family(records: Sequence[Record], prefix: str) -> bool:
    """Whether the names without ``prefix`` are a family of their own: at least
    WHOLE_CATEGORY_MIN of them, all with one head of their own that is no variant of it
    (SOCKET_DISCONNECT, SOCKET_ERROR beside fifteen FORCE_CLOSE_ names). Then the prefix is a
    word of one family's names, not the category's convention. ERR_ names beside ERRCODE_ ones
    are the convention written two ways, still a break."""
    others = [r.name for r in records if not r.name.startswith(prefix) and not is_success(r)]
    if len(others) < WHOLE_CATEGORY_MIN:
        return False
    heads = {head(name) for name in others}
    if len(heads) != 1:
        return False
    own, common = heads.pop().rstrip("_").upper(), prefix.rstrip("_").upper()
    if not own or own in _ERROR_PREDICATES:
        return False  # INVALID_METHOD, INVALID_PATH beside ERR_ names: the prefix forgotten
    return not (own.startswith(common) or common.startswith(own))


# Words an error's name opens with when it says what went wrong (INVALID_PATH, NOT_FOUND):
# names beginning so, beside prefixed ones, have forgotten the prefix; a noun (SOCKET_) opens a
# family of its own.
_ERROR_PREDICATES = frozenset(
    {"INVALID", "NOT", "NO", "NON", "MISSING", "BAD", "FAILED", "FAIL", "UNKNOWN", "ILLEGAL"}
    | {"UNSUPPORTED", "TOO", "ALREADY", "CANNOT", "CANT", "UNABLE", "WRONG", "DUPLICATE"}
    | {"EMPTY", "EXPIRED", "EXCEED", "EXCEEDED", "OVER", "OUT", "NULL", "UNAUTHORIZED"}
    | {"FORBIDDEN", "TIMEOUT", "ERROR", "ERR", "E", "UN", "DENIED", "LIMIT", "OVERFLOW"}
)


def conventions(
    groups: Mapping[str, Sequence[Record]], pattern: re.Pattern[str] | None = None
) -> dict[str, Convention | None]:
    """The convention each category's names are held to (None: labels, nothing to hold).

    A configured ``pattern`` applies to every category as given. Otherwise each category with
    at least CONVENTION_MIN_NAMES names and a style most of them follow keeps its own; the
    others are held to the registry's (inferred from every identifier name, a prefix only from
    PREFIX_MIN_NAMES names), or to UPPER_SNAKE_CASE when nothing rules.
    """
    if pattern is not None:
        configured = Convention("", Style(pattern.pattern, pattern), "configured")
        return dict.fromkeys(groups, configured)
    held: dict[str, Convention | None] = {}
    pending: list[str] = []
    identifiers: list[Record] = []
    for heading, records in groups.items():
        if are_labels([r.name for r in records]):
            held[heading] = None
            continue
        identifiers.extend(records)
        scope = heading or "the page"
        own = infer_convention(records, scope, CONVENTION_MIN_NAMES, CATEGORY_PREFIX_MIN_NAMES)
        held[heading] = own
        if own is None:
            pending.append(heading)
    if pending:
        registry = infer_convention(identifiers, "the registry", 1, PREFIX_MIN_NAMES)
        if registry is None:
            registry = Convention("", Style(DEFAULT_STYLE, _COMPILED[DEFAULT_STYLE]), "default")
        for heading in pending:
            held[heading] = registry
    return held
