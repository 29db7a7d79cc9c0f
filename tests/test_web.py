"""The read-only web view (`guside serve`, the extra guside[web]) through Datasette's own test client: pages,
JSON, the canned queries, and no canary phone or ID number anywhere it serves unless --reveal."""

import asyncio
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("datasette", reason="the web extra is not installed (pip install 'guside[web]')")

from datasette.utils import tilde_encode

from guside_cli.web.public import build_public
from guside_cli.web.site import datasette

PHONE = "13912345678"
ID_NUMBER = "320281199001011233"  # a valid check digit
NAME = "钱金宝"
WHISTLE = "孙举报"


@pytest.fixture
def ledger(cli, db_path):
    cli("leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    first = cli.add(
        petitioner=NAME,
        phone=PHONE,
        id_number=ID_NUMBER,
        subject=f"化工厂异味，回电 {PHONE}",
        cause=f"身份证 {ID_NUMBER}",
    )["number"]
    cli("assign", first, "--leader", "王镇长")
    cli("step", first, "--kind", "contact", "--at", "2018-06-07 10:00", "--note", f"电话 {PHONE} 联系上了")
    cli("close", first, "--outcome", "resolved", "--on", "2018-06-10", "--verified")
    cli("reward", first, "--amount", "500", "--on", "2018-06-12", "--note", f"举报人 {WHISTLE}")
    cli.add(petitioner=WHISTLE, village="新龚村", level="province", received="2018-03-01 09:00", subject="河道污水")
    cli.add(village="新龚村", received="2017-03-01 09:00", subject="去年的噪声")
    cli("person", "add", NAME, "--village", "红豆村", "--plan", f"每月走访 {PHONE}", "--phone", PHONE)
    return db_path


def site(db: Path, tmp_path: Path, *, reveal: bool = False):
    """As `guside serve` builds it: the public snapshot with the CLI's reports stored in it, the in-memory copy
    the report page computes from, and the raw snapshot with --reveal."""
    from datetime import date, datetime

    from guside_cli.commands._common import Run
    from guside_cli.storage.ledger import Ledger
    from guside_cli.web.guard import raw_in_memory
    from guside_cli.web.leaders import Source, computed_tables, years_in

    public = build_public(db, tmp_path / "public.db", "顾山镇")
    run = Run(db=db, lang="zh", today=date(2018, 6, 20), now=datetime(2018, 6, 20, 9), user="leader")
    with Ledger.open(db) as ledger:
        memory, holder = raw_in_memory(ledger.conn)
        source = Source(run=run, town="顾山镇", villages=tuple(ledger.villages()), memory=memory)
    _HOLDERS.append(holder)  # the copy lives as long as its holder
    computed_tables(public, source, years_in(source))
    raw = None
    if reveal:
        (tmp_path / "raw").mkdir()
        raw = tmp_path / "raw" / "ledger.db"
        shutil.copy(db, raw)
    ds = datasette(public, "顾山镇", raw=raw, source=source)
    asyncio.run(ds.invoke_startup())
    return ds


_HOLDERS: list = []


def get(ds, path: str):
    return asyncio.run(ds.client.get(path, follow_redirects=True))


def every_page(ds) -> dict[str, str]:
    tables = json.loads(get(ds, "/public.json").text)["tables"]
    assert {t["name"] for t in tables} == {"案件", "调处步骤", "属地", "企业", "有奖举报", "同比情况", "谁超期"}
    paths = ["/", "/public", "/public.json", "/-/metadata.json", "/-/databases.json"]
    for t in tables:
        name = tilde_encode(t["name"])
        paths += [f"/public/{name}", f"/public/{name}.json?_size=max", f"/public/{name}.csv?_size=max"]
    for q in ("yoy?年份=2018&属地=", "late?年份=2018", "overdue?截止日期=2018-12-31&属地=&所属镇="):
        base, params = q.split("?")
        paths += [f"/public/{base}?{params}", f"/public/{base}.json?{params}"]
    paths.append("/-/report?年份=2018&截止日期=2018-06-20&属地=")
    paths.append("/public.json?sql=" + quote("select group_concat(sql) from sqlite_master"))
    pages = {}
    for p in paths:
        response = get(ds, p)
        assert response.status_code == 200, p
        pages[p] = response.text
    return pages


def test_the_public_view_serves_no_name_phone_id_or_whistleblower(ledger, tmp_path):
    ds = site(ledger, tmp_path)
    pages = every_page(ds)
    assert all(pages.values())
    for path, body in pages.items():
        for secret in (PHONE, ID_NUMBER, NAME, WHISTLE, "petitioner", "id_number"):
            assert secret not in body, f"{secret} served at {path}"
    assert "139****5678" in pages[f"/public/{tilde_encode('案件')}.json?_size=max"]
    assert "信访同比报告" in pages["/"] and "顾山镇环境信访台账" in pages["/"]
    download = get(ds, "/public.db")
    assert download.status_code in (403, 404) and PHONE.encode() not in download.content


def test_codes_are_labelled_and_the_report_query_equals_the_cli_report(cli, ledger, tmp_path):
    ds = site(ledger, tmp_path)
    cases = json.loads(get(ds, f"/public/{tilde_encode('案件')}.json?_shape=array").text)
    assert {c["信访层级"] for c in cases} == {"镇级", "省级"} and {c["状态"] for c in cases} == {"在办", "已销号"}
    rows = json.loads(get(ds, "/public/yoy.json?年份=2018&属地=&_shape=array").text)
    total = next(r for r in rows if r["属地"] == "全镇" and r["指标"] == "信访总量")
    escalated = next(r for r in rows if r["属地"] == "全镇" and r["指标"] == "越级赴京到省")
    cli_report = cli.json("report", "--year", "2018", "--as-of", "2018-06-20")
    assert (total["本期"], total["去年同期"]) == (cli_report["total"]["current"], cli_report["total"]["previous"])
    assert escalated["本期"] == cli_report["escalated"]["current"]
    village = json.loads(get(ds, "/public/yoy.json?年份=2018&属地=新龚&_shape=array").text)
    assert {r["属地"] for r in village} == {"新龚村", "全镇"}
    overdue = json.loads(get(ds, "/public/overdue.json?截止日期=2018-12-31&属地=&所属镇=&_shape=array").text)
    assert [r["反映问题"] for r in overdue] == ["去年的噪声", "河道污水"]  # oldest deadline first
    assert "年份" in get(ds, "/public/report").text  # the old form's address: the report page and its form


def test_nothing_served_can_write(ledger, tmp_path):
    ds = site(ledger, tmp_path, reveal=True)
    before = (tmp_path / "public.db").read_bytes()
    for db in ("public", "ledger"):
        assert not ds.databases[db].is_mutable
        for sql in ("delete from 属地", "insert into 属地 values ('x', 'y')", "drop table 属地"):
            response = get(ds, f"/{db}.json?sql=" + quote(sql))
            assert response.status_code == 400 or "error" in response.text
        assert asyncio.run(ds.client.post(f"/{db}/-/insert", json={})).status_code in (403, 404, 405)
    assert (tmp_path / "public.db").read_bytes() == before
    with closing(sqlite3.connect(tmp_path / "public.db")) as conn:
        assert conn.execute("SELECT count(*) FROM 属地").fetchone()[0] > 0


def test_reveal_serves_the_raw_tables(ledger, tmp_path):
    ds = site(ledger, tmp_path, reveal=True)
    assert PHONE in get(ds, "/ledger/petitions.json?_shape=array").text


def _free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path, *args: str, today: str | None = None):
    port = _free_port()
    env = {**os.environ, "GUSIDE_DB": str(db), "GUSIDE_USER": "leader-desk"}
    if today:
        env["GUSIDE_TODAY"] = today
    proc = subprocess.Popen(
        [sys.executable, "-m", "guside_cli", "serve", "--port", str(port), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode()) from None
            time.sleep(0.1)
    proc.terminate()
    raise AssertionError("guside serve did not answer in 10 s")


@pytest.mark.parametrize(
    ("args", "sig", "code", "said"),
    [
        ((), signal.SIGTERM, 143, "错误：已终止：台账未作修改"),
        ((), signal.SIGINT, 0, ""),  # Ctrl-C is how the page says to stop it: a plain stop, nothing to report
        (("--reveal",), signal.SIGTERM, 143, "错误：已终止：本次命令的修改已在终止前保存"),  # the reveal was logged
    ],
)
def test_a_stopped_server_says_what_it_changed(ledger, args, sig, code, said):
    """The words a stop leaves are true: the view writes nothing (it is not "rolled back"), --reveal logged
    itself before serving."""
    with closing(sqlite3.connect(ledger)) as conn:
        before = conn.execute("SELECT count(*) FROM history").fetchone()[0]
    proc, _ = _serve(ledger, *args)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == code
    last = err.decode().strip().splitlines()[-1]
    assert last == said if said else "错误" not in err.decode()
    with closing(sqlite3.connect(ledger)) as conn:
        after = conn.execute("SELECT count(*) FROM history").fetchone()[0]
    assert (after > before) if args else (after == before)


def test_serve_binds_to_this_machine_and_logs_a_reveal(ledger):
    proc, url = _serve(ledger, "--reveal")
    try:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "ledger/petitions.json?_shape=array", timeout=5) as r:
            assert PHONE in r.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    with closing(sqlite3.connect(ledger)) as conn:
        row = conn.execute("SELECT actor, note FROM history WHERE action = 'reveal' ORDER BY id DESC").fetchone()
    assert row[0] == "leader-desk" and "serve --reveal" in row[1]


def test_every_page_of_a_real_server_counts_from_the_runs_today(ledger):
    """GUSIDE_TODAY (or --today) is the today of every page: the overdue list with its date box empty is the
    list on that day, as the report page's 截至, never the machine's clock."""
    proc, url = _serve(ledger, today="2018-06-20")
    try:

        def fetch(path: str) -> str:
            with urllib.request.urlopen(url + path, timeout=5) as r:
                return r.read().decode()

        overdue = "public/overdue.json?_shape=array&属地=&所属镇=&截止日期="
        empty, pinned = (json.loads(fetch(quote(overdue + day, safe="/?&=_."))) for day in ("", "2018-06-20"))
        assert empty == pinned and empty and max(r["超期天数"] for r in empty) < 500
        assert "2018-06-20" in fetch("") and "截至2018-06-20" in fetch("-/report")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None, reason="no headless Chromium on this machine (Debian: apt-get install chromium fonts-noto-cjk)"
)
def test_a_real_browser_shows_the_front_page_and_the_report(cli, tmp_path):
    """The demo ledger in headless Chromium: screenshots into tmp, and into docs/ too when GUSIDE_SCREENSHOTS
    names a folder (GUSIDE_SCREENSHOTS=docs refreshes the README's)."""
    demo = tmp_path / "demo.db"
    cli("demo", "--out", demo)
    proc, url = _serve(demo)
    shots = {
        "web-front.png": (url, 1000),
        "web-report.png": (url + "-/report?年份=2018&截止日期=2018/6/30&属地=", 2600),
        "web-late.png": (url + "public/late?年份=2018", 1300),
    }
    try:
        for name, (page, height) in shots.items():
            out = tmp_path / name
            subprocess.run(
                [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--window-size=1280,{height}", f"--screenshot={out}", page],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            data = out.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, f"{name} looks empty"
            if os.environ.get("GUSIDE_SCREENSHOTS"):
                shutil.copy(out, Path(os.environ["GUSIDE_SCREENSHOTS"]) / name)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
