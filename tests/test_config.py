"""Configuration: found by walking up, validated with messages that name file, key and fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.config import ConfigError, find_config, load_settings
from tests.conftest import Run

RunCli = Callable[..., Run]
DUPLICATES = """\
## Codes

| 错误码 | 十进制数值 | 含义 |
| --- | --- | --- |
| E_A | 1 | a |
| E_B | 1 | b |
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs" / "api"
    docs.mkdir(parents=True)
    (docs / "codes.md").write_text(DUPLICATES, encoding="utf-8")
    return tmp_path


def test_config_is_found_by_walking_up_from_the_linted_path(project: Path) -> None:
    (project / "speclint.toml").write_text('ignore = ["SL101"]\n')
    assert find_config(project / "docs" / "api" / "codes.md") == project / "speclint.toml"


def test_pyproject_counts_only_with_a_tool_speclint_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(project / "docs") is None
    (project / "pyproject.toml").write_text('[tool.speclint]\nignore = ["SL101"]\n')
    assert find_config(project / "docs") == project / "pyproject.toml"
    assert load_settings(None, project / "docs").ignore == ("SL101",)


def test_speclint_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.speclint]\nignore = ["SL101"]\n')
    (project / ".speclint.toml").write_text('ignore = ["SL103"]\n')
    assert load_settings(None, project).ignore == ("SL103",)


def test_ignore_in_the_config_file_is_applied(project: Path, run_cli: RunCli) -> None:
    assert run_cli("check", "docs", cwd=project).code == 1
    (project / "speclint.toml").write_text('ignore = ["duplicate-value"]\n')
    assert run_cli("check", "docs", cwd=project).code == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "selct = []\n",
            "speclint.toml: top level: unknown setting 'selct' (did you mean 'select'?)",
        ),
        (
            "[columns]\nalias = 1\n",
            "speclint.toml: columns: unknown setting 'alias' (did you mean 'aliases'?)",
        ),
        ('select = "SL101"\n', "speclint.toml: select: 'SL101' is not of type 'array'"),
        ('select = ["XX9"]\n', "speclint.toml: select.0: 'XX9' does not match"),
        (
            'fail-on = "fatal"\n',
            "speclint.toml: fail-on: 'fatal' is not one of ['error', 'warning', 'info']",
        ),
        (
            "[registries.im]\nsections = []\n",
            "speclint.toml: registries.im: 'include' is a required property",
        ),
        ("select = [\n", "speclint.toml: not valid TOML"),
        ('select = ["SL7"]\n', "speclint.toml: unknown rule selector 'SL7'"),
        (
            '[severity]\nduplicate-valu = "warning"\n',
            "unknown rule selector 'duplicate-valu' (did you mean 'duplicate-value'?)",
        ),
        ('[per-file-ignores]\n"*.md" = ["SL777"]\n', "unknown rule selector 'SL777'"),
        (
            "[rules.no-such-rule]\nx = 1\n",
            "speclint.toml: rules.no-such-rule: no rule has this code or name",
        ),
        (
            '[rules.duplicate-value]\nscope = "page"\n',
            "speclint.toml: rules.duplicate-value.scope: expected one of 'section', 'file', 'registry'",
        ),
        (
            "[rules.duplicate-value]\nscop = 1\n",
            "speclint.toml: rules.duplicate-value.scop: unknown option (options: markers, refined-by, scope)",
        ),
    ],
)
def test_configuration_mistakes_name_file_key_and_expectation(
    project: Path, run_cli: RunCli, text: str, message: str
) -> None:
    (project / "speclint.toml").write_text(text)
    result = run_cli("check", "docs", cwd=project)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_pyproject_mistakes_name_the_tool_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.speclint]\nignore = "SL101"\n')
    with pytest.raises(
        ConfigError,
        match=r"pyproject\.toml: \[tool\.speclint\]\.ignore: 'SL101' is not of type 'array'",
    ):
        load_settings(None, project)


def test_explicit_config_flag_overrides_discovery(project: Path, run_cli: RunCli) -> None:
    (project / "speclint.toml").write_text('ignore = ["SL101"]\n')
    other = project / "strict.toml"
    other.write_text("ignore = []\n")
    assert run_cli("check", "docs", cwd=project).code == 0
    assert run_cli("check", "--config", str(other), "docs", cwd=project).code == 1
    missing = run_cli("check", "--config", "nope.toml", "docs", cwd=project)
    assert (missing.code, "nope.toml: no such configuration file" in missing.err) == (2, True)


def test_per_file_ignores(project: Path, run_cli: RunCli) -> None:
    (project / "speclint.toml").write_text('[per-file-ignores]\n"docs/api/*.md" = ["SL1"]\n')
    assert run_cli("check", "docs", cwd=project).code == 0


def test_severity_override_and_fail_on(project: Path, run_cli: RunCli) -> None:
    (project / "speclint.toml").write_text('[severity]\nduplicate-value = "warning"\n')
    result = run_cli("check", "--select", "SL101", "docs", cwd=project)
    assert "SL101 [warning]" in result.out
    assert result.code == 0  # warnings do not fail by default
    assert (
        run_cli("check", "--select", "SL101", "--fail-on", "warning", "docs", cwd=project).code == 1
    )


def test_select_by_prefix_and_name_and_extend_select(project: Path, run_cli: RunCli) -> None:
    by_prefix = run_cli("check", "--select", "SL1", "docs", cwd=project)
    assert "SL101" in by_prefix.out
    by_name = run_cli("check", "--select", "name-collision", "docs", cwd=project)
    assert (by_name.code, "SL101" in by_name.out) == (0, False)


def test_record_schema_from_the_configuration(project: Path, run_cli: RunCli) -> None:
    schema = project / "my.schema.json"
    schema.write_text(
        '{"type": "object", "required": ["extra"], "properties": {"value": {"maximum": 0},'
        ' "extra": {"required": ["HTTP"]}}}'
    )
    (project / "speclint.toml").write_text('schema = "my.schema.json"\n')
    result = run_cli("check", "--select", "SL001", "docs", cwd=project)
    assert (
        "docs/api/codes.md:5:9: SL001 [error] value 1 is greater than the maximum of 0"
        in result.out
    )
    assert (
        "docs/api/codes.md:5:3: SL001 [error] extra columns: 'HTTP' is a required property"
        in result.out
    )


def test_missing_schema_file_is_a_configuration_error(project: Path, run_cli: RunCli) -> None:
    (project / "speclint.toml").write_text('schema = "missing.json"\n')
    result = run_cli("check", "docs", cwd=project)
    assert result.code == 2
    assert "speclint.toml: schema: " in result.err
    assert "missing.json: no such schema file" in result.err


def test_column_aliases_and_pins(project: Path, run_cli: RunCli) -> None:
    page = project / "docs" / "odd.md"
    page.write_text("| 甲 | 乙 |\n|--|--|\n| 1 | a |\n| 1 | b |\n", encoding="utf-8")
    assert "SL101" not in run_cli("check", "docs/odd.md", cwd=project).out
    (project / "speclint.toml").write_text(
        '[columns.aliases]\nvalue = ["甲"]\ndescription = ["乙"]\n'
    )
    assert "docs/odd.md:4:3: SL101" in run_cli("check", "docs/odd.md", cwd=project).out
    (project / "speclint.toml").write_text('[[columns.pin]]\nfiles = "docs/odd.md"\nvalue = "甲"\n')
    assert "docs/odd.md:4:3: SL101" in run_cli("check", "docs/odd.md", cwd=project).out


def test_rules_listing_shows_what_the_configuration_turns_on(
    project: Path, run_cli: RunCli
) -> None:
    (project / "speclint.toml").write_text(
        'ignore = ["SL101"]\nextend-select = ["SL303"]\n[severity]\nSL105 = "error"\n'
    )
    lines = {
        line.split()[0]: line.split() for line in run_cli("rules", cwd=project).out.splitlines()
    }
    assert lines["SL101"][-1] == "no"
    assert lines["SL303"][-1] == "yes"
    assert lines["SL105"][2:] == ["error", "registry", "yes"]


def test_configured_header_words_name_columns(tmp_path: Path) -> None:
    from speclint.read.page import parse_text

    config = tmp_path / "speclint.toml"
    config.write_text('[columns.aliases]\nname = ["故障标识"]\ncode = ["故障号"]\n', "utf-8")
    settings = load_settings(config)
    page = "| 故障号 | 故障标识 | 含义 |\n| --- | --- | --- |\n| 7001 | E_DISK | 磁盘故障 |\n"
    [record] = parse_text("p.md", page, settings).records
    assert (record.name, record.value, record.description) == ("E_DISK", 7001, "磁盘故障")
