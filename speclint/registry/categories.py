"""Which category a record belongs to: the heading that sets its table apart on its page.

A page titled ``# 全局状态码`` with ``### 消息`` and ``### 群组`` below it has the categories 消息
and 群组; sub-headings of a category (``## 组织架构`` / ``### 部门``) belong to it. Ranges and naming
conventions are inferred per category.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from speclint.model import Record


def file_roots(records: Iterable[Record]) -> dict[str, tuple[str, ...]]:
    """Per file, the headings all of its tables sit under (the page title, usually)."""
    roots: dict[str, tuple[str, ...]] = {}
    last_file: str | None = None
    last_section: tuple[str, ...] | None = None
    for record in records:
        if record.section is last_section and record.file is last_file:
            continue  # the next row of a table: the same page and section, asked already
        last_file, last_section = record.file, record.section
        root = roots.get(record.file)
        if root is None:
            roots[record.file] = record.section
        elif record.section[: len(root)] != root:
            roots[record.file] = _shared_prefix(root, record.section)
    return roots


def _shared_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return a[:length]


def section_heading(section: tuple[str, ...], root: tuple[str, ...]) -> str:
    """The heading that sets a table apart: the first one below ``root``, or the table's own."""
    if len(section) > len(root):
        return section[len(root)]
    return section[-1] if section else ""


def by_category(records: Sequence[Record]) -> dict[str, list[Record]]:
    """The records of each category, categories in order of first appearance."""
    roots = file_roots(records)
    return group_by_section(records, lambda file, section: section_heading(section, roots[file]))


K = TypeVar("K", bound=Hashable)


def group_by_section(
    records: Iterable[Record], key: Callable[[str, tuple[str, ...]], K]
) -> dict[K, list[Record]]:
    """``records`` grouped by ``key(file, section)``, keys in order of first appearance.

    ``key`` is asked once per run of records on one page under one section (a table's rows
    share their section), not once per record: a registry of 100,000 codes has a few thousand
    such runs."""
    groups: dict[K, list[Record]] = defaultdict(list)
    last_file: str | None = None
    last_section: tuple[str, ...] | None = None
    members: list[Record] = []
    for record in records:
        if record.section is not last_section or record.file is not last_file:
            last_file, last_section = record.file, record.section
            members = groups[key(last_file, last_section)]
        members.append(record)
    return dict(groups)
