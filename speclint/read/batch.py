"""Read many pages: from the cache where it has them, else parsed, shared with forked helper
processes when there are enough pages to repay starting them (``speclint.sharing``).

Besides parsing, a page can be *checked* where it is read (``PageCheck``: the rules that judge
one page alone), so that a helper hands back findings and counts rather than every record, and
the cache can answer for an unchanged page without parsing or checking it again. A page's
records are kept only when the caller needs them (``keep_records``): pages of a declared
registry, whose rules see all the registry's pages at once, and an export.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from speclint.config import Settings
from speclint.discover import Page
from speclint.model import Diagnostic, ParsedFile, RuleFailure
from speclint.processes import usable_cpus
from speclint.read.cache import PageCache
from speclint.read.plain import (
    Plain,
    diagnostics_from_plain,
    diagnostics_to_plain,
    failures_from_plain,
    failures_to_plain,
    page_digest,
    page_from_plain,
    page_to_plain,
)
from speclint.read.source import SourceError, decode, read_bytes

# Starting a helper (fork) and sending results back costs tens of milliseconds; parsing a page
# of the benchmark's size (100 codes) costs about 4 ms. Below this many pages to parse per
# process a helper does not pay for itself, and one page (the pre-commit case) never uses one.
MIN_PAGES_PER_WORKER = 24
# Pages are shared out in chunks, this many per process (this one and each helper): fewer
# messages than one page at a time, and small enough that the processes finish together (the
# last chunk is the wait at the end: with 4 chunks a process, the benchmark's was about 0.75 s
# of work; with 16, about 0.2 s).
CHUNKS_PER_WORKER = 16


class PageCheck(Protocol):
    """The rules that judge one page alone: its findings, and the rules that failed on it."""

    def __call__(self, parsed: ParsedFile) -> tuple[list[Diagnostic], list[RuleFailure]]: ...


@dataclass(frozen=True, slots=True)
class PageTally:
    """What reports count of a page: its records and its sections (with group headings)."""

    records: int
    sections: int

    @classmethod
    def of(cls, parsed: ParsedFile) -> PageTally:
        return cls(len(parsed.records), len({r.section for r in parsed.records}))


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """One page read: ``parsed`` holds its records only if they were asked for.

    ``content`` is, for a page whose records were asked for, the digest of its parse
    (``plain.page_digest``; b"" when the cache is off or does not keep the page); ``left``
    says its records were asked for but left in the cache (``ReadRequest.cached_records``).
    """

    parsed: ParsedFile
    tally: PageTally
    findings: tuple[Diagnostic, ...] = ()
    failures: tuple[RuleFailure, ...] = ()  # rules that failed on this page
    notice: str = ""  # the page was not UTF-8 and was decoded anyway
    content: bytes = b""
    left: bool = False


@dataclass(frozen=True, slots=True)
class Unread:
    """A page that could not be read. ``error``: a failure whoever named the page (it broke
    speclint); otherwise a failure only for a page named on the command line."""

    message: str
    error: bool = False


@dataclass(frozen=True)
class ReadRequest:
    """What to do with each page besides parsing it (a helper inherits it, never unpickled)."""

    settings: Settings
    check: PageCheck | None = None
    keep_records: Callable[[str], bool] | None = None  # by page key; None keeps every page's
    cache: PageCache | None = None
    # False: a kept page's records come back only when it is parsed; the cache's are left
    # there (``left``) until the caller knows it needs them (``load_left``).
    cached_records: bool = True

    def keeps(self, page: Page) -> bool:
        return self.keep_records is None or self.keep_records(page.key)


Progress = Callable[[int], None]  # called with the number of pages just finished


def read_all(
    pages: Sequence[Page], request: ReadRequest, progress: Progress | None = None
) -> list[PageOutcome | Unread]:
    """Every page's outcome, or why it cannot be read, in ``pages`` order.

    The cache is asked here first: a helper only pays when there are enough pages left to parse.
    """
    results: list[PageOutcome | Unread | None] = [None] * len(pages)
    if request.cache is not None:
        for index, page in enumerate(pages):
            results[index] = cached(page, request)
    missing = [i for i, result in enumerate(results) if result is None]
    if progress is not None and len(missing) < len(pages):
        progress(len(pages) - len(missing))
    todo = [pages[i] for i in missing]
    for index, outcome in zip(missing, _shared_out(todo, request, progress), strict=True):
        results[index] = outcome
    return [result for result in results if result is not None]


def cached(page: Page, request: ReadRequest) -> PageOutcome | None:
    """The page's outcome from the cache, or None when it must be parsed (or cannot be read,
    which ``settle`` then says)."""
    if request.cache is None:
        return None
    key = request.cache.key_of(page.key, page.path)
    if key is None:
        return None
    return _cached(request.cache, key, request.keeps(page), request)


def settle(page: Page, request: ReadRequest) -> PageOutcome | Unread:
    """Read one page, from the cache when it can answer, else by parsing (and checking) it.

    Nothing one page does costs the others: any exception is caught and named with the page.
    """
    try:
        return _settle(page, request)
    except SourceError as exc:
        return Unread(str(exc))
    except MemoryError:
        return Unread(f"{page.display}: too large to read in the memory available", error=True)
    except Exception as exc:  # noqa: BLE001 - one page must never stop the others
        return Unread(
            f"{page.display}: internal error while reading: {type(exc).__name__}: {exc} "
            "(a bug in speclint; please report it with this page)",
            error=True,
        )


def _settle(page: Page, request: ReadRequest) -> PageOutcome:
    data = read_bytes(page.path, page.display)
    keep = request.keeps(page)
    cache = request.cache
    key = cache.key(page.key, data) if cache is not None else ""
    if cache is not None:
        hit = _cached(cache, key, keep, request)
        if hit is not None:
            return hit
    # Imported here: a run the cache answers never loads the parser (markdown-it-py and
    # speclint's reading, about 25 ms of a pre-commit hook's start).
    from speclint.read.page import parse_text

    source = decode(data, page.display, request.settings.encoding)
    del data  # a large page's bytes are not needed while its records are built
    parsed = parse_text(page.key, source.text, request.settings)
    notice = source.notice
    del source
    tally = PageTally.of(parsed)
    findings: list[Diagnostic] = []
    failures: list[RuleFailure] = []
    if request.check is not None:
        findings, failures = request.check(parsed)
    content = b""
    # A page decoded from a guessed encoding is not cached: its notice is given on every run.
    if cache is not None and not notice:
        if keep:
            plain_page = page_to_plain(parsed)
            cache.store("pages", key, plain_page)
            content = page_digest(plain_page)
        if request.check is not None and not failures:
            plain = (
                page_to_plain(parsed, records=False),
                (tally.records, tally.sections),
                diagnostics_to_plain(findings),
                content,
            )
            cache.store("findings", cache.findings_key(key), plain)
    kept = parsed if keep else replace(parsed, records=())
    return PageOutcome(kept, tally, tuple(findings), tuple(failures), notice, content)


def _cached(cache: PageCache, key: str, keep: bool, request: ReadRequest) -> PageOutcome | None:
    checked = request.check is not None
    findings: tuple[Diagnostic, ...] = ()
    parsed: ParsedFile | None = None
    tally: PageTally | None = None
    content = b""
    if checked:
        entry = cache.load("findings", cache.findings_key(key))
        if entry is None:
            return None
        try:
            plain_page, (records, sections), plain_findings, content = entry
            if not isinstance(content, bytes):
                raise TypeError("a page's digest is bytes")
            parsed = page_from_plain(plain_page)
            tally = PageTally(records, sections)
            findings = diagnostics_from_plain(plain_findings)
        except (TypeError, ValueError):
            cache.warnings.add(cache.corrupt())
            return None
        if keep and not request.cached_records:
            # Known by its digest alone until the caller needs its records.
            return PageOutcome(parsed, tally, findings, content=content, left=True)
    if keep or not checked:
        entry = cache.load("pages", key)
        if entry is None:
            return None
        try:
            parsed = page_from_plain(entry)
        except (TypeError, ValueError):
            cache.warnings.add(cache.corrupt())
            return None
        tally = PageTally.of(parsed)
    if parsed is None or tally is None:  # neither lookup ran: cannot happen, but say so
        return None
    return PageOutcome(parsed, tally, findings, content=content)


# --- sharing the pages with helpers -------------------------------------------------------------


def _helpers(pages: int) -> int:
    if pages < 2 * MIN_PAGES_PER_WORKER:
        return 0  # decided before importing multiprocessing, which a short run never needs
    from speclint.sharing import helpers_for

    return helpers_for(usable_cpus(), pages, MIN_PAGES_PER_WORKER)


def _shared_out(
    pages: Sequence[Page], request: ReadRequest, progress: Progress | None
) -> list[PageOutcome | Unread]:
    """Settle ``pages``, in chunks shared between this process and forked helpers (when there
    are enough of them); in ``pages`` order whoever read them."""
    helpers = _helpers(len(pages))
    if helpers == 0:
        outcomes = []
        for page in pages:
            outcomes.append(settle(page, request))
            if progress is not None:
                progress(1)
        return outcomes
    # The parser is imported before the helpers fork, once, rather than by each of them.
    import speclint.read.page  # noqa: F401
    from speclint.sharing import Tasks, share_out

    size = max(1, len(pages) // ((helpers + 1) * CHUNKS_PER_WORKER))
    chunks = [range(start, min(start + size, len(pages))) for start in range(0, len(pages), size)]

    def here(chunk: int) -> list[PageOutcome | Unread]:
        return [settle(pages[i], request) for i in chunks[chunk]]

    def there(chunk: int) -> bytes:
        # A helper sends its pages marshalled, with the cache's warnings it had.
        return marshal.dumps(
            (
                tuple(_encoded(settle(pages[i], request)) for i in chunks[chunk]),
                tuple(request.cache.warnings.messages) if request.cache else (),
            )
        )

    def back(data: bytes) -> list[PageOutcome | Unread]:
        # Bytes a helper of this very run marshalled, never read from disk.
        encoded, warnings = marshal.loads(data)
        if request.cache is not None:
            for warning in warnings:
                request.cache.warnings.add(warning)
        return [_decoded(item) for item in encoded]

    def done(chunk: int, outcomes: list[PageOutcome | Unread]) -> None:
        if progress is not None:
            progress(len(outcomes))

    tasks = Tasks(len(chunks), here, there, back)
    return [outcome for outcomes in share_out(tasks, helpers, done) for outcome in outcomes]


def _encoded(outcome: PageOutcome | Unread) -> Plain:
    if isinstance(outcome, Unread):
        return ("unread", outcome.message, outcome.error)
    return (
        "page",
        page_to_plain(outcome.parsed),
        (outcome.tally.records, outcome.tally.sections),
        diagnostics_to_plain(outcome.findings),
        failures_to_plain(outcome.failures),
        outcome.notice,
        outcome.content,
        outcome.left,
    )


def _decoded(data: Plain) -> PageOutcome | Unread:
    if data[0] == "unread":
        return Unread(data[1], data[2])
    _, plain_page, (records, sections), plain_findings, failures, notice, content, left = data
    return PageOutcome(
        page_from_plain(plain_page),
        PageTally(records, sections),
        diagnostics_from_plain(plain_findings),
        failures_from_plain(failures),
        notice,
        content,
        left,
    )
