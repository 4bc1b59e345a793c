from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from speclint.model import Diagnostic, Record, Severity
from speclint.read.columns import normalise_header
from speclint.registry.categories import by_category
from speclint.registry.repeats import by_earlier_and_table
from speclint.registry.thresholds import (
    FAMILY_LABEL_MAX_WORDS,
    FAMILY_LABEL_MIN_CODES,
    MODULE_WORD_MIN_NAMES,
)
from speclint.registry.words import (
    Vocabulary,
    is_placeholder_meaning,
    normalise_text,
    split_words,
    stem,
)
from speclint.rule import RecordSet, Rule, Scope
from speclint.wording import listed

# Headers of a column that sets a table's codes apart as a heading would: each API or module
# has codes of its own, and its own "Success" or "reference not found" among them.
SCOPE_HEADERS = (
    "api",
    "接口",
    "module",
    "模块",
    "endpoint",
    "service",
    "服务",
    "method",
    "方法",
    "product",
    "产品",
)


# Headers of a column of messages the product shows its users: one message for many failures is
# a choice there (the codes are told apart by their names), not a meaning copied.
USER_MESSAGE_HEADERS = (
    "shown to user",
    "show to user",
    "shown to the user",
    "displayed to user",
    "user message",
    "display message",
    "customer message",
    "message to display",
    "用户提示",
    "提示用户",
    "展示给用户",
    "显示给用户",
    "前端提示",
)


# The nouns a family label is made of besides the family's words (`Param Exception`,
# `Token error`, `数据异常` is no label: its words are not its names').
ERROR_NOUNS = frozenset(
    {"EXCEPTION", "EXCEPTIONS", "ERROR", "ERRORS", "ERR", "FAILURE", "FAILURES", "FAULT"}
)
_NOUN_STEMS = frozenset(stem(noun) for noun in ERROR_NOUNS)
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class DuplicateDescriptionOptions:
    scope_headers: tuple[str, ...] = SCOPE_HEADERS
    user_message_headers: tuple[str, ...] = USER_MESSAGE_HEADERS
    family_labels: bool = True


class DuplicateDescription(Rule):
    """## What it does
    Flags a meaning given to more than one value in the same category (the heading that sets a
    table apart on its page). Meanings are compared after folding case, full- and half-width
    forms, whitespace and punctuation, so `无效的 userId。` and `无效的UserID` are the same
    meaning. The same text in different categories (`参数错误` in every module) is normal and
    not reported, and neither are two records whose names are one name or its synonym, even
    one alike only up to an inflection or an error affix (name-collision and synonym-names
    report those), nor the same error of two modules in one table: names that differ in one
    word, each word naming a module (used in the names of at least `MODULE_WORD_MIN_NAMES` (3)
    codes: `ErrorAppleParams` beside `ErrorMarketParams`, or the classes `Data Read Error`
    and `Data Write Error`, each the name of several codes). A column headed as an API or a
    module (`| Status | Code | API | Message |`) sets codes apart as a heading does: each API's
    success code may mean `Success`. A meaning several codes share is one finding, at its first
    copy, naming every code that has it.

    A column headed as the message shown to users (`Message Shown to User`, `用户提示`) is not
    compared: one generic message for many failures is the product's choice there, and the
    codes are told apart by their names. Neither is a message that only labels its codes'
    family: an error noun (`Exception`, `Error`, `Failure`, `Fault`) and at most
    `FAMILY_LABEL_MAX_WORDS` (2) words that every name (or string code) sharing it carries,
    shared by at least `FAMILY_LABEL_MIN_CODES` (5) codes (`Param Exception` over
    `ParamBindErr`, `ParamErr`, `ParamHeaderErr` ...), as a heading would label them; still
    compared when the names say nothing more than the family (`SENSOR_FAULT_1` ..
    `SENSOR_FAULT_5`) or when every name of the category carries those words (`SDK error`).

    ## Why it matters
    When two codes read the same, users cannot tell which one a failure returns, and clients end
    up handling only one of them. Often one of the two is a leftover copy, or a meaning pasted
    without being edited.

    ## Example
    ```markdown
    | 错误码 | 十进制数值 | 含义 |
    | --- | --- | --- |
    | ERRCODE_INVALID_USERID | 300223 | 无效的userId |
    | ERRCODE_INVALID_DEPT_USERID | 300230 | 无效的userId |
    ```

    ## How to fix
    Say what sets the codes apart (`无效的群成员userId`), or merge them into one code if they
    are the same error. Rows without a meaning, or with a placeholder for one (`TBD`, `None`,
    `待定`, or an unassigned slot's `Reserved`, `Currently unspecified`, `保留`, also when advice
    follows it in a sentence of its own: `Reserved for future use. Contact support.`,
    `Reserved. Do not use.`), or with only a generic template variable (`{message}`, `{0}`,
    `%s`, `%v`: the text the raiser passes; not a key naming one message, `{login_failed}`),
    are not compared.

    ## Options
    - `scope-headers`: words of a column header that make the column set codes apart, as a
      heading does (default: `api`, `接口`, `module`, `模块`, `endpoint`, `service`, `服务`,
      `method`, `方法`, `product`, `产品`); `[]` compares across them.
    - `family-labels`: leave out messages that only label their codes' family (default
      `true`); `false` compares them too.
    - `user-message-headers`: words of a meaning column's header that make it the message shown
      to users, whose texts are not compared (default: `shown to user`, `show to user`,
      `shown to the user`, `displayed to user`, `user message`, `display message`,
      `customer message`, `message to display`, `用户提示`, `提示用户`, `展示给用户`,
      `显示给用户`, `前端提示`); `[]` compares them too.
    """

    code = "SL105"
    name = "duplicate-description"
    severity = Severity.WARNING
    scope = Scope.REGISTRY
    Options = DuplicateDescriptionOptions

    def check(self, records: RecordSet) -> Iterator[Diagnostic]:
        scopes = _Scopes(self.options.scope_headers)
        messages = _user_message_tables(records.records, self.options.user_message_headers)
        found: list[tuple[Record, Record]] = []
        for members in by_category(records.records).values():
            if messages:
                members = [r for r in members if (r.file, r.table) not in messages]
            sharing: dict[str, list[Record]] = {}
            shared = list(_copies(members, scopes, sharing))
            labels = (
                _family_labels(sharing, members) if shared and self.options.family_labels else set()
            )
            found.extend((r, e) for r, e, meaning in shared if meaning not in labels)
        if not found:
            return
        names = [r.name for r in records.records if r.name]
        vocabulary = Vocabulary.of_names(names)
        # Each code's name counts: a name several codes share (Data Read Error, the class of
        # nine codes) shows its words as the same error's family as a module's name does.
        uses = Counter(word for name in names for word in set(split_words(name)))
        # One meaning several codes of a table share is one finding (by_earlier_and_table).
        copies = (
            (earlier, record)
            for record, earlier in found
            if not (_same_name(earlier, record, vocabulary) or _parallel(earlier, record, uses))
        )
        for earlier, later in by_earlier_and_table(copies):
            yield self._finding(earlier, later)

    def _finding(self, earlier: Record, later: list[Record]) -> Diagnostic:
        record, others = later[0], later[1:]
        wording = (
            "" if record.description == earlier.description else f"{earlier.description!r} of "
        )
        more = ""
        if others:
            shown = listed([other.title for other in others])
            more = f", and so {'do' if len(others) > 1 else 'does'} {shown}"
        return self.report(
            record,
            f"{record.title} means {record.description!r}, the same as {wording}{earlier.title}"
            f"{more}",
            field="description",
            related=[
                (earlier, f"{earlier.title} has this meaning"),
                *((other, f"{other.title} has it too") for other in others),
            ],
        )


def _same_name(earlier: Record, record: Record, vocabulary: Vocabulary) -> bool:
    """Two names for one error (the same name, the same words, or words alike up to an
    inflection or an error affix: synonym-names reports those) are one problem, already
    reported; the shared meaning is part of it."""
    if not (earlier.name and record.name):
        return False
    if vocabulary.synonym_key(earlier.name) == vocabulary.synonym_key(record.name):
        return True
    # Alike up to an inflection or an error affix (E_DATA_CONFLICT, E_DATA_CONFLICT_ERROR):
    # with one meaning, synonym-names reports the pair as one error with two names.
    near = vocabulary.near_key(earlier.name)
    return bool(near) and near == vocabulary.near_key(record.name)


def _parallel(earlier: Record, record: Record, uses: Counter[str]) -> bool:
    """Whether two names are the same error of two modules (ErrorAppleParams beside
    ErrorMarketParams, ERR_VOICE_PLAYER_PARAM_NULL beside ERR_VOICE_RECORD_PARAM_NULL): they
    differ in one word, and each of the two words names a module, used in the names of several
    codes (a name that several codes share, Data Read Error beside Data Write Error, counts
    once per code)."""
    a, b = split_words(earlier.name), split_words(record.name)
    if not a or len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return uses[x] >= MODULE_WORD_MIN_NAMES and uses[y] >= MODULE_WORD_MIN_NAMES


def _family_labels(sharing: dict[str, list[Record]], members: list[Record]) -> set[str]:
    """The shared meanings (as ``normalise_text`` gives them, with the records having each)
    that label a family of codes: an error noun and a word or two that every name sharing the
    meaning carries (`Param Exception` over ParamBindErr, ParamErr, ParamHeaderErr), shared by
    at least FAMILY_LABEL_MIN_CODES codes, in a category where other names lack those words."""
    labels: set[str] = set()
    for meaning, having in sharing.items():
        if len({r.value_key for r in having}) < FAMILY_LABEL_MIN_CODES:
            continue
        family = _family_of(having[0].description)
        if family and _labels_family(family, having, members):
            labels.add(meaning)
    return labels


def _family_of(description: str) -> frozenset[str]:
    """The stems of the words a label names its family with besides its error noun (`Param
    Exception`: PARAM), or nothing when the text is no such label."""
    words = [word.upper() for word in _LETTERS.findall(description)]
    family = frozenset(stem(word) for word in words if word not in ERROR_NOUNS)
    if not family or len(family) == len(words) or len(family) > FAMILY_LABEL_MAX_WORDS:
        return frozenset()  # no error noun, only one, or more than a family's name: a meaning
    return family


def _labels_family(family: frozenset[str], having: list[Record], members: list[Record]) -> bool:
    """Whether every code having the label carries its family's words, the names say more
    than the family (at most one is the family alone: ParamErr among ParamBindErr ...; never
    SENSOR_FAULT_1 .. SENSOR_FAULT_5), and some name of the category lacks them (`SDK error`
    over SDK_* codes where every name starts with SDK sets no family apart)."""
    bare = 0
    for record in having:
        words = _identifier_stems(record)
        if not words or not family <= words:
            return False
        if not any(w not in family and w not in _NOUN_STEMS and not w.isdigit() for w in words):
            bare += 1
    if bare > 1:
        return False
    return any(not family <= _identifier_stems(record) for record in members)


def _identifier_stems(record: Record) -> frozenset[str]:
    # A table of string codes (| 400 | ParamErr | Param Exception |) is named by its codes.
    identifier = record.name or (record.value if isinstance(record.value, str) else "")
    return frozenset(stem(word) for word in split_words(identifier))


def _copies(
    members: list[Record], scopes: _Scopes, sharing: dict[str, list[Record]]
) -> Iterator[tuple[Record, Record, str]]:
    """Each record whose meaning an earlier record of another value already has, in its
    scope (the API or module column of its table, if it has one), with that record and the
    meaning; ``sharing`` gets every meaning several records have, with those records."""
    # Per meaning, its first record; once a second has the meaning, the first record of each
    # scope, and of each value seen so far in it: a value listed twice with the same meaning is
    # a duplicate row (SL101/SL102), not two codes sharing a meaning. Most meanings are one
    # record's: scopes and values are looked at only once a second record has the meaning.
    first: dict[str, Record] = {}
    by_scope: dict[tuple[str, tuple[str, ...]], Record] = {}
    shared: dict[tuple[str, tuple[str, ...]], dict[tuple[str, object], Record]] = {}
    for record in members:
        meaning = normalise_text(record.description)
        if not meaning or is_placeholder_meaning(record.description, meaning):
            continue  # TBD, 待定: no meaning written yet, none to share
        earliest = first.setdefault(meaning, record)
        if earliest is record:
            continue
        having = sharing.get(meaning)
        if having is None:
            having = sharing[meaning] = [earliest]
        having.append(record)
        by_scope.setdefault((meaning, scopes.of(earliest)), earliest)
        key = (meaning, scopes.of(record))
        earlier = by_scope.setdefault(key, record)
        if earlier is record:
            continue
        values = shared.get(key)
        if values is None:
            values = shared[key] = {earlier.value_key: earlier}
        value = record.value_key
        if value in values:
            continue
        values[value] = record
        if record.line == earlier.line and record.file == earlier.file:
            continue  # "-4000002<br>-4000004": the codes one row lists share its meaning
        yield record, earlier, meaning


def _user_message_tables(
    records: tuple[Record, ...], words: tuple[str, ...]
) -> set[tuple[str, int]]:
    """The tables (file, index) whose meaning column is headed as the message shown to users;
    each table is asked once, at its first record."""
    folded = tuple(normalise_header(word) for word in words)
    found: set[tuple[str, int]] = set()
    if not folded:
        return found
    last: Record | None = None
    for record in records:
        if last is not None and record.table == last.table and record.file == last.file:
            continue
        last = record
        headers = [normalise_header(c.header) for c in record.cells if c.role == "description"]
        if any(w in h for h in headers for w in folded):
            found.add((record.file, record.table))
    return found


class _Scopes:
    """What sets a table's codes apart besides their heading: the cells of its columns headed
    as an API, a module, an endpoint (``| Status | Code | API | Message |``). Worked out once
    per table, from its first record asked about (a layout is the table's)."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = tuple(normalise_header(word) for word in words)
        self._columns: dict[tuple[str, int], tuple[int, ...]] = {}

    def of(self, record: Record) -> tuple[str, ...]:
        key = (record.file, record.table)
        columns = self._columns.get(key)
        if columns is None:
            columns = self._columns[key] = tuple(
                i
                for i, cell in enumerate(record.cells)
                if not cell.role and any(w in normalise_header(cell.header) for w in self.words)
            )
        return tuple(record.cells[i].text for i in columns)
