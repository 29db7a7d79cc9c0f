"""Tables that fit: at 80 and 100 columns no case number, date, percentage or verdict is split over two lines,
no line is wider than the screen, and the subject takes the squeeze."""

import re

import pytest
from wcwidth import wcswidth

from guside_cli.render.output import cell_style, fitted_table

# what must never be split: case numbers, dates and times, percentages, signed counts, verdicts
ATOMS = re.compile(r"\d{4}-[^\s,，]*\d|\d{4}-\d\d-\d\d|-?\d+\.\d%|✗ 未达标|✓ 达标|未达标")


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


# the conclusion (结论) and the heading above the tables: wrapped between clauses, never inside a figure or verdict
VERDICT_ATOMS = re.compile(r"-?\d+(?:\.\d+)?%|未达标|(?<!未)达标|NOT met|\d{4}-\d\d-\d\d")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 100])
def test_the_conclusion_wraps_between_clauses(cli, monkeypatch, demo, width, lang):
    table = _run(cli, monkeypatch, demo, width, "--lang", lang, "report", "--year", "2018")
    monkeypatch.setenv("COLUMNS", "300")
    plain = cli("--db", demo, "--lang", lang, "report", "--year", "2018", "--format", "text").stdout
    heading, conclusion = plain.splitlines()[:2]  # plain text never wraps: one line each
    lines = table.splitlines()
    first = next(i for i, line in enumerate(lines) if "━" in line or "──" in line) - 1  # the table's title
    head = lines[:first]
    assert all(wcswidth(line) <= width for line in head), "a line is wider than the screen"
    assert re.sub(r"\s", "", "".join(head)) == re.sub(r"\s", "", heading + conclusion), "words lost or added"
    for atom in VERDICT_ATOMS.findall(heading + conclusion):
        assert any(atom in line for line in head), f"{atom!r} is split at {width} columns"
    if lang == "zh":  # every line but the last ends a clause or a pause
        assert all(line.rstrip()[-1] in "；。，：、）" for line in head[:-1]), head
    assert len(head) > 2 if width == 80 else True  # at 80 columns the conclusion does not fit one line


def test_a_paragraph_wider_than_the_screen_breaks_at_pauses_then_spaces():
    from guside_cli.render.paragraphs import wrap_paragraph

    text = "结论：信访总量下降33.5%（目标30.0%）达标；越级赴京到省下降20.8%（目标25.0%）未达标。"
    assert wrap_paragraph(text, 100) == [text]
    assert wrap_paragraph(text, 50) == [
        "结论：信访总量下降33.5%（目标30.0%）达标；",
        "越级赴京到省下降20.8%（目标25.0%）未达标。",
    ]
    narrow = wrap_paragraph(text, 30)
    assert all(wcswidth(line) <= 30 for line in narrow) and "".join(narrow) == text
    assert all(atom in "\n".join(narrow) for atom in ("33.5%", "30.0%", "20.8%", "25.0%", "未达标"))
    english = "Verdict: total down 33.5% (target 30.0%): met; escalated (province/Beijing) down 20.8% (target 25.0%)"
    assert all(len(line) <= 30 for line in wrap_paragraph(english, 30))
    assert " ".join(wrap_paragraph(english, 30)) == english


def test_a_long_report_goes_through_the_pager_unless_told_not_to(cli, monkeypatch, demo):
    import contextlib

    asked = []

    def pager(target, enabled):
        asked.append(enabled)
        return contextlib.nullcontext()

    monkeypatch.setattr("guside_cli.render.output.pager", pager)
    monkeypatch.setenv("GUSIDE_TODAY", "2018-12-31")
    cli("--db", demo, "report", "--year", "2018", "--format", "table")
    cli("--db", demo, "report", "--year", "2018", "--format", "table", "--no-pager")
    cli("--db", demo, "report", "--year", "2018", "--format", "text")  # text (a pipe, a file) never pages
    assert asked == [True, False]


def test_a_piped_report_never_waits_on_a_pager():
    import contextlib

    from guside_cli.render import output

    target = output.console()
    assert not target.is_terminal  # under the test runner stdout is a pipe
    assert isinstance(output.pager(target, True), contextlib.nullcontext)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bulletin_on_a_terminal_wraps_between_clauses(cli, monkeypatch, demo, lang):
    from guside_cli.render.output import Format

    monkeypatch.setattr("guside_cli.render.output.resolve", lambda fmt, stream=None: Format.table)  # a terminal
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("GUSIDE_TODAY", "2018-12-31")
    shown = cli("--db", demo, "--lang", lang, "bulletin", "--year", "2018").stdout
    data = cli.json("--db", demo, "bulletin", "--year", "2018")
    assert not shown.startswith("#")  # read on the screen, not markdown
    assert all(wcswidth(line) <= 80 for line in shown.splitlines()), "a line is wider than the screen"
    lines = shown.splitlines()
    for named in data["named"]:
        for number in named["cases"]:
            assert any(number in line for line in lines), f"{number} is split"
    assert any(("未达标" if lang == "zh" else "NOT met") in line for line in lines)


def test_the_campaigns_missing_villages_wrap_between_names(cli, monkeypatch, demo):
    monkeypatch.setenv("COLUMNS", "80")
    shown = _run(cli, monkeypatch, demo, 80, "campaign", "--year", "2018")
    missing = cli.json("--db", demo, "campaign", "--year", "2018", "--format", "json")["summaries"]["missing"]
    lines = shown.splitlines()
    assert missing and all(any(village in line for line in lines) for village in missing)
    assert all(wcswidth(line) <= 80 for line in lines)


def test_the_case_file_shows_times_as_the_office_writes_them(cli):
    number = cli.add(received="2018-06-07 09:30")["number"]
    text = cli("show", number, "--no-pager", "--format", "text").stdout
    assert "2018-06-07 09:30" in text and "2018-06-07T09:30" not in text


def test_the_public_page_never_breaks_a_case_number_or_a_date(cli, isolated):
    """A browser narrows the columns to fit: numbers, dates and status words are kept whole (nowrap)."""
    number = cli.add()["number"]
    page = isolated / "p.html"
    cli("publish", "--format", "html", "--out", page)
    text = page.read_text(encoding="utf-8")
    assert "td.whole{white-space:nowrap}" in text
    assert f'<td class="whole">{number}</td>' in text and '<td class="whole">2018-06-07</td>' in text
