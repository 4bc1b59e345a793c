"""Comparing the registry with an earlier revision: ``speclint diff BASE`` and ``check --base``.

``base`` reads the pages at BASE (a git revision, read from git without a checkout, or a catalog
written by ``speclint export``) through the same read stage as today's pages; the registry stage
gives each registry its records at BASE (``speclint.registry.history``) and the change rules
(SL401-SL406) compare them (``speclint.registry.changes``); ``changelog`` writes the comparison
as release notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from speclint.config import Settings

# The rules ``speclint diff`` runs unless --select says otherwise: the change rules, SL401 and
# up (a plugin's rule about changes takes a code in this block to run under diff too).
CHANGE_RULES = "SL4"


def diff_settings(
    settings: Settings, select: Sequence[str] | None, extend_select: Sequence[str] | None
) -> Settings:
    """``check``'s settings for ``diff``: the change rules rather than the configured selection
    (what is ignored, and every rule's severity and options, still apply)."""
    return replace(
        settings,
        select=tuple(select) if select else (CHANGE_RULES,),
        extend_select=tuple(extend_select or ()),
    )
