"""Generate a deterministic corpus of status-code pages shaped like examples/status-codes.zh.md.

Every page has YAML front matter, an ``#`` title and five ``###`` category sections, each with a
``| 错误码 | 十进制数值 | 含义 |`` pipe table padded to display width (a CJK character counts
two columns), UPPER_SNAKE ``ERRCODE_`` names, values in per-category ranges and Chinese meanings.
A small share of pages carries one realistic defect of each kind below; ``manifest.json`` in the
output folder lists every defect with the finding speclint should report for it.

The pages are the modules of one organisation's code space, so the corpus is consistent both
page by page and as one registry declared over all pages: page ``i`` is module ``i`` (its names
start ``ERRCODE_<MODULE>_``, its meanings name the module) and owns the values
``base + 100 * i .. base + 100 * i + 99`` of each category it uses; only the first page lists the
basic codes (``ERRCODE_OK`` 0 ...). Up to ``MAX_MODULES`` pages keep values unique; every
finding on such a corpus is an injected defect.

Only ``random.Random`` seeded from ``--seed`` is used (no time, no hash randomisation): the same
arguments always write the same bytes. Page ``i`` depends only on the seed, ``--codes`` and ``i``,
so a smaller corpus is a prefix of a larger one.

    python bench/generate.py [--files N] [--codes N] [--seed S] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DEFAULT_FILES = 1000
DEFAULT_CODES = 100
DEFAULT_SEED = 1729
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"
MANIFEST = "manifest.json"
PAGE_GLOB = "status-codes-*.zh.md"
GENERATOR_VERSION = 3
# Each page owns a slot of this many values in each category block (100000 wide), so at most
# MAX_MODULES pages keep their values apart.
MODULE_SLOT = 100
MAX_MODULES = 100000 // MODULE_SLOT
SECTIONS = 5
HEADERS = ("错误码", "十进制数值", "含义")

# Probability that a page carries a defect of each kind (independently), and the rule that
# should report it: (rule code, rule name, probability).
DEFECTS: dict[str, tuple[str, str, float]] = {
    "duplicate-value": ("SL101", "duplicate-value", 0.03),
    "name-reused": ("SL103", "name-collision", 0.03),
    "empty-description": ("SL001", "schema-violation", 0.02),
    "unescaped-pipe": ("SL002", "malformed-table", 0.02),
}

# (category heading, value base, nouns as (NAME_PART, 中文)); the first is every page's first
# section, four of the others follow in value order.
BASIC = (
    "基础错误码",
    0,
    (
        ("REQUEST", "请求"),
        ("PARAM", "参数"),
        ("METHOD", "请求方法"),
        ("VERSION", "接口版本"),
        ("CONTENT_TYPE", "Content-Type"),
        ("QUOTA", "调用配额"),
        ("RATE", "调用频率"),
    ),
)
CATEGORIES: tuple[tuple[str, int, tuple[tuple[str, str], ...]], ...] = (
    (
        "请求验证",
        100000,
        (
            ("ACCESSTOKEN", "ACCESS_TOKEN"),
            ("APPID", "应用ID(appId)"),
            ("ENCRYPT", "encrypt字段"),
            ("BUIN", "企业号(buin)"),
            ("SIGNATURE", "签名"),
            ("TIMESTAMP", "时间戳"),
            ("NONCE", "随机串"),
            ("SECRET", "应用密钥"),
            ("CLIENT_IP", "来源IP"),
        ),
    ),
    (
        "消息",
        200000,
        (
            ("TOUSER", "toUser"),
            ("MSGTYPE", "消息类型"),
            ("CONTENT", "消息内容"),
            ("FILETYPE", "文件类型"),
            ("MULTIPART", "上传文件"),
            ("MEDIAID", "媒体ID"),
            ("TITLE", "消息标题"),
            ("LINK_URL", "链接地址"),
            ("MSGID", "消息ID"),
        ),
    ),
    (
        "组织架构",
        300000,
        (
            ("DEPTID", "部门ID"),
            ("DEPTNAME", "部门名"),
            ("DEPTPARENTID", "部门父ID"),
            ("USERID", "userId"),
            ("USERNAME", "用户名称"),
            ("USEREMAIL", "email"),
            ("USERMOBILE", "mobile"),
            ("POSITION", "职务"),
            ("SORTID", "排序ID"),
            ("DEPTALIAS", "部门索引(alias)"),
        ),
    ),
    (
        "文件",
        400000,
        (
            ("FILEID", "文件ID"),
            ("FILENAME", "文件名"),
            ("FILESIZE", "文件大小"),
            ("FOLDER", "文件夹"),
            ("SPACE", "存储空间"),
            ("CHUNK", "文件分片"),
            ("DOWNLOAD_URL", "下载地址"),
        ),
    ),
    (
        "群组",
        500000,
        (
            ("GROUPID", "群ID"),
            ("GROUPNAME", "群名称"),
            ("GROUP_OWNER", "群主"),
            ("GROUP_MEMBER", "群成员"),
            ("GROUP_NOTICE", "群公告"),
            ("GROUP_AVATAR", "群头像"),
        ),
    ),
    (
        "会话",
        600000,
        (
            ("SESSIONID", "会话ID"),
            ("SESSION_TITLE", "会话标题"),
            ("SESSION_MEMBER", "会话成员"),
            ("SESSION_TYPE", "会话类型"),
            ("SESSION_OWNER", "会话创建者"),
        ),
    ),
    (
        "日程",
        700000,
        (
            ("SCHEDULEID", "日程ID"),
            ("START_TIME", "开始时间"),
            ("END_TIME", "结束时间"),
            ("REMINDER", "提醒时间"),
            ("ATTENDEE", "参与人"),
            ("LOCATION", "地点"),
        ),
    ),
    (
        "审批",
        800000,
        (
            ("APPROVALID", "审批单ID"),
            ("TEMPLATEID", "模板ID"),
            ("APPROVER", "审批人"),
            ("FORM", "表单"),
            ("OPINION", "审批意见"),
        ),
    ),
    (
        "事件回调",
        900000,
        (
            ("CALLBACK_URL", "回调地址"),
            ("EVENT_TYPE", "事件类型"),
            ("TOKEN", "校验Token"),
            ("AESKEY", "EncodingAESKey"),
            ("CALLBACK_RETRY", "重试次数"),
        ),
    ),
)
# (name pattern, meaning templates); {n} is the noun's NAME_PART, {c} its Chinese.
VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("MISS_{n}", ("缺少{c}", "{c}不能为空")),
    ("INVALID_{n}", ("无效的{c}", "{c}无效")),
    ("INVALID_FORMAT_{n}", ("{c}格式不正确", "{c}格式不正确(string)", "无效的{c}格式(int)")),
    ("OVERLIMIT_{n}", ("{c}超过长度限制", "{c}过长", "{c}超出上限")),
    ("{n}_NOTEXIST", ("{c}不存在",)),
    ("EXIST_{n}", ("{c}已存在",)),
    ("REPEAT_{n}", ("重复的{c}",)),
    ("EMPTY_{n}", ("{c}为空", "空的{c}")),
    ("{n}_EXPIRED", ("{c}已过期", "{c}过期")),
    ("{n}_FORBIDDEN", ("不能操作{c}", "无权修改{c}")),
    ("{n}_LOCKED", ("{c}已锁定",)),
    ("{n}_DISABLED", ("{c}已停用", "{c}已禁用")),
    ("{n}_MISMATCH", ("{c}不匹配",)),
    ("UNSUPPORTED_{n}", ("不支持的{c}",)),
    ("{n}_TOO_SHORT", ("{c}过短", "{c}长度不足")),
    ("DENIED_{n}", ("无权访问{c}",)),
)
# The first rows of the basic section, as on the example page. Its values count up from there
# and it has at most BASIC_MAX_ROWS rows, so it stays in one decimal block (-1..9).
BASIC_MAX_ROWS = 9
BASIC_FIXED = (
    ("ERRCODE_OK", 0, "操作成功,查询结果逻辑真"),
    ("ERRCODE_INTERNALERR", -1, "异常,未定义的系统错误"),
    ("ERRCODE_FALSE", 2, "查询结果逻辑假"),
    ("ERRCODE_NORIGHT", 3, "接口权限不足"),
)
PRODUCTS = (
    "全局",
    "消息推送",
    "通讯录同步",
    "单点登录",
    "文件存储",
    "群组管理",
    "日程管理",
    "审批流程",
    "开放平台",
    "即时通讯",
)
# Second halves of a meaning split by an unescaped pipe (the unescaped-pipe defect).
PIPE_TAILS = ("请检查参数", "请重试", "详见接口文档", "联系管理员")


@dataclass(slots=True)
class Row:
    name: str
    value: int
    meaning: str


@dataclass(slots=True)
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Defect:
    file: str
    line: int
    kind: str
    code: str
    rule: str


@dataclass(frozen=True, slots=True)
class Written:
    files: int
    records: int
    bytes: int
    defects: tuple[Defect, ...]


# --- layout ----------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns a monospace editor gives ``text``: wide and full-width characters count two."""
    return len(text) if text.isascii() else _wide_width(text)


@cache
def _wide_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _line(cells: Sequence[str], sizes: Sequence[int], widths: Sequence[int]) -> str:
    padded = (c + " " * (w - n) for c, n, w in zip(cells, sizes, widths, strict=True))
    return "| " + " | ".join(padded) + " |"


def _table_lines(rows: Sequence[Row]) -> list[str]:
    cells = [HEADERS, *((row.name, str(row.value), row.meaning) for row in rows)]
    sizes = [[display_width(c) for c in row] for row in cells]
    widths = [max(column) for column in zip(*sizes, strict=True)]
    delimiter = "| " + " | ".join("-" * w for w in widths) + " |"
    lines = [_line(row, size, widths) for row, size in zip(cells, sizes, strict=True)]
    return [lines[0], delimiter, *lines[1:]]


def render_page(product: str, sections: Sequence[Section]) -> tuple[str, list[list[int]]]:
    """Return the page text and, per section, the 1-based line of each row."""
    lines = [
        "---",
        f"title:  {product}说明-{product}状态码",
        f"description: 详细介绍{product}API集成中涉及到的状态码定义。",
        f"keywords: {product}状态码",
        "",
        "---",
        "",
        f"# {product}状态码",
    ]
    row_lines: list[list[int]] = []
    for section in sections:
        lines += ["", f"### {section.title}", ""]
        first_row = len(lines) + 3  # after the header and delimiter rows
        lines += _table_lines(section.rows)
        row_lines.append(list(range(first_row, first_row + len(section.rows))))
    return "\n".join(lines) + "\n", row_lines


# --- content ---------------------------------------------------------------------------------


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split ``total`` rows into ``parts`` uneven sections of at least one row each."""
    weights = [rng.uniform(0.3, 1.7) for _ in range(parts)]
    scale = (total - parts) / sum(weights)
    sizes = [1 + int(w * scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    return sizes


def _sizes(rng: random.Random, codes: int, count: int) -> list[int]:
    """Rows per section: a short basic section (values -1..9, as on the example page), then
    the rest split between the categories."""
    if count == 1:
        return [codes]
    basic = max(1, min(rng.randint(4, BASIC_MAX_ROWS), codes - (count - 1)))
    return [basic, *_split(rng, codes - basic, count - 1)]


# Syllables of module names: KALO, MIPA, TUSEN ... (a module's word in every name of its page).
SYLLABLES = ("KA", "LO", "MI", "PA", "TU", "SEN", "RO", "VI", "DA", "NE", "BO", "XU", "FE", "GI")


def module_name(index: int) -> str:
    """A pronounceable, unique module word for page ``index``: two or more syllables."""
    parts = []
    number = index
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if number == 0 and len(parts) >= 2:
            break
    return "".join(parts)


def _names(
    rng: random.Random, nouns: Sequence[tuple[str, str]], module: str
) -> Iterator[tuple[str, str]]:
    """Every (name, meaning) a category of module ``module`` can use, in a page-specific order."""
    combos = [(verb, noun) for verb in VERBS for noun in nouns]
    rng.shuffle(combos)
    for (pattern, meanings), (noun, chinese) in combos:
        meaning = rng.choice(meanings).format(c=chinese)
        yield f"ERRCODE_{module}_{pattern.format(n=noun)}", f"{meaning}({module})"


def _fresh_name(
    rng: random.Random, nouns: Sequence[tuple[str, str]], used: set[str], module: str
) -> Iterator[tuple[str, str]]:
    """Yield names not in ``used`` (adding them), with a _2, _3 suffix once all are taken."""
    round_ = 1
    while True:
        for name, meaning in _names(rng, nouns, module):
            if round_ > 1:  # a versioned twin: ERRCODE_KALO_MISS_DEPTID_2 | 缺少部门ID(KALO)(v2)
                name, meaning = f"{name}_{round_}", f"{meaning}(v{round_})"
            if name not in used:
                used.add(name)
                yield name, meaning
        round_ += 1


def _next_value(rng: random.Random, value: int, slot_end: int, remaining: int) -> int:
    """The value after ``value``, leaving room in the slot for the ``remaining`` rows after it."""
    roll = rng.random()
    room = slot_end - value - remaining  # how far the next value may jump and still fit
    if roll < 0.06 and value % 100 < 50 and value - value % 100 + 51 - value <= room:
        return value - value % 100 + 51  # a new sub-group in the module's slot: 300122 -> 300151
    if roll < 0.10 and room >= 4:
        return value + rng.randint(2, 4)  # a retired code leaves a gap
    return value + 1


def _section_rows(
    rng: random.Random,
    category: tuple[str, int, tuple[tuple[str, str], ...]],
    size: int,
    module: int,
    used: set[str],
) -> list[Row]:
    _, base, nouns = category
    rows: list[Row] = []
    if category is BASIC:
        rows = [Row(*fixed) for fixed in BASIC_FIXED[:size]]
        used.update(row.name for row in rows)
        value = max(row.value for row in rows) + 1
        slot_end = base + BASIC_MAX_ROWS
    else:
        # The module's own slot of the category's block: values never meet another page's.
        start = base + MODULE_SLOT * (module % MAX_MODULES)
        value, slot_end = start + rng.randint(1, 2), start + MODULE_SLOT - 1
    if category is not BASIC and size > MODULE_SLOT - 2:
        raise ValueError(f"{size} codes in one section do not fit a module's slot of {MODULE_SLOT}")
    fresh = _fresh_name(rng, nouns, used, module_name(module))
    while len(rows) < size:
        name, meaning = next(fresh)
        rows.append(Row(name, value, meaning))
        remaining = size - len(rows)
        value = _next_value(rng, value, slot_end, remaining) if category is not BASIC else value + 1
    return rows


def build_sections(rng: random.Random, codes: int, module: int) -> list[Section]:
    """The sections of module ``module``'s page: the first page starts with the basic codes,
    the others list categories only (a registry lists ERRCODE_OK once)."""
    count = min(SECTIONS, codes)
    basics = [BASIC] if module == 0 else []
    others = sorted(rng.sample(CATEGORIES, count - len(basics)), key=lambda c: c[1])
    chosen = [*basics, *others]
    sizes = _sizes(rng, codes, count) if basics else _split(rng, codes, count)
    used: set[str] = set()
    return [
        Section(category[0], _section_rows(rng, category, size, module, used))
        for category, size in zip(chosen, sizes, strict=True)
    ]


# --- defects ---------------------------------------------------------------------------------

Slot = tuple[int, int]  # (section index, row index)


def _free(rng: random.Random, slots: Sequence[Slot], taken: set[Slot]) -> Slot | None:
    free = [slot for slot in slots if slot not in taken]
    return rng.choice(free) if free else None


def _duplicate_value(rng: random.Random, sections: list[Section], taken: set[Slot]) -> Slot | None:
    """A row reuses the value of the row above it (ERRCODE_NOTEXIST_JOBID | 300311)."""
    slots = [(s, r) for s, sec in enumerate(sections) for r in range(1, len(sec.rows))]
    slot = _free(rng, [x for x in slots if (x[0], x[1] - 1) not in taken], taken)
    if slot is None:
        return None
    rows = sections[slot[0]].rows
    rows[slot[1]].value = rows[slot[1] - 1].value
    taken.add((slot[0], slot[1] - 1))
    return slot


def _name_reused(rng: random.Random, sections: list[Section], taken: set[Slot]) -> Slot | None:
    """A later section reuses an earlier section's name with its own value."""
    if len(sections) < 2:
        return None
    later = [(s, r) for s in range(1, len(sections)) for r in range(len(sections[s].rows))]
    slot = _free(rng, later, taken)
    if slot is None:
        return None
    earlier = [(s, r) for s in range(slot[0]) for r in range(len(sections[s].rows))]
    source = _free(rng, earlier, taken)
    if source is None:
        return None
    original = sections[source[0]].rows[source[1]]
    target = sections[slot[0]].rows[slot[1]]
    target.name, target.meaning = original.name, original.meaning
    taken.add(source)
    return slot


def _empty_description(
    rng: random.Random, sections: list[Section], taken: set[Slot]
) -> Slot | None:
    """A row whose meaning was never written."""
    slot = _free(rng, _all_slots(sections), taken)
    if slot is not None:
        sections[slot[0]].rows[slot[1]].meaning = ""
    return slot


def _unescaped_pipe(rng: random.Random, sections: list[Section], taken: set[Slot]) -> Slot | None:
    """A meaning with a ``|`` that splits it into an extra cell."""
    slot = _free(rng, _all_slots(sections), taken)
    if slot is not None:
        row = sections[slot[0]].rows[slot[1]]
        row.meaning = f"{row.meaning}|{rng.choice(PIPE_TAILS)}"
    return slot


def _all_slots(sections: Sequence[Section]) -> list[Slot]:
    return [(s, r) for s, sec in enumerate(sections) for r in range(len(sec.rows))]


INJECT = {
    "duplicate-value": _duplicate_value,
    "name-reused": _name_reused,
    "empty-description": _empty_description,
    "unescaped-pipe": _unescaped_pipe,
}


def inject_defects(rng: random.Random, sections: list[Section]) -> dict[str, Slot]:
    """Give the page each kind of defect with its probability; return where each one is."""
    taken: set[Slot] = set()
    placed: dict[str, Slot] = {}
    for kind, (_, _, probability) in DEFECTS.items():
        if rng.random() >= probability:
            continue
        slot = INJECT[kind](rng, sections, taken)
        if slot is not None:
            taken.add(slot)
            placed[kind] = slot
    return placed


# --- writing ---------------------------------------------------------------------------------


def page_name(index: int, files: int) -> str:
    return f"status-codes-{index:0{max(4, len(str(files - 1)))}d}.zh.md"


def make_page(seed: int, codes: int, module: int) -> tuple[str, dict[str, int]]:
    """Return one page's text and the line of each defect it carries."""
    rng = random.Random(seed)
    product = f"{rng.choice(PRODUCTS)}·{module_name(module)}"
    sections = build_sections(rng, codes, module)
    placed = inject_defects(rng, sections)
    text, row_lines = render_page(product, sections)
    return text, {kind: row_lines[s][r] for kind, (s, r) in placed.items()}


def generate(files: int, codes: int, seed: int, out: Path) -> Written:
    out.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    page_seeds = [master.getrandbits(64) for _ in range(files)]
    names: set[str] = set()
    defects: list[Defect] = []
    size = 0
    for index, page_seed in enumerate(page_seeds):
        name = page_name(index, files)
        text, placed = make_page(page_seed, codes, index)
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        size += len(data)
        names.add(name)
        for kind, line in placed.items():
            code, rule, _ = DEFECTS[kind]
            defects.append(Defect(name, line, kind, code, rule))
    for stale in out.glob(PAGE_GLOB):
        if stale.name not in names:
            stale.unlink()
    written = Written(files, files * codes, size, tuple(defects))
    write_manifest(out, written, codes, seed)
    return written


def write_manifest(out: Path, written: Written, codes: int, seed: int) -> None:
    manifest = {
        "generator": GENERATOR_VERSION,
        "files": written.files,
        "codes": codes,
        "seed": seed,
        "records": written.records,
        "bytes": written.bytes,
        "expected_findings": dict(sorted(Counter(d.code for d in written.defects).items())),
        "defects": [
            {"file": d.file, "line": d.line, "kind": d.kind, "code": d.code, "rule": d.rule}
            for d in written.defects
        ],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")


def shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def summary(written: Written, out: Path, seed: int, seconds: float) -> str:
    kinds = Counter(d.kind for d in written.defects)
    listed = ", ".join(
        f"{kind} x{kinds[kind]} ({DEFECTS[kind][0]})" for kind in DEFECTS if kinds[kind]
    )
    return (
        f"wrote {written.files} files, {written.records} codes, "
        f"{written.bytes / 2**20:.1f} MiB to {shown(out)} (seed {seed}) in {seconds:.2f} s\n"
        f"defects: {listed or 'none'}; listed in {shown(out / MANIFEST)}"
    )


def positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Generate a deterministic status-code corpus.")
    parser.add_argument("--files", type=positive, default=DEFAULT_FILES, help="pages to write")
    parser.add_argument("--codes", type=positive, default=DEFAULT_CODES, help="codes per page")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    started = time.perf_counter()
    written = generate(args.files, args.codes, args.seed, args.out)
    print(summary(written, args.out, args.seed, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
