"""Server-rendered SVG charts (pygal): no JavaScript needed to see them, and they print.

Each bar carries its count as text (`print_values`) and in `<desc class="value">`, so what a
reader sees is the number in the CSV next to it.
"""

from __future__ import annotations

import pygal
from pygal.style import Style

# Colours that stay distinct in greyscale print; fonts the browser already has.
_STYLE = Style(
    background="white", plot_background="white", foreground="#222", foreground_strong="#000",
    foreground_subtle="#666", colors=("#1f5f8b", "#c0392b", "#7f8c8d", "#27ae60", "#8e44ad"),
    font_family="DejaVu Sans, Arial, sans-serif", value_font_size=12, label_font_size=12,
    major_label_font_size=12, title_font_size=14, legend_font_size=12,
)


def _config(title: str) -> dict[str, object]:
    # js=[]: pygal would otherwise load its tooltip script from a CDN.
    return {"title": title, "style": _STYLE, "js": [], "disable_xml_declaration": True,
            "print_values": True, "show_legend": True, "legend_at_bottom": True,
            "width": 800, "height": 360, "explicit_size": False, "no_data_text": "—"}


def bar_chart(title: str, labels: list[str], series: dict[str, list[float]]) -> str:
    """A vertical bar chart as an inline `<svg>` string; one bar group per label."""
    chart = pygal.Bar(**_config(title))
    chart.x_labels = labels
    for name, values in series.items():
        chart.add(name, values)
    return str(chart.render(is_unicode=True))


def horizontal_bars(title: str, rows: list[tuple[str, int]], series_name: str) -> str:
    """One horizontal bar per (label, count), in the order given."""
    config = _config(title)
    config["show_legend"] = False
    config["height"] = max(200, 60 + 32 * len(rows))
    chart = pygal.HorizontalBar(**config)
    chart.x_labels = [label for label, _ in reversed(rows)]
    chart.add(series_name, [count for _, count in reversed(rows)])
    return str(chart.render(is_unicode=True))
