"""How records are matched across revisions (speclint.registry.changes) and how each registry
gets its base (speclint.registry.history), on records built directly."""

from __future__ import annotations

from speclint.model import Record
from speclint.registry.changes import compare
from speclint.registry.history import with_base
from speclint.registry.lifecycle import Markers
from speclint.rule import RecordSet
from tests.rules.conftest import MakeRecord


def names(records: tuple[Record, ...] | list[Record]) -> list[str]:
    return [r.label for r in records]


def test_rows_are_matched_by_name_wherever_they_are(record: MakeRecord) -> None:
    base = [record(1, "A", "a", line=1), record(2, "B", "b", line=2)]
    now = [record(2, "B", "b", line=9, file="other.md"), record(1, "A", "a", line=3)]
    changes = compare(base, now)
    assert sorted((p.before.name, p.after.name) for p in changes.kept) == [("A", "A"), ("B", "B")]
    assert (changes.removed, changes.added, changes.renumbered(), changes.moved()) == (
        (), (), [], [],
    )  # fmt: skip


def test_a_name_listed_twice_pairs_its_rows_by_value_first(record: MakeRecord) -> None:
    base = [
        record(5, "DUP", "x", section=("s", "一")),
        record(100, "DUP", "x", section=("s", "二")),
    ]
    now = [record(100, "DUP", "x", section=("s", "二")), record(5, "DUP", "x", section=("s", "一"))]
    changes = compare(base, now)
    assert changes.renumbered() == []
    assert changes.moved() == []


def test_nameless_rows_match_by_value_and_a_name_column_may_be_added(record: MakeRecord) -> None:
    base = [record(40001, "", "凭证无效"), record(40002, "", "类型不合法")]
    now = [record(40002, "INVALID_TYPE", "类型不合法"), record(40001, "", "签名错误")]
    changes = compare(base, now)
    assert (changes.removed, changes.added) == ((), ())
    assert [p.after.label for p in changes.redescribed()] == ["40001"]


def test_a_rename_keeps_value_and_meaning_up_to_case_and_punctuation(record: MakeRecord) -> None:
    base = [record(7, "OLD", "Invalid user."), record(8, "GONE", "用户已删除")]
    now = [record(7, "NEW", "invalid USER"), record(8, "OTHER", "用户已冻结")]
    changes = compare(base, now)
    assert [(p.before.name, p.after.name) for p in changes.renamed] == [("OLD", "NEW")]
    assert (names(changes.removed), names(changes.added)) == (["GONE"], ["OTHER"])
    reuse = changes.reused(Markers())
    assert [(r.before.name, r.after.name) for r in reuse] == [("GONE", "OTHER")]


def test_a_reserved_value_is_free_to_take_and_never_a_rename(record: MakeRecord) -> None:
    base = [record(9, "SLOT", "保留"), record(10, "", "reserved")]
    now = [record(9, "FROZEN", "保留"), record(10, "", "用户已冻结")]
    changes = compare(base, now)
    assert changes.renamed == ()
    assert (names(changes.removed), names(changes.added)) == (["SLOT", "10"], ["FROZEN", "10"])
    assert changes.reused(Markers()) == []
    # With other markers configured, 保留 is an ordinary meaning again.
    custom = compare(base, now, Markers(reserved=("held",)))
    assert [(p.before.name, p.after.name) for p in custom.renamed] == [("SLOT", "FROZEN")]


def test_a_renumbered_code_and_the_value_it_took(record: MakeRecord) -> None:
    base = [record(1, "A", "a"), record(2, "B", "b")]
    now = [record(2, "A", "a")]
    changes = compare(base, now)
    assert [p.after.name for p in changes.renumbered()] == ["A"]
    assert [(r.before.name, r.after.name) for r in changes.reused(Markers())] == [("B", "A")]


def test_swapped_values_are_two_renumbered_codes_and_no_reuse_of_a_value_still_held(
    record: MakeRecord,
) -> None:
    base = [record(1, "A", "a"), record(2, "B", "b")]
    now = [record(2, "A", "a"), record(1, "B", "b")]
    changes = compare(base, now)
    assert len(changes.renumbered()) == 2
    assert len(changes.reused(Markers())) == 2
    # A value two codes hold now is a duplicate (SL101), not a reuse.
    assert (
        compare(base, [record(1, "A", "a"), record(2, "B", "b"), record(2, "C", "c")]).reused(
            Markers()
        )
        == []
    )


def test_a_renamed_heading_moves_nothing_but_a_code_pasted_elsewhere_moves(
    record: MakeRecord,
) -> None:
    users = ("码", "用户")
    base = [record(v, f"U{v}", "x", section=users) for v in range(1, 5)]
    base.append(record(9, "G9", "g", section=("码", "群组")))
    renamed = ("码", "用户管理")
    now = [record(v, f"U{v}", "x", section=renamed) for v in range(1, 4)]
    now += [
        record(4, "U4", "x", section=("码", "群组")),
        record(9, "G9", "g", section=("码", "群组")),
    ]
    changes = compare(base, now)
    assert changes.renamed_sections == {"用户": "用户管理"}
    assert [p.after.name for p in changes.moved()] == ["U4"]


def test_half_of_a_heading_is_not_enough_to_call_it_renamed(record: MakeRecord) -> None:
    base = [record(v, f"U{v}", "x", section=("用户",)) for v in range(1, 5)]
    now = [record(v, f"U{v}", "x", section=("甲",)) for v in (1, 2)]
    now += [record(v, f"U{v}", "x", section=("乙",)) for v in (3, 4)]
    changes = compare(base, now)
    assert changes.renamed_sections == {}
    assert len(changes.moved()) == 4


def test_each_code_space_of_a_page_gets_its_own_base(record: MakeRecord) -> None:
    numbers = [record(1, "A", "a", table=0), record(2, "B", "b", table=0)]
    strings = [record("InvalidToken", "", "bad token", table=1)]
    base_numbers = [*numbers, record(3, "C", "c", table=0)]
    base_strings = [*strings, record("Expired", "", "expired", table=1)]
    current = [RecordSet("page.md", tuple(numbers)), RecordSet("page.md", tuple(strings))]
    then = [RecordSet("page.md", tuple(base_numbers)), RecordSet("page.md", tuple(base_strings))]
    attached = with_base(current, then, "v1")
    assert [names(r.base or ()) for r in attached] == [["A", "B", "C"], ["InvalidToken", "Expired"]]
    assert {r.base_revision for r in attached} == {"v1"}


def test_a_code_moved_to_another_page_goes_with_it_unless_that_page_had_it(
    record: MakeRecord,
) -> None:
    a_then = [record(1, "A", "a", file="a.md"), record(2, "OK", "ok", file="a.md")]
    b_then = [record(1, "OK", "ok", file="b.md")]
    a_now = [record(2, "OK2", "ok", file="a.md")]
    b_now = [record(1, "OK", "ok", file="b.md"), record(1, "A", "a", file="b.md")]
    attached = with_base(
        [RecordSet("a.md", tuple(a_now)), RecordSet("b.md", tuple(b_now))],
        [RecordSet("a.md", tuple(a_then)), RecordSet("b.md", tuple(b_then))],
        "HEAD",
    )
    # A moved to b.md; OK, which b.md already had, stays a.md's (renamed there to OK2).
    assert [sorted(names(r.base or ())) for r in attached] == [["OK"], ["A", "OK"]]


def test_a_page_with_no_codes_left_still_gets_its_base(record: MakeRecord) -> None:
    gone = [record(1, "A", "a", file="gone.md")]
    attached = with_base([], [RecordSet("gone.md", tuple(gone))], "HEAD")
    assert [(r.name, r.records, names(r.base or ())) for r in attached] == [("gone.md", (), ["A"])]
