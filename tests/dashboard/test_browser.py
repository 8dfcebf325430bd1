"""The dashboard in a real headless Chromium (Debian's), driven by Playwright, as a person uses it.

Chromium comes from Debian's package (`make setup` runs scripts/ensure-chromium.sh); Playwright
only drives it (`playwright install` is never used). DASHBOARD_SCREENSHOTS=1 writes the pages'
screenshots to docs/ (the README shows them); otherwise they go to a temporary directory.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright
from redis.asyncio import Redis

from bot.config import REPO_ROOT
from bot.groups.counters import NAMES
from bot.privacy import Pseudonymizer
from tests.dashboard.conftest import TOKEN, Seeded, Server, make_config, start_server
from tests.helpers.engine import check_with_shared_model

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail("chromium not found: run `make setup` (scripts/ensure-chromium.sh)")
    return found


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=chromium(),
                                                    args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return REPO_ROOT / "docs" if os.environ.get("DASHBOARD_SCREENSHOTS") else tmp_path


async def sign_in(page: Page, server: Server, token: str = TOKEN) -> None:
    await page.goto(f"{server.url}/login")
    await page.fill("input[name=token]", token)
    await page.click("button[type=submit]")


async def chart_values(page: Page, section: str) -> list[float]:
    """The numbers a chart draws: pygal puts each bar's value in <desc class="value">."""
    texts = await page.locator(f"#{section} svg desc.value").all_text_contents()
    return [float(t.replace("\u202f", "").replace("\xa0", "").replace(",", "")) for t in texts]


async def test_sign_in_and_see_each_page(
    browser: Browser, dashboard: Server, seeded: Seeded, shots: Path
) -> None:
    page = await browser.new_page(viewport={"width": 1100, "height": 900})
    await page.goto(f"{dashboard.url}/cases")
    assert page.url.endswith("/login")  # no session: the login page, not the data
    await page.screenshot(path=shots / "dashboard-login.png")
    await sign_in(page, dashboard)
    assert page.url.endswith("/cases")
    assert await page.locator("h1").inner_text() == "Cases"

    # The charts draw the seeded counters: total per week, then each dimension.
    assert sum(await chart_values(page, "chart-cases")) == sum(seeded.by_day.values())
    assert sorted(await chart_values(page, "chart-country")) == sorted(
        seeded.countries.values())
    assert sorted(await chart_values(page, "chart-indicator")) == sorted(
        seeded.indicators.values())
    assert sorted(await chart_values(page, "chart-outcome")) == sorted(seeded.outcomes.values())
    assert "Poland" in await page.locator("#chart-country svg").inner_html()
    assert "My documents were taken" in await page.locator("#chart-indicator svg").inner_html()
    # Median time to taken (180 s) is 3 minutes, drawn and in the table.
    assert 3.0 in await chart_values(page, "chart-response")
    queue = await page.locator("#queue").inner_text()
    assert seeded.waiting_pseudonym in queue and "op-" in queue
    await page.screenshot(path=shots / "dashboard-cases.png", full_page=True)

    await page.click("text=Content and trust")
    assert page.url.endswith("/content")
    content, problems = check_with_shared_model(REPO_ROOT / "content")
    assert content is not None
    rows = page.locator("#chart-hotlines table tr")
    assert await rows.count() == len(content.hotlines) + 1  # and the header
    # Who checked each line: a column of its own (empty lines show a dash).
    assert await page.locator("#chart-hotlines th", has_text="Checked by").count() == 1
    assert await page.locator("#chart-hotlines td.checked-by").count() == len(content.hotlines)
    verdict = await page.locator("#check").inner_text()
    assert "Content OK" in verdict and f"warnings: {len(problems)}" in verdict
    offered = sum(h.offered for h in content.hotlines.values())
    assert offered in await chart_values(page, "chart-hotlines")
    await page.screenshot(path=shots / "dashboard-content.png", full_page=True)

    await page.click("text=The bot's side")
    assert page.url.endswith("/bot")
    for row, count in seeded.bot_side.items():  # every row's chart draws its counter
        assert sum(await chart_values(page, f"chart-{row}")) == count, row
    await page.screenshot(path=shots / "dashboard-bot.png", full_page=True)

    await page.click("header nav >> text=Groups")
    assert page.url.endswith("/groups")
    for name in NAMES:  # every counter's chart draws the groups' sum
        assert sum(await chart_values(page, f"chart-{name}")) == \
            sum(g[name] for g in seeded.groups), name
    assert await page.locator("#per-group table tr").count() == len(seeded.groups) + 1

    await page.click("text=Monthly report")
    assert (await page.locator("h1").inner_text()).startswith("Monthly report: ")
    await page.emulate_media(media="print")  # what a donor gets on paper: no navigation
    assert not await page.locator("header nav").is_visible()
    pdf = await page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    await page.screenshot(path=shots / "dashboard-report.png", full_page=True)
    await page.emulate_media(media="screen")
    await page.click("text=Content and trust")

    # In Belarusian: the catalog's words and Babel's country names.
    await page.click("text=Беларуская")
    assert await page.locator("h1").inner_text() == "Змест і давер"
    await page.click("header nav a >> nth=0")
    assert await page.locator("h1").inner_text() == "Звароты"
    assert "Польшча" in await page.locator("#chart-country svg").inner_html()


async def test_download_a_chart_csv(browser: Browser, dashboard: Server, seeded: Seeded) -> None:
    page = await browser.new_page()
    await sign_in(page, dashboard)
    async with page.expect_download() as info:
        await page.click("#chart-country a:has-text('Download CSV')")
    download = await info.value
    path = await download.path()
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["country"]] = totals.get(row["country"], 0) + int(row["cases"])
    assert totals == seeded.countries


async def test_wrong_token_and_expired_session_are_refused(
    browser: Browser, redis_client: Redis, pseudonymizer: Pseudonymizer, seeded: Seeded
) -> None:
    server, runner = await start_server(make_config(redis_client, pseudonymizer, session_s=1))
    try:
        page = await browser.new_page()
        await sign_in(page, server, TOKEN + "-wrong")
        assert page.url.endswith("/login")
        assert "Wrong token" in await page.locator("[role=alert]").inner_text()

        await sign_in(page, server)
        assert page.url.endswith("/cases")
        await asyncio.sleep(1.2)  # the session lasts one second here
        await page.goto(f"{server.url}/content")
        assert page.url.endswith("/login")
        assert await page.locator("#check").count() == 0
    finally:
        await runner.cleanup()
