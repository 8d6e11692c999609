"""A handbook with job families, posts held concurrently, a 三定 and labelled sections, built with both
engines: the visible text of its new pages is kept as goldens, and no markup shows as text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import write_files
from tests.sites import build
from tests.test_goldens import MARKUP
from tests.visible import page_text, text_nodes

FILES = {
    "orgspec.yaml": """\
name: 示例区档案局
grades:
  - {id: G1, name: 科员级}
  - {id: G2, name: 股级}
  - {id: G3, name: 科级}
families:
  archivist:
    name: 档案业务序列
    levels: [archivist, senior-archivist, records-chief]
competency_scale:
  - {level: 1, name: 了解}
  - {level: 2, name: 熟悉}
  - {level: 3, name: 掌握}
sections:
  - {id: training, title: 培训要求}
  - {id: hours, title: 工作时间}
  - {id: hiring, title: 招聘流程}
""",
    "departments/bureau.yaml": """\
name: 区档案局
code: DA
rank: 正科级
head: director
functions:
  - 贯彻执行档案工作的法律法规和方针政策。
  - 负责全区档案的接收、征集、保管和利用。
staffing: {行政编制: 4, 工勤编制: 1}
leadership: {局长: 1, 副局长: 1, 股长: 2}
""",
    "departments/office.yaml": """\
name: 办公室
code: BG
parent: bureau
rank: 股级
head: office-chief
functions: [负责文电、会务、机要和后勤工作。]
shares_office_with: [records]
""",
    "departments/records.yaml": """\
name: 档案业务股
code: YW
parent: bureau
rank: 股级
head: records-chief
functions: [负责档案的接收、整理和利用。]
""",
    "roles/director.yaml": """\
title: 局长
department: bureau
grade: G3
staffing_kind: 行政编制
leadership: 局长
also_holds: office-chief
duties: [主持全面工作。]
kpis: [{name: 年度目标完成率}]
""",
    "roles/deputy.yaml": """\
title: 副局长
department: bureau
grade: G3
reports_to: director
staffing_kind: 行政编制
leadership: 副局长
duties: [协助局长分管业务工作。]
kpis: [{name: 分管工作完成率}]
""",
    "roles/driver.yaml": """\
title: 驾驶员
department: bureau
grade: G1
reports_to: director
staffing_kind: 工勤编制
duties: [负责公务用车驾驶和保养。]
kpis: [{name: 安全行车}]
""",
    "roles/office-chief.yaml": """\
title: 办公室主任
department: office
grade: G2
reports_to: director
staffing_kind: 行政编制
leadership: 股长
duties: [负责办公室日常工作。]
kpis: [{name: 公文办理及时率}]
""",
    "roles/records-chief.yaml": """\
title: 档案业务股股长
department: records
grade: G2
reports_to: deputy
staffing_kind: 行政编制
leadership: 股长
duties:
  - 组织制定年度档案接收计划。
  - group: 档案利用
    items: [审核档案开放鉴定意见。]
kpis: [{name: 档案接收完成率, target: 100%}]
qualifications:
  preferred: 具有档案专业中级职称。
""",
    "roles/senior-archivist.yaml": """\
title: 二级档案员
department: records
grade: G1
reports_to: records-chief
staffing_kind: 行政编制
duties:
  - group: 档案利用
    items: [办理档案查阅和出具证明。]
  - 指导一级档案员的整理工作。
responsibilities: [对所出具证明的准确性负责。]
""",
    "roles/archivist.yaml": """\
title: 一级档案员
department: records
grade: G1
reports_to: senior-archivist
authorised: 0
filled: 0
staffing_kind: 行政编制
duties: [档案的接收、整理和编目。]
kpis: [{name: 整理差错率, target: ≤ 1%}]
qualifications:
  education: 大学本科及以上学历
  majors: 档案学、历史学等相关专业
competencies:
  - {name: 档案整理, level: 2, description: 能独立完成案卷整理}
  - {name: 公文写作, level: 1}
sections:
  training: [新进人员岗前培训一个月, 每年参加业务培训不少于 40 学时]
  hours: 标准工时制
  hiring: 按公务员招录程序进行
""",
}

PAGES = {
    "family-archivist": "handbook/families/archivist.html",
    "department-bureau": "handbook/departments/bureau/index.html",
    "post-records-chief": "handbook/posts/records-chief.html",
    "post-archivist": "handbook/posts/archivist.html",
}


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    engine: str = request.param
    root = tmp_path_factory.mktemp(f"shapes-{engine}")
    write_files(root, FILES)
    return engine, build(root, engine)


@pytest.mark.parametrize("page", PAGES)
def test_page_text(site: tuple[str, Path], page: str, golden: Callable[[str, str], None]) -> None:
    engine, folder = site
    golden(f"pages/{page}.{engine}.txt", page_text(folder / PAGES[page]))


def test_no_markup_shows_as_text(site: tuple[str, Path]) -> None:
    _, folder = site
    written = "\n".join(FILES.values())
    found = [
        f"{page.relative_to(folder)}: {what}: {node[:60]}"
        for page in sorted((folder / "handbook").rglob("*.html"))
        for node in text_nodes(page)
        for what, pattern in MARKUP.items()
        if (match := pattern.search(node)) and match.group(0).strip() not in written
    ]
    assert found == []
