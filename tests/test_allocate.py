"""speclint allocate: the next free values of a section's range, configured or inferred."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.registry.allocate import allocate
from speclint.registry.ranges import Range
from tests.conftest import EXAMPLE_PAGE, Run
from tests.rules.conftest import make_record

RunCli = Callable[..., Run]
HEAD = "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n"

# 300001..300009 with 300003 and 300007 missing; 300002 deprecated, 300004 reserved.
ORGANISATION = f"""\
# 状态码

## 组织架构

{HEAD}| ERR_A | 300001 | 甲 |
| ERR_B | 300002 | 乙（已废弃） |
| ERR_D | 300004 | 保留 |
| ERR_E | 300005 | 戊 |
| ERR_F | 300006 | 己 |
| ERR_H | 300008 | 辛 |
| ERR_I | 300009 | 壬 |

### 部门

{HEAD}| ERR_DEPT | 300010 | 部门 |

## 消息

{HEAD}| ERR_MSG | 200001 | 消息 |
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "codes.md"
    path.write_text(ORGANISATION, encoding="utf-8")
    return path


def test_configured_range_of_the_example(run_cli: RunCli) -> None:
    run = run_cli("allocate", "组织架构", "-n", "3", EXAMPLE_PAGE.name, cwd=EXAMPLE_PAGE.parent)
    assert run.code == 0, run.err
    assert run.out == "300313\n300314\n300315\n"
    assert "range 300000..399999, configured" in run.err


def test_an_inferred_range_says_so(run_cli: RunCli, page: Path) -> None:
    run = run_cli("allocate", "组织架构", "codes.md", cwd=page.parent)
    assert (run.code, run.out) == (0, "300011\n")
    assert run.err == (
        "speclint: 组织架构 (codes.md): range 300000..399999, inferred from its 8 values; "
        "configure rules.category-range.ranges if it is wrong; skipped 8 in use, 1 of them "
        "deprecated, 1 reserved; values after 300010, the highest in use (--gaps fills gaps)\n"
    )


def test_gaps_are_filled_only_when_asked(run_cli: RunCli, page: Path) -> None:
    run = run_cli("allocate", "组织架构", "--gaps", "-n", "3", "codes.md", cwd=page.parent)
    # 300002 (deprecated) and 300004 (reserved) are in use all the same.
    assert run.out == "300000\n300003\n300007\n"


def test_a_row_that_claims_a_span_takes_all_of_it(run_cli: RunCli, page: Path) -> None:
    page.write_text(
        ORGANISATION.replace(
            "| ERR_I | 300009 | 壬 |\n", "| ERR_I | 300009 | 壬 |\n| - | 300011-300019 | 保留 |\n"
        ),
        encoding="utf-8",
    )
    run = run_cli("allocate", "组织架构", "codes.md", cwd=page.parent)
    assert run.out == "300020\n", run.err


def test_a_sub_heading_allocates_in_its_category(run_cli: RunCli, page: Path) -> None:
    assert run_cli("allocate", "部门", "codes.md", cwd=page.parent).out == "300011\n"


def test_an_unknown_section_lists_the_known_ones(run_cli: RunCli, page: Path) -> None:
    run = run_cli("allocate", "群组", "codes.md", cwd=page.parent)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "speclint: error: no section '群组' with integer codes in the pages read; known "
        "sections: 组织架构, 消息\n"
    )


def test_a_full_range_is_refused(run_cli: RunCli, page: Path) -> None:
    (page.parent / "speclint.toml").write_text(
        '[rules.category-range]\nranges = { "组织架构" = [300001, 300010] }\n', encoding="utf-8"
    )
    run = run_cli("allocate", "组织架构", "codes.md", cwd=page.parent)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "speclint: error: the range 300001..300010 of 组织架构 (configured) has no free value "
        "above 300010, the highest value in use, and only 2 free values in gaps below it "
        "(--gaps offers them; a gap may be a removed code that old clients still know)\n"
    )
    run = run_cli("allocate", "组织架构", "--gaps", "-n", "3", "codes.md", cwd=page.parent)
    assert run.code == 2
    assert "has only 2 free values; 3 were asked for" in run.err


def test_a_section_without_a_range_is_explained(run_cli: RunCli, page: Path) -> None:
    run = run_cli("allocate", "消息", "codes.md", cwd=page.parent)
    assert run.code == 2
    assert "消息 has no configured range, and none can be inferred from its 1 integer value" in (
        run.err
    )


def test_a_configured_category_without_codes_starts_at_its_low_end(
    run_cli: RunCli, page: Path
) -> None:
    (page.parent / "speclint.toml").write_text(
        '[rules.category-range]\nranges = { "群组" = [500000, 599999] }\n', encoding="utf-8"
    )
    assert run_cli("allocate", "群组", "codes.md", cwd=page.parent).out == "500000\n"


def test_a_section_of_two_code_spaces_needs_a_page(run_cli: RunCli, page: Path) -> None:
    (page.parent / "other.md").write_text(ORGANISATION, encoding="utf-8")
    run = run_cli("allocate", "组织架构", ".", cwd=page.parent)
    assert run.code == 2
    assert "'组织架构' is a section of 2 code spaces (codes.md, other.md)" in run.err


def test_count_must_be_positive(run_cli: RunCli, page: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        run_cli("allocate", "组织架构", "-n", "0", cwd=page.parent)
    assert exited.value.code == 2


def test_allocate_counts_what_it_skips() -> None:
    records = [
        make_record(10, "A"),
        make_record(12, "B", "已废弃"),
        make_record(14, "C", "reserved"),
    ]
    spans = [Range(20, 29)]
    found = allocate(records, Range(10, 39), 2, reserved=spans, fill_gaps=True)
    assert found.values == (11, 13)
    assert (found.taken, found.deprecated, found.reserved) == (13, 1, 2)
    appended = allocate(records, Range(10, 39), 2, reserved=spans)
    assert (appended.values, appended.after, appended.free_in_gaps) == ((30, 31), 29, 7)
