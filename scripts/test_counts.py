"""How many tests check what guside does, apart from the catalogue's checks.

    python scripts/test_counts.py        # e.g. "812 behaviour tests (24 of them slow) + 2144 catalogue checks"

Two tests of tests/test_messages.py are parametrised over every message id (both languages present with the same
parameters; every message renders): they grow with the catalogue, not with what the tool does, so a count of
"tests" that includes them says little. Every pytest run ends with the same line for the tests it ran
(tests/conftest.py); this script counts the whole suite, slow tests included, without running it.
"""

import contextlib
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


class _Collected:
    def __init__(self) -> None:
        self.items: list = []

    def pytest_collection_finish(self, session) -> None:
        self.items = list(session.items)


def main() -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    collected = _Collected()
    with contextlib.redirect_stdout(io.StringIO()):
        code = pytest.main(
            ["--collect-only", "-q", "-p", "no:cacheprovider", "--runslow", str(ROOT / "tests")], plugins=[collected]
        )
    if code != 0:
        print(f"collection failed (pytest exit {code})", file=sys.stderr)
        return 1
    from conftest import counts  # tests/conftest.py: one definition of which tests are catalogue checks

    behaviour, catalogue = counts([item.nodeid for item in collected.items])
    slow = sum(1 for item in collected.items if "slow" in item.keywords)
    print(f"{behaviour} behaviour tests ({slow} of them slow) + {catalogue} catalogue checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
