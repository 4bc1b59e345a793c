"""Every rule documents itself, its Example triggers it, and the generated docs are current."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from speclint.check.configure import build_rules
from speclint.check.plugins import load_rules
from speclint.config import Settings
from speclint.docs import README_END, README_START, readme_with_rules, rules_markdown
from speclint.lint import lint
from speclint.model import Snapshot
from speclint.read.page import parse_text
from speclint.rule import DOC_SECTIONS, Rule, doc_section
from tests.conftest import ROOT

RULES = load_rules().rules
# Rules whose example needs more than a page to trigger, and the test that covers them instead.
NEEDS_MORE_THAN_A_PAGE = {
    "SL000": "a failing rule: tests/test_rule_failures.py",
    "SL903": "a baseline file: tests/test_suppress_and_baseline.py",
    **dict.fromkeys(
        ("SL501", "SL502", "SL503"), "two translated pages: tests/test_translations.py"
    ),
}


def test_built_in_rules_load_without_errors() -> None:
    assert load_rules().errors == ()
    assert {"SL001", "SL002", "SL101", "SL103"} <= {rule.code for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_every_documentation_section(rule: type[Rule]) -> None:
    doc = rule.documentation()
    for title in DOC_SECTIONS:
        assert doc_section(doc, title), f"{rule.code} lacks a '## {title}' section"
    if dataclasses.fields(rule.Options):
        options = doc_section(doc, "Options")
        for field in dataclasses.fields(rule.Options):
            assert f"`{field.name.replace('_', '-')}`" in options, f"{rule.code}: {field.name}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_example_triggers_the_rule(rule: type[Rule], tmp_path: Path) -> None:
    if rule.code in NEEDS_MORE_THAN_A_PAGE:
        pytest.skip(f"triggering {rule.code} needs {NEEDS_MORE_THAN_A_PAGE[rule.code]}")
    example = doc_section(rule.documentation(), "Example")
    # The markdown fences, which may be longer than three backticks to hold a fence themselves.
    # A rule about changes shows two: the page at the base revision, then the page now.
    blocks = [
        m.group(2) for m in re.finditer(r"(`{3,})markdown\n(.*?)\n\1(?!`)", example, re.DOTALL)
    ]
    assert blocks, f"{rule.code}: the Example has no ```markdown block"
    page = tmp_path / "example.md"
    page.write_text(blocks[-1] + "\n", encoding="utf-8")
    settings = Settings(root=tmp_path)
    base = None
    if rule.code.startswith("SL4"):
        assert len(blocks) == 2, f"{rule.code}: the Example shows the page at the base and now"
        base = Snapshot("BASE", (parse_text("example.md", blocks[0] + "\n", settings),))
    result = lint([page], settings, build_rules([rule], settings), base=base)
    assert result.errors == ()
    assert [d.code for d in result.diagnostics if d.code == rule.code], result.diagnostics


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(RULES), "run: python -m speclint.docs"


def test_readme_rule_table_is_generated_from_the_rules() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert README_START in readme
    assert README_END in readme
    assert readme == readme_with_rules(readme, RULES), "run: python -m speclint.docs"
