"""Generated Markdown thrown at the parser and the whole pipeline: no exception, ever.

Random block structures (headings, paragraphs, nested lists and quotes, fences, HTML, tables
with random cells) and random bytes. A crash found here or by the atheris harness
(``fuzz/fuzz_pipeline.py``) becomes a regression test at the bottom of this file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.check.configure import build_rules
from speclint.check.plugins import load_rules
from speclint.check.run import run_rules
from speclint.config import Settings
from speclint.lint import lint
from speclint.read.page import parse_text
from speclint.read.source import SourceError, decode
from speclint.registry.build import group

SETTINGS = Settings()
RULES = build_rules(load_rules().rules, SETTINGS)

# Cells: anything a cell can hold, markup, pipes and escapes included, on one line.
cell_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("|\\`*_[]()<>!&#-:0123456789xE_ 错误码含义\t")),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
    ),
    max_size=20,
)
headers = st.lists(
    st.one_of(
        st.sampled_from(["错误码", "十进制数值", "含义", "name", "code", "value"]), cell_text
    ),
    min_size=1,
    max_size=6,
)


@st.composite
def tables(draw: st.DrawFn) -> str:
    head = draw(headers)
    delimiter = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", ":-:"])) for _ in head)
    rows = draw(st.lists(st.lists(cell_text, max_size=len(head) + 2), max_size=8))
    outer = draw(st.booleans())

    def line(cells: list[str]) -> str:
        inner = " | ".join(cells)
        return f"| {inner} |" if outer else inner

    return "\n".join([line(head), delimiter + ("|" if outer else ""), *map(line, rows)])


leaf_blocks = st.one_of(
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 7), cell_text),
    cell_text,
    tables(),
    st.builds(
        lambda info, body: f"```{info}\n{body}\n```", st.sampled_from(["", "json", "md"]), cell_text
    ),
    st.builds(
        lambda body: f"<!-- {body} -->", st.sampled_from(["speclint-disable SL101 -- x", "x"])
    ),
    st.sampled_from(["<table><tr><td>1</td></tr></table>", "---", "<<<<<<< HEAD", "a\tb\tc"]),
)


def _container(prefix: str, block: str) -> str:
    return "\n".join(prefix + line for line in block.split("\n"))


blocks = st.recursive(
    leaf_blocks,
    lambda inner: st.one_of(
        st.builds(lambda b: _container("> ", b), inner),
        st.builds(lambda b: _container("- ", b), inner),
        st.builds(lambda b: _container("1. ", b), inner),
        st.builds(lambda b: _container("    ", b), inner),
    ),
    max_leaves=12,
)
pages = st.lists(blocks, max_size=10).map("\n\n".join)


def _check(text: str) -> None:
    parsed = parse_text("f.md", text, SETTINGS)
    _, failures = run_rules(RULES, group([parsed], ()))
    assert failures == [], [f.describe() for f in failures]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_generated_markdown_parses_and_every_rule_runs(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_decode_or_say_why(data: bytes) -> None:
    try:
        text = decode(data, "f.md").text
    except SourceError as exc:
        message = str(exc)
    else:
        _check(text)
        return
    assert message.startswith("f.md")  # one message naming the page


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(pages.map(str.encode), st.binary(max_size=200)), min_size=1, max_size=3))
def test_the_whole_pipeline_on_generated_pages(tmp_path: Path, contents: list[bytes]) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for number, content in enumerate(contents):
        (folder / f"p{number}.md").write_bytes(content)
    settings_here = Settings(root=folder)
    result = lint([folder], settings_here, build_rules(load_rules().rules, settings_here))
    assert result.failures == ()
    assert not [e for e in result.errors if "internal error" in e], result.errors


# --- regressions: inputs that once crashed -----------------------------------------------------


def test_regression_ten_thousand_nested_quotes() -> None:
    _check("> " * 10_000 + "x\n")
