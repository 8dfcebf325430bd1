"""The bot's side: its own counters per day or week, kept a year by `bot.metrics_history`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from redis.asyncio import Redis

from bot.dashboard.charts import bar_chart
from bot.dashboard.data import Period, period_start
from bot.dashboard.pages import csv_link, layout
from bot.i18n import N_, Translator
from bot.metrics_history import collect_history

# Rows of the page: (id, msgid, the counter fields summed into it; a trailing ":" is a prefix).
ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("handled", N_("Messages and presses handled"), ("smb_handled_events:",)),
    ("started", N_("Started the bot (/start)"), ("smb_started",)),
    ("at_risk_phrase", N_("At-risk path opened by a danger phrase"), ("smb_at_risk:phrase",)),
    ("at_risk_model", N_("At-risk path opened by the model"), ("smb_at_risk:model",)),
    ("asked_human", N_("Asked for a person"), ("smb_alerts_requested:request",)),
    ("other_country", N_("Shown the page for another country"), ("smb_other_country_pages",)),
    ("rasa_failover", N_("Rasa failed over to the embedded model"), ("smb_rasa_failovers:",)),
    ("rate_limited", N_("Messages held back by the rate limit"), ("smb_rate_limited:",)),
)
THE_BOTS_SIDE = N_("The bot's side")
NOTE = N_("Counted by the bot itself since this dashboard was added; kept for a year.")


@dataclass
class BotReport:
    period: Period
    periods: list[date]
    rows: dict[str, dict[date, int]]  # row id -> period start -> count


def matches(field: str, wanted: tuple[str, ...]) -> bool:
    return any(field.startswith(w) if w.endswith(":") else field == w for w in wanted)


async def bot_report(redis: Redis, today: date, days: int, period: Period) -> BotReport:
    """The saved counters grouped by day or ISO week into the page's rows."""
    per_day = await collect_history(redis, days, today)
    step = timedelta(days=1 if period == "day" else 7)
    periods, cursor = [], period_start(today - timedelta(days=days - 1), period)
    while cursor <= today:
        periods.append(cursor)
        cursor += step
    rows: dict[str, dict[date, int]] = {row: dict.fromkeys(periods, 0) for row, _, _ in ROWS}
    for day, counts in per_day.items():
        start = period_start(day, period)
        for row, _, wanted in ROWS:
            rows[row][start] += sum(n for f, n in Counter(counts).items() if matches(f, wanted))
    return BotReport(period, periods, rows)


def bot_page(tr: Translator, report: BotReport) -> str:
    """One chart and one table per row, newest period last."""
    labels = [tr.date(p, "d MMM") for p in report.periods]
    body = [f'<p class="muted">{escape(tr.gettext(NOTE))}</p>']
    for row, msgid, _ in ROWS:
        title = tr.gettext(msgid)
        values = [report.rows[row][p] for p in report.periods]
        body.append(f'<section id="chart-{row}"><h2>{escape(title)}</h2>'
                    f"<p>{escape(tr.number(sum(values)))}</p>"
                    + bar_chart(title, labels, {title: [float(v) for v in values]})
                    + csv_link(tr, f"/bot.csv?period={report.period}") + "</section>")
    return layout(tr, tr.gettext(THE_BOTS_SIDE), "".join(body),
                  here=f"/bot?period={report.period}")
