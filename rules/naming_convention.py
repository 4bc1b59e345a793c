from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from speclint.model import Diagnostic, Record, Severity
from speclint.read.thresholds import CLEARLY
from speclint.registry.categories import by_category
from speclint.registry.conventions import Convention, conventions, infer_style
from speclint.registry.spaces import is_name_pattern
from speclint.registry.thresholds import WHOLE_CATEGORY_MIN
from speclint.rule import RecordSet, Rule, Scope


@dataclass(frozen=True)
class NamingConventionOptions:
    # "": the convention each category's names follow (see the documentation).
    pattern: str = ""
    # None: infer the prefix per category; "": no prefix is required.
    prefix: str | None = None


class NamingConvention(Rule):
    """## What it does
    Checks that every code name follows the naming convention of its category: an optional
    prefix (`ERR_`, `ARMax_`, `ERRCODE_`) and a style for the rest (UPPER_SNAKE_CASE,
    lower_snake_case, PascalCase, camelCase, dotted.PascalCase, Type_PascalCase as C enums name
    their members for their type (`MLResult_Ok`), Title Case Words, kebab-case).

    Unless a pattern is configured, each category (the heading that sets a table apart on its
    page) infers its own convention, because categories keep their own: an SDK's `ERR_` errors
    beside its `WARNING_` warnings. A category needs at least `CONVENTION_MIN_NAMES` (3) names
    and a style that `STYLE_SHARE` (80%) of them follow; its prefix, `CATEGORY_PREFIX_MIN_NAMES`
    (8) names of which `PREFIX_SHARE` (80%) share it, unless the others are a family of their
    own (`WHOLE_CATEGORY_MIN` (3) or more names sharing one head that is no variant of the
    prefix: `SOCKET_` names beside `FORCE_CLOSE_` ones), and no name of a pattern (`STORAGE_*`,
    a family's catch-all) is judged. A category too small or too mixed is held to the registry's convention
    (inferred the same way, a prefix only from `PREFIX_MIN_NAMES` (10) names), and where none
    rules, to UPPER_SNAKE_CASE. A category whose names are labels (`market`, `全局`, `Bad
    Request`) is not judged, nor is a row malformed-table reports for a cell missing (its name
    cell may hold the value). A success code (`OK`, `SUCCESS`, `成功` whatever its value; `S_OK`,
    or a name denying an error, `NO_ERR`, `ERROR_NONE`, with value 0 or 200) is exempt from an
    error prefix. A prefix is the head of a name up to
    its first separator (`ERR_`), or, when no style rules the names whole, a type prefix in lower
    case run into the name (`tec` of XRPL's `tecNO_DST`). A one-word name (`validation`) is
    kebab-case as well as snake_case. When a convention the category does not keep itself (a
    configured pattern, the registry's) is broken by the whole category, that is one finding
    for the category, with a count; `WHOLE_CATEGORY_MIN` (3) or more names next to each other
    that follow one other style (a block of UPPER_SNAKE names in a PascalCase table) are one
    finding for the block. The message names the convention and how it was inferred;
    `speclint check -v` lists each category's.

    ## Why it matters
    Names become constants in generated clients. A name that breaks the pattern produces an
    identifier that looks wrong or does not compile, and a name without the shared prefix is
    hard to find and easy to mistake for something else.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_MISS_USERID | 300201 | 缺少用户ID |
    | ERRCODE_MISS_USERNAME | 300202 | 缺少用户名 |
    | ERRCODE_missUserList | 300204 | 缺少用户列表 |
    | ERRCODE_INVALID_USERID | 300223 | 无效的userId |
    ```

    ## How to fix
    Rename the code to match its category's convention. If the registry deliberately uses
    another convention, configure it (`pattern`), which also stops the inference.

    ## Options
    - `pattern`: a regular expression every name must match, e.g. `"^ERRCODE_[A-Z0-9_]+$"`.
      Unset, the convention is inferred per category as described above.
    - `prefix`: the prefix every name must start with. Unset, it is inferred per category;
      `""` requires none.
    """

    code = "SL201"
    name = "naming-convention"
    scope = Scope.REGISTRY
    Options = NamingConventionOptions

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        super().__init__(options, severity)
        try:
            self.pattern = re.compile(self.options.pattern) if self.options.pattern else None
        except re.error as exc:
            raise ValueError(
                f"pattern {self.options.pattern!r} is not a regular expression: {exc}"
            ) from None

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        # A name cell holding only "—" or "-" is a placeholder for no name, not a bad name; a
        # row with a cell missing may hold its value in the name cell (one problem).
        shifted = records.shifted_rows
        named = [
            r
            for r in records.records
            if _styled(r.name)
            and (not shifted or (r.file, r.line) not in shifted)
            and not is_name_pattern(r.name)  # STORAGE_*: a family's catch-all, not a name
        ]
        groups = by_category(named)
        for heading, convention in conventions(groups, self.pattern).items():
            if convention is None:
                continue  # labels, not identifiers
            if self.options.prefix is not None:
                convention = replace(
                    convention, prefix=self.options.prefix, prefix_configured=True, breaking=None
                )
            members = groups[heading]
            breaking = convention.breaking_among(members)
            own = (
                convention.source == "inferred"
                and convention.scope == (heading or "the page")
                and not convention.prefix_configured
            )
            if (
                not own
                and len(breaking) >= WHOLE_CATEGORY_MIN
                and len(breaking) >= CLEARLY * len(members)
            ):
                yield self._whole_category(heading, breaking, len(members), convention)
                continue
            for run in _runs(breaking, members):
                if len(run) >= WHOLE_CATEGORY_MIN:
                    # Names in a row written in one other convention: one block, one problem.
                    yield self._block(run, convention)
                    continue
                for record in run:
                    yield self.report(
                        record,
                        f"{record.name}{_hidden_tags(record)} does not follow "
                        f"{_described(convention)}",
                        field="name",
                    )

    def explain(self, records: RecordSet) -> Iterator[str]:
        named = [r for r in records.records if _styled(r.name)]
        for heading, convention in conventions(by_category(named), self.pattern).items():
            title = heading or "the page"
            if convention is None:
                yield f"naming of {title}: labels for people, no convention to hold"
            elif convention.scope == title:
                yield f"naming of {title}: {convention.describe()}"
            else:
                yield f"naming of {title}: held to {convention.describe()}"

    def _block(self, run: list[Record], convention: Convention) -> Diagnostic:
        first, last = run[0], run[-1]
        names = ", ".join(r.name for r in run[:3]) + (", ..." if len(run) > 3 else "")
        style = infer_style([r.name for r in run]).name
        return self.report(
            first,
            f"the {len(run)} names of lines {first.line}-{last.line} ({names}) follow {style}, "
            f"not {_described(convention)} as the others do",
            field="name",
            subject=run,
        )

    def _whole_category(
        self, heading: str, breaking: list[Record], total: int, convention: Convention
    ) -> Diagnostic:
        first = breaking[0]
        names = ", ".join(r.name for r in breaking[:3]) + (", ..." if len(breaking) > 3 else "")
        return self.report(
            first,
            f"{len(breaking)} of the {total} names of {heading or 'the page'} do not follow "
            f"{_described(convention)} ({names})",
            field="name",
            subject=breaking,
        )


def _runs(breaking: list[Record], members: list[Record]) -> Iterator[list[Record]]:
    """The breaking records in runs: next to each other in the category, and following one
    style between them (a block of UPPER_SNAKE names in a PascalCase table); each other
    breaking record a run of its own."""
    if not breaking:
        return  # most categories: every name follows (no index of the category's names)
    position = {id(record): i for i, record in enumerate(members)}
    run: list[Record] = []
    for record in breaking:
        if run and (
            position[id(record)] != position[id(run[-1])] + 1 or not _one_style([*run, record])
        ):
            yield run
            run = []
        run.append(record)
    if run:
        yield run


def _one_style(run: list[Record]) -> bool:
    style = infer_style([r.name for r in run])
    return style.total > 0 and style.following == len(run) and style.name != "free text"


# An HTML tag as Markdown reads one inline (<package name>, <Parameter>): a page shows nothing of it.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>")


# Elements a page writes on purpose (a line break between two names, bold, a link): what they
# hold is shown. Any other tag is a placeholder the renderer swallows.
_HTML_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "big",
        "br",
        "code",
        "del",
        "div",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "p",
        "pre",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "tt",
        "u",
    ]
)


def _tag_name(tag: str) -> str:
    return tag.strip("</>").split()[0].casefold() if tag.strip("</>") else ""


def _hidden_tags(record: Record) -> str:
    """Why a name reads oddly when a placeholder in angle brackets was taken for an HTML tag
    (ERROR_SDK_<Parameter>_EMPTY, which the page shows as ERROR_SDK__EMPTY)."""
    cell = record.cell("name")
    if cell is None or "<" not in cell.raw:
        return ""
    tags = [
        tag
        for tag in dict.fromkeys(_TAG.findall(cell.raw))
        if tag not in cell.text and _tag_name(tag) not in _HTML_ELEMENTS
    ]
    if not tags:
        return ""
    shown = ", ".join(f"`{tag}`" for tag in tags)
    return (
        f" (as the page shows it: {shown} in the cell is read as an HTML tag and hidden; "
        "escape it to show it)"
    )


# A letter of any script: a name with none is a placeholder ("—") or a symbol a machine prints
# ("/0", BASIC's division by zero; "#1"), which no naming style of words applies to. A name of
# digits alone (1003 where ERR_* names stand) is a code pasted into the name column: judged.
_LETTER = re.compile(r"[^\W\d_]")


def _styled(name: str) -> bool:
    return bool(_LETTER.search(name)) or name.isdigit()


def _described(convention: Convention) -> str:
    text = convention.describe()
    if convention.source == "inferred" and not convention.prefix_configured:
        text += "; set rules.naming-convention.pattern to pin another"
    return text
