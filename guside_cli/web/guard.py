"""What keeps `guside serve` from handing the ledger to someone else.

- **Who may ask**: every request's Host header must name the address served (and its port). A page on another
  site whose name is made to resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused,
  so it cannot read the view through the leader's browser.
- **Where it may be asked**: `--reveal` (the raw ledger, with names and numbers) only on a loopback address.
- **What is left behind**: the raw snapshot is held in memory (a shared-cache in-memory SQLite database
  Datasette reads with `query_only`), never written to disk, so a `kill -9` leaves no copy of it; the public
  snapshot (nothing personal in it) is kept in a private 0700 folder per run, and folders of runs that are gone
  (and the temp folders of earlier versions, which held a raw copy) are removed at the next start.
- **What an error prints**: Datasette prints a rich traceback with local variables for every error page (a
  404 included); it is switched off.
"""

import contextlib
import ipaddress
import os
import shutil
import socket
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

_HOSTS_ATTRIBUTE = "_guside_allowed_hosts"


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values a request may carry: the address served with its port (and without it on port
    80), `localhost` for a loopback address; for an address open to the network, this machine's own names."""
    bare = host.strip("[]").lower()
    names = {bare}
    if is_loopback(host):
        names |= {"localhost", "127.0.0.1", "::1"} if bare in ("localhost", "127.0.0.1", "::1") else set()
    elif bare in ("0.0.0.0", "::"):
        names = {socket.gethostname().lower(), socket.getfqdn().lower(), "localhost", "127.0.0.1", "::1"}
        names |= _own_addresses()
    hosts = set()
    for name in names:
        shown = f"[{name}]" if ":" in name else name
        hosts.add(f"{shown}:{port}")
        if port == 80:
            hosts.add(shown)
    return frozenset(hosts)


def _own_addresses() -> set[str]:
    try:
        return {info[4][0].lower() for info in socket.getaddrinfo(socket.gethostname(), None)}
    except OSError:
        return set()


def _is_literal_address(host_header: str) -> bool:
    """An IP address typed into the address bar (not a name a DNS server can point anywhere)."""
    name = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    if host_header.startswith("["):
        name = host_header[1:].split("]", 1)[0]
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def guard_hosts(ds, host: str, port: int) -> None:
    """Serve `ds` only to requests whose Host header is the address served (see `allowed_hosts`). On an address
    open to the network, an IP address typed with the port is taken too (a leader's browser on another
    machine): a rebinding page always carries a name, never an address."""
    open_to_network = host.strip("[]") in ("0.0.0.0", "::")
    setattr(ds, _HOSTS_ATTRIBUTE, (allowed_hosts(host, port), port if open_to_network else None))


def register_plugin() -> None:
    """Datasette's asgi_wrapper hook, registered once: every Datasette app built after it checks the Host."""
    from datasette.plugins import pm

    import guside_cli.web.guard as this

    if not pm.is_registered(this):
        pm.register(this, name="guside-guard")


def _host_header(scope: dict) -> str:
    for key, value in scope.get("headers") or ():
        if key == b"host":
            return value.decode("latin-1").strip().lower()
    return ""


def host_allowed(ds, host_header: str) -> bool:
    # a Datasette made without guard_hosts (the tests' own, `datasette` called directly): the test client's
    # localhost only
    hosts, network_port = getattr(ds, _HOSTS_ATTRIBUTE, (frozenset({"localhost"}), None))
    if host_header in hosts:
        return True
    return network_port is not None and host_header.endswith(f":{network_port}") and _is_literal_address(host_header)


try:
    from datasette import hookimpl
except ImportError:  # the web extra is absent: `serve` says so before it gets here

    def hookimpl(fn: Callable) -> Callable:  # type: ignore[no-redef]
        return fn


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guarded(scope, receive, send):
            if scope.get("type") in ("http", "websocket") and not host_allowed(datasette, _host_header(scope)):
                await _refuse(send)
                return
            await app(scope, receive, send)

        return guarded

    return wrap


async def _refuse(send) -> None:
    from guside_cli.messages import text

    body = (text("web.bad_host", "zh") + "\n" + text("web.bad_host", "en") + "\n").encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 421, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def quiet_errors() -> None:
    """Datasette prints every error page's traceback with its local variables (rich's show_locals): a 404 would
    fill the terminal with the request and the rows at hand. Off: the page itself still says what went wrong."""
    import datasette.handle_exception as handler

    handler.rich = None


# the private folders


def _base() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"guside-serve-{uid}"


def _private_folder(path: Path) -> Path:
    """`path` made 0700 and checked to be ours and a real folder (not a link someone else planted)."""
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)
    info = path.lstat()
    import stat

    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        raise PermissionError(path)
    path.chmod(0o700)
    return path


def sweep_stale() -> list[Path]:
    """Remove what runs that are gone left behind: their folders under the private base, and the temp folders
    (guside-web-*) of earlier versions, which held a full copy of the ledger. Returns what was removed."""
    from guside_cli.storage.filesystems import alive

    removed = []
    base = _base()
    if base.is_dir() and not base.is_symlink():
        for child in base.iterdir():
            if child.name.isdigit() and alive(int(child.name)):
                continue
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
    for old in Path(tempfile.gettempdir()).glob("guside-web-*"):
        try:
            mine = not hasattr(os, "getuid") or old.lstat().st_uid == os.getuid()
        except OSError:
            continue
        if mine and old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
            removed.append(old)
    return removed


def run_folder() -> Path:
    """This run's private folder (0700), under a private base (0700): stale ones are swept first."""
    sweep_stale()
    return _private_folder(_private_folder(_base()) / str(os.getpid()))


def raw_in_memory(ledger_conn: sqlite3.Connection) -> tuple[str, sqlite3.Connection]:
    """A copy of the ledger in a shared-cache in-memory database of this process (SQLite's online backup: a
    consistent snapshot). Returns its name for Datasette and the connection that keeps it alive: close it and
    the copy is gone; a killed process leaves nothing."""
    name = f"guside-ledger-{os.getpid()}-{os.urandom(6).hex()}"
    holder = sqlite3.connect(f"file:{name}?mode=memory&cache=shared", uri=True, check_same_thread=False)
    ledger_conn.backup(holder)
    return name, holder
