"""The dashboard's aiohttp application: login, pages, CSV downloads; every page needs a session.

Routes: GET/POST /login, GET /login/telegram (the widget's redirect), POST /logout, GET /cases,
GET /content, GET /bot, GET /groups, GET /report?month=YYYY-MM, GET /cases.csv?table=...,
GET /content.csv?table=..., GET /bot.csv, GET /groups.csv?table=periods|groups.
Anything else without a session answers 303 to /login (pages) or 401 (CSV), never data.
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

from aiohttp import web
from redis.asyncio import Redis

from bot.dashboard.auth import COOKIE, LoginAudit, Sessions, token_matches, widget_user
from bot.dashboard.botside import ROWS, bot_page, bot_report
from bot.dashboard.data import (
    ContentHealth,
    ContentHealthCheck,
    Period,
    case_report,
    queue_now,
)
from bot.dashboard.groups import group_report, groups_csv_rows, groups_page
from bot.dashboard.labels import value_label
from bot.dashboard.pages import cases_page, content_page, login_page
from bot.dashboard.report import month_of, month_report, report_page
from bot.handoff.stats import DIMENSIONS
from bot.i18n import N_, I18n, Translator, normalize_language
from bot.privacy import Pseudonymizer

log = logging.getLogger(__name__)

LANG_COOKIE = "smb_dashboard_lang"
PUBLIC = frozenset({"/login", "/login/telegram"})
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'")
# The login page may load Telegram's widget (its script and its iframe), nothing else.
_CSP_LOGIN = (_CSP + "; script-src https://telegram.org; frame-src https://oauth.telegram.org")


@dataclass
class DashboardConfig:
    """What the application needs; built once from settings in `main()` or by a test."""

    redis: Redis
    i18n: I18n
    pseudonymizer: Pseudonymizer
    content_dir: Path
    timezone: str
    language: str
    token: str | None
    session_s: int
    bot_token: str = ""
    bot_username: str = ""
    operator_ids: frozenset[int] = frozenset()
    login_max_age_s: int = 300
    days: int = 90
    secure_cookie: bool = False


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CONFIG: web.AppKey[DashboardConfig] = web.AppKey("dashboard_config", DashboardConfig)


def build_app(config: DashboardConfig) -> web.Application:
    """The dashboard as an aiohttp application (mount it, or run it with `web.AppRunner`)."""
    sessions = Sessions(config.redis, config.session_s)
    audit = LoginAudit(config.redis, config.pseudonymizer)

    def translator(request: web.Request) -> Translator:
        asked = normalize_language(request.query.get("lang"))
        stored = normalize_language(request.cookies.get(LANG_COOKIE))
        return config.i18n.translator(asked or stored or config.language)

    def today() -> date:
        return datetime.now(ZoneInfo(config.timezone)).date()

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path not in PUBLIC:
            session = await sessions.get(request.cookies.get(COOKIE))
            if session is None:
                if request.path.endswith(".csv") or request.method != "GET":
                    raise web.HTTPUnauthorized(text="sign in first")
                raise web.HTTPSeeOther("/login")
        response = await handler(request)
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers.setdefault("Content-Security-Policy", _CSP)
        asked = normalize_language(request.query.get("lang"))
        if asked:
            response.set_cookie(LANG_COOKIE, asked, httponly=True, samesite="Strict",
                                secure=config.secure_cookie)
        return response

    def html(text: str, status: int = 200, csp: str = _CSP) -> web.Response:
        response = web.Response(text=text, status=status, content_type="text/html")
        response.headers["Content-Security-Policy"] = csp
        return response

    def login_form(request: web.Request, error: str | None, status: int = 200) -> web.Response:
        widget = config.bot_username if config.bot_token and config.operator_ids else ""
        page = login_page(translator(request), error=error, widget_bot=widget,
                          token_login=bool(config.token))
        return html(page, status, _CSP_LOGIN if widget else _CSP)

    async def signed_in(method: str, who: str) -> web.Response:
        cookie = await sessions.create(method, who)
        response = web.HTTPSeeOther("/cases")
        response.set_cookie(COOKIE, cookie, max_age=config.session_s, httponly=True,
                            samesite="Strict", secure=config.secure_cookie)
        raise response

    async def get_login(request: web.Request) -> web.Response:
        return login_form(request, None)

    async def post_login(request: web.Request) -> web.Response:
        form = await request.post()
        given = str(form.get("token") or "")
        ok = token_matches(given, config.token)
        # The audit names the token by a keyed hash: a wrong guess is recorded, not its text.
        await audit.record("token", ok, audit.who("token" if ok else "wrong-token"),
                           request.remote or "")
        if not ok:
            return login_form(request, N_("Wrong token."), status=403)
        return await signed_in("token", audit.who("token"))

    async def telegram_login(request: web.Request) -> web.Response:
        fields = {k: v for k, v in request.query.items() if k != "lang"}
        user = widget_user(fields, config.bot_token, config.operator_ids,
                           config.login_max_age_s)
        who = audit.who(f"tg:{fields.get('id', '?')}")
        await audit.record("telegram", user is not None, who, request.remote or "")
        if user is None:
            return login_form(request, N_("Telegram sign-in refused."), status=403)
        return await signed_in("telegram", who)

    async def logout(request: web.Request) -> web.Response:
        await sessions.end(request.cookies.get(COOKIE))
        response = web.HTTPSeeOther("/login")
        response.del_cookie(COOKIE)
        raise response

    def period_of(request: web.Request) -> Period:
        return "day" if request.query.get("period") == "day" else "week"

    async def cases(request: web.Request) -> web.Response:
        report = await case_report(config.redis, today(), config.days, period_of(request))
        queue = await queue_now(config.redis, config.pseudonymizer)
        return html(cases_page(translator(request), report, queue, config.days))

    content_check = ContentHealthCheck(config.content_dir, config.i18n)

    async def health() -> ContentHealth:
        # The check reads and validates every YAML file: off the event loop.
        return await asyncio.to_thread(content_check.get, today())

    async def content(request: web.Request) -> web.Response:
        return html(content_page(translator(request), await health()))

    async def cases_csv(request: web.Request) -> web.Response:
        table = request.query.get("table", "cases")
        tr = translator(request)
        if table == "queue":
            queue = await queue_now(config.redis, config.pseudonymizer)
            rows: list[list[object]] = [["kind", "name", "value"]]
            rows += [["waiting_seconds", name, s] for name, s in queue.waiting]
            rows += [["taken_cases", op, n] for op, n in queue.per_operator.items()]
            return _csv(rows, "queue.csv")
        report = await case_report(config.redis, today(), config.days, period_of(request))
        if table == "cases":
            rows = [["period_start", "cases"]]
            rows += [[p.isoformat(), report.cases[p]] for p in report.periods]
        elif table == "response":
            rows = [["period_start", "step", "cases", "median_seconds", "p90_seconds"]]
            rows += [[p.isoformat(), kind, n, med, p90]
                     for p, kind, n, med, p90 in report.response_rows()]
        elif table in DIMENSIONS:
            rows = [["period_start", table, "label", "cases"]]
            for value, per in sorted(report.by_dimension.get(table, {}).items()):
                rows += [[p.isoformat(), value, value_label(tr, table, value), n]
                         for p, n in sorted(per.items())]
        else:
            raise web.HTTPNotFound(text="unknown table")
        return _csv(rows, f"cases-{table}-{report.period}.csv")

    async def content_csv(request: web.Request) -> web.Response:
        checked = await health()
        table = request.query.get("table", "hotlines")
        if table == "hotlines":
            rows: list[list[object]] = [["id", "country", "kind", "confidence", "offered",
                                         "verified_by_editor", "last_checked", "over_a_year",
                                         "checked_by"]]
            rows += [[r.id, r.country, r.kind, r.confidence, int(r.offered),
                      int(r.verified_by_editor), r.last_checked.isoformat(), int(r.stale),
                      r.checked_by]
                     for r in checked.hotlines]
        elif table == "problems":
            rows = [["location", "severity", "message"]]
            rows += [[p.location, p.severity, p.message] for p in checked.problems]
        else:
            raise web.HTTPNotFound(text="unknown table")
        return _csv(rows, f"content-{table}.csv")

    async def bot_side(request: web.Request) -> web.Response:
        report = await bot_report(config.redis, today(), config.days, period_of(request))
        return html(bot_page(translator(request), report))

    async def bot_csv(request: web.Request) -> web.Response:
        report = await bot_report(config.redis, today(), config.days, period_of(request))
        rows: list[list[object]] = [["period_start", *(row for row, _, _ in ROWS)]]
        rows += [[p.isoformat(), *(report.rows[row][p] for row, _, _ in ROWS)]
                 for p in report.periods]
        return _csv(rows, f"bot-{report.period}.csv")

    async def groups(request: web.Request) -> web.Response:
        report = await group_report(config.redis, today(), config.days, period_of(request))
        return html(groups_page(translator(request), report))

    async def groups_csv(request: web.Request) -> web.Response:
        report = await group_report(config.redis, today(), config.days, period_of(request))
        table = request.query.get("table", "periods")
        try:
            rows = groups_csv_rows(report, table)
        except KeyError:
            raise web.HTTPNotFound(text="unknown table") from None
        suffix = report.period if table == "periods" else "all"
        return _csv(rows, f"groups-{table}-{suffix}.csv")

    async def monthly(request: web.Request) -> web.Response:
        month = month_of(request.query.get("month"), today())
        return html(report_page(translator(request), await month_report(config.redis, month)))

    async def home(request: web.Request) -> web.Response:
        raise web.HTTPSeeOther("/cases")

    app = web.Application(middlewares=[guard])
    app[CONFIG] = config
    app.router.add_get("/", home)
    app.router.add_get("/login", get_login)
    app.router.add_post("/login", post_login)
    app.router.add_get("/login/telegram", telegram_login)
    app.router.add_post("/logout", logout)
    app.router.add_get("/cases", cases)
    app.router.add_get("/content", content)
    app.router.add_get("/cases.csv", cases_csv)
    app.router.add_get("/content.csv", content_csv)
    app.router.add_get("/bot", bot_side)
    app.router.add_get("/bot.csv", bot_csv)
    app.router.add_get("/groups", groups)
    app.router.add_get("/groups.csv", groups_csv)
    app.router.add_get("/report", monthly)
    return app


def _csv(rows: list[list[object]], filename: str) -> web.Response:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    response = web.Response(text=buffer.getvalue(), content_type="text/csv", charset="utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def routes(app: web.Application) -> list[str]:
    """Every GET path the application serves (for tests that probe them all)."""
    return sorted({cast(str, r.canonical) for r in app.router.resources()})
