"""speclint's built-in rules, one module per rule.

This folder is installed as ``speclint.rules`` (never as a top-level ``rules`` module). Each rule
is registered in ``pyproject.toml`` under the ``speclint.rules`` entry-point group, exactly as a
third-party rule would be.
"""
