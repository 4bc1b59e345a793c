from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from speclint.model import Diagnostic, Location, Record, Related, Severity
from speclint.registry.translations import Section, match_records, table_for
from speclint.rule import RecordSet, Rule, Scope


class TranslationMissing(Rule):
    """## What it does
    Flags a code that one translation of a page lists and another does not, and a translated
    page that does not exist. Pages are translations of each other when the configuration says
    so (`[translations]`); codes are matched by name, or by value on pages without a name
    column, never by their meaning, which is written in another language.

    ## Why it matters
    Readers of each language trust their page to be complete. A code added to the Chinese page
    and forgotten on the English one is a code English-speaking client developers never handle;
    the two pages drift a little more with every release.

    ## Example
    With `[translations]` `zh = "docs/zh"` and `en = "docs/en"`, `docs/zh/errors.md`:

    ```markdown
    ## 基础错误码

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_OK | 0 | 成功 |
    | ERRCODE_BUSY | 1 | 系统繁忙 |
    ```

    and `docs/en/errors.md`, which lacks `ERRCODE_BUSY`:

    ```markdown
    ## Basic codes

    | Name | Value | Meaning |
    | --- | --- | --- |
    | ERRCODE_OK | 0 | Success |
    ```

    ## How to fix
    Add the code to the page that lacks it, in the table of the same section (the finding points
    at it), or remove it from the page that should not have it. The first language declared is
    the reference: each other language's page is compared with its page.
    """

    code = "SL501"
    name = "translation-missing"
    severity = Severity.WARNING
    scope = Scope.TRANSLATION

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        other = records.counterpart
        if other is None:
            return
        if not other.exists:
            if records.records:
                count = len(records.records)
                yield self.report(
                    records.records[0],
                    f"this page has no {other.language} translation: {other.name} does not "
                    f"exist, so its {count} code{'' if count == 1 else 's'} are missing there",
                    field=_field(records.records[0]),
                    subject=[],
                )
            return
        if not records.records or not other.records:
            yield from self._whole_page(records, other)
            return
        matching = match_records(records.records, other.records)
        forward, backward = matching.section_counterparts()
        for record in matching.only_first:
            yield self._missing(record, records.language, other, forward)
        for record in matching.only_second:
            yield self._missing(record, other.language, records, backward)

    def _missing(
        self, record: Record, language: str, other: RecordSet, sections: Mapping[Section, Section]
    ) -> Diagnostic:
        finding = self.report(
            record,
            f"{record.title} is on the {language} page but not on the {other.language} page",
            field=_field(record),
        )
        table = table_for(record.section, other, sections)
        if table is None:
            return finding
        mapped = sections.get(record.section) is not None
        note = (
            f"the {other.language} table for the other codes of {record.section_title}"
            if mapped
            else f"the {other.language} page's first code table"
        )
        return replace(finding, related=(Related(Location(table.file, table.line), note),))

    def _whole_page(self, records: RecordSet, other: RecordSet) -> Iterator[Diagnostic]:
        """One finding when one side lists no code at all, rather than one per code."""
        full, empty = (records, other) if records.records else (other, records)
        if not full.records:
            return
        count = len(full.records)
        finding = self.report(
            full.records[0],
            f"the {full.language} page lists {count} code{'' if count == 1 else 's'} and its "
            f"{empty.language} translation none of them",
            field=_field(full.records[0]),
            subject=[],
        )
        related = Related(Location(empty.name, 1), f"the {empty.language} page")
        yield replace(finding, related=(related,), subject=(*finding.subject, empty.name))


def _field(record: Record) -> str:
    return "name" if record.name else "value"
