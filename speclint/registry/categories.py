"""Which category a record belongs to: the heading that sets its table apart on its page.

A page titled ``# 全局状态码`` with ``### 消息`` and ``### 群组`` below it has the categories 消息
and 群组; sub-headings of a category (``## 组织架构`` / ``### 部门``) belong to it. Ranges and naming
conventions are inferred per category.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from speclint.model import Record


def file_roots(records: Iterable[Record]) -> dict[str, tuple[str, ...]]:
    """Per file, the headings all of its tables sit under (the page title, usually)."""
    roots: dict[str, tuple[str, ...]] = {}
    for record in records:
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
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[section_heading(record.section, roots[record.file])].append(record)
    return dict(groups)
