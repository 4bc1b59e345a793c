"""The HTML report: one self-contained file a reviewer opens in a browser.

The page is a Jinja2 template with autoescaping on, so spec text is always data: the summary and
the findings are rendered by the template, the code-space maps and the catalog by the page's
own script from a JSON block (``tojson`` escapes ``<``, ``>``, ``&`` and ``'``, so no text can
close the block), which only ever puts text into the page as text. A Content-Security-Policy
allows the page's own style and script by their hash and nothing else: no network request,
no script that might slip in.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from speclint.model import Record
from speclint.report.codemap import Band, CodeMap, Mark
from speclint.report.overview import Overview, Section

# Findings rendered per rule; the rest are counted (a page of 100,000 naming findings would not
# be read, and would make the page slow).
FINDINGS_PER_RULE = 200


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("speclint.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Compact JSON that keeps CJK text as it is: the catalog of a large registry is most of
    # the page.
    environment.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    environment.filters["markdown"] = _markdown
    return environment


def _asset(name: str) -> str:
    return (resources.files("speclint.report") / "templates" / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _markdown_renderer() -> MarkdownIt:
    # Rule documentation is Markdown; raw HTML in it (a plugin's docstring) is shown as text.
    return MarkdownIt("commonmark", {"html": False})


def _markdown(text: str) -> Markup:
    # Markup: markdown-it escapes the text, and raw HTML is off.
    return Markup(_markdown_renderer().render(text))


def render(view: Overview, *, title: str) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    # Markup: speclint's own stylesheet and script, and the base64 of their digests.
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            view=view,
            title=title,
            style=Markup(style),
            script=Markup(script),
            style_hash=Markup(_csp_hash(style)),
            script_hash=Markup(_csp_hash(script)),
            data=page_data(view),
            findings_per_rule=FINDINGS_PER_RULE,
        )
    )


def page_data(view: Overview) -> dict[str, Any]:
    """What the page's script renders: every section with its map, and the catalog.

    Records are arrays rather than objects, and name their page, heading chain and section by
    number, because the catalog of 100,000 codes is most of the file.
    """
    tables = _Tables()
    records = []
    for section in view.sections:
        references = {id(r) for r in section.references}
        for record in section.records:
            state = "reference" if id(record) in references else view.state(record)
            records.append(_record_row(section, record, state, tables, view.findings_at))
    sections = [_section_data(s, tables) for s in view.sections]
    return {
        "files": list(tables.files),
        "chains": list(tables.chains),
        "spaces": list(tables.spaces),
        "sections": sections,
        "records": records,
    }


class _Tables:
    """Strings the page data names by number, each listed once."""

    def __init__(self) -> None:
        self.files: dict[str, int] = {}
        self.chains: dict[str, int] = {}
        self.spaces: dict[str, int] = {}
        self._chain_of: dict[tuple[str, ...], int] = {}

    def chain(self, section: tuple[str, ...]) -> int:
        """The number of a heading chain, joined once per chain rather than once per record."""
        found = self._chain_of.get(section)
        if found is None:
            found = self._chain_of[section] = self.number(self.chains, " > ".join(section))
        return found

    @staticmethod
    def number(table: dict[str, int], text: str) -> int:
        return table.setdefault(text, len(table))


def _record_row(
    section: Section,
    record: Record,
    state: str,
    tables: _Tables,
    findings_at: Mapping[tuple[str, int], tuple[str, ...]],
) -> list[Any]:
    extra = "; ".join(f"{c.header}: {c.text}" for c in record.cells if not c.role and c.text)
    number = record.value if isinstance(record.value, int) else None
    # The value as written only when it is not the number's own spelling (0x1F, +5).
    written = None if number is not None and str(number) == record.raw_value else record.raw_value
    if number is not None and abs(number) >= 2**53:
        number = None  # a JavaScript number would lose digits: sort such codes as text
    return [
        section.number,
        tables.number(tables.files, record.file),
        record.line,
        record.name,
        written,
        number,
        record.description,
        extra,
        state,
        " ".join(findings_at.get((record.file, record.line), ())),
        tables.chain(record.section),
    ]


def _section_data(section: Section, tables: _Tables) -> dict[str, Any]:
    return {
        "space": tables.number(tables.spaces, section.space),
        "heading": section.heading or "untitled top of the page",
        "definitions": len(section.definitions),
        "references": len(section.references),
        "map": _map_data(section.map) if section.map is not None else None,
    }


def _map_data(code_map: CodeMap) -> dict[str, Any]:
    # Values are passed as text: codes beyond 2**53 would lose digits in a JavaScript number.
    # Positions are fractions of a band, computed here for the same reason.
    return {
        "low": str(code_map.span.low),
        "high": str(code_map.span.high),
        "ranged": code_map.ranged,
        "origin": code_map.origin,
        "band": _band_data(code_map.band, code_map),
        "detail": _band_data(code_map.detail, code_map) if code_map.detail else None,
        "outside": [_mark_data(m) for m in code_map.outside],
        "collisions": [_mark_data(m) for m in code_map.collisions],
        "reserved": [str(r) for r in code_map.reserved],
        "next": None if code_map.next_free is None else str(code_map.next_free),
        "highest": None if code_map.highest is None else str(code_map.highest),
        "gaps": code_map.free_in_gaps,
        "firstGap": None if code_map.first_gap is None else str(code_map.first_gap),
        "free": code_map.free,
        "stretches": code_map.stretch_count,
        "largest": [
            [str(r.low), str(r.high), r.high - r.low + 1] for r in code_map.largest_stretches
        ],
        "used": code_map.used,
    }


def _band_data(band: Band, code_map: CodeMap) -> dict[str, Any]:
    span, next_free = band.span, code_map.next_free
    size = span.high - span.low + 1
    return {
        "low": str(band.span.low),
        "high": str(band.span.high),
        "width": str(band.width),
        "count": band.slice_count,
        # [slice number, used, collisions, used elsewhere]; the script works out the values
        "slices": [[s.index, s.used, s.collisions, s.elsewhere] for s in band.slices],
        "next": (next_free - span.low) / size
        if next_free is not None and next_free in span
        else None,
        # [from, to (fractions of the band), the range as text]
        "reserved": [
            [
                (max(r.low, span.low) - span.low) / size,
                (min(r.high, span.high) + 1 - span.low) / size,
                str(r),
            ]
            for r in code_map.reserved
            if r.overlaps(span)
        ],
    }


def _mark_data(mark: Mark) -> list[Any]:
    return [str(mark.value), list(mark.names), mark.file, mark.line, mark.admitted]
