"""Bad configuration: one message naming the file and the key, exit 2, before any page is read."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from referencing.exceptions import NoSuchResource

from speclint.check.record_schema import _local_only
from tests.conftest import Run

RunCli = Callable[..., Run]
TABLE = (
    "| 错误码 | 十进制数值 | 含义 |\n| --- | --- | --- |\n| E_A | 1 | 成功 |\n| E_B | 1 | 失败 |\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "p.md").write_text(TABLE, encoding="utf-8")
    return tmp_path


def run_with(project: Path, run_cli: RunCli, config: str, *args: str) -> Run:
    (project / "speclint.toml").write_text(config, encoding="utf-8")
    result = run_cli("check", *args, "p.md", cwd=project)
    assert result.code == 2, result
    assert result.out == ""
    assert "Traceback" not in result.err
    assert "internal error" not in result.err
    assert result.err.count("\n") == 1, result.err  # one message
    return result


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('select = ["SL101"\nignore = []\n', "speclint.toml: not valid TOML: "),
        ("fail-on = \n", "(at line 1, column 11)"),
        ("colour = true\n", "speclint.toml: top level: unknown setting 'colour'"),
        ('slect = ["SL1"]\n', "unknown setting 'slect' (did you mean 'select'?)"),
        ("select = 5\n", "speclint.toml: select: 5 is not of type 'array'"),
        ('fail-on = "fatal"\n', "speclint.toml: fail-on: 'fatal' is not one of"),
        (
            '[rules.naming-convention]\npattern = "^(ERRCODE_"\n',
            (
                "speclint.toml: rules.naming-convention: pattern '^(ERRCODE_' is not a regular "
                "expression"
            ),
        ),
        ("[rules.naming-convention]\npattern = 5\n", "rules.naming-convention.pattern: expected"),
        (
            'select = ["SL109"]\n',
            "speclint.toml: unknown rule selector 'SL109' (did you mean",
        ),
        ('ignore = ["duplicate-valeu"]\n', "(did you mean 'duplicate-value'?)"),
    ],
)
def test_configuration_mistakes(project: Path, run_cli: RunCli, config: str, message: str) -> None:
    result = run_with(project, run_cli, config)
    assert message in result.err


@pytest.mark.parametrize("flag", ["--select", "--extend-select", "--ignore"])
def test_unknown_selectors_on_the_command_line_are_blamed_on_the_flag(
    project: Path, run_cli: RunCli, flag: str
) -> None:
    result = run_with(project, run_cli, "", flag, "SL101,duplcate-value")
    assert result.err == (
        f"speclint: error: {flag}: unknown rule selector 'duplcate-value' (did you mean "
        "'duplicate-value'?) (see `speclint rules`)\n"
    )
    assert "the defaults" not in result.err


SCHEMAS = [
    ("missing", None, "missing.json: no such schema file"),
    ("not JSON", "{'type': 'object'}", "bad.json:1:2: the schema is not JSON: Expecting property"),
    (
        "a list",
        "[1, 2]",
        (
            "bad.json: not a valid JSON Schema (Draft 2020-12) at the top level: [1, 2] is not of "
            "type 'object', 'boolean'"
        ),
    ),
    (
        "a bad type",
        '{"type": "objekt"}',
        "bad.json: not a valid JSON Schema (Draft 2020-12) at type",
    ),
    (
        "properties not an object",
        '{"properties": 5}',
        "at properties: 5 is not of type 'object'",
    ),
    (
        "a bad pattern",
        '{"properties": {"name": {"pattern": "(["}}}',
        "at properties/name/pattern: '([' is not a 'regex'",
    ),
    (
        "a remote reference",
        '{"$ref": "https://schemas.example.com/record.json"}',
        (
            "bad.json: $ref 'https://schemas.example.com/record.json' points to the network; "
            "speclint never fetches schemas"
        ),
    ),
    ("a missing local reference", '{"$ref": "other.json"}', "bad.json: $ref to "),
]


@pytest.mark.parametrize(("label", "content", "message"), SCHEMAS, ids=[s[0] for s in SCHEMAS])
@pytest.mark.parametrize("key", ["schema", "rules.schema-violation"])
def test_bad_record_schemas_are_named_when_loaded(
    project: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    label: str,
    content: str | None,
    message: str,
    key: str,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("speclint tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    name = "missing.json" if content is None else "bad.json"
    if content is not None:
        (project / name).write_text(content, encoding="utf-8")
    config = (
        f'schema = "{name}"\n'
        if key == "schema"
        else f'[rules.schema-violation]\nschema = "{name}"\n'
    )
    result = run_with(project, run_cli, config)
    assert f"speclint.toml: {key}: " in result.err, label
    assert message in result.err, label


def test_a_schema_split_over_local_files_works(project: Path, run_cli: RunCli) -> None:
    (project / "record.json").write_text('{"$ref": "parts/value.json"}', encoding="utf-8")
    (project / "parts").mkdir()
    (project / "parts" / "value.json").write_text(
        '{"properties": {"value": {"maximum": 0}}}', encoding="utf-8"
    )
    (project / "speclint.toml").write_text('schema = "record.json"\n', encoding="utf-8")
    result = run_cli("check", "--select", "SL001", "p.md", cwd=project)
    assert result.code == 1, result.err
    assert "p.md:3:9: SL001 [error] value 1 is greater than the maximum of 0" in result.out


def test_schemas_are_never_retrieved_from_the_network() -> None:
    with pytest.raises(NoSuchResource):
        _local_only("https://schemas.example.com/record.json")
