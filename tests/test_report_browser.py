"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Playwright.

Skipped, with a message saying how to install it, where there is no Chromium. Playwright never
downloads a browser here: it is pointed at the system's. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_PAGE, ROOT, Run
from tests.test_report import HOSTILE_PAGE, HOSTILE_TEXTS, MIXED_PAGE

CHROMIUM = Path(os.environ.get("SPECLINT_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "tests" / "artifacts"
INSTALL = "apt-get update && apt-get install -y chromium"
DASH = "\u2013"  # an en dash, between the first and last row shown: "1-100 of 20,000"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason=f"no Chromium at {CHROMIUM}: install it ({INSTALL}) or set SPECLINT_CHROMIUM",
)

# Quiet, offline, reproducible: no first-run UI, no background traffic, no GPU.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Opened:
    page: object  # playwright.sync_api.Page
    url: str
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Console errors and warnings (a script error, a blocked request, a CSP violation)."""
        return list(self.console)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir
    with sync_api.sync_playwright() as playwright:
        browser_context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        yield browser_context
        browser_context.close()


@pytest.fixture
def open_report(context: object) -> Iterator[Callable[..., Opened]]:
    pages = []

    def open_(path: Path, *, width: int = 1280, scheme: str = "light") -> Opened:
        page = context.new_page()  # type: ignore[attr-defined]
        pages.append(page)
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(color_scheme=scheme)
        opened = Opened(page, path.resolve().as_uri())
        page.on(
            "console",
            lambda m: (
                opened.console.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: opened.console.append(f"page error: {e}"))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.goto(opened.url)
        page.wait_for_selector("#catalog-table[data-shown]")
        return opened

    yield open_
    for page in pages:
        page.close()


def _report(run_cli: Callable[..., Run], page: Path, out: Path) -> Path:
    result = run_cli("report", str(page), "-o", str(out))
    assert result.code in (0, 1), result.err
    return out


def _screenshot(opened: Opened, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / name), full_page=True)  # type: ignore[attr-defined]


def test_example_report_renders_its_map_and_catalog(
    run_cli: Callable[..., Run], open_report: Callable[..., Opened], tmp_path: Path
) -> None:
    opened = open_report(_report(run_cli, EXAMPLE_PAGE, tmp_path / "report.html"))
    page = opened.page
    _screenshot(opened, "example-report.png")
    assert opened.problems() == []
    assert opened.foreign_requests() == []
    # Five sections, each with its map.
    cards = page.locator(".map-card")
    assert cards.count() == 5
    assert page.locator(".map-card svg.band-svg").count() >= 5
    assert page.inner_text("#maps-status") == "5 sections"
    organisation = cards.nth(3)
    assert "组织架构" in organisation.inner_text()
    assert "Next free value: 300313 (after 300312" in organisation.inner_text()
    assert organisation.locator("rect.collision").count() >= 1  # 300311, used twice
    assert organisation.locator("rect.next").count() >= 1
    assert "collision 300311: ERRCODE_REPEAT_USERID, ERRCODE_NOTEXIST_JOBID" in (
        organisation.inner_text()
    )
    # The catalog: all 91 records on one page.
    assert page.inner_text("#catalog-status") == f"1{DASH}91 of 91 records"
    assert page.locator("#catalog-rows tr").count() == 91


def test_the_catalog_filters_sorts_and_follows_a_map(
    run_cli: Callable[..., Run], open_report: Callable[..., Opened], tmp_path: Path
) -> None:
    opened = open_report(_report(run_cli, EXAMPLE_PAGE, tmp_path / "report.html"))
    page = opened.page
    rows = page.locator("#catalog-rows tr")
    page.fill("#catalog-filter", "notexist")
    page.wait_for_selector("#catalog-table:not([data-shown='91'])")
    shown = rows.count()
    assert 0 < shown < 91
    assert all("notexist" in rows.nth(i).inner_text().lower() for i in range(shown))
    assert page.inner_text("#catalog-status") == f"1{DASH}{shown} of {shown} records (of 91)"
    page.fill("#catalog-filter", "")
    page.wait_for_selector("#catalog-table[data-shown='91']")
    # Sorting by value, twice: descending.
    value = page.locator("th[data-key='value'] button")
    value.click()
    value.click()
    assert page.get_attribute("th[data-key='value']", "aria-sort") == "descending"
    assert rows.nth(0).locator("td").nth(1).inner_text() == "500008"
    # A map's button shows its section's codes.
    page.locator(".map-card").nth(3).get_by_role("button").click()
    page.wait_for_selector("#catalog-table[data-shown='58']")
    page.check("#catalog-findings")
    page.wait_for_selector("#catalog-table[data-shown='6']")
    assert opened.problems() == []


def test_phone_width_and_dark_scheme(
    run_cli: Callable[..., Run], open_report: Callable[..., Opened], tmp_path: Path
) -> None:
    opened = open_report(
        _report(run_cli, EXAMPLE_PAGE, tmp_path / "report.html"), width=390, scheme="dark"
    )
    page = opened.page
    _screenshot(opened, "example-report-phone-dark.png")
    assert opened.problems() == []
    # Nothing but the tables' own scrolling boxes is wider than the screen.
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 390
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 17, 23)"


def test_spec_text_is_shown_as_text_in_the_browser(
    run_cli: Callable[..., Run],
    open_report: Callable[..., Opened],
    write_page: Callable[..., Path],
    tmp_path: Path,
) -> None:
    page_path = write_page("hostile.md", HOSTILE_PAGE)
    opened = open_report(_report(run_cli, page_path, tmp_path / "hostile.html"))
    page = opened.page
    _screenshot(opened, "hostile-report.png")
    assert opened.problems() == []
    assert opened.foreign_requests() == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("#catalog-rows :is(b, strong, a), .finding :is(b, strong, a)").count() == 0
    assert page.locator("script").count() == 2
    catalog = page.inner_text("#catalog-rows")
    for text in HOSTILE_TEXTS:
        assert text in catalog
    findings = page.inner_text("#findings")
    assert '<img src=x onerror="window.__pwned=2">' in findings
    assert "Requests {{ 7*7 }} <b>bold</b>" in findings
    assert "Requests 49" not in page.inner_text("main")  # no template ran


def test_a_large_registry_is_paged(
    run_cli: Callable[..., Run], open_report: Callable[..., Opened], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "--files", "200", "--out",
         str(corpus)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    opened = open_report(_report(run_cli, corpus, tmp_path / "large.html"))
    page = opened.page
    assert opened.problems() == []
    status = page.inner_text("#catalog-status")
    assert status == f"1{DASH}100 of 20,000 records"
    assert page.locator("#catalog-rows tr").count() == 100  # one page in the DOM, not 20,000
    assert page.locator(".map-card").count() == 12
    assert page.inner_text("#maps-status") == "1,000 sections"
    page.get_by_role("button", name="Next").last.click()
    assert page.inner_text("#catalog-status") == f"101{DASH}200 of 20,000 records"
    page.fill("#catalog-filter", "status-codes-0007.zh.md:")
    page.wait_for_selector("#catalog-table[data-shown='100']")
    assert page.locator("#catalog-rows tr").count() == 100
    page.fill("#maps-filter", "0007")
    page.wait_for_selector("#maps-list[data-shown='5']")


def test_codes_outside_the_range_and_sections_without_one(
    run_cli: Callable[..., Run],
    open_report: Callable[..., Opened],
    write_page: Callable[..., Path],
    tmp_path: Path,
) -> None:
    page_path = write_page("mixed.md", MIXED_PAGE)
    opened = open_report(_report(run_cli, page_path, tmp_path / "mixed.html"))
    page = opened.page
    _screenshot(opened, "mixed-report.png")
    assert opened.problems() == []
    orders, opcodes, strings = (page.locator(".map-card").nth(i) for i in range(3))
    assert orders.locator("rect.outside").count() == 1  # 400010, right of the range
    assert orders.locator("rect.outside-zone").count() == 1
    assert "outside the range 400010: ORDER_WRONG" in orders.inner_text()
    assert orders.locator("svg.band-svg").count() == 2  # the range, and zoomed in on its codes
    assert "span 0..5" in opcodes.inner_text()
    assert "Next free value: 6 (after 5" in opcodes.inner_text()
    assert strings.locator("svg").count() == 0
    assert "string codes" in strings.inner_text()
