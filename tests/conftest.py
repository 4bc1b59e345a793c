from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from speclint.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_PAGE = EXAMPLES / "status-codes.zh.md"
CLEAN_PAGE = EXAMPLES / "clean" / "status-codes.zh.md"


@pytest.fixture(autouse=True)
def _no_cache_in_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests lint pages inside this repository: none of them may leave a cache there. The
    tests of the cache itself turn it back on, in temporary folders."""
    monkeypatch.setenv("SPECLINT_NO_CACHE", "1")


@pytest.fixture
def caching(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the cache back on (the autouse fixture above turns it off) for a test in a
    temporary folder."""
    monkeypatch.delenv("SPECLINT_NO_CACHE", raising=False)


def no_parsing(*args: object, **kwargs: object) -> None:
    """Stands in for ``speclint.read.page.parse_text`` where the cache must answer."""
    raise AssertionError("a page was parsed although the cache had it")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run ``speclint ARGS`` in-process in ``cwd`` and capture exit code, stdout and stderr."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
        return Run(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def write_page(tmp_path: Path) -> Callable[..., Path]:
    """Write a page (text, or bytes written as they are) under tmp_path and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def count_calls(monkeypatch: pytest.MonkeyPatch) -> Callable[[object, str], list[int]]:
    """Wrap ``module.name`` so that each call is counted (the returned list grows by one) and
    still made: to tell that a path was taken, such as sharing work with helpers."""

    def count(module: object, name: str) -> list[int]:
        calls: list[int] = []
        real = getattr(module, name)

        def counting(*args: object, **kwargs: object) -> object:
            calls.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
        return calls

    return count


def record_instances(scalars: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Instances as the record schema is given them, every field drawn from ``scalars`` (name
    and description sometimes left out): the schema tests' probe of its edges."""

    @st.composite
    def instances(draw: st.DrawFn) -> dict[str, Any]:
        instance: dict[str, Any] = {
            "value": draw(scalars),
            "raw_value": draw(scalars),
            "section": draw(st.lists(scalars, max_size=2)),
            "extra": draw(st.dictionaries(st.text(max_size=3), scalars, max_size=2)),
        }
        for key in ("name", "description"):
            if draw(st.booleans()):
                instance[key] = draw(scalars)
        return instance

    return instances()


def record_fields(
    texts: st.SearchStrategy[str], cells: st.SearchStrategy[Any]
) -> st.SearchStrategy[tuple[Any, ...]]:
    """A Record's fields in their order, each drawn (texts for every string, ``cells`` for each
    cell): ``Record(*fields)``. The model tests' probe of records of any content."""
    return st.tuples(
        texts,
        st.integers(1, 10**6),
        st.lists(texts, max_size=3).map(tuple),
        st.integers(0, 9),
        texts,
        st.one_of(st.integers(), texts),
        texts,
        texts,
        st.lists(cells, max_size=4).map(tuple),
    )
