"""The read stage of a run: every page read (from the cache, in this process or in a pool), and
one message for each page that could not be."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from speclint.config import Settings
from speclint.discover import Page
from speclint.model import Diagnostic, ParsedFile, RuleFailure
from speclint.read.batch import (
    PageCheck,
    PageTally,
    Progress,
    ReadRequest,
    Unread,
    cached,
    read_all,
    settle,
)
from speclint.read.cache import PageCache
from speclint.read.memory import keep_large_blocks_returnable


@dataclass(frozen=True, slots=True)
class ReadPages:
    """The read stage's outcome for a run: the pages read, and what went wrong with the others.

    ``errors`` make the run fail (exit 2): a page named on the command line that cannot be read,
    a page that broke speclint, or no page readable at all. ``warnings`` do not: a file found
    by walking a folder that is not text (an image named ``.md``, a link loop), a page decoded
    from another encoding, a cache that could not be used.

    With a ``PageCheck``, the read stage also runs the rules that judge a page alone, where the
    page is parsed: ``findings`` and ``failures`` are theirs, and a page's records are kept only
    where ``keep_records`` asks for them; ``tallies`` (by page key) count every page's records.

    ``contents`` (by page key) are the digests of the kept pages' parses (``PageOutcome``), and
    ``left`` the kept pages whose records are still in the cache (``load_left`` reads them).
    """

    files: tuple[ParsedFile, ...]
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    tallies: Mapping[str, PageTally] = field(default_factory=dict)
    findings: tuple[Diagnostic, ...] = ()
    failures: tuple[RuleFailure, ...] = ()
    contents: Mapping[str, bytes] = field(default_factory=dict)
    left: frozenset[str] = frozenset()


def read_pages(
    pages: Sequence[Page],
    settings: Settings,
    check: PageCheck | None = None,
    *,
    keep_records: Callable[[str], bool] | None = None,
    cache: PageCache | None = None,
    progress: Progress | None = None,
    cached_records: bool = True,
) -> ReadPages:
    """Every page that can be read, in order, and one message per page that cannot.

    Nothing one page does costs the others: any exception while reading or parsing it is
    caught (in ``read.batch``) and named with the page. ``check`` runs on each page where it is
    parsed (a worker, when there are many); pages for which ``keep_records`` (by page key) is
    false come back without their records, and so do the kept pages the cache answers for unless
    ``cached_records``.
    """
    keep_large_blocks_returnable(page.path for page in pages)
    request = ReadRequest(settings, check, keep_records, cache, cached_records)
    files: list[ParsedFile] = []
    errors: list[str] = []
    warnings: list[str] = []
    unreadable: list[str] = []
    tallies: dict[str, PageTally] = {}
    findings: list[Diagnostic] = []
    failures: list[RuleFailure] = []
    contents: dict[str, bytes] = {}
    left: set[str] = set()
    for page, outcome in zip(pages, read_all(pages, request, progress), strict=True):
        if isinstance(outcome, Unread):
            (errors if outcome.error or page.named else unreadable).append(outcome.message)
            continue
        files.append(outcome.parsed)
        tallies[outcome.parsed.path] = outcome.tally
        findings.extend(outcome.findings)
        failures.extend(outcome.failures)
        if outcome.notice:
            warnings.append(outcome.notice)
        if request.keeps(page):
            contents[outcome.parsed.path] = outcome.content
        if outcome.left:
            left.add(outcome.parsed.path)
    if files or errors:
        warnings.extend(f"{message} (skipped)" for message in unreadable)
    else:
        errors.extend(unreadable)  # nothing could be linted: that is a failure, not a warning
    if cache is not None:
        cache.keep_known()
        warnings.extend(cache.warnings.messages)
    return ReadPages(
        tuple(files),
        tuple(errors),
        tuple(warnings),
        MappingProxyType(tallies),
        tuple(findings),
        tuple(failures),
        MappingProxyType(contents),
        frozenset(left),
    )


def load_left(
    read: ReadPages, pages: Sequence[Page], settings: Settings, cache: PageCache
) -> ReadPages:
    """``read`` with the records of its ``left`` pages read from the cache (or, when an entry
    has gone since, by parsing the page again)."""
    if not read.left:
        return read
    request = ReadRequest(settings, cache=cache)
    loaded: dict[str, ParsedFile] = {}
    errors: list[str] = []
    for page in pages:
        if page.key not in read.left:
            continue
        outcome = cached(page, request) or settle(page, request)
        if isinstance(outcome, Unread):
            # Gone or changed since it was read: the registries cannot be checked whole.
            errors.append(outcome.message)
        else:
            loaded[page.key] = outcome.parsed
    files = tuple(loaded.get(parsed.path, parsed) for parsed in read.files)
    new_warnings = [w for w in cache.warnings.messages if w not in read.warnings]
    return replace(
        read,
        files=files,
        errors=(*read.errors, *errors),
        warnings=(*read.warnings, *new_warnings),
        left=frozenset(),
    )
