from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from speclint.model import Diagnostic, Record, Severity
from speclint.registry.translations import Section, match_records
from speclint.rule import RecordSet, Rule, Scope
from speclint.wording import listed


class TranslationSectionMismatch(Rule):
    """## What it does
    Flags codes that a page and its translation (`[translations]` in the configuration) file
    under sections that do not correspond. Section titles are translated, so sections are
    matched by the codes they share: each section corresponds to the section of the other page
    that holds most of its codes. Codes filed elsewhere are reported once per pair of sections.

    ## Why it matters
    Readers look a code up by its category. When the English page files a code under another
    category than the Chinese page, one of them teaches the wrong category, and range-based
    client logic ("1xxxxx is a request error") built from it is wrong too.

    ## Example
    With `[translations]` `zh = "docs/zh"` and `en = "docs/en"`, `docs/zh/errors.md`:

    ```markdown
    ## 基础错误码

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_OK | 0 | 成功 |
    | ERRCODE_BUSY | 1 | 系统繁忙 |

    ## 请求验证

    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_INVALID_REQUEST | 100001 | 错误的请求 |
    | ERRCODE_MISS_PARAM | 100002 | 缺少参数 |
    ```

    and `docs/en/errors.md`, which files `ERRCODE_MISS_PARAM` with the basic codes:

    ```markdown
    ## Basic codes

    | Name | Value | Meaning |
    | --- | --- | --- |
    | ERRCODE_OK | 0 | Success |
    | ERRCODE_BUSY | 1 | System busy |
    | ERRCODE_MISS_PARAM | 100002 | Missing parameter |

    ## Request validation

    | Name | Value | Meaning |
    | --- | --- | --- |
    | ERRCODE_INVALID_REQUEST | 100001 | Bad request |
    ```

    ## How to fix
    Move the rows so that both pages file each code under the same category. A section split
    in two on one page, or two sections merged, is reported the same way: give both pages the
    same sections.
    """

    code = "SL503"
    name = "translation-section-mismatch"
    severity = Severity.WARNING
    scope = Scope.TRANSLATION

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        other = records.counterpart
        if other is None or not other.records:
            return
        matching = match_records(records.records, other.records)
        forward, backward = matching.section_counterparts()
        misfiled: dict[tuple[Section, Section], list[tuple[Record, Record]]] = defaultdict(list)
        for first, second in matching.pairs:
            if (
                forward[first.section] != second.section
                or backward[second.section] != first.section
            ):
                misfiled[(first.section, second.section)].append((first, second))
        for (mine, theirs), pairs in misfiled.items():
            codes = listed([second.label for _, second in pairs])
            verb = "is" if len(pairs) == 1 else "are"
            here, there = records.language, other.language
            if forward[mine] != theirs:
                message = (
                    f"{codes} {verb} under {_title(theirs)} on the {there} page but under "
                    f"{_title(mine)} on the {here} page, whose other codes the {there} page "
                    f"lists under {_title(forward[mine])}"
                )
            else:
                message = (
                    f"{codes} {verb} under {_title(theirs)} on the {there} page with the codes "
                    f"of {_title(backward[theirs])}, but under {_title(mine)} on the {here} page"
                )
            yield self.report(
                pairs[0][1],
                message,
                field="name" if pairs[0][1].name else "value",
                related=[(first, f"{first.label} is under {_title(mine)} on the {here} page")
                         for first, _ in pairs],
            )  # fmt: skip


def _title(section: Section) -> str:
    return section[-1] if section else "the untitled top of the page"
