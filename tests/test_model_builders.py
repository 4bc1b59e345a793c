"""The fast constructors of Cell and Record make exactly what the classes' own constructors make."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speclint.model import Cell, Record, build_cell, build_record, positional_builder
from speclint.read import blocks, columns
from tests.conftest import record_fields

texts = st.text(max_size=8)
cells = st.builds(Cell, texts, texts, texts, texts, st.integers(0, 200))


@given(texts, texts, texts, texts, st.integers(0, 200))
def test_build_cell_is_the_cell_the_class_makes(
    role: str, header: str, text: str, raw: str, column: int
) -> None:
    built = build_cell(role, header, text, raw, column)
    made = Cell(role, header, text, raw, column)
    assert type(built) is Cell
    assert built == made
    assert hash(built) == hash(made)
    assert repr(built) == repr(made)


@given(record_fields(texts, cells))
def test_build_record_is_the_record_the_class_makes(values: tuple[object, ...]) -> None:
    built = build_record(*values)
    made = Record(*values)  # type: ignore[arg-type]
    assert type(built) is Record
    assert built == made
    assert hash(built) == hash(made)
    assert built.to_dict() == made.to_dict()


@pytest.mark.parametrize(
    ("build", "cls"),
    [
        (build_cell, Cell),
        (build_record, Record),
        (blocks._cut_row, blocks.SourceRow),
        (columns._new_column, columns._Column),
    ],
)
def test_builders_take_every_field_in_order_and_stay_frozen(build: object, cls: type) -> None:
    names = [field.name for field in dataclasses.fields(cls)]
    assert list(inspect.signature(build).parameters) == names  # type: ignore[arg-type]
    instance = build(*range(len(names)))  # type: ignore[operator]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(instance, names[0], "changed")


def test_the_records_and_cells_are_built_as_a_twin_of_their_layout() -> None:
    # The fast way: a plain class with the same slots, then the frozen class given to it.
    for build in (build_cell, build_record, blocks._cut_row, columns._new_column):
        assert "_twin" in build.__globals__, build


@dataclasses.dataclass(frozen=True, slots=True)
class _Base:
    first: int


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived(_Base):
    second: str


def test_a_class_of_another_layout_is_built_through_its_slots() -> None:
    build = positional_builder(_Derived)
    assert "_twin" not in build.__globals__  # a base with a slot of its own: no twin fits
    built = build(1, "two")
    assert type(built) is _Derived
    assert built == _Derived(1, "two")
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.first = 3  # type: ignore[misc]


def test_a_row_cut_from_its_page_is_the_row_of_its_text() -> None:
    page = "# T\n\n  | a | b |\n"
    start = page.index("|")
    row = blocks.SourceRow.cut(3, page, start, len(page) - 1, 2)
    assert row == blocks.SourceRow(3, "| a | b |", 2)
    assert (row.line, row.text, row.offset) == (3, "| a | b |", 2)
