"""Where the bundled data lives: `sample_data/` of the repo (editable install), or its copy inside the wheel."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def sample_data_dir() -> Path:
    for candidate in (_PACKAGE / "sample_data", _PACKAGE.parent / "sample_data"):
        if (candidate / "villages.csv").is_file():
            return candidate
    raise FileNotFoundError("sample_data/ is missing from this installation; reinstall guside")


def default_villages_file() -> Path:
    return sample_data_dir() / "villages.csv"
