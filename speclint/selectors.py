"""The one grammar that names rules, wherever a user names them.

The command line (``--select SL1``), the configuration (``ignore = ["duplicate-value"]``,
``per-file-ignores``, ``[severity]``) and inline suppressions (``<!-- speclint-disable ALL -->``)
all go through ``parse_selector``, so a selector means the same thing everywhere:

- ``ALL``: every rule;
- a code (``SL101``) or a code prefix (``SL1``, ``SL``): the rules whose code starts with it;
- a rule name (``duplicate-value``): that rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALL = "ALL"
_CODE_PREFIX = re.compile(r"SL[0-9]{0,3}")
_RULE_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class SelectorError(ValueError):
    """Text that is not a selector; the message says what a selector looks like."""


@dataclass(frozen=True, slots=True)
class Selector:
    text: str
    kind: str  # "all", "code" (a code or a prefix of one) or "name"

    def matches(self, code: str, name: str) -> bool:
        """Whether this selector names the rule ``code`` / ``name``."""
        if self.kind == "all":
            return True
        if self.kind == "code":
            return code.startswith(self.text)
        return name == self.text

    def names_exactly(self, code: str, name: str) -> bool:
        """Whether this selector is the rule's own code or name (not ``ALL``, not a prefix)."""
        return self.text in (code, name)

    def __str__(self) -> str:
        return self.text


def parse_selector(text: str) -> Selector:
    """Parse one selector; ``SelectorError`` says why ``text`` is not one."""
    text = text.strip()
    if text == ALL:
        return Selector(text, "all")
    if _CODE_PREFIX.fullmatch(text):
        return Selector(text, "code")
    if _RULE_NAME.fullmatch(text):
        return Selector(text, "name")
    raise SelectorError(
        f"{text!r} is not a rule selector (ALL, a code such as SL101, a code prefix such as SL1, "
        "or a rule name such as duplicate-value)"
    )


def is_selector(text: str) -> bool:
    try:
        parse_selector(text)
    except SelectorError:
        return False
    return True


def selects(selector: str, code: str, name: str) -> bool:
    """Whether the selector text names the rule (False for text that is no selector)."""
    try:
        return parse_selector(selector).matches(code, name)
    except SelectorError:
        return False
