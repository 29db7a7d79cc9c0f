"""Tables that fit: at 80 and 100 columns no case number, date, percentage or verdict is split over two lines,
no line is wider than the screen, and the subject takes the squeeze."""

import re

import pytest
from wcwidth import wcswidth

from guside_cli.render.output import cell_style, fitted_table

# what must never be split: case numbers, dates and times, percentages, signed counts, verdicts
ATOMS = re.compile(r"\d{4}-[^\s,，]*\d|\d{4}-\d\d-\d\d|-?\d+\.\d%|✗ 未达标|✓ 达标|未达标")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from typer.testing import CliRunner

    from guside_cli.app import app

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--out", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _run(cli, monkeypatch, demo, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("LINES", "200")
    monkeypatch.setenv("GUSIDE_TODAY", "2018-12-31")
    return cli("--db", demo, *args, "--format", "table").stdout


def _atoms_of(text: str) -> list[str]:
    return ATOMS.findall(text)


@pytest.mark.parametrize("width", [80, 100])
def test_list_never_splits_a_number_or_a_date(cli, monkeypatch, demo, width):
    shown = _run(cli, monkeypatch, demo, width, "list", "--limit", "40")
    records = cli.json("--db", demo, "list", "--limit", "40")
    lines = shown.splitlines()
    assert all(wcswidth(line) <= width for line in lines), "a line is wider than the screen"
    for record in records:
        # each case is one line holding its number and both dates whole
        line = next(line for line in lines if record["number"] in line.split())
        assert record["received_on"] in line and record["due_on"] in line
    assert "……另有" in shown  # and it says how to see the rest


@pytest.mark.parametrize("width", [80, 100])
def test_report_never_splits_a_percentage_or_a_verdict(cli, monkeypatch, demo, width):
    table = _run(cli, monkeypatch, demo, width, "report", "--year", "2018")
    monkeypatch.setenv("COLUMNS", "300")
    plain = cli("--db", demo, "report", "--year", "2018", "--format", "text").stdout  # plain text never wraps
    lines = table.splitlines()
    assert all(wcswidth(line) <= width for line in lines), "a line is wider than the screen"
    # the tables only: the heading paragraphs above them are the report's own prose
    first = next(i for i, line in enumerate(lines) if "━" in line or "──" in line)
    plain_lines = plain.splitlines()
    plain_first = next(i for i, line in enumerate(plain_lines) if line.startswith("---"))
    table_atoms = _atoms_of("\n".join(lines[first:]))
    for atom in set(_atoms_of("\n".join(plain_lines[plain_first:]))):
        assert table_atoms.count(atom) >= 1, f"{atom!r} is split or missing at {width} columns"
    assert "-200.0%" not in plain or "-200.0%" in table
    # a cell's text never continues on the next line: no line starts with a percent sign or a verdict's tail
    assert not any(re.match(r"\s*(%|\.\d%|标|达标)", line) for line in lines[first:])


def test_free_text_takes_the_squeeze_and_is_cut_with_an_ellipsis():
    import io

    from rich.console import Console

    rows = [["2018-红豆-001", "2018-06-07", "化工厂夜间排放刺鼻气体，周边居民无法开窗，已多次反映未见处理", "-200.0%"]]
    out = io.StringIO()
    Console(file=out, width=50).print(fitted_table(["编号", "受理日期", "反映问题", "降幅"], rows, 50))
    text = out.getvalue()
    assert "2018-红豆-001" in text and "2018-06-07" in text and "-200.0%" in text
    assert "…" in text and all(wcswidth(line) <= 50 for line in text.splitlines())


def test_verdicts_have_colours():
    assert cell_style("✓ 达标") == "green"
    assert cell_style("✗ 未达标") == "red"
    assert cell_style("预警") == "yellow"
    assert cell_style("超期 3 天") == "red"
    assert cell_style("河边") is None


def test_no_colour_when_piped_or_no_color(cli, demo, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert "\x1b[" not in cli("--db", demo, "report", "--year", "2018", "--format", "table").stdout
