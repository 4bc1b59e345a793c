"""The ``speclint`` command: argument parsing, exit codes and nothing else.

Exit codes: 0 clean, 1 findings (at or above ``--fail-on``), 2 a usage, configuration or internal
error. A traceback is never the answer to bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import NoReturn

from speclint import __version__, output
from speclint.cache_folder import CACHE_DIR
from speclint.check.configure import (
    build_rules,
    explain_unknown,
    selected_rules,
    unknown_selectors,
)
from speclint.check.plugins import load_rules
from speclint.collector import few_collections
from speclint.config import ConfigError, Settings, find_config, load_settings, override
from speclint.diff import diff_settings
from speclint.gate import baseline as baselines
from speclint.gate.baseline import BaselineError
from speclint.gate.decide import GateOptions
from speclint.lint import LintResult, RunOptions, lint
from speclint.model import Severity, Snapshot
from speclint.output import OutputError
from speclint.read.source import check_encoding
from speclint.report import CONSTANT_LANGUAGES, REPORTERS, Reporter, ReportOptions
from speclint.rule import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl-C (128 + SIGINT)
_COMMANDS_AND_FLAGS = (
    "check", "diff", "report", "export", "allocate", "rules", "rule", "-h", "--help", "--version"
)  # fmt: skip


class UsageError(Exception):
    """A mistake in how speclint was called."""


def _selectors(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="speclint", description="Lint the status-code tables of Markdown API docs."
    )
    parser.add_argument("--version", action="version", version=f"speclint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint pages (the default command)")
    _add_check_options(check, sorted(REPORTERS))
    check.add_argument("--base", metavar="BASE", help="report changes since BASE too (see diff)")
    check.add_argument(
        "--fix", action="store_true", help="re-align code tables (and sort them, with SL303)"
    )
    check.add_argument("--diff", action="store_true", help="show what --fix would change")
    diff = commands.add_parser(
        "diff", help="report the changes since BASE (a git revision or an exported catalog)"
    )
    diff.add_argument("base", metavar="BASE", help="a git revision, or a catalog JSON")
    _add_check_options(diff, [*sorted(REPORTERS), "changelog"])

    report = commands.add_parser("report", help="write a standalone HTML or Markdown report")
    _add_common(report)
    report.add_argument("-o", "--output-file", type=Path, help="report.html or report.md")
    report.add_argument("--format", choices=("html", "markdown"), help="default: from -o's name")
    _add_lint_options(report)
    # check's options that a report does not take, as check's defaults: _check reads them.
    report.set_defaults(
        output_format="text", statistics=False, force_exclude=False, verbose=False,
        write_baseline=None, base=None, rule_timeout=None,
    )  # fmt: skip

    export = commands.add_parser("export", help="write the codes as JSON, CSV or constants")
    _add_common(export)
    export.add_argument("--format", choices=("json", "csv", *CONSTANT_LANGUAGES), default="json")
    export.add_argument("--output-file", type=Path)
    export.add_argument("--package", default="codes", help="the Go package name")

    allocate = commands.add_parser("allocate", help="print the next free values of a section")
    allocate.add_argument("section", help="the section (category heading) to allocate in")
    allocate.add_argument("-n", "--count", type=_positive, default=1, help="how many values")
    allocate.add_argument("--gaps", action="store_true", help="fill gaps below the highest value")
    _add_common(allocate)

    rules = commands.add_parser("rules", help="list the rules and whether the config turns them on")
    rules.add_argument("--config", type=Path, help="configuration file to use")
    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("rule", help="a rule code or name, e.g. SL101")
    rule.add_argument("--config", type=Path, help="configuration file to use (for its plugins)")
    return parser


def _add_check_options(parser: argparse.ArgumentParser, formats: list[str]) -> None:
    """The options of ``check``, which ``diff`` shares (it is check against BASE)."""
    _add_common(parser)
    parser.add_argument("--output-format", choices=formats, default="text")
    parser.add_argument("--output-file", type=Path, help="write the report here, not stdout")
    _add_lint_options(parser)
    parser.add_argument("--statistics", action="store_true", help="count findings per rule")
    parser.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the exclude globs to files named on the command line too (for hooks)",
    )
    parser.add_argument(
        "--rule-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="stop a rule that takes longer on one page or registry (reported as SL000)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="say which tables were skipped"
    )
    parser.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="accept today's findings into FILE"
    )


def _add_lint_options(parser: argparse.ArgumentParser) -> None:
    """What check, diff and report share: which rules run, which findings are shown, what fails."""
    parser.add_argument("--select", type=_selectors, help="rules to use (codes, prefixes, names)")
    parser.add_argument("--extend-select", type=_selectors, help="rules to use as well")
    parser.add_argument("--ignore", type=_selectors, help="rules not to use")
    parser.add_argument(
        "--fail-on", choices=[s.value for s in Severity], help="lowest severity that fails"
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument(
        "--all", action="store_true", help="report registry findings on pages not given too"
    )
    parser.add_argument("--baseline", type=Path, help="report only findings not in this baseline")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: .)")
    parser.add_argument("--config", type=Path, help="configuration file to use")
    parser.add_argument(
        "--encoding", type=_encoding, help="encoding of pages that are not UTF-8 (e.g. gb18030)"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"neither read nor write {CACHE_DIR}/ (or set SPECLINT_NO_CACHE=1)",
    )


def _caching(args: argparse.Namespace) -> bool:
    return not getattr(args, "no_cache", False) and not os.environ.get("SPECLINT_NO_CACHE")


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {text!r}")
    return seconds


def _encoding(name: str) -> str:
    try:
        return check_encoding(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in _COMMANDS_AND_FLAGS:
        args_list.insert(0, "check")  # `speclint PATH` means `speclint check PATH`, as in ruff
    parser = build_parser()
    # argparse takes positionals in one run: paths after an option (`allocate S -n 2 a.md`) are
    # left over, and are paths all the same.
    args, extra = parser.parse_known_args(args_list)
    if extra and (any(e.startswith("-") for e in extra) or not hasattr(args, "paths")):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if extra:
        args.paths = [*args.paths, *map(Path, extra)]
    try:
        with few_collections():
            return _dispatch(args)
    except OutputError as exc:
        print(f"speclint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (ConfigError, UsageError) as exc:
        print(f"speclint: error: {exc}", file=sys.stderr)
        _early_report(args, f"{exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("speclint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        print(
            f"speclint: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in speclint; please report it with the page that caused it.",
            file=sys.stderr,
        )
        _early_report(args, f"internal error: {type(exc).__name__}: {exc}")
        return EXIT_ERROR


def run() -> NoReturn:
    """The ``speclint`` command (and ``python -m speclint``): ``main()``, then the process ends
    at once, as mypy's does.

    A run over a large registry holds hundreds of thousands of records, cells and findings when
    its output is written; freeing them one by one and tearing the interpreter down took about
    0.1 s more (one registry over 1,000 pages, and one page of 100,000 rows), time nobody waits
    for usefully. Everything that must outlive the process is out by then: every file speclint
    writes is closed before ``main`` returns, and the two output streams are flushed here.
    ``main`` itself returns normally, for callers in the same process (the tests).
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError) as exc:  # a closed pipe, a full disk: the output is incomplete
        with contextlib.suppress(OSError, ValueError):
            print(f"speclint: error: cannot write the output: {exc}", file=sys.stderr)
            sys.stderr.flush()
        code = EXIT_ERROR
    os._exit(code)


def _early_report(args: argparse.Namespace, error: str) -> None:
    """A run that stopped early still writes the document a CI step parses, holding the error."""
    document = output.early_report(getattr(args, "output_format", "text"), [error])
    if document:
        try:
            output.write(document, getattr(args, "output_file", None))
        except OutputError as exc:
            print(f"speclint: error: {exc}", file=sys.stderr)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command in ("rules", "rule"):
        from speclint import docs  # only these commands render documentation
    if args.command == "rules":
        settings = load_settings(args.config, Path.cwd())
        errors: list[str] = []
        active, installed = _rules_for(settings, errors)
        _print_errors(errors)
        sys.stdout.write(docs.rule_table(installed, active))
        return EXIT_ERROR if errors else EXIT_CLEAN
    if args.command == "rule":
        loaded = load_rules(load_settings(args.config, Path.cwd()).plugins)
        _print_errors(loaded.errors)
        found = docs.find_rule(loaded.rules, args.rule)
        if found is None:
            raise UsageError(f"no rule is called {args.rule!r} (see `speclint rules`)")
        sys.stdout.write(docs.rule_page(found))
        return EXIT_ERROR if loaded.errors else EXIT_CLEAN
    paths = args.paths or [Path(".")]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: {_missing(path)}")
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: no such configuration file")
    if args.config is None:
        found = {find_config(path) for path in paths}
        if len(found) > 1:
            names = ", ".join(sorted(str(f) if f else "no configuration" for f in found))
            raise UsageError(
                f"the paths fall under different configurations ({names}); lint them "
                "separately or pass --config"
            )
    settings = load_settings(args.config, paths[0], remember_valid=_caching(args))
    if args.encoding:
        settings = replace(settings, encoding=args.encoding)
    if args.command == "export":
        return _export(args, paths, settings)
    if args.command == "allocate":
        from speclint.commands import allocate as allocate_command

        return allocate_command.run(args.section, args.count, args.gaps, paths, settings)
    if args.command == "report":
        args.format = _report_format(args)  # before linting: a wrong name fails at once
    return _check(args, paths, settings)


def _report_format(args: argparse.Namespace) -> str:
    from speclint.report import standalone

    try:
        return standalone.report_format(args.output_file, args.format)
    except standalone.FormatError as exc:
        raise UsageError(str(exc)) from None


def _missing(path: Path) -> str:
    """Why a path named on the command line cannot be linted."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if path.is_symlink():
            return f"a symbolic link to {os.readlink(path)}, which does not exist"
    return "no such file or folder"


def _rules_for(
    settings: Settings, errors: list[str], args: argparse.Namespace | None = None
) -> tuple[list[Rule], tuple[type[Rule], ...]]:
    """The rules the configuration (and the command line's ``args``) turn on, built, and every
    rule installed."""
    remember = args is not None and _caching(args)
    loaded = load_rules(
        settings.plugins, remember_in=Path(settings.root) / CACHE_DIR if remember else None
    )
    errors.extend(loaded.errors)
    for option in ("select", "extend_select", "ignore"):
        given = getattr(args, option, None) or ()
        unknown = unknown_selectors(loaded.rules, given)
        if unknown:
            flag = "--" + option.replace("_", "-")
            raise UsageError(f"{flag}: {explain_unknown(loaded.rules, unknown)}")
    settings = _with_command_line(settings, args) if args is not None else settings
    unknown = unknown_selectors(
        loaded.rules,
        [
            *settings.select,
            *settings.extend_select,
            *settings.ignore,
            *settings.severity,
            *(s for _, selectors in settings.per_file_ignores for s in selectors),
        ],
    )
    if unknown:
        raise ConfigError(f"{settings.describe()}: {explain_unknown(loaded.rules, unknown)}")
    classes = selected_rules(loaded.rules, settings.select, settings.extend_select, settings.ignore)
    return build_rules(classes, settings, loaded.rules), loaded.rules


def _with_command_line(settings: Settings, args: argparse.Namespace) -> Settings:
    settings = override(
        settings,
        select=args.select,
        # As in ruff: --select replaces the configured selection, the others add to it.
        extend_select=[*settings.extend_select, *args.extend_select]
        if args.extend_select
        else None,
        ignore=[*settings.ignore, *args.ignore] if args.ignore else None,
    )
    if args.command == "diff":
        settings = diff_settings(settings, args.select, args.extend_select)
    return settings


def _check(args: argparse.Namespace, paths: list[Path], settings: Settings) -> int:
    plugin_errors: list[str] = []
    rules, installed = _rules_for(settings, plugin_errors, args)
    settings = _with_command_line(settings, args)
    baseline = args.baseline or (Path(settings.baseline) if settings.baseline else None)
    if args.write_baseline is not None:
        baseline = None  # a new baseline records every finding of today
    elif baseline is not None and not baseline.is_file():
        raise UsageError(f"{baseline}: no such baseline (create it with --write-baseline)")
    try:
        gate = GateOptions(
            report_all=args.all,
            baseline=baseline,
            known_rules=frozenset((rule.code, rule.name) for rule in installed),
            rule_timeout=args.rule_timeout,
        )
        base = _load_base(args.base, paths, settings) if args.base is not None else None
        # The report command shows every record; a check needs only the findings.
        keep = args.command == "report"
        run = RunOptions(cache=_caching(args), progress=True, keep_records=keep)
        lint_again = partial(
            lint, paths, settings, rules, gate, force_exclude=args.force_exclude, base=base
        )
        result = lint_again(explain=args.verbose, options=run)
        fixing, showing = getattr(args, "fix", False), getattr(args, "diff", False)
        if fixing or showing:
            diff_to = sys.stdout if showing else None
            from speclint.commands import fix as fix_command

            fixed = fix_command.fix_files(
                result.files, result.diagnostics, settings, diff_to=diff_to
            )
            plugin_errors.extend(fixed.errors)
            if showing:
                _print_errors([*plugin_errors, *result.errors])
                failed = plugin_errors or result.errors
                return EXIT_ERROR if failed else EXIT_FINDINGS if fixed.pages else EXIT_CLEAN
            if fixed.pages:  # the findings' columns moved: report them as they are now
                print(f"speclint: {fixed.summary(written=True)}", file=sys.stderr)
                result = lint_again(options=run)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    if args.write_baseline is not None:
        output.refuse_pages(args.write_baseline, result.pages, "the baseline")
        return _write_baseline(args.write_baseline, result, plugin_errors)
    output.refuse_pages(args.output_file, result.pages, "the report")
    errors = [*plugin_errors, *result.errors]
    color = (
        args.output_file is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
        and args.output_format == "text"
    )
    options = ReportOptions(color=color, statistics=args.statistics, verbose=args.verbose)
    if args.command == "report":
        from speclint.report import standalone

        text = standalone.render(_with_errors(result, errors), settings, args.format, paths)
    else:
        report = REPORTERS.get(args.output_format) or _changelog(settings)
        text = report(_with_errors(result, errors), options)
    output.write(text, args.output_file)
    # Failures are SL000 findings in the report; say them here too unless that is the terminal.
    elsewhere = (
        args.output_file is not None or args.output_format != "text" or args.command == "report"
    )
    _print_errors([*errors, *(result.failures if elsewhere else ())], result.warnings)
    if errors or result.failures:
        return EXIT_ERROR
    fail_on = Severity(args.fail_on) if args.fail_on else settings.fail_on
    failing = any(d.severity.rank >= fail_on.rank for d in result.diagnostics)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _write_baseline(path: Path, result: LintResult, plugin_errors: list[str]) -> int:
    errors = [*plugin_errors, *result.errors, *result.failures]
    _print_errors(errors, result.warnings)
    if errors:
        return EXIT_ERROR  # a baseline written from a partial run would hide real findings
    try:
        baselines.write(path, result.diagnostics)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    count = len(result.diagnostics)
    print(f"speclint: wrote {count} finding{'' if count == 1 else 's'} to {path}", file=sys.stderr)
    return EXIT_CLEAN


def _load_base(revision: str, paths: list[Path], settings: Settings) -> Snapshot:
    # Imported here: git, jsonschema and the catalog reader are for --base and diff only, and
    # cost a one-page run (a pre-commit hook) more than its linting.
    from speclint.diff.base import BaseError, load_base

    try:
        return load_base(revision, paths, settings)
    except BaseError as exc:
        raise UsageError(str(exc)) from None


def _changelog(settings: Settings) -> Reporter:
    from speclint.diff import changelog  # the diff command's format only

    return changelog.reporter(settings)


def _with_errors(result: LintResult, errors: list[str]) -> LintResult:
    return replace(result, errors=tuple(errors))


def _export(args: argparse.Namespace, paths: list[Path], settings: Settings) -> int:
    from speclint.report import constants, export

    result = lint(
        paths, settings, rules=[], options=RunOptions(cache=_caching(args), keep_records=True)
    )

    if args.format in CONSTANT_LANGUAGES:
        try:
            text = constants.source(args.format, result.files, settings, args.package)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    else:
        text = (export.to_json if args.format == "json" else export.to_csv)(result.files)
    output.refuse_pages(args.output_file, result.pages, "the export")
    output.write(text, args.output_file)
    _print_errors(result.errors, result.warnings)
    return EXIT_ERROR if result.errors else EXIT_CLEAN


def _print_errors(errors: Sequence[str], warnings: Sequence[str] = ()) -> None:
    for warning in warnings:
        print(f"speclint: warning: {warning}", file=sys.stderr)
    for error in errors:
        print(f"speclint: error: {error}", file=sys.stderr)
