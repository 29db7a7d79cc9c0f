"""docs/reference.md is made from the code and the catalogue by scripts/make_reference.py: it can never drift from
`--help`, because this test fails the moment the two differ."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_reference_is_what_the_code_makes_now():
    make = _script("make_reference")
    written = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert written == make.reference(), f"docs/reference.md is stale: run `{make.REGENERATE}` and commit the result"


def test_the_reference_names_every_command_and_no_catalogue_id():
    from guside_cli.app import COMMANDS

    written = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for names in COMMANDS.values():
        for name in names:
            assert f"\n### guside {name}\n" in written, name
    assert "help.opt." not in written and "help.cmd." not in written
