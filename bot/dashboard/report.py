"""The monthly report for donors: one printable page of totals, charts and response times."""

from __future__ import annotations

import calendar
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from redis.asyncio import Redis

from bot.dashboard.botside import ROWS, matches
from bot.dashboard.charts import horizontal_bars
from bot.dashboard.data import percentile
from bot.dashboard.labels import DIMENSION_TITLES, value_label
from bot.dashboard.pages import layout
from bot.handoff.stats import collect, collect_durations
from bot.i18n import N_, Translator
from bot.metrics_history import collect_history

MONTHLY_REPORT = N_("Monthly report")
PREVIOUS_MONTH = N_("previous month")
NEXT_MONTH = N_("next month")
CASES_IN_MONTH = N_("Cases this month: {total}")
RESPONSE = N_("Time from alert to taken and to closed (minutes)")
BOT_TOTALS = N_("The bot's side")
PRINT_HINT = N_("Print this page (Ctrl+P) or save it as PDF from the browser.")
STEP, CASES, MEDIAN, P90 = N_("Step"), N_("Cases"), N_("median"), N_("90th percentile")
TAKEN, CLOSED = N_("taken"), N_("closed")


def month_of(value: str | None, today: date) -> date:
    """The first day of "YYYY-MM", else of the current month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


@dataclass
class MonthReport:
    month: date
    totals: Counter[str]  # counter field -> count over the month
    taken: list[int]
    closed: list[int]
    bot: dict[str, int]  # ROWS id -> count

    @property
    def end(self) -> date:
        return self.month.replace(day=calendar.monthrange(self.month.year, self.month.month)[1])


async def month_report(redis: Redis, month: date) -> MonthReport:
    """Every counter of the month summed (days of the NGO's calendar)."""
    days = calendar.monthrange(month.year, month.month)[1]
    end = month + timedelta(days=days - 1)
    totals: Counter[str] = Counter()
    for counts in (await collect(redis, days, end)).values():
        totals.update(counts)
    taken: list[int] = []
    closed: list[int] = []
    for kinds in (await collect_durations(redis, days, end)).values():
        taken += kinds.get("taken", [])
        closed += kinds.get("closed", [])
    history: Counter[str] = Counter()
    for counts in (await collect_history(redis, days, end)).values():
        history.update(counts)
    bot = {row: sum(n for f, n in history.items() if matches(f, wanted))
           for row, _, wanted in ROWS}
    return MonthReport(month, totals, taken, closed, bot)


def _t(tr: Translator, msgid: str) -> str:
    return escape(tr.gettext(msgid))


def report_page(tr: Translator, report: MonthReport) -> str:
    """Totals per dimension (chart and table), response times and the bot's side."""
    month = report.month
    previous = (month - timedelta(days=1)).replace(day=1)
    following = report.end + timedelta(days=1)
    title = f"{tr.gettext(MONTHLY_REPORT)}: {tr.date(month, 'LLLL y')}"
    total = escape(tr.gettext(CASES_IN_MONTH).format(total=tr.number(report.totals["cases"])))
    body = [f'<p class="langs"><a href="/report?month={previous:%Y-%m}">{_t(tr, PREVIOUS_MONTH)}'
            f'</a> · <a href="/report?month={following:%Y-%m}">{_t(tr, NEXT_MONTH)}</a></p>'
            f'<p class="muted langs">{_t(tr, PRINT_HINT)}</p><p><strong>{total}</strong></p>']
    for dimension in ("country", "language", "risk", "indicator", "outcome"):
        rows = sorted(((value_label(tr, dimension, f.partition(":")[2]), n)
                       for f, n in report.totals.items() if f.startswith(f"{dimension}:")),
                      key=lambda item: (-item[1], item[0]))
        if not rows:
            continue
        heading = tr.gettext(DIMENSION_TITLES[dimension])
        body.append(f'<section id="report-{dimension}"><h2>{escape(heading)}</h2>'
                    + horizontal_bars(heading, rows, tr.gettext(CASES)) + "</section>")
    lines = "".join(
        f"<tr><td>{_t(tr, name)}</td><td>{tr.number(len(values))}</td>"
        f"<td>{tr.number(round(statistics.median(values) / 60, 1))}</td>"
        f"<td>{tr.number(round(percentile(values, 90) / 60, 1))}</td></tr>"
        for name, values in ((TAKEN, report.taken), (CLOSED, report.closed)) if values)
    body.append(f'<section id="report-response"><h2>{_t(tr, RESPONSE)}</h2>'
                f"<table><tr><th>{_t(tr, STEP)}</th><th>{_t(tr, CASES)}</th>"
                f"<th>{_t(tr, MEDIAN)}</th><th>{_t(tr, P90)}</th></tr>{lines}</table></section>")
    bot_rows = "".join(f"<tr><td>{_t(tr, msgid)}</td><td>{tr.number(report.bot[row])}</td></tr>"
                       for row, msgid, _ in ROWS)
    body.append(f'<section id="report-bot"><h2>{_t(tr, BOT_TOTALS)}</h2>'
                f"<table>{bot_rows}</table></section>")
    return layout(tr, title, "".join(body), here=f"/report?month={month:%Y-%m}")
