"""Where the bundled data lives: `sample_data/` of the repo (editable install), or its copy inside the wheel."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def sample_data_dir() -> Path:
    for candidate in (_PACKAGE / "sample_data", _PACKAGE.parent / "sample_data"):
        if (candidate / "villages.csv").is_file():
            return candidate
    raise FileNotFoundError("sample_data/ is missing from this installation; reinstall guside")


def install_command(extra: str) -> str:
    """The command that installs an optional extra where this guside came from: a source checkout (a clone,
    installed with `pip install -e .`) takes `pip install -e "CHECKOUT[extra]"`; a release takes
    `pip install "guside[extra]"`."""
    root = _PACKAGE.parent
    if (root / "pyproject.toml").is_file() and (root / "guside_cli").is_dir():
        return f'pip install -e "{root}[{extra}]"'
    return f'pip install "guside[{extra}]"'


def default_villages_file() -> Path:
    return sample_data_dir() / "villages.csv"
