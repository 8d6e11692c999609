"""`orgspec diff --format html`: a restructure on one offline page, before and after side by side (pure).

One self-contained HTML file: inline CSS and SVG, no script, no link out,
so that it can be opened from a pull request's artifact, mailed or printed.
It shows the summary, a legend of the marks, the department tree before and
after, the department changes with their impact and cost, the chart of
posts of each department touched before and after, and the posts added,
removed and changed. Text from YAML is escaped (`orgspec.render.escape`),
in the tables through the `Style` the other reports use, in the charts by
the chart code.
"""

from __future__ import annotations

from orgspec.analysis.diff import OrgDiff
from orgspec.i18n import Locale
from orgspec.link.organisation import Organisation
from orgspec.render.chart.svg import FONT, MARK_STYLE, STYLE, drawn_width, mark_sample
from orgspec.render.diff_charts import ChartPair, chart_pairs, legend_markers
from orgspec.render.diff_report import sections, summary_lines
from orgspec.render.diff_style import Side, Style, side

__all__ = ["as_html"]

ABSENT_WIDTH = 240
"""The share of the page of a version without the department, in the pixels of a chart."""

PAGE_STYLE = "".join(
    (
        "<style>",
        f"body{{font-family:{FONT};margin:24px;color:#1f1f1f;line-height:1.5}}",
        "h1{font-size:1.6em;margin:0 0 .5em}h2{font-size:1.25em;margin:1.6em 0 .5em}h3{font-size:1.05em}",
        "code{font-size:.9em;background:#f2f2f2;padding:0 .2em;border-radius:3px}",
        ".pair{display:grid;grid-template-columns:1fr 1fr;gap:16px;align-items:start}",
        "figure{margin:0;border:1px solid #d9d9d9;border-radius:4px;padding:8px;min-width:0}",
        "figcaption{font-weight:600;margin-bottom:6px}",
        "figure svg{display:block;max-width:100%;height:auto}",
        ".absent{color:#666;font-style:italic}",
        ".legend{display:flex;flex-wrap:wrap;gap:8px 20px;list-style:none;padding:0}",
        ".legend li{display:flex;align-items:center}",
        "table{border-collapse:collapse;margin:8px 0}",
        "th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:left;vertical-align:top}",
        "th{background:#f5f5f5}.num{text-align:right;white-space:nowrap}",
        "@media print{body{margin:0}figure,tr{break-inside:avoid}}",
        "</style>",
    )
)


def as_html(result: OrgDiff, versions: tuple[Organisation, Organisation], sides: tuple[Side, Side]) -> str:
    """The page of the restructure from ``versions[0]`` to ``versions[1]`` (the published organisations)."""
    locale = versions[1].settings.locale
    style = Style("html", locale)
    old, new = sides
    title = style.translate("diff.page.title", {"old": side(old, style), "new": side(new, style)})
    pairs = chart_pairs(result, *versions, locale)
    found = dict(sections(result, style))
    anything = bool(found)
    departments = [key for key in ("diff.restructure", "diff.departments", "diff.cost") if key in found]
    body = [
        f"<h1>{title}</h1>",
        *(f"<p>{line}</p>" for line in summary_lines(result, old, new, style)),
        *_legend(style),
        *_pair(pairs[0], sides, style, "h2"),
        *(line for key in departments for line in _section(key, found.pop(key), style)),
    ]
    if len(pairs) > 1:
        body.append(f"<h2>{style.label('diff.page.charts')}</h2>")
        body += [line for pair in pairs[1:] for line in _pair(pair, sides, style, "h3")]
    body += [line for key, lines in found.items() for line in _section(key, lines, style)]
    if not anything:
        body.append(f"<p>{style.label('diff.none')}</p>")
    return _document(title, locale, body)


def _document(title: str, locale: Locale, body: list[str]) -> str:
    plain = title.replace("<code>", "").replace("</code>", "")
    head = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width,initial-scale=1">']
    head += [f"<title>{plain}</title>", PAGE_STYLE, STYLE, MARK_STYLE]
    lines = ["<!DOCTYPE html>", f'<html lang="{locale}">', "<head>", *head, "</head>", "<body>", *body]
    return "\n".join([*lines, "</body>", "</html>"]) + "\n"


def _legend(style: Style) -> list[str]:
    items = [f"<li>{mark_sample(marker)}</li>" for marker in legend_markers(style.locale)]
    heading = f"<h2>{style.label('diff.page.legend')}</h2>"
    return [heading, f"<p>{style.label('diff.page.legend-text')}</p>", '<ul class="legend">', *items, "</ul>"]


def _pair(pair: ChartPair, sides: tuple[Side, Side], style: Style, heading: str) -> list[str]:
    """A heading and the two charts side by side, each captioned with its version."""
    figures = []
    for key, version, svg in (("diff.page.before", sides[0], pair.old), ("diff.page.after", sides[1], pair.new)):
        caption = f"<figcaption>{style.label(key)} {side(version, style)}</figcaption>"
        drawn = svg if svg is not None else f'<p class="absent">{style.label("diff.page.absent")}</p>'
        figures.append(f"<figure>{caption}{drawn}</figure>")
    columns = " ".join(f"minmax(0,{_fraction(svg)}fr)" for svg in (pair.old, pair.new))
    grid = f'<div class="pair" style="grid-template-columns:{columns}">'
    return [f"<{heading}>{style.text(pair.title)}</{heading}>", grid, *figures, "</div>"]


def _fraction(svg: str | None) -> int:
    """A column's share of the page: a chart's natural width, so that both charts are drawn at one scale."""
    return round(drawn_width(svg)) if svg is not None else ABSENT_WIDTH


def _section(key: str, lines: list[str], style: Style) -> list[str]:
    return [f"<h2>{style.label(key)}</h2>", *lines]
