"""Time to lay out and draw the org chart of one 500-post department.

Run with ``.venv/bin/python benchmarks/chart_bench.py [POSTS]``.  A
synthetic department is written as YAML into a temporary folder and loaded
the normal way (loading is not timed); then the chart is built from the
organisation, laid out and rendered, each step timed separately.  Prints
the median of several runs; nothing is asserted.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from orgspec.check.pipeline import check_project
from orgspec.render.chart.build import HANDBOOK_LAYOUT, Links, department_chart
from orgspec.render.chart.cards import to_nodes, walk
from orgspec.render.chart.layout import layout
from orgspec.render.chart.svg import SPACING, draw, render

RUNS = 7
WORDS = ("客户", "服务", "质量", "管理", "销售", "区域", "信息", "档案", "培训", "结算", "Key Account", "Data")
ROLES = ("专员", "主管", "经理", "助理", "管理人员", "Officer")


def write_project(root: Path, posts: int, seed: int = 1) -> None:
    """One department whose posts form a random tree (spans of 1 to 12), some vacancies and dotted lines."""
    rng = random.Random(seed)
    (root / "departments").mkdir()
    (root / "roles").mkdir()
    (root / "orgspec.yaml").write_text(
        "name: 基准集团\nlocale: zh-CN\ngrades: [{id: P1}, {id: M1}]\n", encoding="utf-8"
    )
    (root / "departments" / "big.yaml").write_text("name: 大部门\ncode: BIG\nhead: p0\n", encoding="utf-8")
    open_slots = ["p0"]
    for index in range(posts):
        title = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) + rng.choice(ROLES)
        lines = [f"title: {title}", f"code: BIG-{index:04d}", "department: big", f"grade: {rng.choice(['P1', 'M1'])}"]
        if index:
            superior = rng.choice(open_slots)
            lines.append(f"reports_to: {superior}")
            if rng.random() < 0.03:
                lines.append(f"dotted_line: [{rng.choice(open_slots)}]")
        authorised = rng.randint(1, 5)
        lines += [f"authorised: {authorised}", f"filled: {authorised - (rng.random() < 0.2)}"]
        (root / "roles" / f"p{index}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        open_slots += [f"p{index}"] * rng.randint(0, 3)


CHART_WIDTH = 4000.0
"""The widest a department's chart may draw, at any size (the chart folds its widest teams into rows)."""


def chart_size(posts: int = 500) -> dict[str, float]:
    """Width and height in pixels of the chart of one synthetic department of ``posts`` posts."""
    with tempfile.TemporaryDirectory() as folder:
        write_project(Path(folder), posts)
        organisation = check_project(Path(folder)).organisation
    chart = department_chart(organisation, "big", Links(HANDBOOK_LAYOUT, HANDBOOK_LAYOUT.department("big")))
    placed = layout(to_nodes(chart.root), **SPACING)
    return {"posts": posts, "width": placed.width, "height": placed.height}


def median_ms(step: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(posts: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_project(root, posts)
        result = check_project(root)
    assert result.errors == 0, [d.format("en") for d in result.diagnostics if d.severity == "error"]
    organisation = result.organisation
    links = Links(HANDBOOK_LAYOUT, HANDBOOK_LAYOUT.department("big"))
    chart = department_chart(organisation, "big", links)
    cards = {node.card.key: node.card for node in walk(chart.root)}
    placed = layout(to_nodes(chart.root), **SPACING)
    svg = draw(chart)
    print(f"department of {len(organisation.posts)} posts, {len(chart.dotted)} dotted lines")
    print(f"chart {placed.width:.0f} x {placed.height:.0f} px, SVG {len(svg.encode()) / 1024:.0f} KiB")
    build_ms = median_ms(lambda: department_chart(organisation, "big", links))
    layout_ms = median_ms(lambda: layout(to_nodes(chart.root), **SPACING))
    render_ms = median_ms(lambda: render(placed, cards, label=chart.label, dotted=chart.dotted, legend=chart.legend))
    total_ms = median_ms(lambda: draw(department_chart(organisation, "big", links)))
    print(f"median of {RUNS} runs:")
    print(f"  build cards     {build_ms:7.1f} ms")
    print(f"  size + layout   {layout_ms:7.1f} ms")
    print(f"  render SVG      {render_ms:7.1f} ms")
    print(f"  all together    {total_ms:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
