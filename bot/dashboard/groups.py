"""The groups page: what the bot did in Telegram groups, per day or week and per group.

Counts come from the day store's ("groups", "stats") scope (`bot.groups.counters`). A group
is shown only by a shortened keyed hash of its chat id (`short_key`): never its id or title.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from redis.asyncio import Redis

from bot.dashboard.charts import bar_chart
from bot.dashboard.data import Period, period_start
from bot.dashboard.pages import GROUPS, csv_link, layout
from bot.groups.counters import NAMES, by_group, collect_days
from bot.i18n import N_, Translator

# Rows of the page, in `NAMES` order: (counter name, msgid).
ROWS: tuple[tuple[str, str], ...] = (
    ("checked", N_("Ads checked in groups")),
    ("warned", N_("Ads warned about in groups")),
    ("admins_told", N_("Group admins told about an ad")),
    ("danger", N_("Danger replies in groups")),
    ("capped", N_("Replies held back by a group's hourly cap")),
)
GROUP = N_("Group (pseudonymous key)")
PER_GROUP = N_("Per group")
NO_GROUPS = N_("No group activity in this period.")
GROUPS_NOTE = N_("Counted per group by a shortened keyed hash; a group's id and title are "
                 "never stored here. Kept for a year.")
SHORT_KEY_CHARS = 10


def short_key(group_key: str) -> str:
    """The key the dashboard shows for a group: `g-` and the first 10 hex digits of its keyed
    hash (enough to tell a few thousand groups apart; no way back to the chat id)."""
    return "g-" + group_key[:SHORT_KEY_CHARS]


@dataclass
class GroupReport:
    period: Period
    periods: list[date]
    rows: dict[str, dict[date, int]]  # counter name -> period start -> count (all groups)
    groups: dict[str, Counter[str]]  # short key -> counter name -> count over all the days


async def group_report(redis: Redis, today: date, days: int, period: Period) -> GroupReport:
    """`days` days of group counters up to `today`, grouped by day or ISO week, and summed
    per group (largest first by ads checked)."""
    per_day = await collect_days(redis, days, today)
    step = timedelta(days=1 if period == "day" else 7)
    periods, cursor = [], period_start(today - timedelta(days=days - 1), period)
    while cursor <= today:
        periods.append(cursor)
        cursor += step
    rows: dict[str, dict[date, int]] = {name: dict.fromkeys(periods, 0) for name in NAMES}
    summed: Counter[str] = Counter()
    for day, counts in per_day.items():
        start = period_start(day, period)
        for name in NAMES:
            rows[name][start] += counts.get(name, 0)
        summed.update(counts)
    split = by_group(summed)
    split.pop("all")
    groups: dict[str, Counter[str]] = {}
    for key, counts in sorted(split.items(), key=lambda kv: (-kv[1]["checked"], kv[0])):
        groups.setdefault(short_key(key), Counter()).update(counts)
    return GroupReport(period, periods, rows, groups)


def groups_page(tr: Translator, report: GroupReport) -> str:
    """One chart per counter, newest period last, then the per-group table."""
    labels = [tr.date(p, "d MMM") for p in report.periods]
    body = [f'<p class="muted">{escape(tr.gettext(GROUPS_NOTE))}</p>']
    for name, msgid in ROWS:
        title = tr.gettext(msgid)
        values = [report.rows[name][p] for p in report.periods]
        body.append(f'<section id="chart-{name}"><h2>{escape(title)}</h2>'
                    f"<p>{escape(tr.number(sum(values)))}</p>"
                    + bar_chart(title, labels, {title: [float(v) for v in values]})
                    + csv_link(tr, f"/groups.csv?period={report.period}") + "</section>")
    head = "".join(f"<th>{escape(tr.gettext(msgid))}</th>" for _, msgid in ROWS)
    cells = "".join(
        f"<tr><td><code>{escape(key)}</code></td>"
        + "".join(f"<td>{escape(tr.number(counts[name]))}</td>" for name, _ in ROWS)
        + "</tr>" for key, counts in report.groups.items())
    table = (f"<table><tr><th>{escape(tr.gettext(GROUP))}</th>{head}</tr>{cells}</table>"
             if cells else f"<p>{escape(tr.gettext(NO_GROUPS))}</p>")
    body.append(f'<section id="per-group"><h2>{escape(tr.gettext(PER_GROUP))}</h2>{table}'
                + csv_link(tr, "/groups.csv?table=groups") + "</section>")
    return layout(tr, tr.gettext(GROUPS), "".join(body),
                  here=f"/groups?period={report.period}")


def groups_csv_rows(report: GroupReport, table: str) -> list[list[object]]:
    """`table` "periods": period_start and one column per counter; "groups": group (short
    key) and one column per counter. Raises KeyError for another table."""
    head: list[object]
    if table == "periods":
        head = ["period_start", *NAMES]
        return [head] + [
            [p.isoformat(), *(report.rows[name][p] for name in NAMES)] for p in report.periods]
    if table == "groups":
        head = ["group", *NAMES]
        return [head] + [
            [key, *(counts[name] for name in NAMES)] for key, counts in report.groups.items()]
    raise KeyError(table)
