"""What leaders read: the 督查通报 and the report as Word documents in 公文 form (opened with python-docx), the
report as one HTML page, the charts drawn in a real CJK font (never boxes), and who is late."""

import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guside_cli.app import app

docx = pytest.importorskip("docx", reason="the docs extra is not installed (pip install 'guside[docs]')")
pytest.importorskip("matplotlib", reason="the docs extra is not installed (pip install 'guside[docs]')")

from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402


def run(cli, demo, *args, ok=True):
    return cli("--db", demo, "--today", "2018-08-16", *args, ok=ok)


@pytest.fixture(scope="module")
def bulletin_json(demo):
    result = CliRunner().invoke(
        app,
        [
            "--db",
            str(demo),
            "--today",
            "2018-08-16",
            "bulletin",
            "--year",
            "2018",
            "--as-of",
            "2018-08-15",
            "--format",
            "json",
        ],
    )
    return json.loads(result.stdout)


def text_of(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def east_asian(run_or_style) -> str:
    return run_or_style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_the_bulletin_is_a_gongwen_that_says_the_verdict_names_villages_and_shows_the_charts(
    cli, demo, tmp_path, bulletin_json
):
    out = tmp_path / "通报.docx"
    result = run(
        cli,
        demo,
        "bulletin",
        "--year",
        "2018",
        "--as-of",
        "2018-08-15",
        "--format",
        "docx",
        "--out",
        out,
        "--number",
        "顾信办[2018]3号",
    )
    assert f"已写入 {out}" in result.stdout
    d = docx.Document(out)
    section = d.sections[0]
    # GB/T 9704-2012: A4, 37 / 35 / 28 / 26 mm
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [
        round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [37, 35, 28, 26]
    normal = d.styles["Normal"]
    assert east_asian(normal) == "仿宋_GB2312" and normal.font.size == Pt(16)  # 3号
    assert normal.paragraph_format.line_spacing == Pt(28.95)  # 22 lines in the 225 mm block
    paragraphs = {p.text: p for p in d.paragraphs}
    title = paragraphs["顾山镇环境信访突出问题专项整治督查通报"]
    assert east_asian(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size == Pt(22)  # 2号
    assert "顾信办〔2018〕3号" in paragraphs  # the year in 六角括号, as the standard writes it
    table = next(p for p in d.part.package.parts if p.partname == "/word/fontTable.xml").blob.decode()
    assert re.search(r'w:name="方正小标宋简体">\s*<w:altName w:val="宋体"', table)
    assert re.search(r'w:name="仿宋_GB2312">\s*<w:altName w:val="仿宋"', table)
    body = text_of(d)
    t, e = bulletin_json["total"], bulletin_json["escalated"]
    assert (
        f"2018-01-01至2018-08-15，全镇信访总量{t['current']}件次，去年同期{t['previous']}件次，"
        f"下降{t['reduction_pct']}%，目标下降30.0%，达标；越级赴京到省{e['current']}件次" in body
    )
    for named in bulletin_json["named"]:
        action = "约谈" if named["action"] == "interview" else "专项督办"
        line = next(line for line in body.splitlines() if f"{named['village']}：" in line and "列为" in line)
        assert f"列为{action}对象" in line and named["cases"][0] in line
    vetoed = [v["village"] for v in bulletin_json["villages"] if v["veto"]]
    assert vetoed and all(f"{v}到部去省不降反升，列入一票否决预警，待年终认定。" in body for v in vetoed)
    assert "包案领导" in body and "抄送：" in body
    assert "2018年8月16日" in body and "2018年8月16日印发" in body and "〇" not in body  # 7.3.5.4, 7.4.3
    assert len(d.inline_shapes) == 2  # the village chart and the monthly line
    # tables repeat their header row on every page; page numbers are "— N —" on odd and even pages
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in d.tables)
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in footer.paragraphs[0].text and " —" in footer.paragraphs[0].text
    assert d.settings.odd_and_even_pages_header_footer


def test_the_report_docx_says_the_verdict_and_who_is_late(cli, demo, tmp_path):
    out = tmp_path / "报告.docx"
    run(cli, demo, "report", "--year", "2018", "--format", "docx", "--out", out)
    d = docx.Document(out)
    body = text_of(d)
    report = json.loads(run(cli, demo, "report", "--year", "2018", "--format", "json").stdout)
    assert "顾山镇环境信访同比情况报告" in body
    assert f"全镇信访总量{report['total']['current']}件次" in body
    late = [r for r in report["late"]["leader"] if r["overdue"]]
    assert late and f"{late[0]['name']}{late[0]['overdue']}件" in body
    assert len(d.inline_shapes) == 2
    headers = [c.text for t in d.tables for c in t.rows[0].cells]
    assert "按期办结率" in headers and "满意率" in headers
    assert Path(out).stat().st_mode & 0o777 == 0o600


def test_document_options_belong_to_docx_and_a_terminal_gets_no_binary(cli, demo):
    refused = run(cli, demo, "report", "--year", "2018", "--format", "text", "--number", "x", ok=False)
    assert refused.exit_code == 2 and refused.stderr.strip().endswith("--number、--office、--cc 只用于 --format docx")


def test_dates_and_numbers_as_a_gongwen_writes_them():
    """GB/T 9704-2012, 7.3.5.4 成文日期中的数字 (and 7.4.3 for the 印发日期): Arabic numerals, the year in full,
    month and day without a leading zero."""
    from guside_cli.render.documents import normalise_number
    from guside_cli.render.gongwen import document_date

    assert document_date(date(2018, 8, 15)) == "2018年8月15日"
    assert document_date(date(2020, 10, 1)) == "2020年10月1日"
    assert document_date(date(2018, 12, 31)) == "2018年12月31日"
    assert document_date(date(2018, 1, 5)) == "2018年1月5日"
    assert normalise_number("顾信办【2018】3号") == normalise_number("顾信办(2018)3号") == "顾信办〔2018〕3号"


def test_the_report_page_holds_the_verdict_the_late_table_and_both_charts(cli, demo, tmp_path):
    out = tmp_path / "报告.html"
    run(cli, demo, "report", "--year", "2018", "--as-of", "2018-06-30", "--format", "html", "--out", out)
    page = out.read_text()
    assert "结论：信访总量下降" in page and "一票否决预警" in page
    assert page.count("data:image/png;base64,") == 2
    assert "包案领导办理情况（谁超期）" in page and "按期办结率" in page


# --- the charts: a real CJK font, never boxes -------------------------------------------------------------


def _glyph(font: Path, char: str):
    """The character drawn alone in the font, as a bitmap."""
    import matplotlib

    matplotlib.use("Agg")
    import numpy
    from matplotlib.ft2font import FT2Font

    face = FT2Font(str(font))
    face.set_size(48, 72)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a missing glyph warns, and is drawn as the font's box (.notdef)
        face.set_text(char)
    face.draw_glyphs_to_bitmap()
    return numpy.asarray(face.get_image())


def test_the_charts_font_draws_chinese_glyphs_not_boxes():
    from guside_cli.render.charts import font_for_charts

    font = font_for_charts()
    bitmaps = [_glyph(font, c) for c in "顾山镇否"]
    assert all(b.any() for b in bitmaps)  # something is drawn
    # a missing glyph draws the same box (.notdef) for every character: these four differ from each other
    shapes = {b.tobytes() for b in bitmaps}
    assert len(shapes) == 4
    assert _glyph(font, "\U000f0000").tobytes() not in shapes  # and from the font's own box


def test_a_chart_is_refused_rather_than_drawn_in_boxes(cli, demo, monkeypatch):
    import matplotlib

    from guside_cli.render import charts

    latin = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    monkeypatch.setenv("GUSIDE_CJK_FONT", str(latin))
    charts.cjk_font.cache_clear()
    refused = run(cli, demo, "report", "--year", "2018", "--format", "html", ok=False)
    assert refused.exit_code == 2
    assert refused.stderr.startswith("错误：字体 DejaVuSans.ttf 缺少“顾山镇环境信访村社区件次月”的字形")
    monkeypatch.delenv("GUSIDE_CJK_FONT")
    monkeypatch.setattr(charts, "_candidates", lambda: [])
    charts.cjk_font.cache_clear()
    refused = run(cli, demo, "report", "--year", "2018", "--format", "html", ok=False)
    assert refused.exit_code == 2 and "apt-get install fonts-noto-cjk" in refused.stderr
    from guside_cli.resources import install_command

    assert install_command("docs") in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    charts.cjk_font.cache_clear()


# --- who is late ----------------------------------------------------------------------------------------


def test_who_is_late_per_leader_and_unit(cli):
    cli("leader", "add", "王镇长", "--rank", "town")
    cli("leader", "add", "李主任", "--rank", "department")
    on_time = cli.add(received="2018-04-02 09:00", unit="镇环保办")["number"]
    late = cli.add(received="2018-03-01 09:00", unit="镇环保办")["number"]
    fresh = cli.add(received="2018-06-18 09:00", unit="镇建设局")["number"]
    for number, leader in ((on_time, "王镇长"), (late, "王镇长"), (fresh, "李主任")):
        cli("assign", number, "--leader", leader)
        cli("accept", number, "--on", "2018-06-19" if number == fresh else "2018-04-03")
    cli("step", on_time, "--kind", "contact", "--at", "2018-04-02 10:00", "--note", "电话联系")
    cli("close", on_time, "--outcome", "resolved", "--on", "2018-05-01", "--satisfaction", "基本满意")
    report = cli.json("report", "--year", "2018")
    leaders = {r["name"]: r for r in report["late"]["leader"]}
    assert leaders["王镇长"] == {
        "name": "王镇长",
        "held": 2,
        "owed": 2,
        "on_time": 1,
        "overdue": 1,
        "on_time_pct": 50.0,
        "rated": 1,
        "satisfaction_pct": 100.0,
    }
    assert leaders["李主任"]["owed"] == 0 and leaders["李主任"]["on_time_pct"] is None  # nothing owed yet: "—"
    assert [r["name"] for r in report["late"]["leader"]] == ["王镇长", "李主任"]  # the late first
    units = {r["name"]: r for r in report["late"]["unit"]}
    assert units["镇环保办"]["overdue"] == 1 and units["镇建设局"]["held"] == 1
    text = cli("report", "--year", "2018", "--format", "text").stdout
    assert re.search(r"王镇长\s+2\s+2\s+1\s+1\s+50\.0%\s+100\.0%", text)
    assert re.search(r"李主任\s+1\s+0\s+0\s+0\s+—\s+—", text)
    bulletin = cli("bulletin", "--year", "2018", "--format", "markdown").stdout
    assert "截至2018-06-20，1名包案领导名下有超期未办结案件：王镇长1件。" in bulletin


# --- due --by leader: 催办 before the clock runs out -----------------------------------------------------


def test_due_by_leader_lists_what_each_leader_must_finish_in_working_days(cli, monkeypatch):
    monkeypatch.setenv("GUSIDE_TODAY", "2018-08-20")
    cli("leader", "add", "王镇长", "--rank", "town")
    cli("leader", "add", "李主任", "--rank", "department")
    # handling is due 60 days after acceptance: 2018-10-09 and 2018-10-10, just after the National Day holiday
    first = cli.add(received="2018-08-09 09:00")["number"]
    second = cli.add(received="2018-08-09 10:00", village="新龚村")["number"]
    for number, leader, accepted in ((first, "王镇长", "2018-08-10"), (second, "李主任", "2018-08-11")):
        cli("assign", number, "--leader", leader)
        cli("accept", number, "--on", accepted)
    # 2018-09-28 is a Friday; 9/29 and 9/30 are 调休 working days, 10/1-10/7 the holiday: 5 working days -> 10/10
    plain = cli("--today", "2018-09-28", "due", "--within", "5", "--by", "leader", "--format", "json")
    assert json.loads(plain.stdout) == []
    working = json.loads(
        cli("--today", "2018-09-28", "due", "--within", "5", "--working", "--by", "leader", "--format", "json").stdout
    )
    assert [(g["leader"], g["count"]) for g in working] == [("王镇长", 1), ("李主任", 1)]
    assert working[0]["cases"][0]["number"] == first
    shown = cli("--today", "2018-09-28", "due", "--within", "5", "--working", "--by", "leader").stdout
    assert "王镇长：1 件须办结，最早 2018-10-09 到期" in shown and "李主任：1 件须办结" in shown
    refused = cli("due", "--by", "village", ok=False)
    assert refused.exit_code == 2 and "--by 只能是 leader" in refused.stderr


# --- the documents as LibreOffice prints them ---------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(
    SOFFICE is None or PDFTOPPM is None,
    reason="no LibreOffice or poppler on this machine (Debian: apt-get install libreoffice-writer poppler-utils"
    " fonts-noto-cjk)",
)
def test_libreoffice_prints_both_documents(cli, demo, tmp_path):
    """Each document converted to PDF by LibreOffice, its pages to PNG: into tmp, and into docs/ too when
    GUSIDE_SCREENSHOTS names a folder (GUSIDE_SCREENSHOTS=docs refreshes the README's)."""
    documents = {
        "bulletin": ["bulletin", "--year", "2018", "--as-of", "2018-08-15", "--number", "顾信办〔2018〕3号"],
        "report": ["report", "--year", "2018", "--as-of", "2018-08-15"],
    }
    for name, args in documents.items():
        docx_file = tmp_path / f"{name}.docx"
        run(cli, demo, *args, "--format", "docx", "--out", docx_file)
        subprocess.run(
            [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
             "--outdir", str(tmp_path), str(docx_file)],
            check=True, capture_output=True, timeout=240,
        )  # fmt: skip
        pdf = tmp_path / f"{name}.pdf"
        subprocess.run([PDFTOPPM, "-png", "-r", "60", str(pdf), str(tmp_path / f"docx-{name}")], check=True)
        pages = sorted(tmp_path.glob(f"docx-{name}-*.png"))
        assert len(pages) >= 3, f"{name}: {len(pages)} pages"
        if shutil.which("pdftotext"):
            words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            assert "—1—" in words.replace(" ", "") and "信访总量" in words  # page numbers, and the text
        if os.environ.get("GUSIDE_SCREENSHOTS"):
            for n, page in enumerate(pages[:4], start=1):
                shutil.copy(page, Path(os.environ["GUSIDE_SCREENSHOTS"]) / f"docx-{name}-{n}.png")


def test_a_reduction_just_short_of_the_target_is_shown_with_two_decimals_everywhere_leaders_read_it():
    """267 -> 187 is down 29.96 %: 30.0 % beside 未达标 would contradict it, in the page and in the document."""
    from datetime import date

    from guside_cli.core.counts import Handling, PeriodCounts, ReportCounts
    from guside_cli.render.documents import town_sentence
    from guside_cli.render.report_html import report_body
    from guside_cli.reports.periods import Period, previous
    from guside_cli.reports.report import DEFAULT_TARGETS, build_report

    period = Period(date(2018, 1, 1), date(2018, 12, 31))
    counts = ReportCounts(
        current=PeriodCounts({"红豆村": (187, 10)}),
        previous=PeriodCounts({"红豆村": (267, 10)}),
        handling=Handling(187, 0, 187, 0, 0, 0),
    )
    report = build_report(
        counts, year=2018, period=period, previous_period=previous(period), measure="items", targets=DEFAULT_TARGETS
    )
    page = report_body(report, "顾山镇", "zh", with_charts=False)
    assert "信访总量下降29.96%（目标30.0%）未达标" in page and "30.0%</td><td>30.0%" not in page
    assert "下降29.96%，目标下降30.0%，未达标" in town_sentence(report, "zh")


def test_table_columns_fit_their_headers_names_and_figures(cli, demo, tmp_path):
    """No header folds mid-word (去年同/期), no village or leader (李家桥/村) and no figure or case number breaks:
    each column is at least as wide as those on one line, in 小四 where the table fits the text block."""
    from guside_cli.render.gongwen import CELL_MARGIN, SMALL_TABLE_SIZE, TABLE_SIZE, TEXT_WIDTH, _span, table_layout

    for args in (["report", "--year", "2018"], ["bulletin", "--year", "2018", "--as-of", "2018-08-15"]):
        out = tmp_path / f"{args[0]}.docx"
        run(cli, demo, *args, "--format", "docx", "--out", out)
        for table in docx.Document(out).tables:
            rows = [[c.text for c in row.cells] for row in table.rows]
            size = table.rows[0].cells[0].paragraphs[0].runs[0].font.size
            assert size == TABLE_SIZE, rows[0]
            widths = [c.width.pt for c in table.rows[0].cells]
            assert abs(sum(widths) - TEXT_WIDTH.pt) < 1
            for i, width in enumerate(widths):
                room = width - 2 * CELL_MARGIN.pt
                kept = [r[i] for r in rows[1:] if i == 0 or re.search(r"\d", r[i])]
                assert _span(rows[0][i], size.pt, bold=True) <= room, (rows[0][i], width)
                assert all(_span(v, size.pt) <= room for v in kept), (rows[0][i], width)
    # a village table with the office's village targets (eleven columns): 五号 keeps every header whole
    headers = ["属地", "总量", "同期", "增减", "达标", "越级", "同期", "增减", "达标"]
    headers += ["一票否决预警", "重点重复信访超期"]
    row = ["李家桥村", "18", "15", "+3", "✗ 未达标", "2", "2", "0", "✓ 达标", "到部去省不降反升", "2018-李家桥-011"]
    size, widths = table_layout(headers, [row])
    assert size == SMALL_TABLE_SIZE and abs(sum(widths) - TEXT_WIDTH.pt) < 0.01
    assert all(_span(h, size.pt, bold=True) <= w - 2 * CELL_MARGIN.pt for h, w in zip(headers, widths, strict=True))
    assert _span("2018-李家桥-011", size.pt) <= widths[-1] - 2 * CELL_MARGIN.pt
