"""The dashboard's HTML pages: plain server-rendered HTML with inline SVG, no JavaScript.

Every text goes through the reader's Translator; every value is escaped. Pages show counters,
pseudonyms and keyed hashes only.
"""

from __future__ import annotations

from datetime import date
from html import escape

from bot.dashboard.charts import bar_chart, horizontal_bars
from bot.dashboard.data import CaseReport, ContentHealth, QueueNow
from bot.dashboard.labels import DIMENSION_TITLES, value_label
from bot.i18n import N_, Translator

LANGUAGES = (("ru", "Русский"), ("be", "Беларуская"), ("en", "English"))

# UI strings (msgids in English), outside f-strings so that pybabel extracts them.
CASES = N_("Cases")
CONTENT_AND_TRUST = N_("Content and trust")
BOT_SIDE = N_("The bot's side")
GROUPS = N_("Groups")
MONTHLY_REPORT = N_("Monthly report")
LOG_OUT = N_("Log out")
SAFE_MIGRATION_BOT_DASHBOARD = N_("Safe migration bot: dashboard")
ACCESS_TOKEN = N_("Access token")
SIGN_IN = N_("Sign in")
OPERATORS_CAN_SIGN_IN_WITH = N_("Operators can sign in with Telegram:")
NO_WAY_TO_SIGN_IN = N_("No way to sign in is configured: set DASHBOARD_TOKEN.")
DOWNLOAD_CSV = N_("Download CSV")
BY_WEEK = N_("by week")
BY_DAY = N_("by day")
CASES_PER_WEEK = N_("Cases per week")
CASES_PER_DAY = N_("Cases per day")
CASES_SHOWN = N_("Days shown: {days}; cases: {total}.")
NO_CASES_IN_THIS_PERIOD = N_("No cases in this period.")
TIME_FROM_ALERT_TO_TAKEN = N_("Time from alert to taken and to closed (minutes)")
TAKEN = N_("taken")
CLOSED = N_("closed")
MEDIAN = N_("median")
P90 = N_("90th percentile")
PERIOD = N_("Period")
STEP = N_("Step")
NONE = N_("None.")
THE_QUEUE_NOW = N_("The queue now")
WAITING_CASES_N = N_("Waiting cases: {n}")
CASE = N_("Case")
WAITING_MINUTES = N_("Waiting (minutes)")
TAKEN_CASES_PER_OPERATOR = N_("Taken cases per operator")
OPERATOR = N_("Operator")
OPEN_CASES = N_("Open cases")
CONTENT_OK = N_("Content OK")
THE_BOT_WILL_NOT_START = N_("The bot will not start with this content")
CHECK_COUNTS = N_("errors: {errors}, warnings: {warnings}")
CONTENT_CHECK = N_("Content check")
OFFERED = N_("offered")
NOT_OFFERED = N_("not offered")
VERIFIED_BY_AN_EDITOR = N_("verified by an editor")
CHECKED_OVER_A_YEAR_AGO = N_("checked over a year ago")
HOTLINES = N_("Hotlines")
COUNTRIES_WITH_NO_LINE_VERIFIED = N_("Countries with no line verified by an editor:")
YES = N_("yes")
NO = N_("no")
COUNTRY = N_("Country")
LINE = N_("Line")
KIND = N_("Kind")
CONFIDENCE = N_("Confidence")
OFFERED_COLUMN = N_("Offered")
VERIFIED_COLUMN = N_("Verified by an editor")
LAST_CHECKED = N_("Last checked")
CHECKED_BY = N_("Checked by")

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f5f8b;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;
 align-items:center;flex-wrap:wrap}
header a{color:#fff}header form{margin:0}main{padding:1rem 1.2rem;max-width:1100px}
section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.8rem 1rem;
 margin:0 0 1rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;
 text-align:left}td.n{text-align:right}.bad{color:#a00}.ok{color:#070}svg{max-width:100%}
.muted{color:#666}.error{color:#a00;font-weight:bold}
@media print{header nav,header form,.csv,.langs{display:none}body{background:#fff}
 section{border:none;break-inside:avoid}}
"""


def _(tr: Translator, msgid: str, **values: object) -> str:
    """Translate and escape, then fill in already-escaped values."""
    text = escape(tr.gettext(msgid))
    return text.format(**{k: escape(str(v)) for k, v in values.items()}) if values else text


def layout(tr: Translator, title: str, body: str, *, signed_in: bool = True,
           here: str = "") -> str:
    """A whole page: header with navigation, language links and logout, then `body`."""
    nav = ""
    if signed_in:
        nav = (f'<nav><a href="/cases">{_(tr, CASES)}</a> · '
               f'<a href="/content">{_(tr, CONTENT_AND_TRUST)}</a> · '
               f'<a href="/bot">{_(tr, BOT_SIDE)}</a> · '
               f'<a href="/groups">{_(tr, GROUPS)}</a> · '
               f'<a href="/report">{_(tr, MONTHLY_REPORT)}</a></nav>'
               f'<form method="post" action="/logout"><button>{_(tr, LOG_OUT)}</button>'
               "</form>")
    langs = " ".join(
        f'<a href="{escape(here or "/login")}{"&" if "?" in here else "?"}lang={code}"'
        f'{" aria-current=page" if code == tr.language else ""}>{name}</a>'
        for code, name in LANGUAGES)
    return (f'<!DOCTYPE html><html lang="{tr.language}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width">'
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
            f"<header><strong>{_(tr, SAFE_MIGRATION_BOT_DASHBOARD)}</strong>{nav}"
            f'<span class="langs">{langs}</span></header>'
            f"<main><h1>{escape(title)}</h1>{body}</main></body></html>")


def login_page(tr: Translator, *, error: str | None, widget_bot: str, token_login: bool) -> str:
    """The sign-in form (token) and, when configured, Telegram's Login Widget."""
    parts = []
    if error:
        parts.append(f'<p class="error" role="alert">{_(tr, error)}</p>')
    if token_login:
        parts.append(
            f'<section><form method="post" action="/login"><label>{_(tr, ACCESS_TOKEN)} '
            '<input type="password" name="token" autocomplete="off" size="48" required>'
            f'</label> <button type="submit">{_(tr, SIGN_IN)}</button></form></section>')
    if widget_bot:
        # Telegram's own script renders the button; without JavaScript the token form remains.
        parts.append(
            f'<section><p>{_(tr, OPERATORS_CAN_SIGN_IN_WITH)}</p>'
            '<script async src="https://telegram.org/js/telegram-widget.js?22" '
            f'data-telegram-login="{escape(widget_bot)}" data-size="large" '
            'data-auth-url="/login/telegram" data-request-access=""></script></section>')
    if not parts:
        parts.append(f"<p>{_(tr, NO_WAY_TO_SIGN_IN)}</p>")
    return layout(tr, tr.gettext(SIGN_IN), "".join(parts), signed_in=False,
                  here="/login")


def csv_link(tr: Translator, href: str) -> str:
    return f'<p class="csv"><a href="{escape(href)}" download>{_(tr, DOWNLOAD_CSV)}</a></p>'


def _period_label(tr: Translator, start: date, period: str) -> str:
    # A week is named by its Monday.
    return tr.date(start, "d MMM")


def _minutes(tr: Translator, seconds: float) -> str:
    return tr.number(round(seconds / 60, 1))


def cases_page(tr: Translator, report: CaseReport, queue: QueueNow, days: int) -> str:
    """Cases per period and per dimension, response times, and the queue now."""
    period = report.period
    labels = [_period_label(tr, p, period) for p in report.periods]
    switch = " · ".join(
        f'<a href="/cases?period={p}"{" aria-current=page" if p == period else ""}>'
        f"{_(tr, name)}</a>" for p, name in (("week", BY_WEEK), ("day", BY_DAY)))
    total = sum(report.cases.values())
    title = tr.gettext(CASES_PER_WEEK) if period == "week" else \
        tr.gettext(CASES_PER_DAY)
    summary = _(tr, CASES_SHOWN, days=tr.number(days),
                total=tr.number(total))
    body = [
        f'<p class="langs">{switch}</p>',
        f"<p>{summary}</p>",
        f'<section id="chart-cases"><h2>{escape(title)}</h2>',
        bar_chart(title, labels, {tr.gettext(CASES): [report.cases[p]
                                                          for p in report.periods]}),
        csv_link(tr, f"/cases.csv?table=cases&period={period}"), "</section>",
    ]
    for dimension in ("country", "language", "risk", "indicator", "outcome"):
        rows = [(value_label(tr, dimension, v), n) for v, n in report.totals(dimension)]
        heading = tr.gettext(DIMENSION_TITLES[dimension])
        body.append(f'<section id="chart-{dimension}"><h2>{escape(heading)}</h2>')
        body.append(horizontal_bars(heading, rows, tr.gettext(CASES)) if rows
                    else f'<p class="muted">{_(tr, NO_CASES_IN_THIS_PERIOD)}</p>')
        body.append(csv_link(tr, f"/cases.csv?table={dimension}&period={period}"))
        body.append("</section>")
    body.append(_response_section(tr, report, labels))
    body.append(_queue_section(tr, queue))
    return layout(tr, tr.gettext(CASES), "".join(body), here=f"/cases?period={period}")


def _response_section(tr: Translator, report: CaseReport, labels: list[str]) -> str:
    heading = tr.gettext(TIME_FROM_ALERT_TO_TAKEN)
    series: dict[str, list[float]] = {}
    found = {(start, kind): (med, p90) for start, kind, _, med, p90 in report.response_rows()}
    for kind, name in (("taken", TAKEN), ("closed", CLOSED)):
        for index, label in ((0, MEDIAN), (1, P90)):
            series[f"{tr.gettext(name)}: {tr.gettext(label)}"] = [
                round(found.get((start, kind), (0.0, 0.0))[index] / 60, 1)
                for start in report.periods]
    rows = "".join(
        f"<tr><td>{escape(_period_label(tr, start, report.period))}</td>"
        f"<td>{_(tr, TAKEN if kind == 'taken' else CLOSED)}</td>"
        f'<td class="n">{tr.number(n)}</td><td class="n">{_minutes(tr, med)}</td>'
        f'<td class="n">{_minutes(tr, p90)}</td></tr>'
        for start, kind, n, med, p90 in report.response_rows())
    table = (f"<table><tr><th>{_(tr, PERIOD)}</th><th>{_(tr, STEP)}</th>"
             f"<th>{_(tr, CASES)}</th><th>{_(tr, MEDIAN)}</th>"
             f"<th>{_(tr, P90)}</th></tr>{rows}</table>") if rows else \
        f'<p class="muted">{_(tr, NO_CASES_IN_THIS_PERIOD)}</p>'
    return (f'<section id="chart-response"><h2>{escape(heading)}</h2>'
            f"{bar_chart(heading, labels, series) if rows else ''}{table}"
            f"{csv_link(tr, f'/cases.csv?table=response&period={report.period}')}</section>")


def _queue_section(tr: Translator, queue: QueueNow) -> str:
    waiting = "".join(
        f'<tr><td>{escape(name)}</td><td class="n">{_minutes(tr, seconds)}</td></tr>'
        for name, seconds in queue.waiting)
    taken = "".join(f'<tr><td>{escape(op)}</td><td class="n">{tr.number(n)}</td></tr>'
                    for op, n in queue.per_operator.items())
    none = f'<p class="muted">{_(tr, NONE)}</p>'
    return (
        f'<section id="queue"><h2>{_(tr, THE_QUEUE_NOW)}</h2>'
        f"<h3>{_(tr, WAITING_CASES_N, n=tr.number(len(queue.waiting)))}</h3>"
        + (f"<table><tr><th>{_(tr, CASE)}</th><th>{_(tr, WAITING_MINUTES)}</th>"
           f"</tr>{waiting}</table>" if waiting else none)
        + f"<h3>{_(tr, TAKEN_CASES_PER_OPERATOR)}</h3>"
        + (f"<table><tr><th>{_(tr, OPERATOR)}</th><th>{_(tr, OPEN_CASES)}</th>"
           f"</tr>{taken}</table>" if taken else none)
        + csv_link(tr, "/cases.csv?table=queue") + "</section>")


def content_page(tr: Translator, health: ContentHealth) -> str:
    """The content check's verdict and every hotline's trust, oldest check first."""
    verdict = CONTENT_OK if not health.errors else \
        THE_BOT_WILL_NOT_START
    counts = _(tr, CHECK_COUNTS,
               errors=tr.number(health.errors), warnings=tr.number(health.warnings))
    body = [f'<section id="check"><h2>{_(tr, CONTENT_CHECK)}</h2>'
            f'<p class="{"bad" if health.errors else "ok"}">{_(tr, verdict)}: {counts}</p>']
    if health.problems:
        body.append("<ul>" + "".join(
            f"<li><code>{escape(p.location)}</code> {escape(p.severity)}: {escape(p.message)}</li>"
            for p in health.problems) + "</ul>")
    body.append(csv_link(tr, "/content.csv?table=problems") + "</section>")

    offered = sum(r.offered for r in health.hotlines)
    rows = [(tr.gettext(OFFERED), offered),
            (tr.gettext(NOT_OFFERED), len(health.hotlines) - offered),
            (tr.gettext(VERIFIED_BY_AN_EDITOR),
             sum(r.verified_by_editor for r in health.hotlines)),
            (tr.gettext(CHECKED_OVER_A_YEAR_AGO), sum(r.stale for r in health.hotlines))]
    heading = tr.gettext(HOTLINES)
    body.append(f'<section id="chart-hotlines"><h2>{escape(heading)}</h2>'
                + horizontal_bars(heading, rows, heading))
    missing = ", ".join(value_label(tr, "country", c) for c in health.countries_without_verified)
    body.append(f"<p><strong>{_(tr, COUNTRIES_WITH_NO_LINE_VERIFIED)}"
                f"</strong> {escape(missing) or _(tr, NONE)}</p>")
    yes, no = _(tr, YES), _(tr, NO)
    body.append(
        f"<table><tr><th>{_(tr, COUNTRY)}</th><th>{_(tr, LINE)}</th>"
        f"<th>{_(tr, KIND)}</th><th>{_(tr, CONFIDENCE)}</th>"
        f"<th>{_(tr, OFFERED_COLUMN)}</th><th>{_(tr, VERIFIED_COLUMN)}</th>"
        f"<th>{_(tr, LAST_CHECKED)}</th><th>{_(tr, CHECKED_BY)}</th></tr>"
        + "".join(
            f"<tr><td>{escape(value_label(tr, 'country', r.country))}</td>"
            f"<td><code>{escape(r.id)}</code></td><td>{escape(r.kind)}</td>"
            f"<td>{escape(r.confidence)}</td>"
            f'<td class="{"ok" if r.offered else "bad"}">{yes if r.offered else no}</td>'
            f"<td>{yes if r.verified_by_editor else no}</td>"
            f'<td class="{"bad" if r.stale else ""}">{escape(tr.date(r.last_checked, "medium"))}'
            f'</td><td class="checked-by">{escape(r.checked_by) or "—"}</td></tr>'
            for r in health.hotlines)
        + "</table>" + csv_link(tr, "/content.csv?table=hotlines") + "</section>")
    return layout(tr, tr.gettext(CONTENT_AND_TRUST), "".join(body), here="/content")
