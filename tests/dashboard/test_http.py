"""The dashboard over HTTP: login, refusal without a session, CSV numbers, no personal data."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import shutil
import time
from pathlib import Path

import aiohttp
from redis.asyncio import Redis

from bot.config import REPO_ROOT
from bot.dashboard.app import PUBLIC, routes
from bot.dashboard.auth import LOGIN_AUDIT
from bot.handoff.stats import DIMENSIONS
from bot.privacy import Pseudonymizer
from tests.dashboard.conftest import (
    BOT_TOKEN,
    GROUP_IDS,
    OPERATOR,
    PERSON_ID,
    PERSON_TEXT,
    STRANGER,
    TOKEN,
    Seeded,
    Server,
    make_config,
    start_server,
)

CSV_TABLES = ["/cases.csv?table=cases", "/cases.csv?table=cases&period=day",
              "/cases.csv?table=response", "/cases.csv?table=queue",
              *(f"/cases.csv?table={d}" for d in DIMENSIONS),
              "/content.csv?table=hotlines", "/content.csv?table=problems",
              "/bot.csv", "/bot.csv?period=day", "/groups.csv", "/groups.csv?period=day",
              "/groups.csv?table=groups"]
PAGES = ["/cases", "/cases?period=day", "/content", "/cases?lang=ru", "/cases?lang=be",
         "/content?lang=be", "/content?lang=ru", "/bot", "/bot?period=day&lang=be",
         "/groups", "/groups?period=day&lang=ru", "/groups?lang=be",
         "/report", "/report?month=2026-01&lang=ru", "/report?month=bad"]


def widget_answer(user_id: int, auth_date: float, token: str = BOT_TOKEN) -> dict[str, str]:
    """What Telegram's Login Widget redirects with, signed as its documentation says."""
    fields = {"id": str(user_id), "first_name": "Olga", "username": "olga_ops",
              "auth_date": str(int(auth_date))}
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    secret = hashlib.sha256(token.encode()).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return fields


def client() -> aiohttp.ClientSession:
    # unsafe=True: keep cookies from an IP address (127.0.0.1), as a browser does.
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def signed_in(server: Server) -> aiohttp.ClientSession:
    session = client()
    async with session.post(f"{server.url}/login", data={"token": TOKEN},
                            allow_redirects=False) as response:
        assert response.status == 303 and response.headers["Location"] == "/cases"
    return session


async def test_every_endpoint_refuses_without_a_session(dashboard: Server) -> None:
    paths = [p for p in routes(dashboard.app) if p not in PUBLIC] + CSV_TABLES + PAGES
    assert {"/cases", "/content", "/bot", "/bot.csv", "/groups", "/groups.csv",
            "/report"} <= set(paths)
    async with client() as session:
        for path in paths:
            for method in ("GET", "POST"):
                async with session.request(method, dashboard.url + path,
                                          allow_redirects=False) as response:
                    body = await response.text()
                    assert response.status in (303, 401, 405), (method, path, response.status)
                    if response.status == 303:
                        assert response.headers["Location"] == "/login"
                    assert "PL" not in body and "referred" not in body, (method, path)
        # A made-up cookie is no session either.
        session.cookie_jar.update_cookies({"smb_dashboard": "forged-cookie-value"})
        async with session.get(dashboard.url + "/cases.csv", allow_redirects=False) as response:
            assert response.status == 401


async def test_wrong_token_is_refused_and_audited(dashboard: Server, redis_client: Redis) -> None:
    async with client() as session:
        async with session.post(f"{dashboard.url}/login", data={"token": TOKEN[:-1] + "x"},
                                allow_redirects=False) as response:
            assert response.status == 403
            assert "Wrong token" in await response.text()
        async with session.get(f"{dashboard.url}/cases", allow_redirects=False) as response:
            assert response.status == 303
    entries = await redis_client.xrange(LOGIN_AUDIT)
    assert [fields["ok"] for _, fields in entries] == ["0"]
    assert TOKEN not in str(entries) and "127.0.0.1" not in str(entries)


async def test_telegram_login_checks_the_hash_age_and_operator(
    dashboard: Server, redis_client: Redis
) -> None:
    now = time.time()
    good = widget_answer(OPERATOR, now)
    forged = dict(good, id=str(STRANGER))  # the id changed after Telegram signed it
    cases = {
        "good": (good, 303),
        "forged": (forged, 403),
        "other bot": (widget_answer(OPERATOR, now, "999:other"), 403),
        "not an operator": (widget_answer(STRANGER, now), 403),
        "replayed": (widget_answer(OPERATOR, now - 3600), 403),
    }
    for name, (fields, status) in cases.items():
        async with client() as session:
            async with session.get(f"{dashboard.url}/login/telegram", params=fields,
                                   allow_redirects=False) as response:
                assert response.status == status, name
            async with session.get(f"{dashboard.url}/cases", allow_redirects=False) as response:
                assert (response.status == 200) == (status == 303), name
    entries = [fields for _, fields in await redis_client.xrange(LOGIN_AUDIT)]
    assert [e["ok"] for e in entries] == ["1", "0", "0", "0", "0"]
    assert all(e["method"] == "telegram" and len(e["who"]) == 16 for e in entries)
    assert str(OPERATOR) not in str(entries) and str(STRANGER) not in str(entries)


async def test_csv_numbers_are_the_counters(dashboard: Server, seeded: Seeded) -> None:
    session = await signed_in(dashboard)
    async with session:
        async with session.get(f"{dashboard.url}/cases.csv?table=cases&period=day") as response:
            assert response.headers["Content-Type"].startswith("text/csv")
            rows = list(csv.DictReader(io.StringIO(await response.text())))
        per_day = {r["period_start"]: int(r["cases"]) for r in rows}
        assert {d: n for d, n in per_day.items() if n} == {
            d.isoformat(): n for d, n in seeded.by_day.items()}
        async with session.get(f"{dashboard.url}/cases.csv?table=country") as response:
            rows = list(csv.DictReader(io.StringIO(await response.text())))
        totals: dict[str, int] = {}
        for row in rows:
            totals[row["country"]] = totals.get(row["country"], 0) + int(row["cases"])
        assert totals == seeded.countries
        assert any(r["label"] == "Poland" for r in rows)
        async with session.get(f"{dashboard.url}/cases.csv?table=response&period=day") as resp:
            rows = list(csv.DictReader(io.StringIO(await resp.text())))
        taken = next(r for r in rows if r["step"] == "taken")
        assert int(taken["cases"]) == 3 and float(taken["median_seconds"]) == 180
        async with session.get(f"{dashboard.url}/cases.csv?table=queue") as response:
            rows = list(csv.DictReader(io.StringIO(await response.text())))
        waiting = [r for r in rows if r["kind"] == "waiting_seconds"]
        assert [r["name"] for r in waiting] == [seeded.waiting_pseudonym]
        assert 290 <= int(waiting[0]["value"]) <= 400
        operators = [r for r in rows if r["kind"] == "taken_cases"]
        assert len(operators) == 1 and operators[0]["name"].startswith("op-")


async def test_no_response_holds_a_raw_id_or_message_text(
    dashboard: Server, seeded: Seeded
) -> None:
    session = await signed_in(dashboard)
    seen = 0
    async with session:
        for path in PAGES + CSV_TABLES:
            async with session.get(dashboard.url + path) as response:
                assert response.status == 200, path
                body = await response.text()
            seen += 1
            for secret in (str(PERSON_ID), str(PERSON_ID + 1), str(OPERATOR), PERSON_TEXT,
                           "passport was taken", "Vasily", TOKEN,
                           *(str(g) for g in GROUP_IDS), *(str(-g) for g in GROUP_IDS),
                           *seeded.group_keys):
                assert secret not in body, (path, secret)
    assert seen == len(PAGES) + len(CSV_TABLES)


async def test_logout_ends_the_session(dashboard: Server) -> None:
    session = await signed_in(dashboard)
    async with session:
        async with session.post(f"{dashboard.url}/logout", allow_redirects=False) as response:
            assert response.status == 303
        async with session.get(f"{dashboard.url}/cases", allow_redirects=False) as response:
            assert response.status == 303 and response.headers["Location"] == "/login"


async def test_monthly_report_sums_the_month(dashboard: Server, seeded: Seeded) -> None:
    month = seeded.today.replace(day=1)
    expected = sum(n for day, n in seeded.by_day.items() if day >= month)
    session = await signed_in(dashboard)
    async with session:
        async with session.get(f"{dashboard.url}/report?month={month:%Y-%m}") as response:
            page = await response.text()
    assert f"Cases this month: {expected}<" in page
    assert "Monthly report: " in page and "Messages and presses handled</td><td>57<" in page


async def test_cookie_and_headers_keep_the_pages_private(dashboard: Server) -> None:
    async with client() as session:
        async with session.get(f"{dashboard.url}/login") as response:
            page = await response.text()
            # The widget is offered (bot username, bot token and operator ids are set) and
            # only the login page may load Telegram's script.
            assert 'data-telegram-login="smb_test_bot"' in page
            assert "script-src https://telegram.org" in response.headers["Content-Security-Policy"]
        async with session.post(f"{dashboard.url}/login", data={"token": TOKEN},
                                allow_redirects=False) as response:
            cookie = response.headers["Set-Cookie"]
            assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age=600" in cookie
        async with session.get(f"{dashboard.url}/cases") as response:
            policy = response.headers["Content-Security-Policy"]
            assert "default-src 'none'" in policy and "script-src" not in policy
            assert response.headers["Cache-Control"] == "no-store"
            assert "<script" not in await response.text()


async def test_an_editors_change_shows_at_once(
    redis_client: Redis, pseudonymizer: Pseudonymizer, tmp_path: Path
) -> None:
    # A copy of the content an editor changes: the page reruns the check after the edit.
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    server, runner = await start_server(make_config(redis_client, pseudonymizer,
                                                    content_dir=content))
    try:
        session = await signed_in(server)
        async with session:
            async def row() -> dict[str, str]:
                async with session.get(f"{server.url}/content.csv?table=hotlines") as response:
                    rows = csv.DictReader(io.StringIO(await response.text()))
                    return next(r for r in rows if r["id"] == "by-police-102")

            assert (await row())["over_a_year"] == "0"
            hotlines = content / "hotlines.yaml"
            text = hotlines.read_text(encoding="utf-8")
            old = "    last_checked: 2026-11-01"
            assert text.index(old) < text.index("id: by-iom")  # the first entry's date
            hotlines.write_text(text.replace(old, "    last_checked: 2024-01-15", 1),
                                encoding="utf-8")
            changed = await row()
            assert changed["over_a_year"] == "1" and changed["last_checked"] == "2024-01-15"
            async with session.get(f"{server.url}/content") as response:
                assert 'class="bad">Jan 15, 2024<' in await response.text()  # in red
    finally:
        await runner.cleanup()


async def test_each_line_shows_who_checked_it(
    redis_client: Redis, pseudonymizer: Pseudonymizer, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    hotlines = content / "hotlines.yaml"
    text = hotlines.read_text(encoding="utf-8")
    old = "    last_checked: 2026-11-01"
    hotlines.write_text(text.replace(old, f'{old}\n    checked_by: "Alena K. <b>"', 1),
                        encoding="utf-8")
    server, runner = await start_server(make_config(redis_client, pseudonymizer,
                                                    content_dir=content))
    try:
        session = await signed_in(server)
        async with session:
            async with session.get(f"{server.url}/content.csv?table=hotlines") as response:
                rows = {r["id"]: r for r in csv.DictReader(io.StringIO(await response.text()))}
            async with session.get(f"{server.url}/content") as response:
                page = await response.text()
    finally:
        await runner.cleanup()
    assert rows["by-police-102"]["checked_by"] == "Alena K. <b>"
    assert {r["checked_by"] for k, r in rows.items() if k != "by-police-102"} == {""}
    row = page[page.index("<code>by-police-102</code>"):]
    row = row[:row.index("</tr>")]
    assert '<td class="checked-by">Alena K. &lt;b&gt;</td>' in row  # escaped, in its row
