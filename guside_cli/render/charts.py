"""The report's two charts as PNG pictures (matplotlib, drawn off-screen): per village this period against the
same dates last year, with the town's target mark and vetoed villages marked; and month by month, this year
against last year. The Word documents, `report --format html` and the web view show these pictures.

Never boxes (豆腐块): the font is a real CJK font, found in this order — the file named by GUSIDE_CJK_FONT; Noto
Sans SC from the `pylopdf-fonts-zh-cn` package (installed with `guside[docs]`, so every machine draws the same);
a CJK font of the system (Debian's fonts-noto-cjk, WenQuanYi, Source Han, SimHei, YaHei). With none, the chart
is refused with a line naming what to install. Before a picture is written every character drawn is looked up
in the font: one it lacks is refused too, rather than drawn as a box.
"""

import functools
import io
import os
from pathlib import Path

from guside_cli.core.errors import InputError
from guside_cli.messages import M, text
from guside_cli.reports.report import Report

PROBE = "顾山镇环境信访村社区件次月"  # a font that lacks one of these is no font for these charts
SYSTEM_NAMES = ("notosanscjk", "notosanssc", "sourcehansans", "wqy", "droidsansfallback", "simhei", "msyh")
BLUE, GREY, RED, GREEN = "#1f5fa8", "#b8b8b8", "#c0392b", "#2e7d32"


def _charmap(path: Path) -> dict[int, int] | None:
    from matplotlib.ft2font import FT2Font

    try:
        return FT2Font(str(path)).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return None


def _covers(path: Path, chars: str = PROBE) -> bool:
    charmap = _charmap(path)
    return charmap is not None and all(ord(c) in charmap for c in chars)


def _candidates() -> list[Path]:
    found: list[Path] = []
    try:
        import pylopdf_fonts_zh_cn

        found.append(Path(pylopdf_fonts_zh_cn.sans_path()))
    except ImportError:
        pass
    from matplotlib import font_manager

    system = sorted(font_manager.findSystemFonts(), key=lambda p: (Path(p).suffix.lower() == ".ttc", p))
    for rank in SYSTEM_NAMES:  # the preferred families first
        found += [Path(p) for p in system if rank in Path(p).name.lower().replace("-", "").replace("_", "")]
    return found


@functools.lru_cache(maxsize=4)
def cjk_font(named: str | None = None) -> Path:
    """The font the charts are drawn in (see the module's docstring); refused with what to install."""
    if named:
        path = Path(named)
        if not path.is_file() or _charmap(path) is None:
            raise InputError(M("chart.bad_font", path=named))
        if not _covers(path):
            raise InputError(M("chart.font_lacks", font=path.name, chars=_missing(path, PROBE)))
        return path
    for path in _candidates():
        if path.is_file() and _covers(path):
            return path
    from guside_cli.resources import install_command

    raise InputError(M("chart.no_font", install=install_command("docs")))


def _missing(path: Path, chars: str) -> str:
    charmap = _charmap(path) or {}
    return "".join(dict.fromkeys(c for c in chars if not c.isspace() and ord(c) not in charmap))


def font_for_charts() -> Path:
    return cjk_font(os.environ.get("GUSIDE_CJK_FONT") or None)


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        from guside_cli.resources import install_command

        raise InputError(M("chart.not_installed", install=install_command("docs"))) from None
    matplotlib.use("Agg")  # off-screen: no display, no GUI toolkit
    import matplotlib.pyplot as plt

    return plt


def _png(fig, font: Path) -> bytes:
    """The picture, after every character drawn was found in the font (a missing one would be a box)."""
    from matplotlib.text import Text

    drawn = "".join(t.get_text() for t in fig.findobj(Text))
    missing = _missing(font, drawn)
    if missing:
        import matplotlib.pyplot as plt

        plt.close(fig)
        raise InputError(M("chart.font_lacks", font=font.name, chars=missing))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buffer.getvalue()


def _setup():
    plt = _pyplot()
    from matplotlib import font_manager

    font = font_for_charts()
    font_manager.fontManager.addfont(str(font))
    name = font_manager.FontProperties(fname=str(font)).get_name()
    plt.rcParams.update(
        {
            "font.family": [name],
            "font.size": 10,
            "axes.unicode_minus": False,  # the CJK font's hyphen, not U+2212 (some CJK fonts lack it)
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.fonttype": "none",
        }
    )
    return plt, font


def village_chart(r: Report, lang: str) -> bytes:
    """Per village this period against the same dates last year (件次), each village's mark where the town's
    total target would put it (last year × (1 − target)), vetoed villages in red with ▲."""
    from guside_cli.render.report import whole

    plt, font = _setup()
    rows = sorted(r.villages, key=lambda v: (v.total.current + v.total.previous, v.village))  # largest on top
    year, previous = r.period.end.year, r.previous_period.end.year
    fig, ax = plt.subplots(figsize=(7.2, 0.42 * max(len(rows), 3) + 1.3))
    if not rows:
        ax.text(0.5, 0.5, text("chart.villages.none", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _png(fig, font)
    ys = range(len(rows))
    height = 0.38
    now = [v.total.current for v in rows]
    before = [v.total.previous for v in rows]
    colours = [RED if v.veto else BLUE for v in rows]
    ax.barh(
        [y - height / 2 for y in ys],
        before,
        height,
        color=GREY,
        label=text("chart.villages.previous", lang, year=previous),
    )
    ax.barh(
        [y + height / 2 for y in ys], now, height, color=colours, label=text("chart.villages.current", lang, year=year)
    )
    target = r.total.target_pct
    share = None
    if target is not None:
        from decimal import Decimal

        share = (Decimal(100) - target) / Decimal(100)
        for y, v in zip(ys, rows, strict=True):
            if v.total.previous:
                mark = float(Decimal(v.total.previous) * share)
                ax.plot([mark, mark], [y - 0.45, y + 0.45], color=GREEN, linewidth=2)
        ax.plot(
            [],
            [],
            color=GREEN,
            linewidth=2,
            label=text(
                "chart.villages.target", lang, whole=whole(r, lang, inline=True), pct=_pct(target), share=_share(share)
            ),
        )
    for y, v in zip(ys, rows, strict=True):
        ax.text(v.total.current + 0.2, y + height / 2, str(v.total.current), va="center", fontsize=8)
    labels = [f"{v.village} ▲" if v.veto else v.village for v in rows]
    ax.set_yticks(list(ys), labels)
    for tick, v in zip(ax.get_yticklabels(), rows, strict=True):
        if v.veto:
            tick.set_color(RED)
    handles, _ = ax.get_legend_handles_labels()
    if any(v.veto for v in rows):
        from matplotlib.patches import Patch

        word = text("report.veto" if r.final else "report.veto_warning", lang)
        handles.append(Patch(color=RED, label=text("chart.villages.vetoed", lang, word=word)))
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(text("chart.axis.items", lang))
    ax.set_title(text("chart.villages.title", lang, year=year, previous=previous), fontsize=12)
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_axisbelow(True)
    return _png(fig, font)


def monthly_chart(r: Report, lang: str) -> bytes:
    """Month by month: this year's line against last year's, over the report's months."""
    plt, font = _setup()
    year, previous = r.period.end.year, r.previous_period.end.year
    months = [m for m, _, _ in r.monthly]
    fig, ax = plt.subplots(figsize=(7.2, 3.4))
    if months:
        ax.plot(
            months,
            [p for _, _, p in r.monthly],
            color=GREY,
            marker="o",
            linewidth=2,
            label=text("chart.monthly.previous", lang, year=previous),
        )
        ax.plot(
            months,
            [c for _, c, _ in r.monthly],
            color=BLUE,
            marker="o",
            linewidth=2,
            label=text("chart.monthly.current", lang, year=year),
        )
        ax.set_xticks(months, [text("chart.month", lang, month=m) for m in months])
        ax.legend(frameon=False, fontsize=9)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    ax.set_ylabel(text("chart.axis.items", lang))
    ax.set_title(text("chart.monthly.title", lang, year=year, previous=previous), fontsize=12)
    ax.grid(axis="y", color="#e5e5e5")
    return _png(fig, font)


def _pct(value) -> str:
    from guside_cli.render.report import one_decimal

    return f"{one_decimal(value):g}"


def _share(value) -> str:
    return f"{float(value):g}"


def charts(r: Report, lang: str) -> list[tuple[str, bytes]]:
    """Both pictures with their captions, in the order a document shows them."""
    year, previous = r.period.end.year, r.previous_period.end.year
    return [
        (text("chart.villages.title", lang, year=year, previous=previous), village_chart(r, lang)),
        (text("chart.monthly.title", lang, year=year, previous=previous), monthly_chart(r, lang)),
    ]
