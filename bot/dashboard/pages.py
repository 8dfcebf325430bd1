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
        nav = (f'<nav><a href="/cases">{_(tr, N_("Cases"))}</a> · '
               f'<a href="/content">{_(tr, N_("Content and trust"))}</a></nav>'
               f'<form method="post" action="/logout"><button>{_(tr, N_("Log out"))}</button>'
               "</form>")
    langs = " ".join(
        f'<a href="{escape(here or "/login")}{"&" if "?" in here else "?"}lang={code}"'
        f'{" aria-current=page" if code == tr.language else ""}>{name}</a>'
        for code, name in LANGUAGES)
    return (f'<!DOCTYPE html><html lang="{tr.language}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width">'
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
            f"<header><strong>{_(tr, N_('Safe migration bot: dashboard'))}</strong>{nav}"
            f'<span class="langs">{langs}</span></header>'
            f"<main><h1>{escape(title)}</h1>{body}</main></body></html>")


def login_page(tr: Translator, *, error: str | None, widget_bot: str, token_login: bool) -> str:
    """The sign-in form (token) and, when configured, Telegram's Login Widget."""
    parts = []
    if error:
        parts.append(f'<p class="error" role="alert">{_(tr, error)}</p>')
    if token_login:
        parts.append(
            f'<section><form method="post" action="/login"><label>{_(tr, N_("Access token"))} '
            '<input type="password" name="token" autocomplete="off" size="48" required>'
            f'</label> <button type="submit">{_(tr, N_("Sign in"))}</button></form></section>')
    if widget_bot:
        # Telegram's own script renders the button; without JavaScript the token form remains.
        parts.append(
            f'<section><p>{_(tr, N_("Operators can sign in with Telegram:"))}</p>'
            '<script async src="https://telegram.org/js/telegram-widget.js?22" '
            f'data-telegram-login="{escape(widget_bot)}" data-size="large" '
            'data-auth-url="/login/telegram" data-request-access=""></script></section>')
    if not parts:
        parts.append(f"<p>{_(tr, N_('No way to sign in is configured: set DASHBOARD_TOKEN.'))}</p>")
    return layout(tr, tr.gettext(N_("Sign in")), "".join(parts), signed_in=False,
                  here="/login")


def _csv_link(tr: Translator, href: str) -> str:
    return f'<p class="csv"><a href="{escape(href)}" download>{_(tr, N_("Download CSV"))}</a></p>'


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
        f"{_(tr, name)}</a>" for p, name in (("week", N_("by week")), ("day", N_("by day"))))
    total = sum(report.cases.values())
    title = tr.gettext(N_("Cases per week")) if period == "week" else \
        tr.gettext(N_("Cases per day"))
    summary = _(tr, N_("Last {days} days: {total} cases."), days=tr.number(days),
                total=tr.number(total))
    body = [
        f'<p class="langs">{switch}</p>',
        f"<p>{summary}</p>",
        f'<section id="chart-cases"><h2>{escape(title)}</h2>',
        bar_chart(title, labels, {tr.gettext(N_("Cases")): [report.cases[p]
                                                          for p in report.periods]}),
        _csv_link(tr, f"/cases.csv?table=cases&period={period}"), "</section>",
    ]
    for dimension in ("country", "language", "risk", "indicator", "outcome"):
        rows = [(value_label(tr, dimension, v), n) for v, n in report.totals(dimension)]
        heading = tr.gettext(DIMENSION_TITLES[dimension])
        body.append(f'<section id="chart-{dimension}"><h2>{escape(heading)}</h2>')
        body.append(horizontal_bars(heading, rows, tr.gettext(N_("Cases"))) if rows
                    else f'<p class="muted">{_(tr, N_("No cases in this period."))}</p>')
        body.append(_csv_link(tr, f"/cases.csv?table={dimension}&period={period}"))
        body.append("</section>")
    body.append(_response_section(tr, report, labels))
    body.append(_queue_section(tr, queue))
    return layout(tr, tr.gettext(N_("Cases")), "".join(body), here=f"/cases?period={period}")


def _response_section(tr: Translator, report: CaseReport, labels: list[str]) -> str:
    heading = tr.gettext(N_("Time from alert to taken and to closed (minutes)"))
    series: dict[str, list[float]] = {}
    found = {(start, kind): (med, p90) for start, kind, _, med, p90 in report.response_rows()}
    for kind, name in (("taken", N_("taken")), ("closed", N_("closed"))):
        for index, label in ((0, N_("median")), (1, N_("90th percentile"))):
            series[f"{tr.gettext(name)}: {tr.gettext(label)}"] = [
                round(found.get((start, kind), (0.0, 0.0))[index] / 60, 1)
                for start in report.periods]
    rows = "".join(
        f"<tr><td>{escape(_period_label(tr, start, report.period))}</td>"
        f"<td>{_(tr, N_('taken') if kind == 'taken' else N_('closed'))}</td>"
        f'<td class="n">{tr.number(n)}</td><td class="n">{_minutes(tr, med)}</td>'
        f'<td class="n">{_minutes(tr, p90)}</td></tr>'
        for start, kind, n, med, p90 in report.response_rows())
    table = (f"<table><tr><th>{_(tr, N_('Period'))}</th><th>{_(tr, N_('Step'))}</th>"
             f"<th>{_(tr, N_('Cases'))}</th><th>{_(tr, N_('median'))}</th>"
             f"<th>{_(tr, N_('90th percentile'))}</th></tr>{rows}</table>") if rows else \
        f'<p class="muted">{_(tr, N_("No cases in this period."))}</p>'
    return (f'<section id="chart-response"><h2>{escape(heading)}</h2>'
            f"{bar_chart(heading, labels, series) if rows else ''}{table}"
            f"{_csv_link(tr, f'/cases.csv?table=response&period={report.period}')}</section>")


def _queue_section(tr: Translator, queue: QueueNow) -> str:
    waiting = "".join(
        f'<tr><td>{escape(name)}</td><td class="n">{_minutes(tr, seconds)}</td></tr>'
        for name, seconds in queue.waiting)
    taken = "".join(f'<tr><td>{escape(op)}</td><td class="n">{tr.number(n)}</td></tr>'
                    for op, n in queue.per_operator.items())
    none = f'<p class="muted">{_(tr, N_("None."))}</p>'
    return (
        f'<section id="queue"><h2>{_(tr, N_("The queue now"))}</h2>'
        f"<h3>{_(tr, N_('Waiting cases: {n}'), n=tr.number(len(queue.waiting)))}</h3>"
        + (f"<table><tr><th>{_(tr, N_('Case'))}</th><th>{_(tr, N_('Waiting (minutes)'))}</th>"
           f"</tr>{waiting}</table>" if waiting else none)
        + f"<h3>{_(tr, N_('Taken cases per operator'))}</h3>"
        + (f"<table><tr><th>{_(tr, N_('Operator'))}</th><th>{_(tr, N_('Open cases'))}</th>"
           f"</tr>{taken}</table>" if taken else none)
        + _csv_link(tr, "/cases.csv?table=queue") + "</section>")


def content_page(tr: Translator, health: ContentHealth) -> str:
    """The content check's verdict and every hotline's trust, oldest check first."""
    verdict = N_("Content OK") if not health.errors else \
        N_("The bot will not start with this content")
    counts = _(tr, N_("{errors} errors, {warnings} warnings"),
               errors=tr.number(health.errors), warnings=tr.number(health.warnings))
    body = [f'<section id="check"><h2>{_(tr, N_("Content check"))}</h2>'
            f'<p class="{"bad" if health.errors else "ok"}">{_(tr, verdict)}: {counts}</p>']
    if health.problems:
        body.append("<ul>" + "".join(
            f"<li><code>{escape(p.location)}</code> {escape(p.severity)}: {escape(p.message)}</li>"
            for p in health.problems) + "</ul>")
    body.append(_csv_link(tr, "/content.csv?table=problems") + "</section>")

    offered = sum(r.offered for r in health.hotlines)
    rows = [(tr.gettext(N_("offered")), offered),
            (tr.gettext(N_("not offered")), len(health.hotlines) - offered),
            (tr.gettext(N_("verified by an editor")),
             sum(r.verified_by_editor for r in health.hotlines)),
            (tr.gettext(N_("checked over a year ago")), sum(r.stale for r in health.hotlines))]
    heading = tr.gettext(N_("Hotlines"))
    body.append(f'<section id="chart-hotlines"><h2>{escape(heading)}</h2>'
                + horizontal_bars(heading, rows, heading))
    missing = ", ".join(value_label(tr, "country", c) for c in health.countries_without_verified)
    body.append(f"<p><strong>{_(tr, N_('Countries with no line verified by an editor:'))}"
                f"</strong> {escape(missing) or _(tr, N_('None.'))}</p>")
    yes, no = _(tr, N_("yes")), _(tr, N_("no"))
    body.append(
        f"<table><tr><th>{_(tr, N_('Country'))}</th><th>{_(tr, N_('Line'))}</th>"
        f"<th>{_(tr, N_('Kind'))}</th><th>{_(tr, N_('Confidence'))}</th>"
        f"<th>{_(tr, N_('Offered'))}</th><th>{_(tr, N_('Verified by an editor'))}</th>"
        f"<th>{_(tr, N_('Last checked'))}</th></tr>"
        + "".join(
            f"<tr><td>{escape(value_label(tr, 'country', r.country))}</td>"
            f"<td><code>{escape(r.id)}</code></td><td>{escape(r.kind)}</td>"
            f"<td>{escape(r.confidence)}</td>"
            f'<td class="{"ok" if r.offered else "bad"}">{yes if r.offered else no}</td>'
            f"<td>{yes if r.verified_by_editor else no}</td>"
            f'<td class="{"bad" if r.stale else ""}">{escape(tr.date(r.last_checked, "medium"))}'
            "</td></tr>" for r in health.hotlines)
        + "</table>" + _csv_link(tr, "/content.csv?table=hotlines") + "</section>")
    return layout(tr, tr.gettext(N_("Content and trust")), "".join(body), here="/content")
