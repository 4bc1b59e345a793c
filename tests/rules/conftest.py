from __future__ import annotations

from collections.abc import Callable

import pytest

from speclint.model import Cell, Record, Value

MakeRecord = Callable[..., Record]


def make_record(
    value: Value,
    name: str = "",
    description: str = "",
    *,
    section: tuple[str, ...] = ("状态码", "组织架构"),
    file: str = "page.md",
    line: int = 1,
    table: int = 0,
) -> Record:
    """A record as the parser would build it from ``| name | value | description |``."""
    raw = str(value)
    cells = (
        Cell("name", "错误码", name, name, 3 if name else 0),
        Cell("value", "十进制数值", raw, raw, 40),
        Cell("description", "含义", description, description, 55 if description else 0),
    )
    return Record(file, line, section, table, name, value, raw, description, cells)


@pytest.fixture
def record() -> MakeRecord:
    return make_record
