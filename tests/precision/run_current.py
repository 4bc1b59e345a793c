"""Run the installed speclint on every precision page and compare with its expectations.

    python tests/precision/run_current.py [--speclint PATH] [SLUG ...]

For each ``pages/<slug>.md`` with a ``pages/<slug>.expected.json``, the page is copied into a
fresh temporary folder beside a ``speclint.toml`` holding the expectation's ``config`` (empty when
there is none, so that no configuration above the page, such as this repository's
``pyproject.toml``, is picked up), and ``speclint check --output-format json`` is run on it. The
findings of the rules the expectation lists are compared with its ``findings`` as a set of
(line, rule, severity); findings of other rules are ignored. The script prints PASS or the
difference per page and a summary. It is a report on today's speclint, not a test: it exits 0
whatever the differences, and 2 only when speclint could not be run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
DEFAULT_SPECLINT = HERE.parent.parent / ".venv" / "bin" / "speclint"

Finding = tuple[int, str, str]  # (line, rule, severity)


def toml_text(config: dict[str, Any]) -> str:
    """A small TOML writer for the expectations' ``config`` (tables, strings, numbers, lists)."""
    lines: list[str] = []
    _table(config, [], lines)
    return "\n".join(lines) + "\n" if lines else ""


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as TOML")


def _table(table: dict[str, Any], path: list[str], lines: list[str]) -> None:
    scalars = {k: v for k, v in table.items() if not isinstance(v, dict)}
    if path and scalars:
        lines.append("[" + ".".join(_key(p) for p in path) + "]")
    for key, value in scalars.items():
        lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in table.items():
        if isinstance(value, dict):
            _table(value, [*path, key], lines)


def run_page(speclint: Path, page: Path, expected: dict[str, Any]) -> list[dict[str, Any]]:
    """The diagnostics speclint reports on ``page`` with the expectation's configuration."""
    with tempfile.TemporaryDirectory(prefix="speclint-precision-") as folder:
        copy = Path(folder) / page.name
        shutil.copyfile(page, copy)
        (Path(folder) / "speclint.toml").write_text(
            toml_text(expected.get("config") or {}), encoding="utf-8"
        )
        done = subprocess.run(
            [str(speclint), "check", "--output-format", "json", copy.name],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"speclint exited {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout)["diagnostics"]


def compare(expected: dict[str, Any], diagnostics: list[dict[str, Any]]) -> tuple[str, bool]:
    """One line saying PASS or what is missing and unexpected, and whether it passed."""
    rules = set(expected["rules"])
    found = [
        (d["line"], d["rule"], d["severity"])
        for d in diagnostics
        if d["rule"] in rules or d["code"] in rules
    ]
    wanted = {(f["line"], f["rule"], f["severity"]) for f in expected["findings"]}
    got = set(found)
    missing, unexpected = sorted(wanted - got), sorted(got - wanted)
    repeated = sorted(f for f, n in Counter(found).items() if n > 1)
    note = (
        f"  (note: {_show(repeated, Counter(found))} reported more than once)" if repeated else ""
    )
    if not missing and not unexpected:
        return "PASS" + note, True
    parts = []
    if missing:
        parts.append(f"missing {_show(missing)}")
    if unexpected:
        parts.append(f"unexpected {_show(unexpected, Counter(found))}")
    return "FAIL " + "; ".join(parts) + note, False


def _show(findings: list[Finding], counts: Counter[Finding] | None = None) -> str:
    def one(f: Finding) -> str:
        times = counts[f] if counts is not None else 1
        return f"{f[1]}@{f[0]}/{f[2]}" + (f" x{times}" if times > 1 else "")

    return ", ".join(one(f) for f in findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speclint", type=Path, default=DEFAULT_SPECLINT)
    parser.add_argument("slugs", nargs="*", help="only these pages (default: all)")
    args = parser.parse_args(argv)
    speclint = args.speclint if args.speclint.exists() else shutil.which("speclint")
    if speclint is None:
        print(f"speclint not found at {args.speclint} nor on PATH", file=sys.stderr)
        return 2
    pages = sorted(PAGES.glob("*.expected.json"))
    if args.slugs:
        pages = [p for p in pages if p.name.removesuffix(".expected.json") in args.slugs]
    passed = 0
    width = max((len(p.name) for p in pages), default=0) - len(".expected.json")
    for expectation in pages:
        slug = expectation.name.removesuffix(".expected.json")
        expected = json.loads(expectation.read_text(encoding="utf-8"))
        try:
            diagnostics = run_page(Path(speclint), PAGES / f"{slug}.md", expected)
        except (RuntimeError, json.JSONDecodeError, OSError) as exc:
            print(f"{slug:<{width}}  ERROR {exc}")
            return 2
        line, ok = compare(expected, diagnostics)
        passed += ok
        print(f"{slug:<{width}}  {line}")
    print(f"\n{len(pages)} pages, {passed} pass, {len(pages) - passed} differ (today's speclint)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
