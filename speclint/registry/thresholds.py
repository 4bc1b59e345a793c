"""The numbers registry inference turns on, each with its reason (see ``docs/inference.md``):
code spaces within a page, references, category ranges and naming conventions."""

from __future__ import annotations

from speclint.thresholds import Threshold

# A nameless table is a list of references when more than half its rows cite codes defined
# before it with the same meaning (what one endpoint returns, an HTTP-status map). A row cites a
# code written as it is defined (0x08 is a one-byte field's, not 0x00000008), and one-digit codes
# alone cite only with their meaning restated: small enumerations meet by chance.
REFERENCE_SHARE = 0.5
# A nameless table that lists at least this share of its values from earlier tables is a
# summary (the codes an endpoint returns, with remarks of its own): its rows cite those codes,
# whatever they say. Below it, a row giving an earlier number a clearly different meaning
# defines that number a second time (SL101).
CITING_SHARE = 0.5
# A table at least this share of whose codes link to an anchor of their own page ([`10052`](#10052))
# is an index of entries written elsewhere on the page, when more than REFERENCE_SHARE of its
# codes are listed by the page's other tables: its rows cite those codes, whatever they say and
# wherever they stand. A table with a link or two points at notes; it still defines its codes.
LINKED_INDEX_SHARE = 0.8
# A table that repeats at least this share (and at least two) of a code space's values is
# another code space (HTTP/2 codes beside gRPC codes): a slip repeats a value or two.
RESTATED_SHARE = 0.3
# A table that repeats at least this many negative values of a code space, whatever their
# share, is another code space too: two product families on one page each number their generic
# errors -1 to -19, and a slip repeats a value or two, never ten. Only negative values: a block
# of positive codes pasted into a second category of one space is that space's duplicates.
RESTATED_MIN_VALUES = 10
# A table that gives at least this share of its names (and at least RENUMBERED_MIN_NAMES) other
# values than a code space it would join numbers the same constants for another product or
# version (a controller family's actions 1000.. beside another family's 2000..): a code space
# of its own. A slip, or two categories that each have a TOKEN_EXPIRED, renumbers a few names.
RENUMBERED_SHARE = 0.5
RENUMBERED_MIN_NAMES = 5
# A heading of at least this many capitalised words run together names a type (LoginErrorCode):
# each type numbers its own members, so its tables are a code space of their own. One such word
# (Errors, General) is a category of the page's one code space.
TYPE_NAME_MIN_WORDS = 2
# In a nameless table, a value heading this many rows is a status many errors share
# (Telegram's 400s), not a key that slipped: a slip repeats a value once.
SHARED_STATUS_ROWS = 3

# A column of finer codes (SMTP's enhanced status 4.3.1 beside reply code 452, a subcode beside
# an error code) tells apart the rows sharing a value when its header names codes, at least this
# share of the table's rows fill it, and this share of those cells are codes: a column of
# remarks or a code here and there says nothing about which row a client means.
REFINING_CODE_SHARE = 0.8
# A table whose Direction column gives at least this many values in both of two opposite
# directions numbers each direction's messages apart (a function code's request and reply):
# rows sharing a value but going opposite ways are two messages there. One value in both
# directions is as likely a slip (MQTT's SUBACK given SUBSCRIBE's 8) as a design.
DIRECTION_SHARED_MIN = 2

# Below this many values a section's block is a guess, not a convention: an HTTP table of eight
# statuses, seven of them 4xx, says nothing about where 200 belongs.
RANGE_MIN_VALUES = 5
# Codes of more digits than this are not allotted in decimal blocks: they are bit fields written
# in decimal (an HRESULT as a signed 32-bit number, -2134351803 for 0x80c86045), whose
# categories are set by the bits, so most values of a category this long infer no range.
RANGE_MAX_DIGITS = 9
# The share of a section's values that must lie in one block for it to be the section's range:
# nine in ten. Below that a section spans categories (1-99, 100-149 in one table).
RANGE_MIN_SHARE = 0.9
# Blocks are never narrower than ten codes: 0..9, 10..19, 100..199, 300000..399999.
RANGE_MIN_BLOCK = 10

# With a sibling category inside a section's block, a block ten times narrower is the
# section's when it holds this share of its values (the sibling is evidence of its own).
SIBLING_NARROWING_SHARE = 0.75
# ... for blocks of at least this many codes: in blocks of ten a stray cannot be told from
# interleaved siblings.
SIBLING_NARROWING_MIN_BLOCK = 100

# A category whose inferred block is one of HTTP's error classes (400..499 client errors,
# 500..599 server errors) is numbered like HTTP statuses ("401 USERNAME_EXISTS ... 500
# SERVER_ERROR"): a status of the other error class in it (HTTP_ERROR_CLASS_LOW..HTTP_STATUS_HIGH)
# is HTTP's own split of errors, not a stray, unless a sibling category is numbered in that
# class. A 1xx to 3xx value is no error status: still a stray.
HTTP_ERROR_CLASS_LOW = 400
# Codes may embed an HTTP status as their leading three digits (-4040201 is 404's, 50001 is
# 500's): a category whose codes do, with at least this many distinct registered error statuses
# spread over at least HTTP_PREFIX_MIN_SPREAD times as many numbers, admits the other error
# class's statuses as the three-digit ones do. Two prefixes may be a count that crossed a
# hundred (40001..40164); statuses skip most numbers (400, 401, 404, 409, 429), blocks of a
# hundred counted up skip few (400, 401, 403, 404: one retired).
HTTP_PREFIX_MIN_STATUSES = 3
HTTP_PREFIX_MIN_SPREAD = 2
# A table that opens with a one-digit general code (0, -1) may list more general codes before
# its own series (0, 2, 20 above 10000..): codes at least this many digits shorter than its
# range. One digit short is a digit lost (1004 above 10001..10010, 10004 missing).
GENERAL_HEAD_FEWER_DIGITS = 2

# A range a page states for a section (in its heading or the text under it) is the section's
# range when at least this share of its codes lie in it; otherwise the numbers meant something
# else ("2019-2020 changes", "retry after 1-5 s").
DECLARED_MIN_SHARE = 0.5

# When at least this many of a category's codes (and CLEARLY of them) break the same
# expectation (its range, its naming convention), that is one problem of the category, reported
# once with a count, not once per code.
WHOLE_CATEGORY_MIN = 3

# Two descriptions clearly say different things when under this share of their tokens are
# shared (Jaccard) and neither is mostly (MEANING_OVERLAP) inside the other: "a group's member
# limit" and "a user's group limit" reorder the same name words but are different errors.
MEANING_DIFFERS = 0.5
MEANING_OVERLAP = 0.8

# A word of one name is a likely misspelling of a word used in at least VOCABULARY_MIN_NAMES
# names (or of a common error-name word) when it is one edit away, two for words of
# MISSPELLING_TWO_EDITS_LETTERS letters or more; words shorter than MISSPELLING_MIN_LETTERS are
# never compared (almost every short word is one edit from another: ID and IP, EXIT and EXIST).
VOCABULARY_MIN_NAMES = 2
MISSPELLING_MIN_LETTERS = 5
MISSPELLING_TWO_EDITS_LETTERS = 7
# A common error-name word the registry does not use itself only catches words of this many
# letters, one edit away: short real words sit one edit from common ones (EXIT, EXIST).
COMMON_WORD_MIN_LETTERS = 6

# A word used in this many names names a module (Apple in ErrorAppleParams, ErrorAppleDB ...):
# two names that differ only in such words are the same error of two modules, whose shared
# meaning is no copy-paste slip.
MODULE_WORD_MIN_NAMES = 3

# A message made of an error noun and words every name sharing it carries (`Param Exception`
# over ParamBindErr, ParamErr, ParamHeaderErr) labels the codes' family, as a heading would,
# once this many codes share it: a pasted copy slips down two or three rows (`Auth error` over
# three AUTH_* codes whose meanings were never written), a family is the page's design.
FAMILY_LABEL_MIN_CODES = 5
# At most this many words besides the error noun: a label names a family in a word or two
# (`Param`, `Data Source`); a longer text says what went wrong.
FAMILY_LABEL_MAX_WORDS = 2

# A table column labels its rows' categories (错误分类: 身份验证错误, then blank cells continuing
# it) when its header names a category and it groups rows: at most this share of its rows
# start a label of their own. A column with a label per row names each error, not a group.
ROW_CATEGORY_MAX_LABEL_SHARE = 0.5

# A naming style is inferred when this share of a category's (or registry's) names follow it.
STYLE_SHARE = 0.8
# A category shows its own naming convention from this many names; a smaller one is held to the
# registry's (an SDK's four WARNING_ names beside sixteen ERR_ ones keep their own).
CONVENTION_MIN_NAMES = 3
# ... and its own prefix from this many: four ROLE_ names beside one MENU_ name are too few to
# call the MENU_ name a break.
CATEGORY_PREFIX_MIN_NAMES = 8
# A prefix is inferred when this share of the names have it; a registry-wide one only from at
# least PREFIX_MIN_NAMES names, for the share to mean something.
PREFIX_SHARE = 0.8
PREFIX_MIN_NAMES = 10

# Compared with a base revision, a heading that is gone was renamed (its codes did not move)
# when more than this share of its codes are now under one heading that is new: a few codes
# moved elsewhere in the same change do not hide the rename.
SECTION_RENAMED_SHARE = 0.5

THRESHOLDS = (
    Threshold(
        "REFERENCE_SHARE",
        REFERENCE_SHARE,
        "A nameless table citing more than this share of earlier codes (same meaning, hex "
        "of the same width; one-digit codes alone only with their meaning restated) holds "
        "references, not definitions.",
        "columns.pin (give the table a name column) or a registry of its own",
    ),
    Threshold(
        "CITING_SHARE",
        CITING_SHARE,
        "A nameless table listing at least this share of its values from earlier tables is a "
        "summary that cites them; below it, a row giving an earlier number a clearly different "
        "meaning defines it again (SL101).",
        "duplicate-value's scope, or a name column for the table (columns.pin)",
    ),
    Threshold(
        "LINKED_INDEX_SHARE",
        LINKED_INDEX_SHARE,
        "A table at least this share of whose codes link to anchors of their own page, and more "
        "than REFERENCE_SHARE of whose codes the page's other tables list, is an index: its rows "
        "cite those codes, before or after them, whatever they say.",
        "registries (declare the index's section a registry of its own)",
    ),
    Threshold(
        "RESTATED_SHARE",
        RESTATED_SHARE,
        "A table repeating this share of a code space's values (and at least two) is a code "
        "space of its own.",
        "registries",
    ),
    Threshold(
        "RESTATED_MIN_VALUES",
        RESTATED_MIN_VALUES,
        "A table repeating this many of a code space's negative values, whatever their share, "
        "is a code space of its own (a second product family numbering its generic errors "
        "-1, -2... alike).",
        "registries",
    ),
    Threshold(
        "RENUMBERED_SHARE",
        RENUMBERED_SHARE,
        "A table giving this share of its names (and at least RENUMBERED_MIN_NAMES) other "
        "values than a code space it would join numbers the same constants for another "
        "product or version: a code space of its own, whose names collide with nothing there.",
        "registries (a registry declared over the page holds its tables as one code space)",
    ),
    Threshold(
        "RENUMBERED_MIN_NAMES",
        RENUMBERED_MIN_NAMES,
        "The fewest names a table must give other values than a code space it would join to "
        "number the same constants for another product (see RENUMBERED_SHARE).",
        "registries",
    ),
    Threshold(
        "TYPE_NAME_MIN_WORDS",
        TYPE_NAME_MIN_WORDS,
        "A heading of this many capitalised words run together, one of them a word types of "
        "codes are named with (LoginErrorCode, MLSnapshotResult, bytertc::ErrorCode; not "
        "PayPal), names a type: its tables are a code space of their own, each enum numbering "
        "its own members.",
        "registries (a registry declared over the page holds its tables as one code space)",
    ),
    Threshold(
        "SHARED_STATUS_ROWS",
        SHARED_STATUS_ROWS,
        "A value heading this many rows of a nameless table is a shared status, not a duplicate.",
        "rules.duplicate-value.scope",
    ),
    Threshold(
        "REFINING_CODE_SHARE",
        REFINING_CODE_SHARE,
        "Share of a table's rows that must fill a code-headed column with codes, none twice, "
        "for it to refine the value (452 with 4.3.1, 452 with 4.2.2): rows sharing a value but "
        "not that code are two codes, not a duplicate (SL101).",
        "rules.duplicate-value.refined-by",
    ),
    Threshold(
        "DIRECTION_SHARED_MIN",
        DIRECTION_SHARED_MIN,
        "Fewest values a table's Direction column (方向, Richtung) must give in two opposite "
        "directions for the table to number each direction apart: rows sharing a value but "
        "going opposite ways are then two messages, not a duplicate (SL101).",
        "fixed: suppress the finding inline, or split the table by direction",
    ),
    Threshold(
        "ROW_CATEGORY_MAX_LABEL_SHARE",
        ROW_CATEGORY_MAX_LABEL_SHARE,
        "Largest share of a table's rows that may start a label of their own in a column "
        "headed as a category (错误分类, Category), for the column to group rows: a code outside "
        "its section's inferred range that the column files under a category of its own, no "
        "code inside the range shares, is not reported (SL301).",
        "rules.category-range.category-columns",
    ),
    Threshold(
        "RANGE_MIN_VALUES",
        RANGE_MIN_VALUES,
        "Fewest values a category's range is inferred from.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "RANGE_MAX_DIGITS",
        RANGE_MAX_DIGITS,
        "A category most of whose values have more digits than this (HRESULTs written in "
        "decimal) infers no range: such codes are bit fields, not decimal blocks.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "RANGE_MIN_SHARE",
        RANGE_MIN_SHARE,
        "Share of a category's values that must lie in one block for it to be the range.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "RANGE_MIN_BLOCK",
        RANGE_MIN_BLOCK,
        "Narrowest inferred block of codes.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "SIBLING_NARROWING_SHARE",
        SIBLING_NARROWING_SHARE,
        "With a sibling category inside a section's block, the share of its values a "
        "narrower block must hold to be its range.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "SIBLING_NARROWING_MIN_BLOCK",
        SIBLING_NARROWING_MIN_BLOCK,
        "The narrowest block SIBLING_NARROWING_SHARE applies to.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "DECLARED_MIN_SHARE",
        DECLARED_MIN_SHARE,
        "Share of a section's codes that must lie in a range its heading or text states for it "
        "to be the section's range.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "HTTP_ERROR_CLASS_LOW",
        HTTP_ERROR_CLASS_LOW,
        "A category inferred to HTTP's 4xx or 5xx block (from here to HTTP_STATUS_HIGH) admits "
        "the statuses of the other error class no sibling category is numbered in: 500 beside "
        "401..422 is HTTP's server error, not a stray; 309 is a stray.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "HTTP_PREFIX_MIN_STATUSES",
        HTTP_PREFIX_MIN_STATUSES,
        "Fewest distinct registered HTTP error statuses (spread: HTTP_PREFIX_MIN_SPREAD) that a category's "
        "codes must begin with (-4040201, 40401) for it to be numbered by status: it then "
        "admits codes beginning with the other error class's statuses (-5000101 beside "
        "-4xx0xxx) as HTTP_ERROR_CLASS_LOW does.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "HTTP_PREFIX_MIN_SPREAD",
        HTTP_PREFIX_MIN_SPREAD,
        "The statuses that begin a category's codes span at least this many times as many "
        "numbers as there are of them (400, 401, 404, 409, 429 span 30): blocks of a hundred "
        "counted up (400, 401, 403, 404) are no statuses.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "GENERAL_HEAD_FEWER_DIGITS",
        GENERAL_HEAD_FEWER_DIGITS,
        "Codes at the head of a table that opens with a one-digit general code, at least this "
        "many digits shorter than the range and in no other category's range, are general "
        "codes, not strays (0, 2, 20 above 10000..); one digit short is a digit lost.",
        "rules.category-range.ranges",
    ),
    Threshold(
        "WHOLE_CATEGORY_MIN",
        WHOLE_CATEGORY_MIN,
        "Fewest codes of a category (and at least CLEARLY of them) that break the same "
        "expectation for it to be reported once for the category, with a count.",
        "rules.category-range.ranges / rules.naming-convention.pattern",
    ),
    Threshold(
        "MEANING_DIFFERS",
        MEANING_DIFFERS,
        "Below this share of shared words (Jaccard), two descriptions may say different things.",
        "rules.synonym-names (ignore, or suppress the table)",
    ),
    Threshold(
        "MEANING_OVERLAP",
        MEANING_OVERLAP,
        "... and neither description has this share of its words inside the other: then they "
        "clearly differ, and names with the same words are not synonyms.",
        "rules.synonym-names (ignore, or suppress the table)",
    ),
    Threshold(
        "VOCABULARY_MIN_NAMES",
        VOCABULARY_MIN_NAMES,
        "A word used in this many names is the registry's vocabulary: never a misspelling, and "
        "what a misspelling is compared with.",
        "rules.misspelled-word.words",
    ),
    Threshold(
        "MISSPELLING_MIN_LETTERS",
        MISSPELLING_MIN_LETTERS,
        "Shortest word checked for misspelling.",
        "rules.misspelled-word.words",
    ),
    Threshold(
        "MISSPELLING_TWO_EDITS_LETTERS",
        MISSPELLING_TWO_EDITS_LETTERS,
        "From this many letters a word may be two edits from the word it misspells (one below).",
        "rules.misspelled-word.words",
    ),
    Threshold(
        "COMMON_WORD_MIN_LETTERS",
        COMMON_WORD_MIN_LETTERS,
        "Shortest word compared with the built-in common error-name words when the registry "
        "does not use them itself (one edit only).",
        "rules.misspelled-word.words",
    ),
    Threshold(
        "MODULE_WORD_MIN_NAMES",
        MODULE_WORD_MIN_NAMES,
        "A word used in this many names names a module: two names differing only in such a "
        "word are the same error of two modules (their shared meaning is not a copy).",
        "rules.duplicate-description (ignore, or suppress the table)",
    ),
    Threshold(
        "FAMILY_LABEL_MIN_CODES",
        FAMILY_LABEL_MIN_CODES,
        "A message made of an error noun and words every name sharing it carries (`Param "
        "Exception` over ParamBindErr, ParamErr ...) is the family's label, not a meaning "
        "copied, once this many codes share it.",
        "rules.duplicate-description.family-labels",
    ),
    Threshold(
        "FAMILY_LABEL_MAX_WORDS",
        FAMILY_LABEL_MAX_WORDS,
        "Most words a family label has besides its error noun.",
        "rules.duplicate-description.family-labels",
    ),
    Threshold(
        "STYLE_SHARE",
        STYLE_SHARE,
        "Share of names that must follow a naming style for it to be the convention.",
        "rules.naming-convention.pattern",
    ),
    Threshold(
        "CONVENTION_MIN_NAMES",
        CONVENTION_MIN_NAMES,
        "Fewest names from which a category infers its own naming convention (smaller ones "
        "follow the registry's).",
        "rules.naming-convention.pattern",
    ),
    Threshold(
        "CATEGORY_PREFIX_MIN_NAMES",
        CATEGORY_PREFIX_MIN_NAMES,
        "Fewest names from which a category infers a prefix of its own.",
        "rules.naming-convention.prefix",
    ),
    Threshold(
        "PREFIX_SHARE",
        PREFIX_SHARE,
        "Share of names that must share a prefix for it to be required.",
        "rules.naming-convention.prefix",
    ),
    Threshold(
        "PREFIX_MIN_NAMES",
        PREFIX_MIN_NAMES,
        "Fewest names a registry-wide prefix is inferred from.",
        "rules.naming-convention.prefix",
    ),
    Threshold(
        "SECTION_RENAMED_SHARE",
        SECTION_RENAMED_SHARE,
        "Since the base, a heading that is gone was renamed (not its codes moved) when more than "
        "this share of its codes are under one new heading.",
        'ignore = ["moved-category"]',
    ),
)
