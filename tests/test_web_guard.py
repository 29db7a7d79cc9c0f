"""`guside serve` guarded (web/guard.py): only requests naming the address served (DNS rebinding), `--reveal`
only on this machine, no copy of the ledger left behind by a killed server, no traceback for a 404."""

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

pytest.importorskip("datasette", reason="the web extra is not installed (pip install 'guside[web]')")

from test_web import ID_NUMBER, NAME, PHONE, _free_port, site
from test_web import ledger as ledger

from guside_cli.web import guard


def get(ds, path: str, host: str):
    return asyncio.run(ds.client.get(path, headers={"host": host}))


@pytest.mark.parametrize("path", ["/", "/public/~E6~A1~88~E4~BB~B6.json", "/ledger/petitions.json", "/-/versions"])
def test_a_request_naming_another_host_is_refused(ledger, tmp_path, path):
    ds = site(ledger, tmp_path, reveal=True)
    guard.guard_hosts(ds, "127.0.0.1", 8001)
    for host in ("rebind.example:8001", "rebind.example", "127.0.0.1.rebind.example:8001", "127.0.0.1:8002", ""):
        response = get(ds, path, host)
        assert response.status_code == 421, host
        assert PHONE not in response.text and "拒绝访问" in response.text
    for host in ("127.0.0.1:8001", "localhost:8001"):
        assert get(ds, path, host).status_code in (200, 302, 404), host


def test_on_the_network_only_this_machines_names_and_addresses_are_taken(ledger, tmp_path):
    ds = site(ledger, tmp_path)
    guard.guard_hosts(ds, "0.0.0.0", 8080)
    assert get(ds, "/", "192.168.1.20:8080").status_code == 200  # a leader typing the office machine's address
    assert get(ds, "/", f"{guard.socket.gethostname()}:8080").status_code == 200
    for host in ("rebind.example:8080", "192.168.1.20:8081", "192.168.1.20"):
        assert get(ds, "/", host).status_code == 421, host


def _env(db: Path, tmp: Path) -> dict[str, str]:
    return {**os.environ, "GUSIDE_DB": str(db), "GUSIDE_USER": "leader-desk", "TMPDIR": str(tmp)}


def _start(db: Path, tmp: Path, *args: str):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "guside_cli", "serve", "--port", str(port), *args],
        env=_env(db, tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    for _ in range(150):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1):
                return proc, port
        except OSError:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode()) from None
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("guside serve did not answer in 15 s")


def _fetch(port: int, path: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def files_holding(folder: Path, *secrets: str) -> list[Path]:
    """Every file under `folder` holding one of `secrets` (as UTF-8 bytes), journals and snapshots included."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(s.encode() in data for s in secrets):
                found.append(path)
    return found


def test_a_real_server_refuses_a_rebinding_host_and_prints_no_traceback_for_a_404(ledger, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc, port = _start(ledger, tmp, "--reveal")
    try:
        assert _fetch(port, "/ledger/petitions.json?_shape=array", f"rebind.example:{port}")[0] == 421
        status, body = _fetch(port, "/ledger/petitions.json?_shape=array", f"127.0.0.1:{port}")
        assert status == 200 and PHONE in body
        assert _fetch(port, "/no/such/page")[0] == 404
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert "Traceback" not in err.decode() and "locals" not in err.decode()


def test_reveal_on_the_network_is_refused_before_anything_is_read_or_recorded(cli, ledger):
    with closing(sqlite3.connect(ledger)) as conn:
        before = conn.execute("SELECT count(*) FROM history").fetchone()[0]
    for host in ("0.0.0.0", "::", "192.168.1.20", "office.example"):
        result = cli("serve", "--host", host, "--reveal", ok=False)
        assert result.exit_code == 2, host
        assert "--reveal 只能在本机地址上使用" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    with closing(sqlite3.connect(ledger)) as conn:
        assert conn.execute("SELECT count(*) FROM history").fetchone()[0] == before


def test_a_killed_reveal_server_leaves_no_copy_of_the_ledger_and_the_next_start_sweeps(ledger, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    old = tmp / "guside-web-abc123"  # what an earlier version left: a full copy of the ledger
    old.mkdir()
    (old / "ledger.db").write_bytes(ledger.read_bytes())
    proc, port = _start(ledger, tmp, "--reveal")
    assert _fetch(port, "/ledger/petitions.json?_shape=array")[0] == 200
    assert not old.exists()
    private = guard._base().name
    folders = list((tmp / private).iterdir())
    assert [f.name for f in folders] == [str(proc.pid)]
    assert (tmp / private).stat().st_mode & 0o777 == 0o700 and folders[0].stat().st_mode & 0o777 == 0o700
    proc.kill()
    proc.wait(timeout=10)
    assert files_holding(tmp, PHONE, ID_NUMBER, NAME) == []  # the raw snapshot was only ever in memory
    proc, port = _start(ledger, tmp)
    try:
        assert [f.name for f in (tmp / private).iterdir()] == [str(proc.pid)]  # the killed run's folder swept
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert list((tmp / private).iterdir()) == []


def test_the_public_view_masks_numbers_in_every_free_text_however_written(ledger, tmp_path):
    # written past the tool (an older ledger, a file edited by hand): soft hyphens, circled and financial digits
    with closing(sqlite3.connect(ledger)) as conn:
        conn.execute(
            "UPDATE petitions SET unit = ?, enterprise = ?, subject = ? WHERE id = 1",
            ("物业 139\u00ad1234\u00ad5678", "①③⑨①②③④⑤⑥⑦⑧ 化工厂", "回电 壹叁玖壹贰叁肆伍陆柒捌"),
        )
        conn.commit()
    ds = site(ledger, tmp_path)
    for path in (
        "/public/~E6~A1~88~E4~BB~B6.json?_shape=array",
        "/public/overdue.json?截止日期=2030-01-01&属地=&所属镇=",
    ):
        body = get(ds, path, "localhost").text
        assert PHONE not in body.replace("\u00ad", "") and "壹叁玖壹贰" not in body and "①③⑨①" not in body
