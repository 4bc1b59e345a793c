"""Translated pages: configured by language folders or pairs, compared code by code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from speclint.config import ConfigError, Translations, load_settings
from speclint.registry.translations import match_records
from tests.conftest import Run
from tests.rules.conftest import make_record

RunCli = Callable[..., Run]
ROOTS = '[translations]\nzh = "docs/zh"\nen = "docs/en"\n'

ZH = """\
# 全局状态码

## 基础错误码

| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| ERRCODE_OK | 0 | 成功 |
| ERRCODE_BUSY | 1 | 系统繁忙 |
| ERRCODE_TIMEOUT | 2 | 请求超时 |

## 请求验证

| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| ERRCODE_INVALID_REQUEST | 100001 | 错误的请求 |
| ERRCODE_MISS_PARAM | 100002 | 缺少参数 |
"""

# The English page lacks ERRCODE_TIMEOUT and gives ERRCODE_MISS_PARAM another value.
EN = """\
# Global status codes

## Basic codes

| Name | Value | Meaning |
| --- | --- | --- |
| ERRCODE_OK | 0 | Success |
| ERRCODE_BUSY | 1 | System busy |

## Request validation

| Name | Value | Meaning |
| --- | --- | --- |
| ERRCODE_INVALID_REQUEST | 100001 | Bad request |
| ERRCODE_MISS_PARAM | 100003 | Missing parameter |
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for language, text in (("zh", ZH), ("en", EN)):
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "errors.md").write_text(text, encoding="utf-8")
    (tmp_path / "speclint.toml").write_text(ROOTS, encoding="utf-8")
    return tmp_path


def findings(run: Run) -> list[dict[str, Any]]:
    return json.loads(run.out)["diagnostics"]


def located(diagnostic: dict[str, Any]) -> tuple[str, int, str, int]:
    """(file, line) of the finding and of its one related location."""
    (related,) = diagnostic["related"]
    return diagnostic["file"], diagnostic["line"], related["file"], related["line"]


def test_a_missing_code_and_a_different_value_each_carry_both_locations(
    tree: Path, run_cli: RunCli
) -> None:
    run = run_cli("check", "docs", "--select", "SL5", "--output-format", "json", cwd=tree)
    assert run.code == 1, run.err
    by_code = {d["code"]: d for d in findings(run)}
    assert sorted(by_code) == ["SL501", "SL502"]
    missing, mismatch = by_code["SL501"], by_code["SL502"]
    assert missing["message"] == "ERRCODE_TIMEOUT (2) is on the zh page but not on the en page"
    # The zh row, and the en table where the other basic codes are.
    assert located(missing) == ("docs/zh/errors.md", 9, "docs/en/errors.md", 5)
    assert mismatch["message"] == (
        "ERRCODE_MISS_PARAM is 100003 on the en page but 100002 on the zh page"
    )
    assert located(mismatch) == ("docs/en/errors.md", 15, "docs/zh/errors.md", 16)


@pytest.mark.parametrize("page", ["docs/zh/errors.md", "docs/en/errors.md"])
def test_linting_one_page_of_a_pair_reads_the_other(tree: Path, run_cli: RunCli, page: str) -> None:
    # pre-commit passes only the changed page; its translation is read all the same.
    run = run_cli("check", page, "--select", "SL5", "--output-format", "json", cwd=tree)
    assert sorted(d["code"] for d in findings(run)) == ["SL501", "SL502"]
    assert [f["path"] for f in json.loads(run.out)["files"]] == [page]


def test_a_code_only_the_translation_has_is_reported_there(tree: Path, run_cli: RunCli) -> None:
    en = tree / "docs" / "en" / "errors.md"
    en.write_text(EN + "| ERRCODE_BAD_SIGN | 100004 | Bad signature |\n", encoding="utf-8")
    run = run_cli("check", "docs", "--select", "SL501", "--output-format", "json", cwd=tree)
    extra = [d for d in findings(run) if d["file"] == "docs/en/errors.md"]
    assert [d["message"] for d in extra] == [
        "ERRCODE_BAD_SIGN (100004) is on the en page but not on the zh page"
    ]
    assert located(extra[0]) == ("docs/en/errors.md", 16, "docs/zh/errors.md", 13)


def test_agreeing_pages_are_clean_whatever_their_descriptions(tree: Path, run_cli: RunCli) -> None:
    fixed = EN.replace("| ERRCODE_BUSY", "| ERRCODE_TIMEOUT | 2 | Timeout |\n| ERRCODE_BUSY")
    (tree / "docs" / "en" / "errors.md").write_text(
        fixed.replace("100003", "100002"), encoding="utf-8"
    )
    run = run_cli("check", "docs", "--select", "SL5", cwd=tree)
    assert run.code == 0, run.out


def test_a_page_without_its_translation_is_one_finding(tree: Path, run_cli: RunCli) -> None:
    (tree / "docs" / "en" / "errors.md").unlink()
    run = run_cli("check", "docs", "--select", "SL5", "--output-format", "json", cwd=tree)
    (finding,) = findings(run)
    assert finding["code"] == "SL501"
    assert finding["message"] == (
        "this page has no en translation: docs/en/errors.md does not exist, so its 5 codes "
        "are missing there"
    )
    assert finding["related"] == []


def test_pages_without_a_name_column_are_matched_by_value(tmp_path: Path, run_cli: RunCli) -> None:
    zh = "| 错误码 | 含义 |\n| --- | --- |\n| 40001 | 参数错误 |\n| 40002 | 签名错误 |\n"
    en = "| Code | Meaning |\n| --- | --- |\n| 40001 | Bad parameter |\n| 40003 | Bad sign |\n"
    for language, text in (("zh", zh), ("en", en)):
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "codes.md").write_text(text, encoding="utf-8")
    (tmp_path / "speclint.toml").write_text(ROOTS, encoding="utf-8")
    run = run_cli("check", "docs", "--select", "SL5", "--output-format", "json", cwd=tmp_path)
    assert sorted(d["message"] for d in findings(run)) == [
        "code 40002 is on the zh page but not on the en page",
        "code 40003 is on the en page but not on the zh page",
    ]


def test_explicit_pairs_and_the_first_language_as_reference(
    tmp_path: Path, run_cli: RunCli
) -> None:
    (tmp_path / "codes.zh.md").write_text(ZH, encoding="utf-8")
    (tmp_path / "codes.en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "speclint.toml").write_text(
        '[translations]\npairs = [{ en = "codes.en.md", zh = "codes.zh.md" }]\n',
        encoding="utf-8",
    )
    run = run_cli("check", "codes.zh.md", "--select", "SL502", cwd=tmp_path)
    # English is declared first here: the Chinese page is the one compared with it.
    assert run.out.splitlines()[0] == (
        "codes.zh.md:16:24: SL502 [error] ERRCODE_MISS_PARAM is 100002 on the zh page but "
        "100003 on the en page (see codes.en.md:15) (translation-value-mismatch)"
    )


def test_sections_are_matched_by_their_codes(tree: Path, run_cli: RunCli) -> None:
    fixtures = Path(__file__).parent / "rules" / "fixtures" / "SL503"
    for language, name in (("zh", "fail.md"), ("en", "fail.en.md")):
        text = (fixtures / name).read_text(encoding="utf-8")
        (tree / "docs" / language / "errors.md").write_text(text, encoding="utf-8")
    run = run_cli("check", "docs", "--select", "SL5", "--output-format", "json", cwd=tree)
    (finding,) = findings(run)
    assert finding["message"] == (
        "ERRCODE_MISS_PARAM is under Basic codes on the en page but under 请求验证 on the zh "
        "page, whose other codes the en page lists under Request validation"
    )
    assert located(finding) == ("docs/en/errors.md", 9, "docs/zh/errors.md", 15)


def test_a_merged_section_is_reported_for_the_codes_that_joined_it(
    tree: Path, run_cli: RunCli
) -> None:
    merged = EN.replace(
        "\n## Request validation\n\n| Name | Value | Meaning |\n| --- | --- | --- |\n", ""
    ).replace("100003", "100002")
    merged = merged.replace("| ERRCODE_BUSY", "| ERRCODE_TIMEOUT | 2 | Timeout |\n| ERRCODE_BUSY")
    (tree / "docs" / "en" / "errors.md").write_text(merged, encoding="utf-8")
    run = run_cli("check", "docs", "--select", "SL5", "--output-format", "json", cwd=tree)
    (finding,) = findings(run)
    assert finding["message"] == (
        "ERRCODE_INVALID_REQUEST and ERRCODE_MISS_PARAM are under Basic codes on the en page with "
        "the codes of 基础错误码, but under 请求验证 on the zh page"
    )
    assert [r["line"] for r in finding["related"]] == [15, 16]


def test_records_are_matched_by_name_then_by_value_where_a_side_has_no_name() -> None:
    named = [make_record(1, "E_A"), make_record(2, "E_B"), make_record(3, "E_C")]
    other = [make_record(2, "E_B"), make_record(1, ""), make_record(3, "E_OTHER")]
    matching = match_records(named, other)
    assert [(a.label, b.label) for a, b in matching.pairs] == [("E_A", "1"), ("E_B", "E_B")]
    # Two different names are two codes, whatever their values.
    assert [r.label for r in matching.only_first] == ["E_C"]
    assert [r.label for r in matching.only_second] == ["E_OTHER"]


def test_a_name_listed_twice_keeps_its_equal_values_paired() -> None:
    first = [make_record(1, "E_A"), make_record(2, "E_A")]
    second = [make_record(2, "E_A"), make_record(1, "E_A")]
    pairs = match_records(first, second).pairs
    assert [(a.value, b.value) for a, b in pairs] == [(1, 1), (2, 2)]


def test_folders_give_each_page_its_translations() -> None:
    nested = Translations(roots=(("en", "docs"), ("zh", "docs/zh")))
    assert nested.unit("docs/zh/api/a.md") == (("en", "docs/api/a.md"), ("zh", "docs/zh/api/a.md"))
    assert nested.unit("docs/api/a.md") == (("en", "docs/api/a.md"), ("zh", "docs/zh/api/a.md"))
    assert nested.unit("README.md") is None
    top = Translations(roots=(("en", "."), ("zh", "zh")))
    assert top.unit("a.md") == (("en", "a.md"), ("zh", "zh/a.md"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('zh = "docs/zh"\n', "the zh folder has nothing to be compared with"),
        ('zh = "docs"\nen = "docs/"\n', "translations.en: 'docs' is already the folder of zh"),
        ('zh = "../zh"\nen = "en"\n', "translations.zh: '../zh' is not inside the configuration"),
        ('ZH = "zh"\n', "unknown setting 'ZH' (known: pairs, or a language tag"),
        ("pair = []\n", "unknown setting 'pair' (did you mean 'pairs'?)"),
        (
            'pairs = [{ zh = "a.md" }]\n',
            "translations.pairs.0: {'zh': 'a.md'} does not have enough properties",
        ),
        (
            'pairs = [{ zh = "a.md", en = "b.md" }, { zh = "a.md", en = "c.md" }]\n',
            "translations.pairs.1.zh: 'a.md' is already in pairs.0",
        ),
    ],
)
def test_configuration_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "speclint.toml"
    config.write_text("[translations]\n" + text, encoding="utf-8")
    with pytest.raises(ConfigError, match=None) as caught:
        load_settings(config)
    assert message in str(caught.value)
    assert str(config) in str(caught.value)
