"""A restructure of the example, committed in a throw-away git repository: the scenario of the diff tests.

`repository` (in conftest) commits the example with pay bands, then `restructure` (posts); `reorganised`
commits `reorganise` (departments) on top.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO, write_files

PROJECT_PATHS = ("orgspec.yaml", "clauses.yaml", "departments", "roles")

ANALYST = """\
title: 会员数据分析员
code: EX-KF-003
department: member-service
grade: P2
reports_to: member-service-supervisor
authorised: 2
filled: 1
duties:
  - 分析会员消费数据,按月提交分析报告;
kpis:
  - name: 报告及时率
"""

SUPERVISOR_ADDITIONS = """\
kpis:
  - name: 会员续费率
authorities:
  - 会员活动预算审批
"""


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` with a fixed identity and no signing, whatever the user's configuration."""
    identity = ["-c", "user.name=orgspec test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *identity, *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"{path.name}: {old!r}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def restructure(root: Path) -> None:
    """Move a post, add one, remove one, change head counts, reporting lines, titles and texts."""
    roles, departments = root / "roles", root / "departments"
    # moved: another department and another superior, plus a dotted line
    edit(
        roles / "records-officer.yaml",
        ("department: customer-service\n", "department: member-service\n"),
        (
            "reports_to: after-service-supervisor\n",
            "reports_to: member-service-supervisor\ndotted_line: [customer-service-manager]\n",
        ),
    )
    (roles / "callback-agent.yaml").unlink()  # removed (customer-care, authorised 1, filled 1)
    write_files(root, {"roles/membership-analyst.yaml": ANALYST})  # added (authorised 2, filled 1)
    # head count and grade: authorised 2 → 3, filled stays 2
    edit(roles / "driver.yaml", ("grade: P1\n", "grade: P2\n"), ("authorised: 2\n", "authorised: 3\nfilled: 2\n"))
    # renamed, one duty replaced by another
    edit(
        roles / "member-service-specialist.yaml",
        ("title: 客服专员\n", "title: 会员服务专员\n"),
        ("  - 会员档案资料录入及建档;\n", "  - 会员积分核对;\n"),
    )
    # a KPI and an authority added
    supervisor = roles / "member-service-supervisor.yaml"
    supervisor.write_text(supervisor.read_text(encoding="utf-8") + SUPERVISOR_ADDITIONS, encoding="utf-8")
    # department totals follow: 编制 must equal the total of the posts
    edit(departments / "customer-service.yaml", ("authorised: 23\n", "authorised: 22\n"))
    edit(departments / "member-service.yaml", ("authorised: 4\n", "authorised: 7\n"))
    edit(departments / "marketing-centre.yaml", ("authorised: 8\n", "authorised: 11\n"))
    edit(departments / "customer-care.yaml", ("authorised: 4\n", "authorised: 3\n"))
    edit(departments / "customer-service-centre.yaml", ("authorised: 5\n", "authorised: 6\n"))


PAY_BANDS = (
    ("  - id: P1\n    name: 员级\n", "  - id: P1\n    name: 员级\n    pay: {min: 4000, max: 6000}\n"),
    ("  - id: P2\n    name: 专员级\n", "  - id: P2\n    name: 专员级\n    pay: {min: 6000, max: 9000}\n"),
    ("  - id: M3\n    name: 主管级\n", "  - id: M3\n    name: 主管级\n    pay: {min: 9000, max: 14000}\n"),
    ("  - id: M2\n    name: 经理级\n", "  - id: M2\n    name: 经理级\n    pay: {min: 14000, max: 22000}\n"),
    ("  - id: M1\n    name: 总监级\n", "  - id: M1\n    name: 总监级\n    pay: {min: 22000, max: 35000}\n"),
)
"""Monthly pay bands (internal, the default) for every grade of the example."""


def reorganise(root: Path) -> None:
    """Rename two departments, move one under a new parent, merge two and split one."""
    roles, departments = root / "roles", root / "departments"
    # renamed, same id
    edit(departments / "customer-care.yaml", ("name: 客户关爱部\n", "name: 客户关怀部\n"))
    # renamed, new id: its one post goes with it
    brand = (departments / "market.yaml").read_text(encoding="utf-8").replace("name: 市场部\n", "name: 品牌部\n")
    (departments / "brand.yaml").write_text(brand, encoding="utf-8")
    (departments / "market.yaml").unlink()
    edit(roles / "market-manager.yaml", ("department: market\n", "department: brand\n"))
    edit(roles / "member-service-specialist.yaml", ("department: market\n", "department: brand\n"))
    # moved: the member service department goes under the customer service centre, its head with it
    edit(departments / "member-service.yaml", ("parent: marketing-centre\n", "parent: customer-service-centre\n"))
    edit(
        roles / "member-service-supervisor.yaml",
        ("reports_to: marketing-director\n", "reports_to: service-centre-manager\n"),
    )
    # merged: the northern sales department into the southern one
    (departments / "sales-north.yaml").unlink()
    edit(roles / "sales-manager-north.yaml", ("department: sales-north\n", "department: sales-south\n"))
    edit(departments / "sales-south.yaml", ("authorised: 1\n", "authorised: 2\n"))
    # split: the after-service team becomes a department of its own
    write_files(root, {"departments/after-service.yaml": AFTER_SERVICE})
    for post in (
        "after-service-supervisor",
        "after-service-staff",
        "complaints-officer",
        "key-account-officer",
        "quality-officer",
    ):
        edit(roles / f"{post}.yaml", ("department: customer-service\n", "department: after-service\n"))
    # department totals follow
    edit(departments / "customer-service.yaml", ("authorised: 22\n", "authorised: 17\n"))
    edit(departments / "marketing-centre.yaml", ("authorised: 11\n", "authorised: 4\n"))
    edit(departments / "customer-service-centre.yaml", ("authorised: 6\n", "authorised: 13\n"))


AFTER_SERVICE = """\
name: 后期服务部
code: HQ
order: 5
head: after-service-supervisor
authorised: 5
functions:
  - 售后服务、投诉处理与大客户维护
"""


def example_repository(root: Path) -> Path:
    """A git repository in ``root`` with the example (with pay bands) committed, then the restructure on top."""
    for name in PROJECT_PATHS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    edit(root / "orgspec.yaml", *PAY_BANDS)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "as-is")
    restructure(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "to-be")
    return root


def commit_reorganisation(root: Path) -> Path:
    """The departments reorganised in one more commit."""
    reorganise(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "departments")
    return root
