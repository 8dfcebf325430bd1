"""Server-rendered SVG charts (pygal): no JavaScript needed to see them, and they print.

Each bar carries its count as text (`print_values`) and in `<desc class="value">`, so what a
reader sees is the number in the CSV next to it.
"""

from __future__ import annotations

import re
from html import escape

import pygal
from pygal.style import Style

# Colours that stay distinct in greyscale print; fonts the browser already has.
_STYLE = Style(
    background="white", plot_background="white", foreground="#222", foreground_strong="#000",
    foreground_subtle="#666", colors=("#1f5f8b", "#c0392b", "#7f8c8d", "#27ae60", "#8e44ad"),
    font_family="DejaVu Sans, Arial, sans-serif", value_font_size=12, label_font_size=12,
    major_label_font_size=12, title_font_size=14, legend_font_size=12,
)


def _ticks(values: list[float]) -> list[float]:
    # Counts are whole: whole-number ticks, about five of them, instead of 0.2 steps.
    top = max([*values, 1.0])
    step = max(1, int(top // 5) or 1)
    return [float(n) for n in range(0, int(top) + step + 1, step)]


def _config(title: str, values: list[float]) -> dict[str, object]:
    # js=[]: pygal would otherwise load its tooltip script from a CDN. The page's <h2> names
    # the chart; the SVG keeps it as its accessible <title> only.
    return {"title": None, "style": _STYLE, "js": [], "disable_xml_declaration": True,
            "print_values": True, "print_zeroes": False, "show_legend": True,
            "legend_at_bottom": True, "width": 800, "height": 340, "explicit_size": False,
            "no_data_text": "—", "y_labels": _ticks(values)}


def bar_chart(title: str, labels: list[str], series: dict[str, list[float]]) -> str:
    """A vertical bar chart as an inline `<svg>` string; one bar group per label."""
    config = _config(title, [v for vs in series.values() for v in vs])
    if len(labels) > 16:  # 90 days: name about a dozen of them, every bar still drawn
        config["x_labels_major_every"] = -(-len(labels) // 12)
        config["show_minor_x_labels"] = False
    chart = pygal.Bar(**config)
    chart.x_labels = labels
    for name, values in series.items():
        chart.add(name, values)
    return _titled(str(chart.render(is_unicode=True)), title)


def horizontal_bars(title: str, rows: list[tuple[str, int]], series_name: str) -> str:
    """One horizontal bar per (label, count), in the order given."""
    config = _config(title, [float(count) for _, count in rows])
    config["show_legend"] = False
    config["height"] = max(200, 60 + 32 * len(rows))
    chart = pygal.HorizontalBar(**config)
    chart.x_labels = [label for label, _ in reversed(rows)]
    chart.add(series_name, [count for _, count in reversed(rows)])
    return _titled(str(chart.render(is_unicode=True)), title)


def _titled(svg: str, title: str) -> str:
    # Screen readers announce an SVG by its first <title>. pygal's inline configuration script
    # only serves its tooltips (js=[]), and the pages forbid scripts: it goes.
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)
    return svg.replace("<defs>", f"<title>{escape(title)}</title><defs>", 1)
