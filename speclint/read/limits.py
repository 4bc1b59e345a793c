"""Bounds on what the read stage takes from a page, so that no page can exhaust the process."""

from __future__ import annotations

# How deep lists, quotes and inline markup may nest before markdown-it stops reading inside
# them. Its default, 20, made a table after a deeply nested list vanish; far more is dangerous:
# the block parser recurses about twice per level and the inline parser once per nested link, so
# 10,000 levels overflowed Python's stack (RecursionError) on a 20 KB page. 100 levels parse
# within 260 frames of the default limit of 1,000. A page that reaches it is reported, not
# silently cut (``speclint.read.blocks.Blocks.cut_nesting``).
MAX_NESTING = 100
