"""Rules run side by side on a large registry: the same findings and failures, in the same
order, as one process gives, and a rule that breaks in a worker is reported as it is at home."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from speclint.check import fanout
from speclint.check.plugins import load_rules
from speclint.check.run import run_rules
from speclint.config import RegistrySpec, Settings
from speclint.model import Diagnostic
from speclint.read.page import parse_text
from speclint.registry.build import group
from speclint.rule import RecordSet, Rule, Scope
from tests.conftest import EXAMPLE_PAGE, Run

RunCli = Callable[..., Run]


def _docs(folder: Path, pages: int = 4) -> Path:
    """Pages of one declared registry that repeat each other's codes and have defects of their
    own, so the registry rules have findings across pages."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "speclint.toml").write_text(
        'select = ["SL"]\n[registries.all]\ninclude = ["*.md"]\n', encoding="utf-8"
    )
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    for index in range(pages):
        changed = text.replace("| 300311 |", f"| {300311 + index} |", 1)
        (folder / f"page-{index}.md").write_text(changed, encoding="utf-8")
    return folder


def test_a_registry_checked_side_by_side_reports_what_one_process_does(
    run_cli: RunCli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    count_calls: Callable[[object, str], list[int]],
) -> None:
    docs = _docs(tmp_path / "docs")
    pooled = count_calls(fanout, "_shared_out")
    monkeypatch.setattr(fanout, "usable_cpus", lambda: 2)
    monkeypatch.setattr(fanout, "PARALLEL_RULES_MIN_RECORDS", 1)
    side_by_side = run_cli("check", ".", "--output-format", "json", cwd=docs)
    monkeypatch.setattr(fanout, "PARALLEL_RULES_MIN_RECORDS", 10**12)
    alone = run_cli("check", ".", "--output-format", "json", cwd=docs)
    assert pooled, "a registry above the threshold must be checked side by side"
    assert side_by_side.code == alone.code == 1
    assert side_by_side.out == alone.out
    codes = {d["code"] for d in json.loads(alone.out)["diagnostics"]}
    assert {"SL101", "SL103"} <= codes  # registry rules found what the pages repeat


class _Breaks(Rule):
    """## What it does
    Breaks, to show what a worker does with a broken rule."""

    code = "SL990"
    name = "breaks-in-a-worker"
    scope = Scope.REGISTRY

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        yield self.report(records.records[0], "found before breaking")
        raise RuntimeError("broken on purpose")


def test_a_rule_that_breaks_in_a_worker_is_a_failure_as_at_home(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    settings = Settings()
    pages = [parse_text(f"page-{i}.md", text, settings) for i in range(3)]
    grouping = group(pages, [RegistrySpec("all", ("*.md",))])
    rules = [cls() for cls in load_rules().rules if cls.scope is Scope.REGISTRY]
    rules.insert(1, _Breaks())
    monkeypatch.setattr(fanout, "usable_cpus", lambda: 2)
    monkeypatch.setattr(fanout, "PARALLEL_RULES_MIN_RECORDS", 1)
    found, failed = fanout.run_rules_side_by_side(rules, grouping)
    assert (found, failed) == run_rules(rules, grouping)
    assert [f.rule for f in failed] == ["breaks-in-a-worker"]
    assert "RuntimeError: broken on purpose" in failed[0].reason
    assert found, "the other rules' findings come back"


def test_small_registries_and_workers_stay_in_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = EXAMPLE_PAGE.read_text(encoding="utf-8")
    grouping = group([parse_text("page.md", text, Settings())], [])

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a small registry must not start workers")

    monkeypatch.setattr(fanout, "_shared_out", no_pool)
    rules = [cls() for cls in load_rules().rules]
    assert fanout.run_rules_side_by_side(rules, grouping) == run_rules(rules, grouping)
    monkeypatch.setattr(fanout, "PARALLEL_RULES_MIN_RECORDS", 1)
    monkeypatch.setattr(fanout, "_in_a_worker", lambda: True)
    assert fanout.run_rules_side_by_side(rules, grouping) == run_rules(rules, grouping)
