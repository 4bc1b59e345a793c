"""``speclint diff BASE`` and ``speclint check --base BASE`` on real git repositories.

Every test commits pages to a temporary repository, changes them, and runs the command line as a
user would, from inside the repository. The rules' own cases are in tests/rules/fixtures/SL4xx.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from speclint.resources import load_schema
from tests.conftest import Run
from tests.gitrepo import GitRepo, table

RunCli = Callable[..., Run]

USERS_V1 = table(
    "ERRCODE_USER_EXIST | 300224 | 用户已存在",
    "ERRCODE_USER_NOTEXIST | 300225 | 用户不存在",
    "ERRCODE_USER_GONE | 300227 | 用户已删除",
    "ERRCODE_USER_OLD | 300228 | 已废弃：旧接口",
    "ERRCODE_USER_RENAME | 300229 | 改名",
)
GROUPS_V1 = table("ERRCODE_GROUP_NOTEXIST | 500004 | 群不存在", heading="群组")
USERS_V2 = table(
    "ERRCODE_USER_NOTEXIST | 300226 | 用户不存在",
    "ERRCODE_USER_EXIST | 300224 | 用户名已被占用",
    "ERRCODE_USER_FROZEN | 300227 | 用户已冻结",
    "ERRCODE_USER_RENAMED | 300229 | 改名",
)
GROUPS_V2 = table(
    "ERRCODE_GROUP_NOTEXIST | 500004 | 群不存在",
    "ERRCODE_GROUP_NEW | 500005 | 新建群失败",
    heading="群组",
)


def codes(result: Run) -> list[str]:
    """The rule code of each finding line of a text report."""
    return [line.split(" ")[1] for line in result.out.splitlines() if ": SL" in line]


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """A repository whose ``main`` has the first version of codes.md; the working tree has the
    second (not committed)."""
    repository = GitRepo(tmp_path / "repo")
    repository.commit({"codes.md": f"# 错误码\n\n{USERS_V1}\n{GROUPS_V1}"}, "first")
    repository.write({"codes.md": f"# 错误码\n\n{USERS_V2}\n{GROUPS_V2}"})
    return repository


def test_diff_reports_each_change_once_with_where_it_was_at_base(
    repo: GitRepo, run_cli: RunCli
) -> None:
    result = run_cli("diff", "main", cwd=repo.path)
    assert result.code == 1
    assert result.err == ""
    assert result.out.splitlines() == [
        # The removed code points at its section's table today, and at where it was at main.
        (
            "codes.md:5:1: SL401 [error] ERRCODE_USER_GONE (300227) was removed from 用户 since "
            "main (see main:codes.md:9) (removed-code)"
        ),
        (
            "codes.md:7:27: SL402 [error] ERRCODE_USER_NOTEXIST is 300226, was 300225 at main "
            "(see main:codes.md:8) (value-changed)"
        ),
        (
            "codes.md:8:33: SL406 [info] ERRCODE_USER_EXIST (300224) meant '用户已存在' at main, "
            "now '用户名已被占用' (see main:codes.md:7) (description-changed)"
        ),
        (
            "codes.md:9:25: SL403 [error] value 300227 of ERRCODE_USER_FROZEN meant "
            "ERRCODE_USER_GONE at main (see main:codes.md:9) (value-reused)"
        ),
        (
            "codes.md:10:3: SL404 [warning] ERRCODE_USER_RENAMED (300229) was called "
            "ERRCODE_USER_RENAME at main (see main:codes.md:11) (renamed-code)"
        ),
        "Found 5 problems (3 errors, 1 warning, 1 info) in 6 records in 2 sections of 1 file.",
    ]


def test_check_with_base_runs_the_change_rules_beside_the_others(
    repo: GitRepo, run_cli: RunCli
) -> None:
    repo.write({"codes.md": f"# 错误码\n\n{USERS_V1}\n{GROUPS_V1}".replace("300229", "300228")})
    result = run_cli("check", "--base", "main", "codes.md", cwd=repo.path)
    # 300228 is now two codes' value (SL101) and ERRCODE_USER_RENAME's new value (SL402).
    assert codes(result) == ["SL101", "SL402"]
    assert result.code == 1
    # Without a base the change rules are on but silent.
    assert codes(run_cli("check", "codes.md", cwd=repo.path)) == ["SL101"]


def test_diff_against_each_earlier_commit(tmp_path: Path, run_cli: RunCli) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit({"codes.md": table("ERRCODE_A | 1 | a", "ERRCODE_B | 2 | b")}, "one")
    repo.commit({"codes.md": table("ERRCODE_A | 1 | a", "ERRCODE_B | 3 | b")}, "two")
    repo.commit({"codes.md": table("ERRCODE_A | 1 | a", "ERRCODE_C | 3 | b")}, "three")
    # B is gone and C is new (its value 3 was free at HEAD~2); since HEAD~1, B was renamed C.
    assert codes(run_cli("diff", "HEAD~2", cwd=repo.path)) == ["SL401"]
    repo.git("tag", "-a", "v1.0", "-m", "first release", "HEAD~2")  # an annotated tag
    assert run_cli("diff", "v1.0", cwd=repo.path).out == run_cli(
        "diff", "HEAD~2", cwd=repo.path
    ).out.replace("HEAD~2", "v1.0")
    assert codes(run_cli("diff", "HEAD~1", cwd=repo.path)) == ["SL404"]
    assert run_cli("diff", "HEAD", cwd=repo.path).code == 0


def test_changelog_groups_the_changes_by_section(repo: GitRepo, run_cli: RunCli) -> None:
    result = run_cli("diff", "main", "--output-format", "changelog", cwd=repo.path)
    assert result.err == ""
    assert result.code == 1  # the same result as the text report: there are breaking changes
    assert result.out == (
        "# Error code changes since main\n"
        "\n"
        "## 用户\n"
        "\n"
        "### Added\n"
        "\n"
        "- `ERRCODE_USER_FROZEN` (`300227`): 用户已冻结\n"
        "\n"
        "### Removed\n"
        "\n"
        "- `ERRCODE_USER_GONE` (`300227`): 用户已删除\n"
        "- `ERRCODE_USER_OLD` (`300228`): 已废弃：旧接口 (was deprecated)\n"
        "\n"
        "### Renumbered\n"
        "\n"
        "- `ERRCODE_USER_NOTEXIST`: `300225` → `300226`\n"
        "\n"
        "### Renamed\n"
        "\n"
        "- `ERRCODE_USER_RENAME` → `ERRCODE_USER_RENAMED` (`300229`)\n"
        "\n"
        "### Re-described\n"
        "\n"
        "- `ERRCODE_USER_EXIST` (`300224`): “用户已存在” → “用户名已被占用”\n"
        "\n"
        "## 群组\n"
        "\n"
        "### Added\n"
        "\n"
        "- `ERRCODE_GROUP_NEW` (`500005`): 新建群失败\n"
    )


def test_changelog_lists_moved_and_newly_deprecated_codes(tmp_path: Path, run_cli: RunCli) -> None:
    repo = GitRepo(tmp_path / "repo")
    users = table("ERRCODE_A | 1 | a", "ERRCODE_B | 2 | b")
    repo.commit({"codes.md": users + table("ERRCODE_C | 9 | c", heading="其他")})
    users = table("ERRCODE_A | 1 | a (deprecated)")
    repo.write(
        {"codes.md": users + table("ERRCODE_C | 9 | c", "ERRCODE_B | 2 | b", heading="其他")}
    )
    result = run_cli("diff", "HEAD", "--output-format", "changelog", "--exit-zero", cwd=repo.path)
    assert result.code == 0
    assert "## 用户\n\n### Re-described\n\n- `ERRCODE_A` (`1`): “a” → “a (deprecated)”\n" in (
        result.out
    )
    assert "### Deprecated\n\n- `ERRCODE_A` (`1`): a (deprecated)\n" in result.out
    assert "## 其他\n\n### Moved\n\n- `ERRCODE_B` (`2`), from 用户\n" in result.out


def test_reordered_rows_and_sections_are_no_change(tmp_path: Path, run_cli: RunCli) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit({"codes.md": USERS_V1 + "\n" + GROUPS_V1})
    rows = USERS_V1.splitlines()
    reordered = "\n".join([*rows[:4], *reversed(rows[4:])]) + "\n"
    repo.write({"codes.md": GROUPS_V1 + "\n" + reordered})
    result = run_cli("diff", "HEAD", cwd=repo.path)
    assert result.code == 0, result.out
    assert codes(result) == []
    changelog = run_cli("diff", "HEAD", "--output-format", "changelog", cwd=repo.path)
    assert changelog.out.endswith("No code was added, removed or changed.\n")


def test_a_table_moved_to_another_page_is_no_change(tmp_path: Path, run_cli: RunCli) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit({"docs/errors.md": USERS_V1 + "\n" + GROUPS_V1, "docs/other.md": "# Other\n"})
    repo.git("mv", "docs/errors.md", "docs/users.md")
    repo.write({"docs/users.md": USERS_V1, "docs/other.md": "# Other\n\n" + GROUPS_V1})
    result = run_cli("diff", "HEAD", "docs", cwd=repo.path)
    assert codes(result) == []
    assert result.code == 0
    # Removing a code on the way is still seen, on the page it was on.
    repo.write(
        {"docs/users.md": USERS_V1.replace("| ERRCODE_USER_GONE | 300227 | 用户已删除 |\n", "")}
    )
    result = run_cli("diff", "HEAD", "docs", cwd=repo.path)
    assert codes(result) == ["SL401"]
    assert result.out.startswith("docs/errors.md:1:1: SL401 [error] ERRCODE_USER_GONE (300227)")
    assert "(see HEAD:docs/errors.md:7)" in result.out


def test_a_code_moved_between_pages_of_a_declared_registry_is_no_change(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = GitRepo(tmp_path / "repo")
    config = '[registries.im]\ninclude = ["docs/*.md"]\n'
    repo.commit(
        {
            "speclint.toml": config,
            "docs/a.md": table("ERRCODE_A | 1 | a", "ERRCODE_B | 2 | b"),
            "docs/b.md": table("ERRCODE_C | 3 | c"),
        }
    )
    moved = table("ERRCODE_C | 3 | c", "ERRCODE_B | 2 | b")
    repo.write({"docs/a.md": table("ERRCODE_A | 1 | a"), "docs/b.md": moved})
    assert codes(run_cli("diff", "HEAD", cwd=repo.path)) == []
    # Linting one page still compares the whole registry (as pre-commit passes one page).
    repo.write({"docs/b.md": table("ERRCODE_C | 3 | c", "ERRCODE_B | 4 | b")})
    result = run_cli("diff", "HEAD", "docs/b.md", cwd=repo.path)
    assert codes(result) == ["SL402"]


def test_a_deleted_page_reports_its_codes_at_its_first_line(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit({"a.md": table("ERRCODE_A | 1 | a"), "b.md": table("ERRCODE_B | 2 | b")})
    repo.write({"a.md": None})
    result = run_cli("diff", "HEAD", cwd=repo.path)
    assert result.out.splitlines()[0] == (
        "a.md:1:1: SL401 [error] ERRCODE_A (1) was removed from 用户 since HEAD "
        "(see HEAD:a.md:5) (removed-code)"
    )


def test_a_table_emptied_of_its_codes_is_where_they_are_reported(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit({"a.md": "# A\n\n" + table("ERRCODE_A | 1 | a")})
    repo.write({"a.md": "# A\n\n" + table()})
    result = run_cli("diff", "HEAD", cwd=repo.path)
    assert result.out.startswith(
        "a.md:5:1: SL401 [error] ERRCODE_A (1) was removed from 用户 since HEAD (its table is "
        "still there, but not read as codes: the table has no data rows) (see HEAD:a.md:7)"
    )


def test_a_base_without_the_pages_means_every_code_is_added(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit({"README.md": "# Project\n"}, "before the codes")
    repo.commit({"docs/codes.md": table("ERRCODE_A | 1 | a", "ERRCODE_B | 2 | b")})
    result = run_cli("diff", "HEAD~1", "docs", cwd=repo.path)
    assert (result.code, codes(result)) == (0, [])
    changelog = run_cli("diff", "HEAD~1", "docs", "--output-format", "changelog", cwd=repo.path)
    assert "### Added\n\n- `ERRCODE_A` (`1`): a\n- `ERRCODE_B` (`2`): b\n" in changelog.out


def test_a_catalog_written_by_export_is_a_base(repo: GitRepo, run_cli: RunCli) -> None:
    repo.git("stash")
    exported = run_cli(
        "export", "--format", "json", "--output-file", "v1.json", "codes.md", cwd=repo.path
    )
    assert exported.code == 0
    repo.git("stash", "pop")
    from_git = run_cli("diff", "main", "codes.md", cwd=repo.path)
    from_catalog = run_cli("diff", "v1.json", "codes.md", cwd=repo.path)
    assert from_catalog.err == ""
    assert from_catalog.out == from_git.out.replace("main", "v1.json")


def test_a_catalog_from_elsewhere_compares_only_the_pages_given(
    tmp_path: Path, run_cli: RunCli, write_page: Callable[..., Path]
) -> None:
    catalog = {"tool": {"name": "speclint", "version": "0"}, "records": []}
    for name in ("a.md", "b.md"):
        page = write_page(name, table(f"ERRCODE_{name[0].upper()} | 1 | x"))
        exported = run_cli("export", "--format", "json", str(page), cwd=tmp_path)
        catalog["records"] += json.loads(exported.out)["records"]
    (tmp_path / "old.json").write_text(json.dumps(catalog), encoding="utf-8")
    write_page("a.md", table("ERRCODE_A | 2 | x"))
    result = run_cli("diff", "old.json", "a.md", cwd=tmp_path)
    assert codes(result) == ["SL402"]  # b.md's codes are not "removed": b.md was not given


def test_a_file_that_is_no_catalog_is_one_clear_error(
    tmp_path: Path, run_cli: RunCli, write_page: Callable[..., Path]
) -> None:
    write_page("a.md", table("ERRCODE_A | 1 | x"))
    (tmp_path / "old.json").write_text('{"records": [{"name": 1}]}', encoding="utf-8")
    result = run_cli("diff", "old.json", "a.md", cwd=tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("speclint: error: old.json: not a speclint catalog: ")
    assert len(result.err.splitlines()) == 1


def test_output_formats_of_check_work_with_diff(repo: GitRepo, run_cli: RunCli) -> None:
    report = json.loads(run_cli("diff", "main", "--output-format", "json", cwd=repo.path).out)
    Draft202012Validator(load_schema("report")).validate(report)
    removed = next(d for d in report["diagnostics"] if d["code"] == "SL401")
    assert removed["related"][0]["file"] == "main:codes.md"
    assert removed["subject"] == ["codes.md", "ERRCODE_USER_GONE=300227"]
    sarif = json.loads(run_cli("diff", "main", "--output-format", "sarif", cwd=repo.path).out)
    rule_ids = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert rule_ids == {"SL401", "SL402", "SL403", "SL404", "SL406"}
    github = run_cli("diff", "main", "--output-format", "github", cwd=repo.path).out
    assert "::error file=codes.md,line=5,col=1,title=SL401 removed-code::" in github


def test_select_ignore_and_severity_apply_to_diff(repo: GitRepo, run_cli: RunCli) -> None:
    ignoring = run_cli("diff", "main", "--ignore", "SL406,value-reused", cwd=repo.path)
    assert codes(ignoring) == ["SL401", "SL402", "SL404"]
    only = run_cli("diff", "main", "--select", "renamed-code", cwd=repo.path)
    assert (codes(only), only.code) == (["SL404"], 0)  # a warning does not fail by default
    (repo.path / "speclint.toml").write_text('[severity]\nrenamed-code = "error"\n', "utf-8")
    assert run_cli("diff", "main", "--select", "renamed-code", cwd=repo.path).code == 1


def test_a_baseline_and_a_suppression_accept_intended_changes(
    repo: GitRepo, run_cli: RunCli
) -> None:
    written = run_cli("diff", "main", "--write-baseline", "accepted.json", cwd=repo.path)
    assert written.code == 0
    assert run_cli("diff", "main", "--baseline", "accepted.json", cwd=repo.path).code == 0
    # A suppression before the table where the code was silences its removal.
    page = repo.path / "codes.md"
    text = page.read_text(encoding="utf-8").replace(
        "## 用户\n\n", "## 用户\n\n<!-- speclint-disable-next-table SL401 -- never released -->\n"
    )
    page.write_text(text, encoding="utf-8")
    assert "SL401" not in codes(run_cli("diff", "main", cwd=repo.path))


def test_the_configured_markers_say_which_codes_may_be_removed(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit(
        {
            "speclint.toml": '[markers]\ndeprecated = ["retired"]\n',
            "codes.md": table("ERRCODE_A | 1 | retired", "ERRCODE_B | 2 | deprecated"),
        }
    )
    repo.write({"codes.md": table("ERRCODE_C | 3 | c")})
    result = run_cli("diff", "HEAD", cwd=repo.path)
    # "retired" is configured; "deprecated" is no longer a marker once others are configured.
    assert codes(result) == ["SL401"]
    assert "ERRCODE_B (2) was removed" in result.out


def test_an_unknown_revision_is_one_line_and_exit_2(repo: GitRepo, run_cli: RunCli) -> None:
    result = run_cli("diff", "mian", cwd=repo.path)
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        "speclint: error: git does not know the revision 'mian': check the name, or fetch it "
        "(`git fetch origin`)\n"
    )
    option = run_cli("check", "--base=--upload-pack=touch x", cwd=repo.path)
    assert option.code == 2
    assert "git does not know the revision '--upload-pack=touch x'" in option.err
    assert not (repo.path / "x").exists()


def test_a_shallow_clone_says_how_to_fetch_the_base(
    repo: GitRepo, tmp_path: Path, run_cli: RunCli
) -> None:
    repo.git("stash")
    repo.git("branch", "release")
    repo.commit({"codes.md": f"# 错误码\n\n{USERS_V2}\n{GROUPS_V2}"}, "second")
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone))

    result = run_cli("diff", "origin/release", cwd=clone)
    assert result.code == 2
    fetch = "git fetch --depth=1 origin release:refs/remotes/origin/release"
    assert result.err == (
        f"speclint: error: git does not know the revision 'origin/release' (this clone is "
        f"shallow): fetch it with `{fetch}` (actions/checkout: `fetch-depth: 0` fetches "
        "every branch)\n"
    )
    repo.git(*fetch.split()[1:], cwd=clone)  # the advice works
    assert codes(run_cli("diff", "origin/release", cwd=clone))[0] == "SL401"

    result = run_cli("diff", "HEAD~1", cwd=clone)
    assert result.code == 2
    assert result.err == (
        "speclint: error: git does not know the revision 'HEAD~1' (this clone is shallow): "
        "fetch the history with `git fetch --unshallow` (actions/checkout: `fetch-depth: 0`)\n"
    )
    repo.git("fetch", "-q", "--unshallow", cwd=clone)
    assert codes(run_cli("diff", "HEAD~1", cwd=clone))[0] == "SL401"


def test_outside_a_git_repository_base_must_be_a_catalog(
    tmp_path: Path,
    run_cli: RunCli,
    write_page: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Whatever repository the temporary folder may be inside of, git must not look above it.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write_page("a.md", table("ERRCODE_A | 1 | x"))
    result = run_cli("diff", "main", "a.md", cwd=tmp_path)
    assert result.code == 2
    assert f"'main' is not a file, and git cannot use {tmp_path} (not a git repository" in (
        result.err
    )
    assert len(result.err.splitlines()) == 1


def test_a_page_at_base_that_is_not_utf8_is_named_with_its_revision(
    tmp_path: Path, run_cli: RunCli
) -> None:
    repo = GitRepo(tmp_path / "repo")
    (repo.path / "a.md").write_bytes("## 用户\n".encode("gb18030") + b"\xff\xfe x\n")
    repo.commit({})
    repo.write({"a.md": table("ERRCODE_A | 1 | x")})
    result = run_cli("diff", "HEAD", cwd=repo.path)
    assert result.code == 2
    assert "speclint: error: HEAD:a.md:1: not valid UTF-8" in result.err
