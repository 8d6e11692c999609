"""`orgspec chart`: an org chart as a standalone SVG file, for slides and documents."""

from __future__ import annotations

from pathlib import Path

import click

from orgspec.commands.common import checked, chosen_edition, edition_option, folder, project_option, say, writing
from orgspec.core.errors import UnknownNameError
from orgspec.core.write import write_if_changed
from orgspec.edition import publish
from orgspec.link.organisation import Organisation
from orgspec.render.chart.build import Links, department_chart, overview_chart
from orgspec.render.chart.svg import draw
from orgspec.site.generate import site_layout


def find_department(organisation: Organisation, wanted: str) -> str:
    """The id of the department named ``wanted`` (by id or by name), or a usage error with a hint."""
    departments = organisation.departments
    if wanted in departments:
        return wanted
    by_name = [key for key, department in departments.items() if department.name == wanted]
    if len(by_name) == 1:
        return by_name[0]
    raise UnknownNameError("department", wanted, [*departments, *(d.name for d in departments.values())])


def _site_url(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"'{value}' is not an http:// or https:// address")
    return value


@click.command(name="chart")
@click.argument("department", required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    required=True,
    help="The SVG file to write (replaced if it exists); - writes to standard output.",
)
@project_option
@click.option(
    "--site-url",
    callback=_site_url,
    help="Address of the published handbook (its site root); boxes then link to their pages there.",
)
@edition_option
def chart_command(
    department: str | None, output: Path, project: Path | None, site_url: str | None, edition: str | None
) -> None:
    """Write the org chart of DEPARTMENT (an id or a name) as an SVG file.

    Without DEPARTMENT: the overview of all departments. The file is the
    chart the handbook shows, standing alone: its colours fall back to the
    handbook's light theme. Boxes link nowhere unless --site-url gives the
    address of the published site, e.g. --site-url https://example.org/
    links a post's box to https://example.org/handbook/posts/<post>.html.
    """
    root = folder(project)
    result = checked(root)
    organisation = publish(result.organisation, chosen_edition(result, edition))
    links = Links(site_layout(root), site_url=site_url)
    if department is None:
        chart = overview_chart(organisation, links)
    else:
        key = find_department(organisation, department)
        chart = department_chart(organisation, key, links)
    svg = draw(chart)
    if str(output) == "-":
        click.echo(svg, nl=False)
        return
    with writing(output):
        changed = write_if_changed(output, svg.encode("utf-8"))
    say(f"{output}{'' if changed else ' (unchanged)'}")
