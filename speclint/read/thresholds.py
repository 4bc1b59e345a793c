"""The numbers column detection turns on, each with its reason (see ``docs/inference.md``).

Column roles are inferred from headers first and cell content second; these thresholds say how
much of a column's content must agree before content decides. Pin the roles of any table with
``[[columns.pin]]`` when the inference is wrong.
"""

from __future__ import annotations

from speclint.thresholds import Threshold

# Half the filled cells: enough when the header already says what the column is ("value").
MOSTLY = 0.5
# Four cells in five: needed when only the content speaks (an ambiguous "错误码" header), so
# that a stray note or an empty-ish row does not flip a column's role.
CLEARLY = 0.8
# Longer than this is prose, not a name or a label: real names stay well under it.
SHORT_TEXT_CHARS = 64
# A value-headed column of data types with at least this many of them each on several rows
# (int twice, void twice) lists what functions or fields are, not codes: an enumeration of
# types lists each once, a slip repeating one of them.
TYPES_REPEATED_MIN = 2
# A label ("Bad Request", "Failed Exchange") has at most this many words and characters.
LABEL_MAX_WORDS = 6
LABEL_MAX_CHARS = 48
# A first body row of short words over a column of numbers continues the header
# (| Dec | Hex |); a word longer than this is a record, not a header word.
SECOND_HEADER_MAX_CHARS = 12
# No code has more digits; Python refuses to print integers much longer than this anyway.
MAX_VALUE_DIGITS = 40

# HTTP statuses run from 100 to 599: a column of such numbers beside string codes is the status
# the codes travel with, not the code.
HTTP_STATUS_LOW = 100
HTTP_STATUS_HIGH = 599
# The success statuses (RFC 9110, 2xx): a row of a table keyed by an HTTP status beside an
# error-code column, with such a status and no error code, is the request that succeeded.
HTTP_SUCCESS_LOW = 200
HTTP_SUCCESS_HIGH = 299

# A value column says what kind of code it holds (decimal, hex, zero-padded, string) once it has
# this many values, the kind of at least CLEARLY of them; a value of another kind is then a
# finding when at most LONE_KIND_MAX cells share its kind (more are a second convention).
VALUE_KIND_MIN_VALUES = 5
LONE_KIND_MAX = 2

# A column headed as values with this many sizes or counts in it (10 KB, 50 MB, 10,000) lists
# limits or settings: no code is written with a unit or with thousands separators. One such
# cell may be a slip in a code table; two are the column's kind.
QUANTITY_MIN_CELLS = 2

# Digits a code given as an alternative (5.4.6 or 5.4.14, 40001 或 40002) has at least: one digit
# (0 or 1, E1 or E2) is a setting's state or a slot more often than a code.
ALTERNATIVE_MIN_DIGITS = 2

# A table of fewer rows than this shows too little to say on its own which column holds the
# codes (one row cannot show that a status repeats): it is read as its siblings headed alike
# are read together, as a reader reads the one-row table after the five-row one.
SMALL_TABLE_ROWS = 5

# A device's or a command's parameters are numbered within a byte (Z-Wave's 1-255): numbers
# under a parameter header (Param, 参数) that all stay at or below this number its parameters;
# larger ones (40001) are codes, whatever the header says.
PARAMETER_NUMBER_MAX = 255

# A row without a code or a name, right below a code's row, filling one cell after a run of
# blank cells holding at least this many of the cells that row fills (the code's among them)
# continues it: a cell wrapped onto a row of its own, as a page's converter or editor splits it.
# A row blanking only its code, or opening with a label of its own, is a code that went missing.
CONTINUATION_MIN_BLANKS = 2
# A table needs at least this many rows filling only their first cell with words for them to be
# group headings (| Local system issues ||): one such row among codes is more likely a code
# that lost its cells than a heading.
PLAIN_GROUP_MIN_ROWS = 2
# In a pipe table (which has no rowspan), a run of at least this many rows leaving the first
# cell, the code's, blank right below a code's row, each filling others, shares that code: its
# cell spans them as a merged cell would (a JSON-RPC page lists -32000 once above the seven
# errors it covers). One such row is a code that went missing; in HTML an empty <td> is empty.
SPANNED_MIN_ROWS = 2
# Rows that leave off only trailing cells of columns holding no key (| AL001 | Alarm 2 | 警报2 |
# under a fourth header, Description), their code where the codes are, show those cells empty
# (as GFM renders them): when at least this many rows, and at least TRAILING_OMITTED_SHARE of
# the table's rows, do so, it is the table's style, and they are read so; one such row, or a
# few among whole rows, may have lost a cell: each its own finding.
TRAILING_OMITTED_MIN_ROWS = 2
TRAILING_OMITTED_SHARE = 0.5
# A line of its own written as a heading without the space after its #s (###Raum Fehler,
# ##错误码) is read as the heading its author meant when its title is at most this long: a
# longer run after the #s is a sentence (a note), not a heading.
UNSPACED_HEADING_MAX_CHARS = 60

# A value column whose every cell is a pattern of this many bits or more, all of one width and
# some with a leading zero (00, 01, 10, 11; 000 to 111), lists a register field's settings
# (speed, rate): several settings may do the same thing, and none is an error code. One bit
# (0, 1) is every enumeration's start; without a leading zero, 1001 and 1010 are numbers.
BIT_PATTERN_MIN_WIDTH = 2
# ... in at least this many rows: a field of two bits has four settings, and a table lists most
# of them; a row or two of 0001 are codes written with their zeros.
BIT_PATTERN_MIN_ROWS = 3

THRESHOLDS = (
    Threshold(
        "MOSTLY",
        MOSTLY,
        "Share of a column's filled cells that must be numbers when its header names a value; "
        "at most this share of a value column's data types differ when it lists fields' types "
        "(String, String), not an enumeration of types.",
        "columns.pin",
    ),
    Threshold(
        "CLEARLY",
        CLEARLY,
        "Share of cells that must agree when only the content decides a column's role "
        "(numbers, identifiers, labels, name-and-number cells, data types, a meaning column's "
        "typed object shapes such as `{ field: string }`).",
        "columns.pin",
    ),
    Threshold(
        "TYPES_REPEATED_MIN",
        TYPES_REPEATED_MIN,
        "A value-headed column of data types is a field or function table's (no codes) when "
        "its types repeat: mostly (MOSTLY of its cells repeat one) or this many of them on "
        "several rows each (int, void: a function table's 戻り値).",
        "columns.pin",
    ),
    Threshold(
        "SHORT_TEXT_CHARS",
        SHORT_TEXT_CHARS,
        "Longest cell that can still be a name rather than prose.",
        "columns.pin",
    ),
    Threshold(
        "LABEL_MAX_WORDS",
        LABEL_MAX_WORDS,
        "Most words a short Latin label (a status name such as 'Bad Request') has.",
        "columns.pin",
    ),
    Threshold(
        "LABEL_MAX_CHARS",
        LABEL_MAX_CHARS,
        "Longest short Latin label.",
        "columns.pin",
    ),
    Threshold(
        "SECOND_HEADER_MAX_CHARS",
        SECOND_HEADER_MAX_CHARS,
        "Longest word of a first body row that continues the header (| Dec | Hex |).",
        "columns.pin",
    ),
    Threshold(
        "HTTP_STATUS_LOW",
        HTTP_STATUS_LOW,
        "Lowest HTTP status: numbers from here to HTTP_STATUS_HIGH beside string codes, or "
        "beside a named constant per row when under CLEARLY of them are distinct (403 for "
        "three errors), are the status the codes are sent with, an extra column.",
        "columns.pin",
    ),
    Threshold(
        "HTTP_STATUS_HIGH",
        HTTP_STATUS_HIGH,
        "Highest HTTP status.",
        "columns.pin",
    ),
    Threshold(
        "HTTP_SUCCESS_LOW",
        HTTP_SUCCESS_LOW,
        "Lowest success status: a row with an HTTP status from here to HTTP_SUCCESS_HIGH and "
        "no error code is the request that succeeded, not a row missing its code (SL002).",
        "fixed: HTTP's own definition of success (RFC 9110)",
    ),
    Threshold(
        "HTTP_SUCCESS_HIGH",
        HTTP_SUCCESS_HIGH,
        "Highest success status.",
        "fixed: HTTP's own definition of success (RFC 9110)",
    ),
    Threshold(
        "VALUE_KIND_MIN_VALUES",
        VALUE_KIND_MIN_VALUES,
        "Fewest values a column's kind of code (decimal, hex, padded, string) is inferred from.",
        "ignore SL004 for the page (per-file-ignores)",
    ),
    Threshold(
        "LONE_KIND_MAX",
        LONE_KIND_MAX,
        "Most cells of another kind that are reported as odd ones out (SL004).",
        "ignore SL004 for the page (per-file-ignores)",
    ),
    Threshold(
        "QUANTITY_MIN_CELLS",
        QUANTITY_MIN_CELLS,
        "A column headed as values with this many sizes or counts (10 KB, 50 MB, 10,000) "
        "makes the table one of limits or settings, not codes.",
        "columns.pin",
    ),
    Threshold(
        "ALTERNATIVE_MIN_DIGITS",
        ALTERNATIVE_MIN_DIGITS,
        "Fewest digits each of a cell's alternatives has (5.4.6 or 5.4.14) for the cell to hold "
        "a code each; fewer (0 or 1) stay one cell.",
        "fixed: write the codes one per line, or suppress the finding inline",
    ),
    Threshold(
        "SMALL_TABLE_ROWS",
        SMALL_TABLE_ROWS,
        "A table of fewer rows takes the column roles its siblings headed alike give together, "
        "even where its own cells would put the codes in another column.",
        "columns.pin",
    ),
    Threshold(
        "PARAMETER_NUMBER_MAX",
        PARAMETER_NUMBER_MAX,
        "Largest parameter number: numbers under Param or 参数 that all stay at or below it "
        "number parameters, unless the heading names codes; larger ones are codes.",
        "columns.pin",
    ),
    Threshold(
        "CONTINUATION_MIN_BLANKS",
        CONTINUATION_MIN_BLANKS,
        "A row without a code or a name, right below a code's row, filling one cell after a "
        "run of blank cells holding this many of the cells that row fills (the code's among "
        "them) continues it (a wrapped cell); a row blanking only its code, opening with a "
        "label of its own or filling two cells, is a code that went missing (SL002).",
        "fixed: join the wrapped text to its row, or suppress the finding inline",
    ),
    Threshold(
        "SPANNED_MIN_ROWS",
        SPANNED_MIN_ROWS,
        "Fewest rows in a run leaving the first cell, the code's, blank below a code's row of a "
        "pipe table for that code's cell to span them (a merged cell written as blanks); they "
        "define no code of their own. One such row, or an empty HTML cell, is a code that went "
        "missing (SL002).",
        "fixed: repeat the code on each row, or suppress the finding inline",
    ),
    Threshold(
        "TRAILING_OMITTED_MIN_ROWS",
        TRAILING_OMITTED_MIN_ROWS,
        "Fewest rows of a table leaving off only trailing cells of columns that hold no key "
        "(the description, a remark), their code where the codes are, for the table to be "
        "written so on purpose: the rows are read with those cells empty, as GFM renders "
        "them (an empty description is SL001's). One such row is its own SL002.",
        "fixed: end each row with its empty cells, or suppress the finding inline",
    ),
    Threshold(
        "TRAILING_OMITTED_SHARE",
        TRAILING_OMITTED_SHARE,
        "Least share of a table's rows that must leave off only trailing cells of columns "
        "holding no key for that to be the table's style (see TRAILING_OMITTED_MIN_ROWS); a "
        "few such rows among whole ones are each an SL002.",
        "fixed: end each row with its empty cells, or suppress the finding inline",
    ),
    Threshold(
        "UNSPACED_HEADING_MAX_CHARS",
        UNSPACED_HEADING_MAX_CHARS,
        "Longest title of a line written as a heading without the space after its #s "
        "(###Raum Fehler, ##错误码) for it to be read as the heading its author meant; it "
        "must stand outside lists and quotes, have two #s or more (#TODO, #fff, #include are "
        "no headings), open with a letter and hold no other # and no colon.",
        "fixed: write the space after the #s, as CommonMark asks",
    ),
    Threshold(
        "PLAIN_GROUP_MIN_ROWS",
        PLAIN_GROUP_MIN_ROWS,
        "Fewest rows filling only their first cell with words (| Local system issues ||, "
        "|通用) for them to head the rows below; one such row is a code that lost its cells.",
        "fixed: make the title bold, or give the row its code",
    ),
    Threshold(
        "BIT_PATTERN_MIN_WIDTH",
        BIT_PATTERN_MIN_WIDTH,
        "Fewest bits of the patterns a value column holds (00 to 11, all one width) for its "
        "table to list a register field's settings, not codes.",
        "columns.pin",
    ),
    Threshold(
        "BIT_PATTERN_MIN_ROWS",
        BIT_PATTERN_MIN_ROWS,
        "Fewest rows of bit patterns for a table to list a register field's settings: one or "
        "two rows of 0001 are codes written with their zeros.",
        "columns.pin",
    ),
    Threshold(
        "MAX_VALUE_DIGITS",
        MAX_VALUE_DIGITS,
        "Longest value read as an integer; longer text stays a string code.",
        "schema",
    ),
)
