"""The bad-input matrix: every odd file gives the right records or one clear message naming it.

Exit code 2 only when the page was named on the command line and could not be read, or nothing
could be linted at all; a bad file found by walking a folder is a warning and the other pages are
still linted. Never a traceback.
"""

from __future__ import annotations

import codecs
import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.config import Settings
from speclint.read import page as page_module
from speclint.read.page import parse_text
from speclint.read.source import SourceError, decode
from tests.conftest import Run

RunCli = Callable[..., Run]
TABLE = (
    "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n| E_A | 1 | 成功 |\n| E_B | 1 | 失败 |\n"
)
DUPLICATE = "p.md:4:9: SL101 [error] value 1 of E_B is already used by E_A"


def lint(run_cli: RunCli, tmp_path: Path, *args: str) -> Run:
    return run_cli("check", "--select", "SL002,SL101", *args, cwd=tmp_path)


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def assert_clean_failure(result: Run) -> None:
    assert "Traceback" not in result.err
    assert "internal error" not in result.err


# --- encodings and line ends ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "content"),
    [
        ("utf-8", TABLE.encode()),
        ("utf-8 with BOM", codecs.BOM_UTF8 + TABLE.encode()),
        ("utf-16 with BOM", TABLE.encode("utf-16")),
        ("utf-16-be with BOM", codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be")),
        ("crlf", TABLE.replace("\n", "\r\n").encode()),
        ("lone cr", TABLE.replace("\n", "\r").encode()),
    ],
)
def test_unicode_pages_give_the_same_findings(
    tmp_path: Path, run_cli: RunCli, label: str, content: bytes
) -> None:
    write(tmp_path, "p.md", content)
    result = lint(run_cli, tmp_path, "p.md")
    assert result.code == 1, label
    assert result.out.startswith(DUPLICATE), label
    assert result.err == "", label


def test_a_gbk_page_is_decoded_with_a_notice(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path, "p.md", TABLE.encode("gbk"))
    result = lint(run_cli, tmp_path, "p.md")
    assert result.code == 1
    assert result.out.startswith(DUPLICATE)
    assert result.err == (
        "speclint: warning: p.md: not UTF-8; decoded as GB18030 (GBK); save it as UTF-8\n"
    )


def test_a_page_of_unknown_encoding_names_the_encoding_option(
    tmp_path: Path, run_cli: RunCli
) -> None:
    # Big5 (traditional Chinese) bytes: not UTF-8, and not certainly GB18030.
    traditional = TABLE.translate(str.maketrans("错误码进数义败", "錯誤碼進數義敗"))
    write(tmp_path, "p.md", traditional.encode("big5"))
    result = lint(run_cli, tmp_path, "p.md")
    assert result.code == 2
    assert "p.md:1: not valid UTF-8 (byte 0x" in result.err
    assert "or name its encoding with --encoding (e.g. --encoding gb18030)" in result.err
    assert_clean_failure(result)
    named = lint(run_cli, tmp_path, "--encoding", "big5", "p.md")
    assert named.code == 1
    assert named.out.startswith("p.md:4:9: SL101 [error] value 1")


def test_an_unknown_encoding_is_a_usage_error(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path, "p.md", TABLE.encode())
    with pytest.raises(SystemExit) as stopped:
        lint(run_cli, tmp_path, "--encoding", "klingon", "p.md")
    assert stopped.value.code == 2


def test_latin1_text_is_not_taken_for_chinese() -> None:
    with pytest.raises(SourceError, match="not valid UTF-8"):
        decode("| code | meaning |\n| --- | --- |\n| 1 | été déjà |\n".encode("latin-1"), "p.md")


def test_utf16_without_bom_is_decoded_not_called_binary(tmp_path: Path, run_cli: RunCli) -> None:
    for name, encoding in (("le.md", "utf-16-le"), ("be.md", "utf-16-be")):
        write(tmp_path, name, TABLE.encode(encoding))
        result = run_cli("check", "--select", "SL101", name, cwd=tmp_path)
        assert result.code == 1
        assert f"{name}:4:9: SL101" in result.out
        assert "binary" not in result.err
        assert f"decoded as {encoding.upper()} (it has no byte-order mark)" in result.err


# --- what is not a page -------------------------------------------------------------------


def test_a_binary_file_named_md_is_an_error_when_named(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path, "logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "p.md", TABLE.encode())
    result = lint(run_cli, tmp_path, "logo.md", "p.md")
    assert result.code == 2
    assert "speclint: error: logo.md: binary file (NUL byte at offset 8)" in result.err
    assert result.out.startswith(DUPLICATE)  # the other page is still linted
    assert_clean_failure(result)


def test_a_binary_file_found_in_a_folder_is_a_warning(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path, "logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "p.md", TABLE.encode())
    result = lint(run_cli, tmp_path, ".")
    assert result.code == 1
    assert result.out.startswith(DUPLICATE)
    assert result.err == (
        "speclint: warning: logo.md: binary file (NUL byte at offset 8), not a Markdown page "
        "(skipped)\n"
    )


def test_nothing_readable_is_an_error(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "docs").mkdir()
    write(tmp_path, "docs/logo.md", b"\x89PNG\x00")
    result = lint(run_cli, tmp_path, "docs")
    assert result.code == 2
    assert "speclint: error: docs/logo.md: binary file" in result.err


def test_an_empty_file_has_no_records(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path, "p.md", b"")
    result = lint(run_cli, tmp_path, "p.md")
    assert result.code == 0
    assert result.out == "No problems found (0 records in 0 sections of 1 file).\n"


def test_a_path_that_does_not_exist(tmp_path: Path, run_cli: RunCli) -> None:
    result = lint(run_cli, tmp_path, "nowhere.md")
    assert result.code == 2
    assert result.err == "speclint: error: nowhere.md: no such file or folder\n"


def test_an_unreadable_file_is_named_and_the_others_linted(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where permissions do not stop a read: make the read fail as it would.
    write(tmp_path, "secret.md", TABLE.encode())
    write(tmp_path, "p.md", TABLE.encode())
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "secret.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    named = lint(run_cli, tmp_path, "secret.md", "p.md")
    assert named.code == 2
    assert named.err == "speclint: error: secret.md: cannot read: Permission denied\n"
    assert named.out.startswith(DUPLICATE)
    walked = lint(run_cli, tmp_path, ".")
    assert walked.code == 1
    assert walked.err == "speclint: warning: secret.md: cannot read: Permission denied (skipped)\n"


def test_a_symlink_loop_in_a_folder_is_named(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path, "p.md", TABLE.encode())
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop: not followed
    result = lint(run_cli, tmp_path, ".")
    assert result.code == 1
    assert result.out.startswith(DUPLICATE)
    assert "speclint: warning: a.md: cannot read: a symbolic link loop (skipped)" in result.err
    named = lint(run_cli, tmp_path, "a.md")
    assert named.code == 2
    assert named.err == "speclint: error: a.md: a symbolic link loop\n"


def test_a_folder_named_like_a_page(tmp_path: Path, run_cli: RunCli) -> None:
    (tmp_path / "x.md").mkdir()
    write(tmp_path, "p.md", TABLE.encode())
    walked = lint(run_cli, tmp_path, ".")
    assert walked.code == 1
    assert walked.err == ""
    named = lint(run_cli, tmp_path, "x.md")
    assert named.code == 0
    assert (
        named.err == "speclint: warning: x.md: no page to lint here (include: *.md, *.markdown)\n"
    )


# --- sizes and shapes ---------------------------------------------------------------------


def test_a_50_mb_page(tmp_path: Path, run_cli: RunCli) -> None:
    paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "\n\n"
    body = paragraph * (50_000_000 // len(paragraph))
    write(tmp_path, "p.md", (TABLE + "\n" + body).encode())
    assert (tmp_path / "p.md").stat().st_size > 49_000_000
    result = lint(run_cli, tmp_path, "p.md")
    assert result.code == 1
    assert result.out.startswith(DUPLICATE)


def test_a_table_of_10000_columns() -> None:
    headers = ["错误码", "十进制数值", "含义", *(f"c{i}" for i in range(9997))]
    rows = [
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
        "| E_A | 1 | a |" + " x |" * 9997,
    ]
    parsed = parse_text("p.md", "\n".join(rows) + "\n", Settings())
    assert [(r.name, r.value) for r in parsed.records] == [("E_A", 1)]
    assert len(parsed.records[0].cells) == 10_000


@pytest.mark.parametrize(
    "nesting",
    [
        "> " * 10_000 + "deep\n",
        "- " * 10_000 + "deep\n",
        "".join("  " * depth + "- item\n" for depth in range(1_000)),
        "1. " * 10_000 + "deep\n",
        "> - " * 5_000 + "deep\n",
    ],
    ids=["quotes", "bullets", "indented-list", "ordered-list", "quotes-and-lists"],
)
def test_10000_nested_levels_are_reported_not_a_crash(
    tmp_path: Path, run_cli: RunCli, nesting: str
) -> None:
    write(tmp_path, "p.md", (TABLE + "\n" + nesting + "\n" + TABLE).encode())
    result = lint(run_cli, tmp_path, "p.md")
    assert result.code == 1
    assert_clean_failure(result)
    assert result.out.startswith(DUPLICATE)  # the table before it is read
    assert "SL002 [error] lists and quotes nest more than 100 levels deep here" in result.out


def test_a_table_after_10000_nested_quotes_is_still_read(tmp_path: Path, run_cli: RunCli) -> None:
    # A quote ends at the blank line; what markdown-it skips is inside it only. (A list item
    # runs on over what follows it, so after a cut list the rest of the page is not read: the
    # message says so.)
    write(tmp_path, "p.md", ("> " * 10_000 + "deep\n\n" + TABLE).encode())
    result = lint(run_cli, tmp_path, "p.md")
    assert "p.md:6:9: SL101" in result.out


def test_nesting_within_the_limit_is_not_reported() -> None:
    nested = "".join("  " * depth + "- item\n" for depth in range(45))
    parsed = parse_text("p.md", nested + "\n" + TABLE, Settings())
    assert parsed.problems == ()
    assert [r.name for r in parsed.records] == ["E_A", "E_B"]


def test_ten_thousand_nested_links_in_a_cell() -> None:
    page = TABLE.replace("成功", "[" * 10_000 + "a" + "](b)" * 10_000)
    parsed = parse_text("p.md", page, Settings())
    assert [r.name for r in parsed.records] == ["E_A", "E_B"]


def test_a_code_table_whose_values_are_all_invalid_is_a_finding(
    tmp_path: Path, run_cli: RunCli
) -> None:
    page = (
        "| Code | Name | Description |\n| --- | --- | --- |\n| see below | A | a |\n| - | B | b |\n"
    )
    write(tmp_path, "p.md", page.encode())
    result = lint(run_cli, tmp_path, "p.md")
    assert result.code == 1
    assert result.out.startswith(
        "p.md:1:1: SL002 [error] this table is headed like a code table (Code, Name, "
        "Description) but no row holds a readable code, so none of it is checked"
    )


def test_a_parameter_table_is_still_no_finding(tmp_path: Path, run_cli: RunCli) -> None:
    page = "| 参数 | 类型 | 说明 |\n| --- | --- | --- |\n| appId | string | 应用ID |\n"
    write(tmp_path, "p.md", page.encode())
    assert lint(run_cli, tmp_path, "p.md").code == 0


# --- one bad page never costs the others -----------------------------------------------------


def test_an_internal_error_on_one_page_names_it_and_the_others_are_linted(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "bad.md", TABLE.encode())
    write(tmp_path, "p.md", TABLE.encode())
    real = page_module.parse_text

    def parse(path: str, text: str, settings: Settings) -> object:
        if path == "bad.md":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, text, settings)

    monkeypatch.setattr(page_module, "parse_text", parse)
    result = lint(run_cli, tmp_path, ".")
    assert result.code == 2
    assert result.out.startswith(DUPLICATE)
    assert result.err == (
        "speclint: error: bad.md: internal error while reading: RecursionError: maximum "
        "recursion depth exceeded (a bug in speclint; please report it with this page)\n"
    )


def test_a_fifo_is_not_read(tmp_path: Path, run_cli: RunCli) -> None:
    write(tmp_path, "p.md", TABLE.encode())
    os.mkfifo(tmp_path / "pipe.md")
    result = lint(run_cli, tmp_path, ".")
    assert result.code == 1
    assert result.err == ""
