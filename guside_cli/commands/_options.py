"""Option types shared by commands, so an option means the same everywhere."""

from typing import Annotated

import typer

from guside_cli.render.output import Format

OutputFormat = Annotated[Format, typer.Option("--format", "-f", help="auto: a table on a terminal, text when piped")]
Reveal = Annotated[bool, typer.Option("--reveal", help="Show phone and ID numbers in full (masked by default)")]
Year = Annotated[int | None, typer.Option("--year", "-y", help="Calendar year of receipt, e.g. 2018")]
DateFrom = Annotated[str | None, typer.Option("--from", help="Received on or after this date")]
DateTo = Annotated[str | None, typer.Option("--to", help="Received on or before this date")]
Village = Annotated[str | None, typer.Option("--village", "-v", help="Village or community: 红豆村 or 红豆")]
Level = Annotated[
    str | None, typer.Option("--level", "-l", help="town|county|prefecture|province|national, or 镇/县/市/省/京")
]
Form = Annotated[str | None, typer.Option("--form", help="letter|visit|online|phone, or 来信/来访/网上/电话")]
Source = Annotated[str | None, typer.Option("--source", help="direct, 12345, 12369, 中央环保督察交办, …")]
Status = Annotated[str | None, typer.Option("--status", help="open|closed, or 在办/已销号")]
Search = Annotated[str | None, typer.Option("--search", "-s", help="Text in number, subject, cause, unit, enterprise")]
Limit = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most this many rows")]
By = Annotated[str | None, typer.Option("--by", help="Who does this (history) [GUSIDE_USER, else your login]")]
Case = Annotated[str, typer.Argument(help="Case number (2018-0042) or id")]
LeaderName = Annotated[str | None, typer.Option("--leader", help="Cases held by this leader (包案领导)")]
Town = Annotated[str | None, typer.Option("--town", help="Only the cases of this town (a county ledger)")]
