"""The cache folder, ``.speclint_cache/``: where it is, how it is made, and how its entries are
named. The page cache (``read.cache``), the configuration's remembered verdict (``config``) and the
installed rules' entry points (``check.entry_index``) all keep their entries here."""

from __future__ import annotations

import hashlib
from pathlib import Path

from speclint import __version__

CACHE_DIR = ".speclint_cache"


def digest(*parts: bytes | str) -> str:
    """An entry's name: BLAKE2b over the parts, each prefixed with its length (so ``("ab", "c")``
    and ``("a", "bc")`` differ)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def ensure_folder(root: Path, folder: Path) -> None:
    """Make ``folder`` inside the cache ``root``, and the root with its markers if it is new;
    ``OSError`` when it cannot be written."""
    if not root.is_dir():
        root.mkdir(parents=True, exist_ok=True)
        # Like pytest's and ruff's caches: git and backup tools should leave it alone.
        (root / ".gitignore").write_text("# Created by speclint.\n*\n", encoding="utf-8")
        (root / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This is a cache folder created by speclint.\n",
            encoding="utf-8",
        )
    folder.mkdir(parents=True, exist_ok=True)


def remembered_valid(root: Path, *identity: bytes | str) -> bool:
    """Whether a run of this speclint found this very input valid (a configuration)."""
    return (root / "valid" / digest(__version__, *identity)).is_file()


def remember_valid(root: Path, *identity: bytes | str) -> None:
    """Note that the input is valid; silently nothing when the cache cannot be written (the
    page cache says so once)."""
    folder = root / "valid"
    try:
        ensure_folder(root, folder)
        (folder / digest(__version__, *identity)).touch()
    except OSError:
        pass
