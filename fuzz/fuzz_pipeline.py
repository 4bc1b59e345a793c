"""Fuzz speclint's whole pipeline with atheris (libFuzzer): bytes in, no exception out.

Run for a bounded time (seconds) from the repository's root:

    pip install -e '.[fuzz]'
    python fuzz/fuzz_pipeline.py -max_total_time=60 /tmp/speclint-fuzz fuzz/corpus

(new inputs go to the first folder, which libFuzzer creates; fuzz/corpus holds the seed pages).

Each input is read as a page's bytes: decoded as speclint decodes a file (a ``SourceError`` is a
correct answer to undecodable bytes), parsed, and checked by every built-in rule. Any other
exception, or a rule failure, is a crash: libFuzzer stops and writes the input to
``crash-<hash>``; turn it into a regression test in tests/test_fuzz.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from speclint.check.configure import build_rules
    from speclint.check.plugins import load_rules
    from speclint.check.run import run_rules
    from speclint.config import Settings
    from speclint.read.page import parse_text
    from speclint.read.source import SourceError, decode
    from speclint.registry.build import group

SETTINGS = Settings()
RULES = build_rules(load_rules().rules, SETTINGS)


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.md").text
    except SourceError:
        return
    parsed = parse_text("fuzz.md", text, SETTINGS)
    _, failures = run_rules(RULES, group([parsed], ()))
    if failures:
        raise AssertionError("; ".join(f.describe() for f in failures))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
