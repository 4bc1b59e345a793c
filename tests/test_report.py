"""``speclint report``: the HTML and Markdown reports as files, without a browser (see
test_report_browser.py for the page itself)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from speclint.report.markdown_report import code, escape
from speclint.rule import doc_section
from tests.conftest import CLEAN_PAGE, EXAMPLE_PAGE, Run

RunCli = Callable[..., Run]
WritePage = Callable[..., Path]

# Spec text that would be markup, a script or a template if it were not treated as data. The
# reader reduces inline HTML to its text, so the page spells it in code spans, with backslash
# escapes and as entities: each of these meanings holds the characters literally.
HOSTILE_PAGE = """\
# Codes

### Requests {{ 7*7 }} `<b>bold</b>`

| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| ERRCODE_SCRIPT | 100001 | `<script>window.__pwned = 1</script>` |
| ERRCODE_IMG | 100002 | \\<img src=x onerror="window.__pwned=2"> |
| ERRCODE_TEMPLATE | 100003 | {{ 7*7 }} {% if 1 %}yes{% endif %} |
| ERRCODE_CLOSE | 100004 | &lt;/script&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt; |
| ERRCODE_IMG_AGAIN | 100005 | \\<img src=x onerror="window.__pwned=2"> |
| ERRCODE_MARKDOWN | 100006 | **bold** [link](javascript:alert(1)) \\| pipe \\`tick |
"""
HOSTILE_TEXTS = (
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "{{ 7*7 }} {% if 1 %}yes{% endif %}",
    "</script><script>window.__pwned=3</script>",
    "bold [link](javascript:alert(1)) | pipe `tick",
)


class _Page(HTMLParser):
    """What a browser would load or run from an HTML report."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: str | None = None
        self._attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open, self._attrs = tag, dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts.append((self._attrs, data))
        elif self._open == "style":
            self.styles.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _data(html: str) -> dict:
    page = _parse(html)
    (text,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    return json.loads(text)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture(scope="module")
def example_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "report.html"
    run = subprocess.run(
        [sys.executable, "-m", "speclint", "report", EXAMPLE_PAGE.name, "-o", str(out)],
        cwd=EXAMPLE_PAGE.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr  # findings, as with check
    assert run.stdout == run.stderr == ""
    return out.read_text(encoding="utf-8")


def test_format_follows_the_extension_or_format(run_cli: RunCli, tmp_path: Path) -> None:
    for name, start in (("r.html", "<!doctype html>"), ("r.HTM", "<!doctype html>")):
        assert run_cli("report", str(CLEAN_PAGE), "-o", str(tmp_path / name)).code == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    for name in ("r.md", "r.markdown"):
        assert run_cli("report", str(CLEAN_PAGE), "-o", str(tmp_path / name)).code == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith("## speclint report")
    # --format wins over the extension, and writes to stdout without -o (for job summaries).
    odd = tmp_path / "summary.txt"
    assert run_cli("report", str(CLEAN_PAGE), "--format", "markdown", "-o", str(odd)).code == 0
    assert odd.read_text(encoding="utf-8").startswith("## speclint report")
    to_stdout = run_cli("report", str(CLEAN_PAGE), "--format", "markdown")
    assert to_stdout.code == 0
    assert to_stdout.out.startswith("## speclint report")


def test_a_format_that_cannot_be_told_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    unknown = run_cli("report", str(CLEAN_PAGE), "-o", str(tmp_path / "report.pdf"))
    assert unknown.code == 2
    assert "report.pdf: cannot tell the report format" in unknown.err
    assert "--format html" in unknown.err
    assert not (tmp_path / "report.pdf").exists()
    nowhere = run_cli("report", str(CLEAN_PAGE))
    assert nowhere.code == 2
    assert "--format html or --format markdown" in nowhere.err
    assert nowhere.out == ""


def test_report_exits_like_check_and_reports_unwritable_output(
    run_cli: RunCli, tmp_path: Path
) -> None:
    out = str(tmp_path / "r.md")
    assert run_cli("report", str(EXAMPLE_PAGE), "-o", out).code == 1
    assert run_cli("report", str(EXAMPLE_PAGE), "-o", out, "--exit-zero").code == 0
    assert run_cli("report", str(EXAMPLE_PAGE), "-o", out, "--select", "SL303").code == 0
    missing = run_cli("report", str(EXAMPLE_PAGE), "-o", str(tmp_path / "no" / "r.html"))
    assert missing.code == 2
    assert "r.html: cannot write" in missing.err
    assert "Traceback" not in missing.err


def test_report_uses_the_configuration_like_check(run_cli: RunCli, tmp_path: Path) -> None:
    # examples/speclint.toml configures the ranges: the map says so.
    out = tmp_path / "r.html"
    run_cli("report", str(EXAMPLE_PAGE), "-o", str(out))
    sections = _data(out.read_text(encoding="utf-8"))["sections"]
    assert {s["map"]["origin"] for s in sections} == {"configured"}
    # --ignore works as in check.
    run_cli("report", str(EXAMPLE_PAGE), "-o", str(tmp_path / "r.md"), "--ignore", "SL105")
    assert "SL105" not in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_html_report_is_one_self_contained_file(example_html: str) -> None:
    page = _parse(example_html)
    for tag, attrs in page.tags:
        for key in ("src", "href", "action", "srcset", "poster", "data"):
            target = attrs.get(key)
            if target is not None and not (tag == "object" and key == "data"):
                assert target.startswith(("#", "data:")), f"<{tag} {key}={target!r}>"
    assert not [t for t, a in page.tags if t == "link" and a.get("rel") != "icon"]
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", "".join(page.styles))
    (csp,) = [
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "default-src 'none'" in csp
    # The page's own script and style run because the policy names their hashes; nothing else
    # can.
    (script,) = [body for attrs, body in page.scripts if "type" not in attrs]
    assert f"script-src {_csp_hash(script)}" in csp
    (style,) = page.styles
    assert f"style-src {_csp_hash(style)}" in csp


def test_html_report_summary_and_catalog_of_the_example(example_html: str) -> None:
    stats = dict(re.findall(r'data-stat="(\w+)">([\d,]+)<', example_html))
    assert stats == {"files": "1", "sections": "5", "codes": "91", "findings": "5"}
    severities = dict(re.findall(r'data-severity="(\w+)"><span class="number">(\d+)', example_html))
    assert severities == {"error": "3", "warning": "2", "info": "0"}
    data = _data(example_html)
    assert len(data["records"]) == 91
    headings = [s["heading"] for s in data["sections"]]
    assert headings == ["基础错误码", "请求验证", "消息", "组织架构", "群组"]
    assert sum(s["definitions"] for s in data["sections"]) == 91
    organisation = data["sections"][3]["map"]
    assert organisation["low"] == "300000"
    assert organisation["high"] == "399999"
    assert organisation["next"] == "300313"  # as `speclint allocate 组织架构` prints
    assert organisation["highest"] == "300312"
    assert (organisation["gaps"], organisation["firstGap"]) == (256, "300000")
    assert [c[0] for c in organisation["collisions"]] == ["300311"]
    assert organisation["collisions"][0][1] == ["ERRCODE_REPEAT_USERID", "ERRCODE_NOTEXIST_JOBID"]
    # The records carry the rules of the findings they are involved in, at their own row or as
    # the related record, for the catalog's "with findings" filter.
    flagged = {r[3]: r[9] for r in data["records"] if r[9]}
    assert flagged["ERRCODE_NOTEXIST_JOBID"] == "SL101"
    assert flagged["ERRCODE_REPEAT_USERID"] == "SL101"
    assert flagged["ERRCODE_NOTEXIST_DEPT"] == "SL104"
    assert flagged["ERRCODE_DEPT_NOT_EXIST"] == "SL202 SL104"
    lines = sorted(r[2] for r in data["records"] if r[9])
    assert lines == [19, 26, 28, 69, 89, 105, 107, 109, 110]


def test_html_findings_are_grouped_by_rule_with_records_side_by_side(example_html: str) -> None:
    from speclint.check.plugins import load_rules

    group = example_html.split('id="rule-SL101"', 1)[1].split('<section class="rule"', 1)[0]
    assert "status-codes.zh.md:110:41" in group
    # The two records involved, one column each: the finding's own row and the one it repeats.
    assert re.search(r"<th scope=\"col\">here</th><th scope=\"col\">ERRCODE_REPEAT_USERID", group)
    names = re.findall(r"<td><code>(ERRCODE_\w+)</code></td>", group)
    assert names == ["ERRCODE_NOTEXIST_JOBID", "ERRCODE_REPEAT_USERID"]
    assert "status-codes.zh.md:109" in group
    # The rule's own "How to fix" text, rendered from its documentation.
    rule = next(r for r in load_rules().rules if r.code == "SL101")
    first_words = " ".join(doc_section(rule.documentation(), "How to fix").split()[:6])
    assert first_words in " ".join(group.split())
    assert example_html.count('<section class="rule"') == 4


def test_spec_text_is_data_in_the_html_report(
    run_cli: RunCli, write_page: WritePage, tmp_path: Path
) -> None:
    page = write_page("hostile.md", HOSTILE_PAGE)
    out = tmp_path / "hostile.html"
    assert run_cli("report", str(page), "-o", str(out)).code == 0  # one warning
    html = out.read_text(encoding="utf-8")
    parsed = _parse(html)
    assert [t for t, _ in parsed.tags if t in ("img", "b")] == []
    assert len([t for t, _ in parsed.tags if t == "script"]) == 2  # the data and the script
    assert "Requests {{ 7*7 }} &lt;b&gt;bold&lt;/b&gt;" in html  # no template ran, no markup
    # In the findings (rendered by the template) the text is escaped...
    assert "&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in html
    # ... and in the catalog (rendered by the page's script) it is JSON that cannot close its
    # <script> block, and comes back exactly.
    descriptions = {r[3]: r[6] for r in _data(html)["records"]}
    assert set(HOSTILE_TEXTS) <= set(descriptions.values())


def test_markdown_report_of_the_example(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert run_cli("report", str(EXAMPLE_PAGE), "-o", str(out)).code == 1
    text = out.read_text(encoding="utf-8")
    assert "| 1 | 5 | 91 | 5 | 3 | 2 | 0 |" in text
    assert "| `SL104` | synonym-names | 2 |" in text
    assert "### `SL101` duplicate-value: 1 finding" in text
    assert (
        "- `examples/status-codes.zh.md:110` **error** value 300311 of ERRCODE\\_NOTEXIST\\_JOBID"
    ) in text
    assert "(see `examples/status-codes.zh.md:109` ERRCODE\\_REPEAT\\_USERID)" in text
    assert "<details><summary>How to fix</summary>" in text
    assert (
        "| examples/status-codes.zh.md &gt; 组织架构 | 58 | `300000..399999` | `300313` | 256 |"
        in text
    )
    # As GitHub renders it: tables, and the findings as a list.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert html.count("<table>") == 3
    assert "<code>SL101</code>" in html
    assert "Give the newer code a free value" in html


def _long_page(duplicates: int) -> str:
    lines = [
        "# Codes",
        "",
        "### Requests",
        "",
        "| 错误码 | 十进制数值 | 含义 |",
        "| --- | --- | --- |",
    ]
    # Pairs of codes with one value: one duplicate each (a value repeated down the whole table
    # would be one problem, one finding).
    for i in range(duplicates):
        lines += [
            f"| ERRCODE_A_{i} | {100001 + i} | 甲{i} |",
            f"| ERRCODE_B_{i} | {100001 + i} | 乙{i} |",
        ]
    return "\n".join(lines) + "\n"


def test_markdown_report_folds_long_lists_and_is_cut_with_a_note(
    run_cli: RunCli, write_page: WritePage, tmp_path: Path
) -> None:
    folded = tmp_path / "folded.md"
    run_cli("report", str(write_page("some.md", _long_page(29))), "-o", str(folded))
    text = folded.read_text(encoding="utf-8")
    assert "### `SL101` duplicate-value: 29 findings" in text
    assert "<details><summary>29 findings</summary>" in text
    assert "cut to fit" not in text
    # 2,000 duplicates do not fit a pull-request comment: the report stops below the cap and
    # says what it left out.
    cut = tmp_path / "cut.md"
    run_cli("report", str(write_page("many.md", _long_page(1999))), "-o", str(cut))
    text = cut.read_text(encoding="utf-8")
    assert 55_000 < len(text) <= 60_000
    shown = text.count("\n- `")
    assert 0 < shown < 1999
    assert f"{1999 - shown} of 1999 findings and 1 of 1 section are not shown" in text
    assert f"<details><summary>{shown} findings shown of 1999</summary>" in text
    assert text.count("<details>") == text.count("</details>")


def test_markdown_report_cap_is_a_parameter() -> None:
    from speclint.report import markdown_report

    assert markdown_report.MAX_CHARACTERS == 60_000
    assert markdown_report.MAX_CHARACTERS < 65_536  # a pull-request comment


def test_spec_text_is_data_in_the_markdown_report(
    run_cli: RunCli, write_page: WritePage, tmp_path: Path
) -> None:
    out = tmp_path / "report.md"  # not hostile.md: that is the page
    run_cli("report", str(write_page("hostile.md", HOSTILE_PAGE)), "-o", str(out))
    text = out.read_text(encoding="utf-8")
    # GitHub passes some raw HTML through: render with raw HTML on, as the worst case.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<img" not in html
    assert "<script" not in html
    assert "<b>" not in html
    assert "<a " not in html
    assert "<strong>bold</strong>" not in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in html
    assert "Requests {{ 7*7 }} &lt;b&gt;bold&lt;/b&gt;" in html


@pytest.mark.parametrize(
    "text",
    [
        '<img src=x onerror="alert(1)">',
        "**bold** _it_ `tick` [link](x) | pipe ~strike~ \\ back",
        "a\nnew line",
        "&amp; &lt; entity",
    ],
)
def test_markdown_escape_reads_back_as_the_text(text: str) -> None:
    rendered = (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .render(f"| a |\n| --- |\n| {escape(text)} |\n")
    )
    cell = re.search(r"<td>(.*)</td>", rendered)
    assert cell is not None
    import html as html_module

    assert html_module.unescape(cell.group(1)) == text.replace("\n", " ")


def test_markdown_code_span_holds_backticks_and_pipes() -> None:
    rendered = (
        MarkdownIt("commonmark").enable("table").render(f"| a |\n| --- |\n| {code('a`b|c')} |\n")
    )
    assert "<code>a`b|c</code>" in rendered


def test_check_does_not_import_jinja2() -> None:
    probe = (
        "import sys; from speclint.cli import main; "
        f"code = main(['check', {str(CLEAN_PAGE)!r}]); "
        "assert 'jinja2' not in sys.modules, 'jinja2 imported'; "
        "from speclint.cli import main as again; "
        "print('ok', code)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("ok 0")


def test_a_bad_range_is_a_configuration_error_even_when_its_rule_is_off(
    run_cli: RunCli, tmp_path: Path
) -> None:
    config = tmp_path / "speclint.toml"
    config.write_text('[rules.category-range]\nranges = { "消息" = [299999, 200000] }\n')
    result = run_cli(
        "report", str(EXAMPLE_PAGE), "--config", str(config), "--select", "SL101",
        "-o", str(tmp_path / "r.md"),
    )  # fmt: skip
    assert result.code == 2
    assert "rules.category-range.ranges.消息: the range [299999, 200000] is empty" in result.err
    assert not (tmp_path / "r.md").exists()


def test_unreadable_and_skipped_pages_are_named_in_the_report(
    run_cli: RunCli, write_page: WritePage, tmp_path: Path
) -> None:
    binary = write_page("docs/blob.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    good = write_page("docs/good.md", "| code | message |\n|--|--|\n| 1 | ok |\n| 1 | dup |\n")
    for name in ("r.html", "r.md"):
        # Named on the command line, an unreadable page is an error (exit 2)...
        result = run_cli("report", str(binary), str(good), "-o", str(tmp_path / name))
        assert result.code == 2
        assert "blob.md: binary file" in result.err
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "blob.md: binary file" in text  # the reader sees it too
        assert "SL101" in text  # and the readable page is reported
        # ... found in a folder, it is skipped with a warning, said in the report as well.
        result = run_cli("report", str(binary.parent), "-o", str(tmp_path / name))
        assert result.code == 1
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "Skipped, or read with a guess" in text
        assert "blob.md: binary file" in text


MIXED_PAGE = """\
# API codes

## Orders

| name | code | description |
| --- | --- | --- |
| ORDER_MISSING | 300001 | order missing |
| ORDER_CLOSED | 300002 | order closed |
| ORDER_LOCKED | 300003 | order locked (deprecated) |
| ORDER_EXPIRED | 300004 | order expired |
| ORDER_DUP | 300004 | duplicate order |
| ORDER_PAID | 300010 | already paid |
| ORDER_REFUNDED | 300012 | refunded |
| ORDER_VOID | 300013 | void |
| ORDER_WRONG | 400010 | filed in the wrong place |
| ORDER_HELD | 300011 | reserved |

## Opcodes

| name | code | description |
| --- | --- | --- |
| OP_PING | 0 | ping |
| OP_PONG | 1 | pong |
| OP_DATA | 2 | data |
| OP_CLOSE | 5 | close |

## String codes

| Code | Meaning |
| --- | --- |
| InvalidParameter | a parameter is invalid |
| MissingParameter | a parameter is missing |
"""


def test_maps_and_states_of_inferred_unranged_and_string_sections(
    run_cli: RunCli, write_page: WritePage, tmp_path: Path
) -> None:
    out = tmp_path / "mixed.html"
    run_cli("report", str(write_page("mixed.md", MIXED_PAGE)), "-o", str(out))
    data = _data(out.read_text(encoding="utf-8"))
    orders, opcodes, strings = data["sections"]
    assert orders["heading"] == "Orders"
    assert orders["map"]["ranged"]
    assert orders["map"]["origin"] == "inferred from 9 of its 10 values"
    assert [(m[0], m[1], m[4]) for m in orders["map"]["outside"]] == [
        ("400010", ["ORDER_WRONG"], False)
    ]
    assert [m[0] for m in orders["map"]["collisions"]] == ["300004"]
    assert orders["map"]["next"] == "300014"  # above 300013, the highest in the range
    # Opcodes 0..5 infer no range: the map spans the values; next is after the highest.
    opcodes_map = opcodes["map"]
    assert not opcodes_map["ranged"]
    assert (opcodes_map["low"], opcodes_map["high"], opcodes_map["next"]) == ("0", "5", "6")
    assert (opcodes_map["gaps"], opcodes_map["firstGap"]) == (2, "3")
    assert strings["map"] is None
    assert strings["definitions"] == 2
    states = {r[3]: r[8] for r in data["records"]}
    assert states["ORDER_LOCKED"] == "deprecated"
    assert states["ORDER_HELD"] == "reserved"
    assert states["ORDER_VOID"] == ""


def test_a_range_the_page_reserves_is_drawn_and_never_offered(
    run_cli: RunCli, write_page: WritePage, tmp_path: Path
) -> None:
    page = write_page(
        "rpc.md",
        "# JSON-RPC errors\n\n| code | message |\n| --- | --- |\n"
        "| -32700 | Parse error |\n| -32600 | Invalid Request |\n| -32601 | Method not found |\n"
        "| -32602 | Invalid params |\n| -32603 | Internal error |\n"
        "| -32099 to -32000 | Server error (reserved for implementations) |\n",
    )
    out = tmp_path / "rpc.html"
    run_cli("report", str(page), "--config", str(write_page("c.toml", RPC_RANGE)), "-o", str(out))
    (section,) = _data(out.read_text(encoding="utf-8"))["sections"]
    code_map = section["map"]
    assert code_map["reserved"] == ["-32099..-32000"]
    assert code_map["next"] == "-31999"  # above the reserved span, as `speclint allocate` offers
    assert code_map["firstGap"] == "-32768"
    assert code_map["free"] == (-31000 - -32768 + 1) - 5 - 100
    assert code_map["band"]["reserved"][0][2] == "-32099..-32000"


RPC_RANGE = '[rules.category-range]\nranges = { "JSON-RPC errors" = [-32768, -31000] }\n'


def test_a_report_draws_declared_registries_and_pages_on_their_own(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # The rules judge a page on its own where it is read; the report still sees every code
    # space: the declared registry whole, and the page beside it.
    def table(title: str, rows: str) -> str:
        return f"# {title}\n\n### {title}\n\n| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n{rows}"

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(
        table("用户", "| ERRCODE_USER_A | 100001 | 甲 |\n| ERRCODE_USER_B | 100002 | 乙 |\n"),
        encoding="utf-8",
    )
    (tmp_path / "a" / "two.md").write_text(
        table("用户", "| ERRCODE_USER_C | 100003 | 丙 |\n| ERRCODE_USER_A | 100004 | 甲 |\n"),
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        table("订单", "| ERRCODE_ORDER_A | 200001 | 甲 |\n| ERRCODE_ORDER_B | 200001 | 乙 |\n"),
        encoding="utf-8",
    )
    (tmp_path / "speclint.toml").write_text('[registries.api]\ninclude = ["a/*.md"]\n')
    out = tmp_path / "out" / "report.md"
    out.parent.mkdir()
    assert run_cli("report", ".", "-o", str(out), cwd=tmp_path).code == 1
    text = out.read_text(encoding="utf-8")
    assert "| 3 | 3 | 6 | 2 | 2 | 0 | 0 |" in text
    assert "| api &gt; 用户 | 4 | `100001..100004` (span of its values) | `100005` |" in text
    assert "| b.md &gt; 订单 | 2 | `200001..200001` (span of its values) | `200002` |" in text
