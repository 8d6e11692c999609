"""Org charts as SVG: the example's charts (golden files), links, titles, marks, escaping."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgspec.check.pipeline import check_project
from orgspec.edition import redact
from orgspec.link.organisation import Organisation
from orgspec.render.chart.build import HANDBOOK_LAYOUT, Links, department_chart, overview_chart, team_chart
from orgspec.render.chart.cards import Card, CardTree, Chart, forest, title_lines, to_nodes
from orgspec.render.chart.dotted import route
from orgspec.render.chart.layout import Box, Node, layout
from orgspec.render.chart.measure import ELLIPSIS, display_width
from orgspec.render.chart.svg import SPACING, draw
from tests.conftest import BASE_FILES, REPO
from tests.test_chart_layout import PROPERTY_SETTINGS, trees

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLE = check_project(REPO).organisation


def handbook_links(key: str | None = None) -> Links:
    """Links as on the handbook page that embeds the chart."""
    page = HANDBOOK_LAYOUT.home() if key is None else HANDBOOK_LAYOUT.department(key)
    return Links(HANDBOOK_LAYOUT, page)


def chart_of(organisation: Organisation, key: str | None = None) -> Chart:
    if key is None:
        return overview_chart(organisation, handbook_links())
    return department_chart(organisation, key, handbook_links(key))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def find(root: ET.Element, path: str) -> ET.Element:
    found = root.find(path)
    assert found is not None, path
    return found


def boxes(root: ET.Element) -> list[ET.Element]:
    """The <a> (or <g>) element of every box."""
    return [element for element in root if element.find(f"{SVG}rect[@class='box']") is not None]


def box_text(box: ET.Element) -> str:
    return " ".join("".join(text.itertext()) for text in box.iter(f"{SVG}text"))


def box_named(root: ET.Element, title: str) -> ET.Element:
    return next(box for box in boxes(root) if title in box_text(box))


def all_charts() -> list[tuple[str, str]]:
    charts = [(key, draw(chart_of(EXAMPLE, key))) for key in EXAMPLE.departments]
    return [*charts, ("overview", draw(chart_of(EXAMPLE)))]


# --- the example's charts ---------------------------------------------------


@pytest.mark.parametrize("key", sorted(EXAMPLE.departments))
def test_department_chart_matches_golden(key: str, golden: Callable[[str, str], None]) -> None:
    golden(f"charts/{key}.svg", draw(chart_of(EXAMPLE, key)))


def test_overview_chart_matches_golden(golden: Callable[[str, str], None]) -> None:
    golden("charts/overview.svg", draw(chart_of(EXAMPLE)))


@pytest.mark.parametrize(("name", "svg"), all_charts())
def test_chart_is_valid_xml_with_size_and_accessible_name(name: str, svg: str) -> None:
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "group"  # a group of links: an image may not hold links (axe: nested-interactive)
    assert root.get("aria-label")
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert "\n\n" not in svg, "a blank line would end the raw HTML block in Markdown"


@pytest.mark.parametrize(("name", "svg"), all_charts())
def test_every_box_is_a_link_with_a_title(name: str, svg: str) -> None:
    found = boxes(parse(svg))
    assert found
    for box in found:
        assert box.tag == f"{SVG}a"
        assert box.get("href", "").endswith(".html")
        title = box.find(f"{SVG}title")
        assert title is not None and title.text and box_text(box).split()[0] in title.text


def test_post_box_shows_title_code_grade_and_head_count() -> None:
    root = parse(draw(chart_of(EXAMPLE, "customer-service")))
    box = box_named(root, "前台接待主管")
    assert box_text(box) == "前台接待主管 EX-KH-002 · M3 编制 1 / 实有 1"
    assert box.get("href") == "../../posts/reception-supervisor.html"
    assert box.get("class") == "post"


def test_vacancies_are_marked() -> None:
    root = parse(draw(chart_of(EXAMPLE, "call-centre")))
    agent = box_named(root, "客服中心坐席员")
    assert agent.get("class") == "post vacant"
    assert agent.find(f"{SVG}rect[@class='stripe']") is not None
    assert "编制 12 / 实有 10 空缺 2" in box_text(agent)
    director = box_named(root, "客服中心主任")
    assert director.get("class") == "post"
    assert director.find(f"{SVG}rect[@class='stripe']") is None


def test_sub_department_hangs_under_its_heads_superior_and_links_to_its_page() -> None:
    chart = chart_of(EXAMPLE, "customer-service")
    assert chart.root.card.key == "post:customer-service-manager"
    unit = next(child.card for child in chart.root.children if child.card.kind == "sub-department")
    assert (unit.title, unit.tag, unit.detail) == ("呼叫中心", "下级部门", "客服中心主任")
    assert unit.href == "../call-centre/index.html"
    assert (unit.count, unit.vacancy) == ("编制 13 / 实有 11", "空缺 2")


def test_overview_has_the_organisation_on_top_and_departments_below() -> None:
    chart = chart_of(EXAMPLE)
    assert (chart.root.card.title, chart.root.card.kind, chart.root.card.href) == ("示例集团", "root", "index.html")
    marketing = next(child for child in chart.root.children if child.card.title == "营销中心")
    assert marketing.card.detail == "营销总监"
    assert marketing.card.href == "departments/marketing-centre/index.html"
    assert [child.card.title for child in marketing.children] == [
        "南方区销售管理部",
        "北方区销售管理部",
        "市场部",
        "客服部",
    ]


def test_dotted_line_is_dashed_with_an_arrow_and_does_not_move_the_boxes() -> None:
    chart = chart_of(EXAMPLE, "customer-service")
    assert chart.dotted == (("post:key-account-officer", "post:customer-service-manager"),)
    root = parse(draw(chart))
    (line,) = root.findall(f"{SVG}g[@class='dotted-line']")
    assert line.find(f"{SVG}path[@class='dotted']") is not None
    assert line.find(f"{SVG}polygon[@class='arrow']") is not None
    style = "".join(find(root, f"{SVG}style").itertext())
    assert re.search(r"\.dotted\{[^}]*stroke-dasharray", style)
    without = Chart(chart.root, chart.label, (), chart.legend)
    assert boxes_of(draw(chart)) == boxes_of(draw(without))


def boxes_of(svg: str) -> list[str]:
    return re.findall(r'<rect class="box"[^>]*>', svg)


def test_dotted_route_runs_in_a_free_lane_and_enters_the_superior_from_below() -> None:
    chart = chart_of(EXAMPLE, "customer-service")
    placed = layout(to_nodes(chart.root), **SPACING)
    by_key = {box.key: box for box in placed.boxes}
    post, superior = by_key["post:key-account-officer"], by_key["post:customer-service-manager"]
    points = route(post, superior, placed.boxes, placed.edges, SPACING["h_gap"], SPACING["v_gap"])
    assert points[0] == (post.x + post.width, post.y + post.height / 2)  # a stacked leaf: leaves to the right
    assert points[-1][1] == superior.y + superior.height
    assert superior.x <= points[-1][0] <= superior.x + superior.width
    for (x1, y1), (x2, y2) in pairwise(points):
        assert x1 == x2 or y1 == y2
    lane = points[1][0]
    others = [box for box in placed.boxes if box not in (post, superior)]
    assert not any(box.x <= lane <= box.x + box.width and box.y < post.y for box in others)


def test_dotted_superior_outside_the_chart_is_named_on_the_box() -> None:
    root = parse(draw(chart_of(EXAMPLE, "call-centre")))
    assert "虚线上级：呼叫中心主管" in box_text(box_named(root, "客服中心坐席员"))
    assert root.find(f"{SVG}g[@class='dotted-line']") is None


def legend_text(key: str) -> str:
    return "".join(find(parse(draw(chart_of(EXAMPLE, key))), f"{SVG}g[@class='legend']").itertext())


def test_legend_shows_only_the_marks_in_use() -> None:
    assert legend_text("customer-service-centre") == "直接汇报"
    assert legend_text("customer-service") == "直接汇报虚线汇报有空缺"


def team_of(organisation: Organisation, key: str) -> ET.Element:
    return parse(draw(team_chart(organisation, key, Links(HANDBOOK_LAYOUT, HANDBOOK_LAYOUT.post(key)))))


def test_a_posts_team_is_its_superior_its_peers_and_its_subordinates_with_itself_marked() -> None:
    root = team_of(EXAMPLE, "after-service-supervisor")  # 后期服务主管, under 客户维系中心经理
    titles = [box_text(box).split(" EX")[0] for box in boxes(root)]
    assert titles[0] == "客户维系中心经理"
    assert "本岗位 后期服务主管" in titles  # marked in words, not by colour alone
    assert {"客服中心主任", "前台接待主管", "呼叫中心主管", "客户关系管理人员"} <= set(titles)  # peers
    assert {"客户服务质量管理人员", "大客户服务人员", "客户投诉管理人员"} <= set(titles)  # subordinates
    current = box_named(root, "本岗位")
    assert current.tag == f"{SVG}g" and "current" in (current.get("class") or "")  # not a link to itself
    assert all(box.tag == f"{SVG}a" for box in boxes(root) if box is not current)


def test_a_team_of_many_shows_ten_and_counts_the_rest(project: Callable[..., Path]) -> None:
    agents = {
        f"roles/agent-{n:02d}.yaml": f"title: 坐席{n:02d}\ncode: T-CS-{n + 10}\ndepartment: cs\ngrade: P1\nreports_to: cs-lead\n"
        for n in range(14)
    }
    department = BASE_FILES["departments/cs.yaml"].replace("authorised: 3", "authorised: 17")
    organisation = check_project(project({**agents, "departments/cs.yaml": department})).organisation
    titles = [box_text(box) for box in boxes(team_of(organisation, "agent-13"))]
    assert len(titles) == 1 + 10 + 1  # the superior, ten of its fifteen subordinates, a box for the rest
    assert "This post 坐席13" in " ".join(titles)  # the post itself always (the base project is English)
    assert titles[-1] == "5 more posts"


# --- variations on a small project -------------------------------------------


def test_public_edition_leaves_out_grades(project: Callable[..., Path]) -> None:
    settings = BASE_FILES["orgspec.yaml"] + "internal_fields: [grade]\n"
    organisation = check_project(project({"orgspec.yaml": settings})).organisation
    chart = department_chart(redact(organisation, "public"), "cs", handbook_links("cs"))
    assert chart.root.card.detail == "T-CS-01"
    internal = department_chart(organisation, "cs", handbook_links("cs"))
    assert internal.root.card.detail == "T-CS-01 · M1"


def test_english_labels(project: Callable[..., Path]) -> None:
    organisation = check_project(project()).organisation
    chart = chart_of(organisation, "cs")
    agent = chart.root.children[0].card
    assert (agent.count, agent.vacancy) == ("Auth. 2 / filled 1", "1 vacant")
    assert (
        agent.tooltip
        == "客服专员\nPost number: T-CS-02\nGrade: P1\nAuthorised 2, filled 1, vacant 1\nReports to: 客服主管"
    )
    assert chart.label == "Organisation chart of 客服部, 2 posts"


def test_several_top_posts_get_the_department_on_top(project: Callable[..., Path]) -> None:
    organisation = check_project(project({"roles/cs-agent.yaml": AGENT_WITHOUT_SUPERIOR})).organisation
    chart = chart_of(organisation, "cs")
    assert (chart.root.card.kind, chart.root.card.title, chart.root.card.href) == ("root", "客服部", "index.html")
    assert [child.card.key for child in chart.root.children] == ["post:cs-lead", "post:cs-agent"]


AGENT_WITHOUT_SUPERIOR = """\
title: 客服专员
code: T-CS-02
department: cs
grade: P1
duties: [回访客户]
kpis: [{name: 回访率}]
"""


def test_hostile_text_is_escaped_and_shown_as_written(project: Callable[..., Path]) -> None:
    hostile = '<script>alert(1)</script> "onload="x ]]> &amp; <![CDATA[ x'
    lead = BASE_LEAD.replace("title: 客服主管", f"title: '{hostile}'")
    organisation = check_project(project({"roles/cs-lead.yaml": lead})).organisation
    svg = draw(chart_of(organisation, "cs"))
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script"))
    assert "<script" not in svg and "]]>" not in svg and "onload=" not in svg
    shown = [title.text for title in root.iter(f"{SVG}title")]
    assert any(text and text.startswith(hostile) for text in shown)


BASE_LEAD = """\
title: 客服主管
code: T-CS-01
department: cs
grade: M1
duties: [受理来电]
kpis: [{name: 满意度}]
"""


def test_text_that_xml_cannot_hold_is_dropped() -> None:
    card = Card("a", "line\none\x00\x1b\ufffe\u202e end", href="x.html", tooltip="t\x07\nu")
    svg = draw(Chart(CardTree(card), "label\x0c"))
    root = parse(svg)
    assert box_text(boxes(root)[0]) == "line one end"
    assert find(root, f"{SVG}a/{SVG}title").text == "t\nu"


def test_same_input_gives_the_same_bytes() -> None:
    again = check_project(REPO).organisation
    for key in EXAMPLE.departments:
        assert draw(chart_of(EXAMPLE, key)) == draw(chart_of(again, key))
    assert draw(chart_of(EXAMPLE)) == draw(chart_of(again))


# --- pieces ------------------------------------------------------------------


def test_long_titles_wrap_to_two_balanced_lines() -> None:
    assert title_lines("客户服务质量管理人员") == ("客户服务质量管理人员",)
    assert title_lines("客户服务质量管理部门主管") == ("客户服务质量", "管理部门主管")
    assert title_lines("Customer Service Quality Manager") == ("Customer Service", "Quality Manager")
    cut = title_lines("很" * 30)
    assert len(cut) == 2 and cut[1].endswith(ELLIPSIS) and all(display_width(line) <= 20 for line in cut)


def test_forest_breaks_reporting_cycles_and_keeps_every_key_once() -> None:
    tops, children = forest(["a", "b", "c", "d"], {"a": "b", "b": "a", "c": None, "d": "c"})
    assert tops == ["c", "a"]
    assert children == {"a": ["b"], "b": [], "c": ["d"], "d": []}


def test_standalone_links_point_to_the_published_site_or_nowhere() -> None:
    assert Links().post("driver") is None
    assert Links(site_url="https://example.org/").post("driver") == "https://example.org/handbook/posts/driver.html"
    svg = draw(overview_chart(EXAMPLE, Links()))
    assert "href=" not in svg
    assert all(box.tag == f"{SVG}g" for box in boxes(parse(svg)))


@PROPERTY_SETTINGS
@given(trees(max_nodes=200), st.integers(0, 2**32 - 1))
def test_dotted_routes_on_random_trees_stay_in_free_lanes(tree: Node, seed: int) -> None:
    placed = layout(tree, **SPACING)
    by_key = {box.key: box for box in placed.boxes}
    parent = {edge.child: edge.parent for edge in placed.edges}
    rng = random.Random(seed)
    for key in rng.sample(sorted(parent), min(10, len(parent))):
        ancestors = [parent[key]]
        while ancestors[-1] in parent:
            ancestors.append(parent[ancestors[-1]])
        post, superior = by_key[key], by_key[rng.choice(ancestors)]
        points = route(post, superior, placed.boxes, placed.edges, SPACING["h_gap"], SPACING["v_gap"])
        assert on_border(post, points[0]) and on_border(superior, points[-1])
        for (x1, y1), (x2, y2) in pairwise(points):
            assert x1 == x2 or y1 == y2
        if len(points) > 2:  # the climb up the lane crosses no box
            lane, low, high = points[1][0], points[2][1], points[1][1]
            assert not [
                box.key
                for box in placed.boxes
                if box not in (post, superior)
                and box.x < lane < box.x + box.width
                and box.y < high
                and box.y + box.height > low
            ]


def on_border(box: Box, point: tuple[float, float]) -> bool:
    x, y = point
    inside = box.x - 1e-6 <= x <= box.x + box.width + 1e-6 and box.y - 1e-6 <= y <= box.y + box.height + 1e-6
    edge = min(abs(x - box.x), abs(x - box.x - box.width), abs(y - box.y), abs(y - box.y - box.height))
    return inside and edge < 1e-6


# --- a post's box, worked out once and drawn in many charts ----------------


def test_a_posts_box_shows_the_organisation_it_is_drawn_from(project: Callable[..., Path]) -> None:
    before = check_project(project()).organisation
    assert box_text(box_named(team_of(before, "cs-agent"), "客服主管")).startswith("客服主管")
    retitled = BASE_FILES["roles/cs-lead.yaml"].replace("title: 客服主管", "title: 客服经理")
    after = check_project(project({"roles/cs-lead.yaml": retitled})).organisation
    assert [box_text(box).split(" ")[0] for box in boxes(team_of(after, "cs-agent"))] == ["客服经理", "This"]
    assert box_text(boxes(team_of(before, "cs-agent"))[0]).startswith("客服主管")  # the first one, again


def test_a_posts_box_links_from_the_page_it_is_drawn_on(project: Callable[..., Path]) -> None:
    organisation = check_project(project()).organisation
    on_post_page = box_named(team_of(organisation, "cs-agent"), "客服主管")
    on_department_page = box_named(parse(draw(chart_of(organisation, "cs"))), "客服主管")
    assert on_post_page.get("href") == "cs-lead.html"
    assert on_department_page.get("href") == "../../posts/cs-lead.html"
