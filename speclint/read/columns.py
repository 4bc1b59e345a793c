"""Decide which column of a table holds a code's name, its value and its meaning.

Headers suggest roles and cell content settles them. A header suggests a role by the words it
contains (``错误码ID`` and ``Decline code`` are code headers, ``含义说明`` a meaning), because real
pages decorate the few words everybody uses. Content decides where a header is ambiguous: a
``错误码`` column of integers is the value, one of UPPER_SNAKE identifiers is the name. A table
with no code-like column (a parameter table, a port table) is not a code table, and the reason is
returned for ``check -v``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from speclint.model import positional_builder
from speclint.read.thresholds import (
    BIT_PATTERN_MIN_ROWS,
    BIT_PATTERN_MIN_WIDTH,
    CLEARLY,
    HTTP_STATUS_HIGH,
    HTTP_STATUS_LOW,
    HTTP_SUCCESS_HIGH,
    HTTP_SUCCESS_LOW,
    LABEL_MAX_CHARS,
    MOSTLY,
    PARAMETER_NUMBER_MAX,
    QUANTITY_MIN_CELLS,
    SHORT_TEXT_CHARS,
    TYPES_REPEATED_MIN,
)
from speclint.read.values import (
    CLOSING_BRACKETS,
    PLACEHOLDERS,
    RANGE_STARTS,
    is_code_token,
    is_identifier,
    is_label,
    is_numeric,
    may_list,
    name_without_remark,
    split_compound,
    split_list,
    value_kind,
)

NAME, VALUE, DESCRIPTION = "name", "value", "description"
ROLES = (NAME, VALUE, DESCRIPTION)

# Whole headers (after folding) that name a role. Decorated headers are matched by the keyword
# lists below.
_NAME_HEADERS = """错误码名称 错误码名 错误名称 错误标识 错误标记 错误标志 错误代号 代号 状态码名称 返回码名称 名称 枚举 枚举名 常量 常量名 标识
    标识符 符号 宏 宏定义 命名 简称 事件 name constant enum enumname errorname codename identifier symbol
    conditionname event nombre nome naam název nazwa"""
# 値 is Japanese for 值 (a value), and 戻り値, 返却値, リターン値 and 반환값 say "return value" in
# Japanese and Korean, as 返回值 does in Chinese: the value word 值 never matches 値. As a whole
# header only: 設定値 and 初期値 are a setting's value and its default.
_VALUE_HEADERS = """十进制数值 十进制 十六进制数值 十六进制 数值 值 码值 返回值 取值 value number numeric decimal
    hex hexvalue codevalue errno errorno errcodeno errorcodeno codeno literal
    値 戻り値 返り値 返値 返却値 復帰値 リターン値 반환값 리턴값"""
# Headers that name either the code's identifier or its number: cell content decides. A DTC
# (diagnostic trouble code: C0024, P0301) is a vehicle's fault code, each one fault.
_CODE_HEADERS = """错误码 错误代码 错误编号 错误码编号 返回码 状态码 响应码 结果码 业务码 应答码 编码 代码 错误
    code errorcode errcode retcode returncode resultcode statuscode status error ret op opcode
    dtc sqlstate mã mãlỗi mãsố mãtrạngthái"""
_DESCRIPTION_HEADERS = """含义 定义 说明 描述 释义 解释 原因 详情 备注 提示 信息 消息 描述信息 错误信息 错误描述 错误说明
    错误提示 提示信息 返回信息 应答信息 业务语意 讯息 错误讯息 description meaning desc reason explanation details
    detail summary message errormessage errmsg msg text remark remarks comment info 비고 備考"""
# Parameter and field tables: a header among these marks one, unless its column holds numbers.
_PARAMETER_HEADERS = """参数 参数名 参数名称 字段 字段名 字段名称 属性 属性名 类型 数据类型 必填 必选 必须 是否必填
    是否必须 默认值 取值范围 位域 访问类型 访问权限 读写属性 parameter parameters param field fieldname
    property attribute type datatype required default defaultvalue optional bitfield bitfields
    access accesstype"""

# Keywords found inside decorated headers, strongest first within each role.
_DESCRIPTION_WORDS = (
    "描述", "说明", "含义", "释义", "原因", "解释", "详情", "description", "meaning", "means",
    "reason", "explanation", "detail", "信息", "消息", "提示", "message", "msg", "summary",
    "场景", "scenario", "中文", "chinese", "英文", "english", "text", "讯息",
    # Other languages' docs: Descripción, Descrição, Beschreibung, Bedeutung, Описание,
    # Сообщение, 説明, 意味, メッセージ, 설명, 메시지, Mensaje, Significado.
    "descri", "beschreibung", "bedeutung", "meldung", "описание", "сообщение", "説明", "意味",
    "メッセージ", "설명", "메시지", "mensaje", "mensagem", "significa",
    # ... Anlami, Aciklama (Turkish, with a dotless i), Mô tả, Thông tin, Ý nghĩa (Vietnamese), Teks,
    # Keterangan, Deskripsi (Indonesian; not Pesan, inside Pesanan, an order), Opis, Znaczenie,
    # Komunikat (Polish).
    "anlam", "a\u00e7\u0131klama", "môtả", "thôngtin", "ýnghĩa", "teks", "keterangan",
    "deskripsi", "opis", "znaczenie", "komunikat",
    # ... Messaggio (Italian; Descrizione and Significato are above), Omschrijving, Beschrijving,
    # Betekenis (Dutch), Popis, Význam (Czech and Slovak), Опис (Ukrainian).
    "messaggio", "omschrijving", "beschrijving", "betekenis", "popis", "význam", "опис",
    # ... Leírás (Hungarian), คำอธิบาย, ความหมาย (Thai: folded as headers are, ำ is two
    # characters).
    "leírás", unicodedata.normalize("NFKC", "คำอธิบาย"), "ความหมาย",
)  # fmt: skip
_NAME_WORDS = (
    "名称", "name", "constant", "常量", "枚举", "enum", "identifier", "symbol", "符号", "代号", "名",
    # ... and in other languages' docs: 이름 (Korean), 名前 (Japanese), Имя, Название (Russian).
    # Nombre, Nome, Naam, Název, Nazwa are whole headers (_NAME_HEADERS): inside a header they
    # are other words (Descrizione del fenomeno, phenomenon).
    "이름", "名前", "имя", "назван",
    # ... 定数 (Japanese: a constant; 定数名, エラー定数).
    "定数",
)  # fmt: skip
# ... and in other languages' docs: Código (de error, de erro), Код (ошибки), コード, 코드.
_CODE_WORDS = (
    "码",
    "code",
    "代码",
    "编号",
    "errno",
    "status",
    "código",
    "codigo",
    "код",
    "コード",
    "코드",
    # Kod (Polish), Kodu (Turkish Hata Kodu), Kode (Indonesian). Vietnamese Mã (lỗi) is a whole
    # header above: inside a word it is Portuguese (alemã, irmã).
    "kod",
    # Codice (anomalia, di errore: Italian), Kód (Czech and Slovak); in Thai รหัส is any code
    # or ID (รหัสพนักงาน, an employee's): error, status, result and reply codes only.
    "codice",
    "kód",
    "รหัสข้อผิดพลาด",
    "รหัสสถานะ",
    "รหัสผลลัพธ์",
    "รหัสตอบกลับ",
)
_VALUE_WORDS = ("值", "value", "number", "数值")
# Spec sheets: a unit column, or values that are limits ("最小值", "Max value"), not codes.
_UNIT_HEADERS = frozenset({"单位", "unit", "units"})
_LIMIT_WORDS = ("最小", "最大", "典型", "平均", "min", "max", "typ", "avg", "average")
# Headers of a table that keys modules or categories, not codes.
_CATEGORY_WORDS = ("模块", "module", "类别", "分类", "category", "业务线", "产品线")
_HTTP_WORDS = ("http",)
_STATUS_WORDS = ("状态", "status")
_ERROR_WORDS = ("错误", "error", "err", "返回", "ret", "应答", "业务", "sub", "decline", "exit")
# ... and a code column's header naming errors in any language (에러코드, エラーコード, 오류 코드).
_ERRORS_NAMED = (*_ERROR_WORDS, "에러", "오류", "エラー", "異常")


_BRACKETED = re.compile(r"[(\[].*?[)\]]")
_HEADER_PUNCTUATION = re.compile(r"[\s_\-./:*`'\"]+")
# The folded headers remembered at most: a docs tree's tables share a few dozen headers, and
# each is folded several times per table (its layout, its column groups, each column's role).
HEADER_MEMO_SIZE = 4096


# Traditional characters of the words headers use, as their Simplified forms (Taiwan's and
# Hong Kong's pages: 錯誤碼, 狀態碼, 說明): a header is looked up once in Simplified Chinese.
_TRADITIONAL = str.maketrans(
    "錯誤碼狀態說訊稱數義釋類參應結傳號編處預設備註詳細業務標識記範圍須欄餘個資貨幣",
    "错误码状态说讯称数义释类参应结传号编处预设备注详细业务标识记范围须栏余个资货币",
)


# 码 typed as its homophone 吗 (both "ma", and 吗 is a pinyin keyboard's first choice) right
# after the word it completes: 错误吗 and 状态吗 head code columns. Nowhere else: 有错误吗?
# asks a question, and its cells say yes or no, never a code.
_HOMOPHONE_CODE = re.compile("(错误|状态|返回|响应|结果|业务|应答)吗(?!\\?)")


@lru_cache(maxsize=HEADER_MEMO_SIZE)
def normalise_header(header: str) -> str:
    """Fold a header for alias lookup: width, case, blanks, punctuation, Traditional or
    Simplified characters and 码 typed as 吗 (错误吗) don't matter."""
    folded = unicodedata.normalize("NFKC", header).casefold().translate(_TRADITIONAL)
    if "吗" in folded:
        folded = _HOMOPHONE_CODE.sub("\\1码", folded)
    folded = _BRACKETED.sub("", folded) or folded
    return _HEADER_PUNCTUATION.sub("", folded)


def _words(block: str) -> frozenset[str]:
    return frozenset(normalise_header(word) for word in block.split())


# Headers of a column of remarks, not meanings, when it is mostly empty.
_REMARK_HEADERS = frozenset(
    {"comment", "comments", "remark", "remarks", "note", "notes", "备注", "附注", "注", "비고", "備考"}
)  # fmt: skip

# What a cell says when it answers yes or no.
_BOOLEANS = frozenset({"true", "false", "yes", "no", "y", "n", "是", "否", "✓", "✗", "✔", "✘"})
# Data types, as field, header and parameter tables name them (casefolded, without a trailing
# `[]`): what type a field is, never a code.
_TYPES = frozenset(
    {
        "string", "str", "int", "integer", "int32", "int64", "long", "short", "double", "float",
        "number", "decimal", "bool", "boolean", "object", "array", "list", "map", "dict", "enum",
        "date", "datetime", "timestamp", "byte", "bytes", "char", "uuid", "json", "any",
        "文字列", "整数", "数値", "字符串", "整数型", "整型", "长整型", "布尔", "布尔值", "数组", "对象",
        # C's and Windows' (a function table's return types: void, HANDLE, BYTE*, const char*)
        "void", "handle", "hresult", "dword", "qword", "uint", "uint8", "uint16", "uint32",
        "uint64", "int8", "int16", "size_t", "ssize_t", "float32", "float64", "lpstr", "lpcstr",
        "lpvoid",
    }
)  # fmt: skip
# What may qualify a C type without changing what it is: const char*, unsigned int, BYTE&.
_TYPE_QUALIFIERS = ("const ", "unsigned ", "signed ")

# Headers of hardware and network layouts: a pin, port or register "number" or "address" says
# where something is, and a table of them (a pin map, a register map) holds no codes.
_PLACE_WORDS = frozenset(
    {"pin", "pins", "port", "ports", "register", "registers", "address", "gpio"}
)
_PLACE_CHINESE = ("引脚", "管脚", "端口", "寄存器", "地址")
# A register field's reset value or mask is its default, the same in most rows (0x0): a layout's
# column, never a code, though its header says "value" (复位值, Reset value).
# A version number (Android version number, 版本号) names a release, never a code.
_VERSION_WORDS = ("version", "版本")
_LAYOUT_HEADERS = frozenset({"复位值", "复位", "resetvalue", "reset", "mask", "掩码", "bitmask"})
_LATIN_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=HEADER_MEMO_SIZE)
def _names_a_place(header: str) -> bool:
    folded = unicodedata.normalize("NFKC", header).casefold()
    if any(word in folded for word in _PLACE_CHINESE):
        return True
    return not _PLACE_WORDS.isdisjoint(_LATIN_WORD.findall(folded))


def _has(header: str, words: Sequence[str]) -> bool:
    return any(word in header for word in words)


def success_status(headers: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether a row says, under an HTTP or status header, that the request succeeded (a 2xx
    status, bold or not): ``| **200** | | OK |`` under ``| HTTP状态码 | 错误码 | 描述 |``."""
    for header, text in zip(headers, texts, strict=False):
        status = text.strip("*_ ")
        if (
            len(status) == 3
            and status.isdigit()
            and HTTP_SUCCESS_LOW <= int(status) <= HTTP_SUCCESS_HIGH
            and _has(normalise_header(header), (*_HTTP_WORDS, *_STATUS_WORDS))
        ):
            return True
    return False


def _last(header: str, words: Sequence[str]) -> int:
    """Where the last of ``words`` in ``header`` ends (-1: none). Headers put the word that
    says what the column is last: "Reason Code" is a code, "错误码说明" a meaning."""
    return max((header.rfind(word) + len(word) for word in words if word in header), default=-1)


# 编码 is a code and an encoding both: beside these words (an algorithm, a format, a character
# set) it names the encoding of data, never a column of codes.
_ENCODING_WORDS = (
    "编码算法",
    "编码格式",
    "编码方式",
    "编码类型",
    "字符编码",
    "encoding",
    "charset",
    # Кодировка, 文字コード, エンコード, 인코딩: "код", "コード" inside a word for an encoding.
    "кодировк",
    "文字コード",
    "エンコード",
    "인코딩",
    "codificación",
    "codificação",
    # Encodings in other languages, whose words for code they hold: Kodlama (Turkish),
    # Kodowanie (Polish), Kodierung (German), Kodning (Swedish), Koding (Norwegian), Kodiranje
    # (Croatian), Pengkodean (Indonesian), Pengekodan (Malay), Kódování (Czech), Kódovanie
    # (Slovak), Kódolás (Hungarian).
    "kódován",
    "kódovan",
    "kódol",
    "kodlama",
    "kodowan",
    "kodier",
    "kodning",
    "koding",
    "kodiran",
    "pengkodean",
    "pengekodan",
)


def _header_role(folded: str, aliases: HeaderAliases) -> str | None:
    """The role a header names: a whole known header, else its last role word."""
    if any(word in folded for word in _ENCODING_WORDS):
        return None
    if _ENTITY_CODE.fullmatch(folded) and folded not in aliases.code:
        return None  # 快递公司代码, Currency code: what identifies a company, not an error
    if _ENTITY_NAME.fullmatch(folded) and folded not in aliases.name:
        return None  # カード会社名, Bank name: which company a row is about, not the code's name
    for role, known in (
        (DESCRIPTION, aliases.description),
        ("code", aliases.code),
        (NAME, aliases.name),
        (VALUE, aliases.value),
    ):
        if folded in known:
            return role
    if folded in aliases.parameter:
        return None
    ends = {
        DESCRIPTION: _last(folded, _DESCRIPTION_WORDS),
        "code": _last(folded, _CODE_WORDS),
        NAME: _last(folded, _NAME_WORDS),
        VALUE: _last(folded, _VALUE_WORDS),
    }
    role, end = max(ends.items(), key=lambda item: item[1])
    return role if end >= 0 else None


# Headers of a column of codes for things, not errors or statuses: a company's, a courier's,
# a country's, a currency's code (快递公司代码, Currency code, Country ID), as folded.
_ENTITY_CODE = re.compile(
    r"(?:.*(?:公司|国家|地区|城市|省份|币种|货币|语言|银行|机场|航司|快递|商品|产品)"
    r"|(?:company|carrier|courier|country|region|city|currency|language|locale|bank|airport"
    r"|airline|product|province))的?(?:代码|编码|代号|简码|code|id)"
)


# Headers of a column naming what a list's codes identify: a bank's, a card company's, a
# country's name (카드사 이름, 은행명, Bank name, 银行名称), as folded. Beside codes and no meaning,
# it makes the table a list of banks or companies and their codes, not of errors.
_ENTITY_NAME = re.compile(
    r"(?:.*(?:公司|国家|地区|城市|省份|币种|货币|语言|银行|机场|航司|快递|銀行|会社|通貨|言語|空港"
    r"|은행|카드사|회사|국가|통화|언어|지역|도시|공항|항공사|택배사|증권사|발급사)"
    r"(?:的)?(?:名称|名字|名前|名|이름|명))"
    r"|(?:company|carrier|courier|country|region|city|currency|language|bank|airport|airline"
    r"|province|issuer)name"
)


# Words of a code column that are no status, number or value: what a header of error codes
# says (Foutcode, 错误码, Código), as a header of a roadmap's Status or a Phone number does not.
_ERROR_CODE_WORDS = tuple(word for word in _CODE_WORDS if word not in ("status", "编号"))


# Headers of codes that are strings however they are written: a SQLSTATE is five characters
# (42000 beside 42S02), never a number.
_STRING_CODE_HEADERS = frozenset({"sqlstate"})


def holds_string_codes(header: str) -> bool:
    """Whether a code column's header says its codes are strings, digits or not (SQLSTATE)."""
    return normalise_header(header) in _STRING_CODE_HEADERS


@lru_cache(maxsize=HEADER_MEMO_SIZE)
def names_error_codes(header: str) -> bool:
    """Whether a header names a column of codes by the word code itself (``Foutcode``,
    ``错误码``, ``Código``), not by a status, number or value."""
    folded = normalise_header(header)
    return _has(folded, _ERROR_CODE_WORDS) and _header_role(folded, _BUILT_IN_ALIASES) == "code"


@lru_cache(maxsize=HEADER_MEMO_SIZE)
def names_codes(header: str) -> bool:
    """Whether a header, by its own words, names a column of codes (``Enhanced status code``,
    ``Subcode``, ``错误码``) and not the HTTP status they are sent with."""
    folded = normalise_header(header)
    if _has(folded, _HTTP_WORDS):
        return False
    return _header_role(folded, _BUILT_IN_ALIASES) in ("code", VALUE)


@dataclass(frozen=True)
class HeaderAliases:
    """Whole-header words per role; the configuration can add to them."""

    name: frozenset[str] = field(default_factory=lambda: _words(_NAME_HEADERS))
    value: frozenset[str] = field(default_factory=lambda: _words(_VALUE_HEADERS))
    code: frozenset[str] = field(default_factory=lambda: _words(_CODE_HEADERS))
    description: frozenset[str] = field(default_factory=lambda: _words(_DESCRIPTION_HEADERS))
    parameter: frozenset[str] = field(default_factory=lambda: _words(_PARAMETER_HEADERS))

    @classmethod
    def configured(cls, extra: Mapping[str, Sequence[str]]) -> HeaderAliases:
        """The built-in vocabulary plus the configuration's ``[columns.aliases]``."""
        return cls().extended(extra) if extra else cls()

    def extended(self, extra: Mapping[str, Sequence[str]]) -> HeaderAliases:
        def more(role: str) -> frozenset[str]:
            return getattr(self, role) | {normalise_header(h) for h in extra.get(role, ())}

        return HeaderAliases(
            name=more(NAME),
            value=more(VALUE),
            code=more("code"),
            description=more(DESCRIPTION),
            parameter=self.parameter,
        )


_BUILT_IN_ALIASES = HeaderAliases()


@lru_cache(maxsize=HEADER_MEMO_SIZE)
def is_code_header(text: str) -> bool:
    """Whether ``text`` is, whole, a header naming codes (``业务码``, ``error code``): in a
    code cell, a stand-in for whichever code applies."""
    folded = normalise_header(text)
    return folded in _BUILT_IN_ALIASES.code or folded in _BUILT_IN_ALIASES.value


# Headers of an error's title: beside a description or message column, the title is a
# meaning of its own (``| Sub Code | Title | Message |``, RFC 9457's problem title), never
# the description itself: pages head their prose Description or Message then.
_TITLE_HEADERS = frozenset({"title", "errortitle", "标题", "错误标题"})


def names_a_title(header: str) -> bool:
    """Whether a header names an error's title (``Title``, ``标题``)."""
    return normalise_header(header) in _TITLE_HEADERS


@lru_cache(maxsize=HEADER_MEMO_SIZE)
def names_a_meaning(header: str) -> bool:
    """Whether a header, by its own words, names what a code means (``状态信息``, ``Message``,
    ``Title``), not a remark beside it (``备注``, ``Notes``)."""
    folded = normalise_header(header)
    if folded in _TITLE_HEADERS:
        return True
    return folded not in _REMARK_HEADERS and _header_role(folded, _BUILT_IN_ALIASES) == DESCRIPTION


@dataclass(frozen=True, slots=True)
class NotCodes:
    """Why a table is not read as a code table. ``recognised``: its cells showed what else it is
    (limits, measurements, quantities), so it is no code table that failed to read, whatever its
    headers say."""

    reason: str
    recognised: bool = False


@dataclass(frozen=True, slots=True)
class Roles:
    """Column index per role (None: the table has no such column).

    ``compound`` means the value column holds the name too (``E_ABORT 0x80004004``).
    """

    value: int
    name: int | None = None
    description: int | None = None
    compound: bool = False

    def role_of(self, index: int) -> str | None:
        if self.compound and index == self.value:
            return VALUE
        for role in ROLES:
            if getattr(self, role) == index:
                return role
        return None


@dataclass(frozen=True, slots=True)
class _Column:
    index: int
    header: str  # folded
    filled: int
    numeric: float  # share of filled cells that read as numbers
    identifier: float  # ... as identifiers (InvalidParameter, E_FAIL, AuthFailure.X)
    code_like: float  # ... as one code token, numeric or not (2201B, IAM.0007, 00)
    compound: float  # ... as a name and a number in one cell
    label: float  # ... as a short Latin label ("Bad Request", "OK")
    short: float  # ... as short text of any script (at most SHORT_TEXT_CHARS characters)
    http_like: float  # ... as integers an HTTP status could be (400, 404, 500)
    repeats: bool  # some value heads several rows (a status shared by codes, not a key)
    distinct: float  # share of filled cells that differ from every other (a key's: all)
    boolean: float  # ... that say yes or no (True, False, 是, 否): a condition, never a code
    typed: float  # ... that name a data type (String, Double, 文字列): a field's type, no code
    types_repeated: int  # of a column of types: how many of them head several rows (int, void)
    fractions: int  # cells holding a decimal fraction (0.5, 1.25): quantities, never codes
    quantities: int  # cells of a value-headed column holding a size or count (10 KB, 10,000)
    is_name: bool
    is_value: bool
    is_code: bool
    is_description: bool
    is_parameter: bool
    # Of a meaning column: the share of filled cells that are an object's or a list's shape
    # (`{ field: string }`, `[...]`): data a code carries, not what it means.
    shapes: float

    @property
    def is_http(self) -> bool:
        return _has(self.header, _HTTP_WORDS)

    @property
    def is_status(self) -> bool:
        return _has(self.header, _STATUS_WORDS) and not _has(self.header, _ERROR_WORDS)

    @property
    def is_error(self) -> bool:
        return _has(self.header, _ERROR_WORDS)


_new_column = positional_builder(_Column)

_FRACTION = re.compile(r"[-+]?[0-9]+\.[0-9]+")
# A size or a count as limits are written: a number with a unit, or a round count with
# thousands separators (10,000, 200,000). 100,101 is a list of two codes, not a count.
_QUANTITY = re.compile(
    r"[0-9]{1,3}(?:,000)+|[0-9]+(?:\.[0-9]+)?\s?(?:[KMGTP]i?B|bytes?|ms|MHz|GHz|[KMG]bps)",
    re.IGNORECASE,
)


# A physical quantity as a setting's label writes it: 60VAC, 12 V, 10 ms, 9600 baud, 25 °C, 50%.
_MEASUREMENT = re.compile(
    r"[-+]?[0-9]+(?:\.[0-9]+)?\s?(?:[mkM]?V(?:AC|DC)?|[mk]?A|[mkM]?W|[kMG]?Hz|[munµ]?s|min"
    r"|[kMG]?bps|baud|dBm?|rpm|°\s?[CF]|℃|%|[KMGT]i?B)"
)


def _measurements(cells: Sequence[str]) -> bool:
    """Whether at least CLEARLY of a label column's filled cells are measurements (60V, 65V,
    ... 100V): the labels of a setting's choices, whose numbers are register values."""
    filled = [c for c in cells if c]
    if not filled or not _MEASUREMENT.fullmatch(filled[0]):
        return False  # most label columns: their first cell is words
    return sum(1 for c in filled if _MEASUREMENT.fullmatch(c)) >= CLEARLY * len(filled)


# A duration or an interval as settings write it: 30s, 1m, 15min, 7d, 1w, 500ms.
_DURATION = re.compile(r"[0-9]+(?:\.[0-9]+)?\s?(?:ms|s|m|min|h|d|w|mo|y)", re.IGNORECASE)


# Headers of a column of an enum's members or a type's constants (folded): beside them, what
# the Value column holds are the members' values, durations or not.
_MEMBER_HEADERS = frozenset(
    {"enum", "enumerator", "enumeration", "enumvalue", "member", "members", "constant"}
    | {"constants", "constantname", "常量", "常量名", "枚举", "枚举值", "枚举名", "定数", "列挙子"}
)


def _names_members(header: str) -> bool:
    return header in _MEMBER_HEADERS


def _durations(p: _Column, columns: Sequence[Sequence[str]]) -> bool:
    """Whether a column headed as values holds, in at least CLEARLY of its filled cells,
    durations (30s, 1m, 7d): a timeout's setting, not codes, unless a column beside it lists an
    enum's members (| Enum | Value |: the members' values). Literals written as code
    (`` `"1m"` ``) are an enum's values and were counted as identifiers."""
    if not p.is_value or p.identifier >= CLEARLY or p.index >= len(columns):
        return False
    filled = [c for c in columns[p.index] if c]
    timed = sum(1 for c in filled if _DURATION.fullmatch(c))
    return bool(filled) and timed >= CLEARLY * len(filled)


def _quantities(cells: Sequence[str]) -> int:
    # Most cells of a value column are plain numbers: asked nothing more.
    return sum(1 for c in cells if not c.isdigit() and _QUANTITY.fullmatch(c))


def _http_status(cell: str) -> bool:
    return (
        len(cell) == 3
        and cell.isascii()
        and cell.isdigit()
        and HTTP_STATUS_LOW <= int(cell) <= HTTP_STATUS_HIGH
    )


# A cell can only hold a name and a number when something separates them, and the number
# (decimal, hex, or a class such as 5xx) always has an ASCII digit: ``缺少部门ID(KALO)`` is
# turned away here, before the costlier ``split_compound``.
# Two searches, not one pattern with both: each is linear in the cell, whatever its length.
_SEPARATOR = re.compile("[\\s/:=\u2013\\-(\uff08]")
_DIGIT = re.compile("[0-9]")


_ASCII_DIGITS = frozenset("0123456789")
_PLAIN_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _may_be_compound(cell: str) -> bool:
    return _SEPARATOR.search(cell) is not None and _DIGIT.search(cell) is not None


def _tally(filled: Sequence[str]) -> tuple[int, int, int, int, int, int, int, int]:
    """How many cells read as numbers, identifiers, code tokens, name-and-number cells, short
    labels, short text, HTTP statuses and fractions: one pass, each test asked only of the
    cells it can be true of (column detection is the costly part of reading a page)."""
    numeric = identifier = code_like = compound = label = short = http = fractions = 0
    for cell in filled:
        if len(cell) <= SHORT_TEXT_CHARS:
            short += 1
        if cell[-1] in CLOSING_BRACKETS:
            cell = name_without_remark(cell)  # "OLD_NAME (deprecated)": a name, remarked on
        first = cell[0]
        if first in _ASCII_DIGITS and cell.isdigit() and cell.isascii():
            # A plain decimal (a value column's cells): what is_numeric's branch below counts,
            # without its pattern.
            numeric += 1
            code_like += 1
            http += _http_status(cell)
            continue
        if _PLAIN_IDENTIFIER.fullmatch(cell):
            # ERRCODE_NOT_EXIST, InvalidParameter (a name column's cells): what the tests below
            # count, in one: an identifier and so a code token, a label when it starts with a
            # letter and is short enough; never a number, a compound or a fraction.
            identifier += 1
            code_like += 1
            label += first != "_" and len(cell) <= LABEL_MAX_CHARS
            continue
        if not first.isascii() and first not in RANGE_STARTS and not first.isspace():
            # Prose (含义 cells): no number, identifier, code token, label or fraction starts
            # with a non-ASCII letter; only a name-and-number cell can be left to find.
            if _may_be_compound(cell) and split_compound(cell) is not None:
                compound += 1
            continue
        if is_numeric(cell):
            numeric += 1
            code_like += first.isascii() and (first.isalnum() or first == "_")
            http += _http_status(cell)
            continue
        if may_list(cell) and (listed := split_list(cell)) is not None:
            if is_numeric(listed[0]):
                numeric += 1  # "-4000002, -4000004": the numbers of one row (one per line in it)
                code_like += 1
                continue
            code_like += _DIGIT.search(listed[0]) is not None  # "5.4.6 or 5.4.14"
        if is_identifier(cell):
            identifier += 1
            code_like += 1  # an identifier is a code token
        elif is_code_token(cell):
            code_like += 1
        if first.isascii() and first.isalpha() and is_label(cell):
            label += 1
        if _may_be_compound(cell) and split_compound(cell) is not None:
            compound += 1
        if "." in cell and _FRACTION.fullmatch(cell):
            fractions += 1
    return numeric, identifier, code_like, compound, label, short, http, fractions


def _column(
    index: int, header: str, cells: Sequence[str], aliases: HeaderAliases, literals: int = 0
) -> _Column:
    """A column's profile. ``literals`` of its cells were string literals written as code
    (`` `"1m"` ``) holding what is neither a number nor an identifier: string codes all the
    same, counted as identifiers are."""
    folded = normalise_header(header)
    filled = [c for c in cells if c]
    role = _header_role(folded, aliases)
    if role in (VALUE, "code") and (
        folded in _LAYOUT_HEADERS or _names_a_place(header) or _has(folded, _VERSION_WORDS)
    ):
        role = None  # "Board pin number", "寄存器地址": where a thing is wired, not a code
    if role is None and "(" in header:
        # A header in two languages, "describe(描述)": the words in brackets may name the role.
        inner = _BRACKETED.search(unicodedata.normalize("NFKC", header))
        if inner is not None:
            role = _header_role(normalise_header(inner.group()[1:-1]), aliases)
    numeric, identifier, code_like, compound, label, short, http, fractions = _tally(filled)
    identifier += literals
    # A literal's "1.0" is a version's string, not a quantity (CLEARLY literals hold no
    # fraction of their own: counted as one, each such literal is taken back).
    fractions = max(0, fractions - literals)
    count = len(filled) or 1
    return _new_column(  # the class's own __init__ sets its 21 fields one by one, by name
        index=index,
        header=folded,
        filled=len(filled),
        numeric=numeric / count,
        identifier=identifier / count,
        code_like=code_like / count,
        compound=compound / count,
        label=label / count,
        short=short / count,
        http_like=http / count,
        repeats=(distinct := len(set(filled))) < len(filled),
        distinct=distinct / count,
        # Asked only of a column whose first cell says yes or no (a column of codes never does).
        boolean=(
            sum(1 for c in filled if c.casefold() in _BOOLEANS) / count
            if filled and filled[0].casefold() in _BOOLEANS
            else 0.0
        ),
        # Asked only of a column whose first cell names a type, as above.
        typed=(
            sum(1 for c in filled if _is_type(c)) / count
            if (first_typed := bool(filled) and _is_type(filled[0]))
            else 0.0
        ),
        types_repeated=(
            sum(1 for n in Counter(c.casefold() for c in filled).values() if n > 1)
            if first_typed
            else 0
        ),
        fractions=fractions,
        quantities=_quantities(filled) if role == VALUE else 0,
        is_name=role == NAME,
        is_value=role == VALUE,
        is_code=role == "code",
        is_description=role == DESCRIPTION,
        is_parameter=folded in aliases.parameter,
        shapes=_shapes(filled) if role == DESCRIPTION else 0.0,
    )


# What a cell with nothing to say holds: no shape, and no meaning either.
_NOTHING = PLACEHOLDERS | {"None", "none"}


def _field_types(p: _Column, profiles: Sequence[_Column]) -> bool:
    """Whether a column headed as values holds the types of fields or headers: mostly type
    names, repeated (String, String, Double: many fields are strings). Beside a column of
    identifiers (the fields or functions typed), also several of them each on several rows
    (TYPES_REPEATED_MIN: many functions return int, many void), or any, headed as what
    functions return (戻り値: int, char*, bool). An enumeration whose members are types lists
    each once (string, number, integer), a slip or two repeating some, with no identifiers
    beside them; and a column headed as codes (Error code: Int, Float, String) holds codes
    whatever their words."""
    if not (p.is_value and not p.is_code and p.typed >= CLEARLY):
        return False
    if p.distinct <= MOSTLY:
        return True
    typed_beside = any(o.index != p.index and o.identifier >= CLEARLY for o in profiles)
    return typed_beside and (
        p.types_repeated >= TYPES_REPEATED_MIN or p.header in _RETURN_VALUE_HEADERS
    )


# A function table's return values (| 関数 | 戻り値 | 説明 |): a column of them that names
# types gives each function's return type (int, void, const char*), whether or not one repeats.
_RETURN_VALUE_HEADERS = frozenset(
    {"返回值", "戻り値", "返り値", "返値", "返却値", "復帰値", "リターン値", "반환값", "리턴값"}
    | {"returnvalue", "returnvalues", "returns", "return", "returntype"}
)


# A key typed in an object's shape: `field: string`, `min?: number`, `ids: string[]`.
_TYPED_KEY = re.compile(
    r"[\w\]\"'?]\s*:\s*(?:"
    + "|".join(sorted((t for t in _TYPES if t.isascii()), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _is_type(cell: str) -> bool:
    """Whether a cell names a data type: ``String``, ``Double``, ``String[]``, ``文字列``,
    ``const char*``."""
    folded = cell.casefold().removesuffix("[]").rstrip("*& ")
    for qualifier in _TYPE_QUALIFIERS:
        folded = folded.removeprefix(qualifier)
    return folded in _TYPES


def _shapes(filled: Sequence[str]) -> float:
    """The share of a column's cells (those that say something) that sketch an object's or a
    list's shape with types: `{ field: string, min: number }`, `[{ id: string }]` (not data,
    `{"errcode": 40013}`, which may be what a code means, nor a message with placeholders,
    `{resource} not found: {id}`)."""
    said = [c for c in filled if c not in _NOTHING]
    shapes = sum(
        1 for c in said if c[0] in "{[" and c[-1] in "}]" and _TYPED_KEY.search(c) is not None
    )
    return shapes / len(said) if said else 0.0


def detect_roles(
    headers: Sequence[str],
    columns: Sequence[Sequence[str]],
    aliases: HeaderAliases,
    pinned: Mapping[str, str] | None = None,
    codes_heading: bool = False,
    settings_heading: bool = False,
    literal_codes: Sequence[int] = (),
) -> Roles | NotCodes:
    """Return the column roles of a table, or why it is not a code table.

    ``columns`` holds each column's reduced cell texts; ``pinned`` maps a role to a header the
    configuration fixed for this file or section; ``codes_heading`` says the table's heading
    names codes (全局返回码, Error codes), so that numbers under a parameter header are codes;
    ``settings_heading`` that it names parameters or settings and not codes (地图参数), so that
    a code column headed only as a value (值, Value) gives settings. ``literal_codes`` counts,
    per column, the string literals written as code that hold neither a number nor an identifier
    (`` `"1m"` ``, `` `'2fa-sms'` ``: a Go or TypeScript enum's values). A list of banks or
    companies and their codes (| 코드 | 카드사 이름 |, no meaning column) is no code table.
    """
    if pinned:
        return _pinned_roles(headers, pinned)
    literals = literal_codes or (0,) * len(headers)
    profiles = [
        _column(i, h, col, aliases, literals[i])
        for i, (h, col) in enumerate(zip(headers, columns, strict=True))
    ]
    found = _detected_roles(headers, columns, profiles, aliases, codes_heading)
    entity = next((p for p in profiles if _ENTITY_NAME.fullmatch(p.header)), None)
    if (
        isinstance(found, Roles)
        and entity is not None
        and found.description in (None, entity.index)
        and not _has(profiles[found.value].header, _ERRORS_NAMED)
    ):
        # | 코드 | 카드사 이름 |: card companies and their codes. Beside a meaning column, or
        # under a header naming errors (| 错误码 | 银行名称 |: which bank declines so), the codes
        # are errors, and the name column files them by bank.
        return NotCodes(
            f"a list of what its codes identify: {headers[entity.index]!r} names banks, "
            f"companies or countries, not errors (headers: {_shown(headers)})",
            recognised=True,
        )
    if isinstance(found, Roles) and settings_heading:
        value = profiles[found.value]
        if value.is_value and not value.is_code and not any(p.is_code for p in profiles):
            return NotCodes(
                f"a table of settings: its heading names parameters or settings, and "
                f"{headers[found.value]!r} gives their values (headers: {_shown(headers)})",
                recognised=True,
            )
    return found


def _shown(headers: Sequence[str]) -> str:
    """A table's headers as messages list them."""
    return ", ".join(h for h in headers if h) or "none"


def _detected_roles(
    headers: Sequence[str],
    columns: Sequence[Sequence[str]],
    profiles: list[_Column],
    aliases: HeaderAliases,
    codes_heading: bool,
) -> Roles | NotCodes:
    """``detect_roles`` from the columns' profiles, before lists of banks are told apart."""
    if not any(p.filled for p in profiles):
        return NotCodes("the table has no data rows")
    profiles = _weak_codes_demoted(profiles)
    shown = _shown(headers)
    if any(
        p.header in _UNIT_HEADERS or (p.is_value and _has(p.header, _LIMIT_WORDS)) for p in profiles
    ):
        return NotCodes(f"a table of measurements (headers: {shown})", recognised=True)
    # Numbers under Param / 参数 that a device's parameters could be (see _counts_parameters).
    numbering = (
        frozenset()
        if codes_heading
        else frozenset(
            p.header
            for p in profiles
            if p.header in _PARAMETER_NUMBER_HEADERS and _counts_parameters(columns[p.index])
        )
    )
    parameters = [
        p
        for p in profiles
        if p.is_parameter
        and (p.numeric < CLEARLY or p.header in numbering)
        and not _lists_members(p, profiles)
    ]
    numbered = any(p.is_name and p.numeric >= CLEARLY for p in profiles)
    if parameters and not numbered and not any(p.is_code for p in profiles):
        return NotCodes(f"a parameter table: no code column (headers: {shown})")
    sized = next((p for p in profiles if p.quantities >= QUANTITY_MIN_CELLS), None)
    if sized is not None:
        return NotCodes(
            f"a table of limits or settings: {headers[sized.index]!r} holds sizes or counts "
            f"(10 KB, 10,000) (headers: {shown})",
            recognised=True,
        )
    value = _value_column(profiles, numbering, columns)
    if value is None:
        value = _error_ids(profiles, columns)
    if value is None:
        # Beside nothing but an HTTP status, a column of named constants is the code itself.
        named = next((p for p in profiles if p.is_name and p.identifier >= CLEARLY), None)
        shared = any(_sent_with(p) for p in profiles)
        if named is None and shared:
            named = next((p for p in profiles if _names_each_row(p)), None)
        if named is not None and (shared or any(p.is_http for p in profiles)):
            return Roles(named.index, None, _description_column(profiles, {named.index}))
        compound = next(
            (p for p in profiles if (p.is_value or p.is_code) and p.compound >= CLEARLY), None
        )
        if compound is None:
            typed = next((p for p in profiles if _field_types(p, profiles)), None)
            if typed is not None:
                # | Header name | Value | Description | over String, String: fields or headers
                # and their types.
                return NotCodes(
                    f"a table of fields and their types: {headers[typed.index]!r} names data "
                    f"types (String, Double) (headers: {shown})",
                    recognised=True,
                )
            timed = next((p for p in profiles if _durations(p, columns)), None)
            members = next((p for p in profiles if _names_members(p.header)), None)
            if timed is not None and members is not None:
                # | Enum | Value | over KLINE_INTERVAL_1MINUTE | 1m: an enum's string values.
                taken = {timed.index, members.index}
                return Roles(timed.index, members.index, _description_column(profiles, taken))
            if timed is not None:
                return NotCodes(
                    f"a table of durations or intervals: {headers[timed.index]!r} holds 30s, "
                    f"1m, 7d (headers: {shown})",
                    recognised=True,
                )
            return NotCodes(f"no column holds codes (headers: {shown})")
        description = _description_column(profiles, {compound.index})
        return Roles(compound.index, compound.index, description, compound=True)
    if profiles[value].fractions:
        # 0.5 and 64 under "value": thresholds, settings or measurements, not codes.
        return NotCodes(
            f"a table of quantities: {headers[value]!r} holds fractions (headers: {shown})",
            recognised=True,
        )
    if profiles[value].is_value and not profiles[value].is_code and _bit_patterns(columns[value]):
        # Only under "Value": under a header naming codes (返回码, Code), 1010 and 00 are codes.
        return NotCodes(
            f"a bit field's settings: every {headers[value]!r} is a pattern of bits "
            f"(headers: {shown})",
            recognised=True,
        )
    description = _description_column(profiles, {value})
    # | Status | Error |, statuses taken for the codes: the error words many rows share are a
    # class of them (INVALID-SUB on three rows), not each code's name.
    classes = (
        frozenset(
            p.index
            for p in profiles
            if p.is_error and p.is_code and not p.is_name and p.distinct < CLEARLY
        )
        if profiles[value].is_status and profiles[value].http_like < CLEARLY
        else frozenset()
    )
    name = _name_column(
        profiles, value, description, string_codes=not _numeric(profiles[value]), classes=classes
    )
    if name is not None and all(_has(profiles[i].header, _CATEGORY_WORDS) for i in (name, value)):
        # | 模块名称 | 模块代码标识 |: the key to how codes are composed, not codes.
        return NotCodes(f"a table of modules and their code segments (headers: {shown})")
    if description is None:
        # "| 错误码 | Info |", "| code | 提示语 |": the one other column of prose is the meaning.
        rest = [p for p in profiles if p.index not in (value, name) and p.filled]
        if (
            len(rest) == 1
            and rest[0].identifier < MOSTLY
            and not (rest[0].is_parameter or rest[0].is_code or rest[0].is_value or rest[0].is_http)
        ):
            description = rest[0].index
        else:
            # | SQLSTATE | Error | Can be returned from |: a column headed Error that holds
            # words, not codes (General warning), is what each code means.
            worded = [
                p
                for p in rest
                if p.is_error
                and p.is_code
                and p.identifier < MOSTLY
                and p.code_like < MOSTLY
                and p.numeric < MOSTLY
            ]
            if len(worded) == 1:
                description = worded[0].index
    # Only where nothing says the numbers are codes: a code-headed value column or a column of
    # named constants (| 42903 | BurstLimitExceeded | 10 s |) makes measurements a remark.
    labels = (
        None
        if profiles[value].is_code or (name is not None and profiles[name].identifier >= MOSTLY)
        else next(
            (i for i in (name, description) if i is not None and _measurements(columns[i])), None
        )
    )
    if labels is not None:
        # | 60VAC | 110 |, | 65V | 122 |: a setting's choices and the values that select them.
        return NotCodes(
            f"a setting's choices: {headers[labels]!r} holds measurements (60V, 10 ms), "
            f"the numbers select them (headers: {shown})",
            recognised=True,
        )
    if name is None and description is None and max(p.filled for p in profiles) < 2:
        # One row of numbers with nothing to say what they mean: a worked example (the digits
        # of a code explained), not a list of codes.
        return NotCodes(f"a single row with neither a name nor a meaning (headers: {shown})")
    return Roles(value, name, description)


def _bit_patterns(cells: Sequence[str]) -> bool:
    """Whether every filled cell is a pattern of bits, all of one width of at least
    BIT_PATTERN_MIN_WIDTH, some written with a leading zero (00, 01, 10, 11): a register
    field's settings. Without a leading zero they are numbers (1001, 1010, 1100 are codes)."""
    first = next((c for c in cells if c), "")
    if len(first) < BIT_PATTERN_MIN_WIDTH or first.strip("01"):
        return False  # most value columns: the first code is no pattern of bits
    filled = [c for c in cells if c]
    if len(filled) < BIT_PATTERN_MIN_ROWS:
        return False  # "| ERRCODE_LEGACY_TIMEOUT | 0001 |": a code written with its zeros
    width = len(filled[0])
    return (
        width >= BIT_PATTERN_MIN_WIDTH
        and all(len(c) == width and not c.strip("01") for c in filled)
        and any(c[0] == "0" for c in filled)
    )


# The data-type column of a parameter table (int, String), which an SDK reference generated from
# headers also uses for an enum's members (| 类型 | 值 | 说明 | with kErrorCodeOk, 0).
_TYPE_HEADERS = frozenset({"类型", "type"})
# Headers naming a parameter itself: small numbers under them number a device's or a command's
# parameters (Z-Wave's | Param | Name | Description |), unlike a type column's numbers (a
# message type's), which may be an enum's values; unless the heading says the table lists codes
# (DingTalk's 全局返回码 heads | 参数 | 原因 |) or the numbers are too large for parameters.
_PARAMETER_NUMBER_HEADERS = frozenset({"参数", "param", "parameter", "parameters"})


def _counts_parameters(cells: Sequence[str]) -> bool:
    """Whether a column's numbers could number parameters: plain decimals, none above
    PARAMETER_NUMBER_MAX (Z-Wave's 1-255; DingTalk's codes under 参数 start at 40001)."""
    filled = [c for c in cells if c]
    return bool(filled) and all(
        c.isdigit() and c.isascii() and int(c) <= PARAMETER_NUMBER_MAX for c in filled
    )


def _lists_members(p: _Column, profiles: Sequence[_Column]) -> bool:
    """A type column that holds a distinct named constant per row beside a column of numbers
    headed as values: an enum's members, not data types (which repeat: int, int, String)."""
    return (
        p.header in _TYPE_HEADERS
        and p.identifier >= CLEARLY
        and p.distinct >= CLEARLY
        and any(o.is_value and o.numeric >= CLEARLY for o in profiles)
    )


def _names_each_row(p: _Column) -> bool:
    """A column of identifiers nearly one per row (ParamBindErr, INVALID_API_KEY) under a name
    header, a meaning's (kratos's "reason") or none: the codes beside a shared status."""
    named = p.is_name or p.is_description or p.header == ""
    return named and p.identifier >= CLEARLY and p.distinct >= CLEARLY


def _sent_with(p: _Column) -> bool:
    """Numbers that could all be HTTP statuses, many rows sharing one (under CLEARLY of them
    distinct), under a header that does not say "value": the status errors are sent with. One
    repeat in a list of statuses (GONE taking NOT_FOUND's 404) leaves it their codes."""
    return p.http_like >= CLEARLY and p.distinct < CLEARLY and not p.is_value


def _numeric(p: _Column) -> bool:
    """Numbers, mostly under a header that says "value", clearly under an ambiguous one."""
    return p.numeric >= (MOSTLY if p.is_value and not p.is_code else CLEARLY)


# Headers that name the code column only when no other column does: a DTC (diagnostic trouble
# code, C0024) is a vehicle's fault code, but beside an error code (| Code | Name | DTC |) it is
# what each error reports to the car, a column of its own.
_WEAK_CODE_HEADERS = frozenset({"dtc"})


def _weak_codes_demoted(profiles: list[_Column]) -> list[_Column]:
    weak = [p for p in profiles if p.header in _WEAK_CODE_HEADERS]
    # A status or HTTP column beside a DTC (Active, Stored) is its state, not another code.
    if not weak or not any(
        (p.is_code or p.is_value)
        and p.header not in _WEAK_CODE_HEADERS
        and not p.is_status
        and not p.is_http
        for p in profiles
    ):
        return profiles
    return [
        replace(p, is_code=False, is_name=False) if p.header in _WEAK_CODE_HEADERS else p
        for p in profiles
    ]


def _value_column(
    profiles: Sequence[_Column],
    numbering: frozenset[str] = frozenset(),
    columns: Sequence[Sequence[str]] = (),
) -> int | None:
    """The code column: numbers beat string codes, an error code beats an HTTP or other status,
    an unambiguous value header beats a code header, and the leftmost wins a tie."""

    def eligible(p: _Column) -> bool:
        if not p.filled or p.is_description or p.boolean >= CLEARLY or _field_types(p, profiles):
            # A meaning, whether a condition holds (True, False) or a field's type (String):
            # no codes.
            return False
        numbered = p.numeric >= CLEARLY and p.header not in numbering
        if p.header in _ABBREVIATED_NUMBERS and counts_rows_beside_codes(p):
            return False  # | Error No. | Error Code |: 1, 2, 3 ... number the rows
        if p.is_value or (p.is_parameter and numbered):
            return _numeric(p) or p.identifier >= CLEARLY
        if p.is_code:
            return _numeric(p) or (p.code_like >= CLEARLY and not p.is_name)
        # "Identifier" over a column of numbers (MQTT's property identifiers) is the value.
        return p.is_name and p.numeric >= CLEARLY

    def counts_rows_beside_codes(p: _Column) -> bool:
        counted = p.index < len(columns) and _row_numbers(columns[p.index])
        return counted and any(q.is_code for q in profiles if q.index != p.index)

    candidates = [p for p in profiles if eligible(p)]
    if not candidates:
        return None
    # Beside a column of string codes (InvalidParameter) under a code header, numbers that
    # could all be HTTP statuses and that several codes share are the status the codes are
    # sent with, however the column is headed (Status, 状态码): clients switch on the string
    # code. A header that says "value" (十进制数值) keeps its numbers the code.
    string_codes = any(
        p.is_code and p.identifier >= CLEARLY and p.numeric < MOSTLY for p in candidates
    )

    def http(p: _Column) -> bool:
        shared_statuses = p.http_like >= CLEARLY and p.repeats and not p.is_value
        return p.is_http or (string_codes and shared_statuses)

    # An error code beats a status (| Status | Code |: 400 beside InvalidParameter), unless the
    # errors are a class many rows share (| Status | Error |: INVALID-SUB on three rows) and
    # the statuses are one per row, and not HTTP statuses (000, 034, 450 of an SMS gateway):
    # then the statuses are the codes. HTTP statuses stay how an error is sent.
    errors = [c for c in candidates if c.is_error]
    keyed_errors = any(c.distinct >= CLEARLY for c in errors)

    def beaten_status(p: _Column) -> bool:
        own_codes = p.distinct >= CLEARLY and p.http_like < CLEARLY and not keyed_errors
        return p.is_status and bool(errors) and not own_codes

    best = max(
        candidates,
        key=lambda p: (
            not http(p),
            not beaten_status(p),
            _numeric(p),
            not p.is_name,
            p.is_error,
            # Numbers under "value" beat numbers under "code"; strings under "code" (SUCCESS)
            # beat strings under "value" (S).
            p.is_value if _numeric(p) else p.is_code,
            # A code per row beats a class many rows share (| Status | Code | with Success,
            # Failed beside SCRK01, FPRA01): a key's cells are distinct, a slip or two aside.
            p.distinct >= CLEARLY,
            -p.index,
        ),
    )
    if _sent_with(best) and any(_names_each_row(p) for p in profiles):
        # | 错误名称 | 状态码 |: a named constant per row, beside HTTP statuses the rows share
        # (403 for three errors): the status says how an error is sent, the name is its code.
        return None
    if _numeric(best) and best.distinct < MOSTLY:
        # | ID | ... | MySQL Error Code |: numbers most rows share (0) to the right of a column
        # of one code-like token per row (VT09021) under a header naming no role, or a name
        # that is a code beside numbers not headed as the value (| Name | ... | alarm code |:
        # AC0101 beside 6 on every row): the numbers are an attribute (another system's code,
        # a level), the tokens the codes.
        keyed = next(
            (
                p
                for p in profiles
                if p.index < best.index
                and p.filled
                and not (p.is_value or p.is_code or p.is_description)
                and (not p.is_name or (_coded(p, columns) and not best.is_value))
                and not p.is_parameter
                and p.identifier >= CLEARLY
                and p.distinct >= CLEARLY
            ),
            None,
        )
        if keyed is not None:
            return keyed.index
        # | 名称 | 功能码 | 命令字 |: a function code every row shares (0x55) beside a byte per
        # row written in hex under a header naming no role: the function is the class, the
        # bytes the codes. Decimal numbers there are lengths, counts, times or row numbers.
        numbered = next(
            (
                p
                for p in profiles
                if p.index != best.index
                and p.filled >= MOSTLY * best.filled
                and not (p.is_name or p.is_value or p.is_code or p.is_description)
                and not (p.is_parameter or p.is_http)
                and p.distinct >= CLEARLY
                and p.index < len(columns)
                and _hex_literals(columns[p.index])
            ),
            None,
        )
        if numbered is not None:
            return numbered.index
    return best.index


def _coded(p: _Column, columns: Sequence[Sequence[str]]) -> bool:
    """Whether a name column's cells are codes (AC0101, E1002): letters then digits, each."""
    cells = columns[p.index] if p.index < len(columns) else ()
    filled = [c for c in cells if c]
    return bool(filled) and all(_LETTERS_THEN_DIGITS.fullmatch(c) for c in filled)


_LETTERS_THEN_DIGITS = re.compile(r"[A-Za-z]{1,4}[0-9]{2,}")


# Value headers that abbreviate number (Error No): a row's number too, beside a code column.
_ABBREVIATED_NUMBERS = frozenset({"errorno", "errcodeno", "errorcodeno", "codeno"})


def _hex_literals(cells: Sequence[str]) -> bool:
    """Whether a column's filled cells are (CLEARLY) hex literals: 0x00, 0x13."""
    filled = [c for c in cells if c]
    hex_cells = sum(1 for c in filled if value_kind(c) == "hex")
    return bool(filled) and hex_cells >= CLEARLY * len(filled)


def _error_ids(profiles: Sequence[_Column], columns: Sequence[Sequence[str]]) -> int | None:
    """| ID | Error | Description |: numbers one per row under ID, right before a column headed
    Error that names one error per row in words (Syntax Error, Clot Error: mostly with an error
    noun), in a table with a column of meanings, are the errors' codes. Not a log of tickets or
    incidents (Login Timeout, Outage twice), nor a table of counts (| ID | Error | Count |)."""
    ids = next((p for p in profiles if p.header == "id"), None)
    if ids is None or ids.numeric < CLEARLY or ids.distinct < CLEARLY:
        return None
    if ids.index + 1 >= len(profiles) or ids.index + 1 >= len(columns):
        return None
    errors = profiles[ids.index + 1]
    named = (
        errors.is_error
        and errors.is_code
        and errors.label >= CLEARLY
        and errors.compound < MOSTLY
        and errors.distinct >= CLEARLY
    )
    if not named or not any(p.is_description for p in profiles):
        return None
    filled = [c for c in columns[errors.index] if c]
    nouns = sum(1 for c in filled if _ERROR_NOUN.search(c))
    return ids.index if nouns >= MOSTLY * len(filled) else None


# An error noun in a name written in words: Syntax Error, Hardware Fault, 参数错误.
_ERROR_NOUN = re.compile(r"(?i)\b(?:error|fault|failure|exception)\b|错误|异常|故障|失败")


def _row_numbers(cells: Sequence[str]) -> bool:
    """Whether a column counts rows: consecutive integers (1, 2, 3 ... or 21, 22, 23 ...)
    over three rows or more."""
    filled = [c for c in cells if c]
    if len(filled) < 3 or not all(c.isdigit() and c.isascii() for c in filled):
        return False
    first = int(filled[0])
    return [int(c) for c in filled] == list(range(first, first + len(filled)))


def _name_column(
    profiles: Sequence[_Column],
    value: int,
    description: int | None,
    string_codes: bool,
    classes: frozenset[int] = frozenset(),
) -> int | None:
    free = [
        p
        for p in profiles
        if p.index not in (value, description) and p.filled and p.index not in classes
    ]
    # A column filled on a few rows only is a remark, not the codes' names: only a header that
    # says "name" makes it the name column (whose empty cells are then a finding).
    fullest = max((p.filled for p in profiles), default=0)
    free = [p for p in free if p.is_name or p.filled >= MOSTLY * fullest]
    if string_codes:
        # The string in the value column is the code's identity; a separate name is rare.
        candidates = [p for p in free if p.is_name and p.short >= CLEARLY]
    else:
        # A header that says "name" may hold labels ("Bad Request", "✅ Purposely stopped");
        # an ambiguous one such as 编码, or a second message column (错误信息 beside 描述),
        # must hold identifiers or short labels to be the name.
        candidates = [
            p
            for p in free
            if (p.is_name and p.short >= CLEARLY)
            or (
                (p.is_code or p.is_value or p.is_description or p.header == "")
                and max(p.identifier, p.label) >= CLEARLY
                and (not p.is_description or p.identifier >= CLEARLY)
            )
            or _lists_members(p, profiles)  # | 类型 | 值 |: the enum's members are its names
        ]
    # Of two columns headed as names, the one with a name per row: "module name" holding the
    # same module on every row is a label of the table, the enumeration names beside it are
    # the codes' names.
    best = min(
        candidates,
        key=lambda p: (not p.is_name, p.distinct < CLEARLY, p.is_description, p.index),
        default=None,
    )
    return best.index if best is not None else None


def _description_column(profiles: Sequence[_Column], taken: set[int | None]) -> int | None:
    # A remark column (Comment, 备注) filled on a few rows notes a version or a caveat: the
    # codes' meaning is elsewhere, or not written, and its empty cells are no missing meaning.
    table_fullest = max((p.filled for p in profiles), default=0)
    candidates = [
        p
        for p in profiles
        if p.is_description
        and p.index not in taken
        and not (p.header in _REMARK_HEADERS and p.filled < MOSTLY * table_fullest)
    ]
    fullest = max((p.filled for p in candidates), default=0)

    def strength(p: _Column) -> tuple[bool, bool, bool, int, int]:
        rank = next(
            (i for i, word in enumerate(_DESCRIPTION_WORDS) if word in p.header),
            len(_DESCRIPTION_WORDS),
        )
        # A message column of identifiers (errMsg: TotpAlreadyBound) names the code; prose
        # beside it is the meaning. A column much emptier than another (描述 filled on two rows
        # beside a filled 含义) is a remark, whatever its header says.
        # A column of shapes (Details: `{ field: string }`) is the data a code carries; a
        # message as full beside it says what the code means.
        sparse = p.filled < CLEARLY * fullest
        return (p.identifier >= CLEARLY, sparse, p.shapes >= CLEARLY, rank, p.index)

    best = min(candidates, key=strength, default=None)
    return best.index if best is not None else None


def _pinned_roles(headers: Sequence[str], pinned: Mapping[str, str]) -> Roles | NotCodes:
    folded = [normalise_header(h) for h in headers]
    found: dict[str, int | None] = {}
    for role in ROLES:
        wanted = pinned.get(role)
        if wanted is None:
            found[role] = None
            continue
        key = normalise_header(wanted)
        if key not in folded:
            return NotCodes(f"the configured {role} column {wanted!r} is not in this table")
        found[role] = folded.index(key)
    value = found[VALUE]
    if value is None:
        return NotCodes("the configured columns name no value column")
    return Roles(value=value, name=found[NAME], description=found[DESCRIPTION])
