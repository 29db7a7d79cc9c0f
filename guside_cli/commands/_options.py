"""Option types shared by commands, so an option means the same everywhere."""

from typing import Annotated

import typer

from guside_cli.commands.completion import check_year, complete_case, complete_leader, complete_village
from guside_cli.render.output import Format

OutputFormat = Annotated[Format, typer.Option("--format", "-f", help="help.opt.format")]
Reveal = Annotated[bool, typer.Option("--reveal", help="help.opt.reveal")]
Year = Annotated[int | None, typer.Option("--year", "-y", help="help.opt.year", callback=check_year)]
DateFrom = Annotated[str | None, typer.Option("--from", help="help.opt.from")]
DateTo = Annotated[str | None, typer.Option("--to", help="help.opt.to")]
Village = Annotated[
    str | None, typer.Option("--village", "-v", help="help.opt.village", autocompletion=complete_village)
]
Level = Annotated[str | None, typer.Option("--level", "-l", help="help.opt.level")]
Form = Annotated[str | None, typer.Option("--form", help="help.opt.form")]
Source = Annotated[str | None, typer.Option("--source", help="help.opt.source")]
Status = Annotated[str | None, typer.Option("--status", help="help.opt.status")]
Search = Annotated[str | None, typer.Option("--search", "-s", help="help.opt.search")]
Limit = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="help.opt.limit")]
By = Annotated[str | None, typer.Option("--by", help="help.opt.by")]
Case = Annotated[str, typer.Argument(help="help.opt.case", autocompletion=complete_case)]
LeaderName = Annotated[str | None, typer.Option("--leader", help="help.opt.leader", autocompletion=complete_leader)]
NoPager = Annotated[bool, typer.Option("--no-pager", help="help.opt.no_pager")]

# the same filters, repeatable (`list --level 省 --level 京`): a case matches any of the values
Villages = Annotated[
    list[str] | None,
    typer.Option("--village", "-v", help="help.opt.village", autocompletion=complete_village),
]
Levels = Annotated[list[str] | None, typer.Option("--level", "-l", help="help.opt.level")]
Forms = Annotated[list[str] | None, typer.Option("--form", help="help.opt.form")]
Sources = Annotated[list[str] | None, typer.Option("--source", help="help.opt.source")]
Statuses = Annotated[list[str] | None, typer.Option("--status", help="help.opt.status")]
Town = Annotated[str | None, typer.Option("--town", help="help.opt.town")]

# the Word documents (公文): 文号, issuing office, 抄送 (report and bulletin, --format docx)
DocNumber = Annotated[str | None, typer.Option("--number", help="help.doc.number")]
DocOffice = Annotated[str | None, typer.Option("--office", help="help.doc.office")]
DocCc = Annotated[str | None, typer.Option("--cc", help="help.doc.cc")]
