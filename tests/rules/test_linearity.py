"""The registry rules must stay linear: a code space of 100,000 codes is linted in seconds.

20,000 generated records full of near-misses (shared prefixes, compounds, repeated meanings)
would take minutes for any rule that compares every pair; the bound below is generous enough
for a slow CI machine and still far below quadratic. The call counts pin the grouping design:
each name or meaning is normalised once, never once per pair.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from speclint.check.plugins import load_rules
from speclint.model import Record
from speclint.registry.words import Vocabulary
from speclint.rule import RecordSet

N = 20_000
SECONDS = 10.0
LINEAR_RULES = ("SL102", "SL104", "SL105", "SL106", "SL201", "SL202", "SL301", "SL302", "SL303")


def _word(i: int) -> str:
    letters = ""
    i += 26 * 27  # at least three letters: short words would split everything
    while i:
        i, digit = divmod(i, 26)
        letters += chr(ord("A") + digit)
    return letters


def generated_registry(make: Callable[..., Record], n: int = N) -> RecordSet:
    words = [_word(i) for i in range(200)]
    records = []
    for i in range(n):
        a, b, c = words[i % 200], words[(i // 200) % 200], words[(i * 7) % 200]
        # Every tenth name runs two words together, so compounds and spellings get split, and
        # odd names reorder the words of the even name before them: thousands of synonyms.
        middle = f"{a}{b}" if i % 10 == 0 else f"{a}_{b}"
        name = f"ERRCODE_{middle}_{c}_N{i // 2}"
        if i % 2:
            a, b, c = words[(i - 1) % 200], words[((i - 1) // 200) % 200], words[(i * 7 - 7) % 200]
            name = f"ERRCODE_{c}_{b}_{a}_N{i // 2}"
        # Each odd name means what the even name before it means (synonyms), and every other
        # even name copies the meaning of the even name before it (copied descriptions).
        meaning = f"第{i - i % 2 - (2 if i % 4 in (2, 3) else 0)}个错误"
        section = ("状态码", f"类别{i // 2000}")
        value = 100000 * (i // 2000 + 1) + i % 2000
        records.append(make(value, name, meaning, section=section, line=i + 1, table=i // 2000))
    references = [make(100000 + i, "", "", section=("状态码", "接口")) for i in range(0, n, 10)]
    return RecordSet("generated.md", tuple(records), tuple(references))


@pytest.fixture(scope="module")
def rules() -> dict[str, Any]:
    loaded = load_rules()
    return {rule.code: rule() for rule in loaded.rules if rule.code in LINEAR_RULES}


@pytest.mark.parametrize("code", LINEAR_RULES)
def test_rule_is_linear_on_a_large_registry(
    code: str, rules: dict[str, Any], record: Callable[..., Record]
) -> None:
    registry = generated_registry(record)
    started = time.perf_counter()
    findings = list(rules[code].check(registry))
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS, f"{code} took {elapsed:.1f}s on {N} records"
    assert len(findings) <= 2 * N  # at most a finding or two per record, never one per pair
    if code in ("SL104", "SL105", "SL202"):
        assert len(findings) > N // 100  # the data does exercise the rule


def test_synonym_keys_are_computed_once_per_name(
    rules: dict[str, Any], record: Callable[..., Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    original = Vocabulary.synonym_key

    def counting(self: Vocabulary, name: str) -> tuple[str, ...]:
        nonlocal calls
        calls += 1
        return original(self, name)

    monkeypatch.setattr(Vocabulary, "synonym_key", counting)
    findings = list(rules["SL104"].check(generated_registry(record)))
    # Once per name, and once more for the earlier name of each pair found alike: never per
    # pair of names.
    assert N <= calls <= N + len(findings)


def test_meanings_are_normalised_once_per_record(
    rules: dict[str, Any], record: Callable[..., Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = __import__(type(rules["SL105"]).__module__, fromlist=["normalise_text"])
    calls = 0
    original = module.normalise_text

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return original(text)

    monkeypatch.setattr(module, "normalise_text", counting)
    list(rules["SL105"].check(generated_registry(record)))
    assert calls == N


def test_word_tables_are_worked_out_in_one_pass(record: Callable[..., Record]) -> None:
    """SL001 asks whether a table holds plain words only for a value with a blank: asked per
    table over every record, 10,000 small tables (50,000 records) would take 500 million steps."""
    statuses = [_word(i).lower() for i in range(4)]
    records = [
        record(
            value, f"STATUS_{i}", "状态", section=("订单状态", f"表{t}"), line=t * 6 + i, table=t
        )
        for t in range(10_000)
        for i, value in enumerate([*statuses, "return pending"])
    ]
    rule = next(rule for rule in load_rules().rules if rule.code == "SL001")()
    started = time.perf_counter()
    findings = list(rule.check(RecordSet("statuses.md", tuple(records), ())))
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS, f"SL001 took {elapsed:.1f}s on {len(records)} records"
    assert findings == []  # "return pending" is a label among plain words in every table


def test_index_tables_list_each_table_once(
    record: Callable[..., Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page of one code table and 799 small tables whose codes link to entries of their own
    # (every endpoint's codes): a first version rebuilt the page's codes for each linked table,
    # cubic (104 s for 1,600 tables); each table's codes are gathered once now.
    from dataclasses import replace

    from speclint.registry import spaces

    tables: dict[tuple[str, int], list[Record]] = {("page.md", 0): []}
    for i in range(1600):
        tables[("page.md", 0)].append(record(1000 + i, description=f"error {i}", line=i + 1))
    for t in range(1, 800):
        rows = []
        for j in (2 * t, 2 * t + 1):
            base = record(1000 + j, description=f"error {j}", line=10_000 + j, table=t)
            cells = tuple(
                replace(c, raw=f"[{c.raw}](#e{1000 + j})") if c.role == "value" else c
                for c in base.cells
            )
            rows.append(replace(base, cells=cells))
        tables[("page.md", t)] = rows
    seen: list[int] = []  # how many records each gathering of codes went through
    real_codes = spaces._codes

    def counted(records: Any) -> set[Any]:
        listed = list(records)
        seen.append(len(listed))
        return real_codes(listed)

    monkeypatch.setattr(spaces, "_codes", counted)
    found = spaces.index_tables(tables)
    assert len(found) == 799  # every endpoint table cites the code table
    total = sum(len(rows) for rows in tables.values())
    assert sum(seen) <= total  # each record's codes gathered at most once, not once per index
