"""Measure speclint on wild pages whose expectations list the defects a reader finds.

    python tests/precision/evaluate_wild.py [FOLDER] [--json FILE] [--details]

For each ``<page>.md`` of FOLDER (default: the sixth held-out round, tests/fixtures/wild/round6)
with a ``<page>.expected.json`` that lists ``defects``, the page is read (its code tables and
records compared with ``code_tables``) and linted alone with speclint's defaults, in a folder of
its own so that no configuration applies. A defect is *found* when speclint reports its rule at
its line (*found elsewhere* when another rule reports that line instead); an error finding at a
line with no defect is a *false error*; a warning there is an *extra warning*. The script prints
a line per page and the totals; it is a measurement, so it exits 0 whatever it finds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROUND6 = HERE.parent / "fixtures" / "wild" / "round6"


@dataclass
class PageResult:
    page: str
    records: int
    tables: int
    tables_read_right: int
    records_read_right: int
    defects: int
    found: int
    found_elsewhere: int
    false_errors: list[str] = field(default_factory=list)
    extra_warnings: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def evaluate(page: Path) -> PageResult:
    from speclint.cli import main
    from speclint.config import Settings
    from speclint.read.page import parse_text
    from speclint.read.source import decode

    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    parsed = parse_text(page.name, decode(page.read_bytes(), page.name).text, Settings())
    got = {
        t.line: [[r.name, r.value, r.description] for r in parsed.records if r.table == t.index]
        for t in parsed.tables
        if not t.skipped
    }
    want = {t["header_line"]: t["records"] for t in expected["code_tables"]}
    right = [line for line, records in want.items() if got.get(line) == records]
    with tempfile.TemporaryDirectory(prefix="speclint-eval-") as folder:
        shutil.copyfile(page, Path(folder) / page.name)
        (Path(folder) / "speclint.toml").write_text("", encoding="utf-8")
        out = Path(folder) / "report.json"
        argv = ["check", page.name, "--output-format", "json", "--output-file", str(out)]
        _in(Path(folder), lambda: main(argv))
        report = json.loads(out.read_text(encoding="utf-8"))
    findings = [(d["line"], d["rule"], d["severity"], d["message"]) for d in report["diagnostics"]]
    defects = expected.get("defects", [])
    defect_lines = {d["line"] for d in defects}
    result = PageResult(
        page=page.stem,
        records=sum(len(r) for r in want.values()),
        tables=len(want),
        tables_read_right=len(right),
        records_read_right=sum(len(want[line]) for line in right),
        defects=len(defects),
        found=0,
        found_elsewhere=0,
    )
    for defect in defects:
        at_line = [f for f in findings if f[0] == defect["line"]]
        if any(f[1] == defect["rule"] for f in at_line):
            result.found += 1
        elif at_line:
            result.found_elsewhere += 1
        else:
            result.missed.append(f"{defect['line']} {defect['rule']}: {defect.get('what', '')}")
    for line, rule, severity, message in findings:
        if line in defect_lines:
            continue
        shown = f"{line} {rule} [{severity}] {message}"
        (result.false_errors if severity == "error" else result.extra_warnings).append(shown)
    return result


def _in(folder: Path, run: Any) -> None:
    import contextlib
    import io
    import os

    here = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            run()
    finally:
        os.chdir(here)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROUND6)
    parser.add_argument("--json", type=Path, help="write every figure as JSON here")
    parser.add_argument("--details", action="store_true", help="list misses and false findings")
    args = parser.parse_args(argv)
    pages = sorted(p for p in args.folder.glob("*.md") if p.with_suffix(".expected.json").is_file())
    results = [evaluate(page) for page in pages]
    totals: Counter[str] = Counter()
    for r in results:
        totals.update(
            records=r.records,
            records_read_right=r.records_read_right,
            tables=r.tables,
            tables_read_right=r.tables_read_right,
            defects=r.defects,
            found=r.found,
            found_elsewhere=r.found_elsewhere,
            false_errors=len(r.false_errors),
            extra_warnings=len(r.extra_warnings),
        )
        print(
            f"{r.page:40} tables {r.tables_read_right}/{r.tables}  records "
            f"{r.records_read_right}/{r.records}  defects found {r.found}/{r.defects}"
            f" (+{r.found_elsewhere} by another rule)  false errors {len(r.false_errors)}"
            f"  extra warnings {len(r.extra_warnings)}"
        )
        if args.details:
            for kind, lines in (
                ("missed", r.missed),
                ("false error", r.false_errors),
                ("extra warning", r.extra_warnings),
            ):
                for line in lines:
                    print(f"    {kind}: {line}")
    print(
        f"\n{len(results)} pages: {totals['tables_read_right']}/{totals['tables']} code tables and "
        f"{totals['records_read_right']}/{totals['records']} records read as expected; "
        f"{totals['found']}/{totals['defects']} hand-found defects found by their rule "
        f"(+{totals['found_elsewhere']} reported at their line by another rule); "
        f"{totals['false_errors']} false errors; {totals['extra_warnings']} extra warnings"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"pages": [asdict(r) for r in results], "totals": dict(totals)},
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
