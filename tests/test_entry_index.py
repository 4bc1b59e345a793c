"""The remembered entry points: the same rules as a fresh look, found again when the installation
changes, and never a reason to fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from speclint.check.entry_index import FoundEntry, entries, scan
from speclint.check.plugins import GROUP, load_rules

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "status-codes.zh.md"


def _distribution(site: Path, name: str, entry_points: str) -> Path:
    dist = site / f"{name}-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(entry_points)
    return dist


def test_the_index_gives_what_a_fresh_look_gives(tmp_path: Path) -> None:
    first = entries(GROUP, tmp_path)
    assert (tmp_path / "entry-points").is_dir()
    assert entries(GROUP, tmp_path) == first == scan(GROUP)
    assert [r.code for r in load_rules(remember_in=tmp_path).rules] == [
        r.code for r in load_rules().rules
    ]


def test_a_distribution_installed_later_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    before = entries(GROUP, tmp_path / "cache")
    assert "late" not in {e.name for e in before}
    _distribution(site, "late_rules", "[speclint.rules]\nlate = late_module:Late\n")
    after = entries(GROUP, tmp_path / "cache")
    assert FoundEntry("late", "late_module:Late") in after
    (site / "late_rules-1.0.dist-info" / "entry_points.txt").write_text("[speclint.rules]\n")
    assert "late" not in {e.name for e in entries(GROUP, tmp_path / "cache")}


def test_a_torn_index_is_read_afresh(tmp_path: Path) -> None:
    entries(GROUP, tmp_path)
    (index,) = (tmp_path / "entry-points").iterdir()
    index.write_text('[["half', encoding="utf-8")
    assert entries(GROUP, tmp_path) == scan(GROUP)
    assert index.read_text(encoding="utf-8").startswith('[["')


def test_an_unwritable_cache_still_gives_the_entry_points(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert entries(GROUP, blocked) == scan(GROUP)


def test_an_entry_point_value_loads_as_importlib_loads_it() -> None:
    assert FoundEntry("x", "os.path:join").load() is os.path.join
    assert FoundEntry("x", "os:path.join [extra]").load() is os.path.join
    assert FoundEntry("x", "os.path").load() is os.path


def test_a_cached_run_does_not_read_distribution_metadata(tmp_path: Path) -> None:
    # The point of the index: a pre-commit run on one page skips importlib.metadata.
    page = tmp_path / "p.md"
    page.write_bytes(EXAMPLE.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "SPECLINT_NO_CACHE"}
    probe = (
        "import sys; from speclint.cli import main; code = main(['check', 'p.md']); "
        "print('importlib.metadata' in sys.modules, file=sys.stderr); sys.exit(code)"
    )

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", probe],
            cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip

    # Neither the first run (the folders scanned, see _scan_folders) nor the second (the index)
    # imports importlib.metadata.
    first, second = run(), run()
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout
    assert first.stderr.strip().endswith("False")
    assert second.stderr.strip().endswith("False")


def _importlib_reads(group: str) -> tuple[FoundEntry, ...]:
    import importlib
    from importlib.metadata import entry_points

    importlib.invalidate_caches()  # importlib.metadata remembers each folder's listing
    return tuple(FoundEntry(e.name, e.value) for e in entry_points(group=group))


def test_the_folder_scan_reads_every_installed_group_as_importlib_metadata_does() -> None:
    from importlib.metadata import entry_points

    from speclint.check.entry_index import _scan_folders

    groups = sorted(entry_points().groups)
    assert GROUP in groups
    for group in groups:
        assert _scan_folders(group) == _importlib_reads(group), group


def test_the_folder_scan_follows_importlib_on_odd_installations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speclint.check.entry_index import _scan_folders

    first, second = tmp_path / "first", tmp_path / "second"
    _distribution(first, "Dup_Name", f"[{GROUP}]\nfirst = a:B\n")
    _distribution(second, "dup.name", f"[{GROUP}]\nshadowed = a:C\n")  # the same name: shadowed
    _distribution(
        first, "other", f"# a comment\n\n[console_scripts]\nx = y:z\n[{GROUP}]\n o = p:Q \n"
    )
    (first / "nometa-1.0.dist-info").mkdir()  # no entry_points.txt: no entries
    egg_info = first / "legacy.egg-info"
    egg_info.mkdir()
    (egg_info / "entry_points.txt").write_text(f"[{GROUP}]\nlegacy = l:L [extra]\n")
    monkeypatch.setattr(sys, "path", [str(first), str(tmp_path / "missing"), str(second)])
    scanned = _scan_folders(GROUP)
    assert scanned is not None
    assert {e.name for e in scanned} == {"first", "o", "legacy"}
    assert scanned == _importlib_reads(GROUP)


@pytest.mark.parametrize("odd", ["zip", "upper-case suffix", "line without =", "finder"])
def test_the_folder_scan_leaves_what_it_might_misread_to_importlib(
    odd: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speclint.check.entry_index import _scan_folders

    site = tmp_path / "site"
    dist = _distribution(site, "plugin", f"[{GROUP}]\nrule = m:R\n")
    path = [str(site)]
    if odd == "zip":
        archive = tmp_path / "bundle.zip"
        archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip archive
        path.append(str(archive))
    elif odd == "upper-case suffix":
        dist.rename(site / "plugin-1.0.DIST-INFO")
    elif odd == "line without =":
        (dist / "entry_points.txt").write_text(f"[{GROUP}]\nrule\n")
    else:

        class Finder:
            @staticmethod
            def find_distributions(context: object = None) -> list[object]:
                return []

        monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    monkeypatch.setattr(sys, "path", path)
    assert _scan_folders(GROUP) is None
