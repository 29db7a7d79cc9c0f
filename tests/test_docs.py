"""The documentation points only at what is there: relative links resolve inside the repository, every file path
the architecture note names exists, and every test the guarantees table names exists."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
CODE_BLOCK = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


def _prose(path: Path) -> str:
    return CODE_BLOCK.sub("", path.read_text(encoding="utf-8"))


def _anchors(path: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped (letters of any script, digits, - and _ kept),
    spaces to hyphens."""
    found = set()
    for line in _prose(path).splitlines():
        heading = re.match(r"#{1,6}\s+(.*)", line)
        if heading:
            text = re.sub(r"[`*]", "", heading.group(1)).strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", text).replace(" ", "-"))
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(doc):
    broken = []
    for target in LINK.findall(_prose(doc)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        path, _, anchor = unquote(target).partition("#")
        resolved = (doc.parent / path).resolve() if path else doc
        if not resolved.exists() or not resolved.is_relative_to(ROOT):
            broken.append(target)
        elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved):
            broken.append(f"{target} (no such heading)")
    assert broken == [], f"{doc.name}: links that do not resolve inside the repository: {broken}"


# a path in backquotes (alone, or before a name: `core/records.py FREE_TEXT`): a file or folder of the
# repository, from its root or from guside_cli/; a pattern such as `storage/migrations_<area>.py` is not a path
NAMED_PATH = re.compile(r"`((?:\.ci|bench|docs|guside_cli|sample_data|scripts|tests|core|services|storage|commands|"
                        r"render|reports|interchange|messages|web)/[\w./-]*)(?:::\w+)?[`\s]")  # fmt: skip


@pytest.mark.parametrize("doc", ["docs/architecture.md", "docs/用户手册.md", "docs/guarantees.md", "README.md"])
def test_every_path_a_document_names_exists(doc):
    path = ROOT / doc
    if not path.exists():
        pytest.skip(f"{doc} not written")
    missing = []
    for named in NAMED_PATH.findall(path.read_text(encoding="utf-8")):
        named = named.split("::")[0].rstrip(".")
        if not ((ROOT / named).exists() or (ROOT / "guside_cli" / named).exists()):
            missing.append(named)
    assert missing == [], f"{doc} names paths that do not exist: {missing}"


def test_every_test_the_guarantees_name_exists():
    table = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| **") or line.startswith("| A ")]
    assert len(rows) >= 20
    missing = []
    for row in rows:
        named = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", row)
        assert named, f"a guarantee names no test: {row[:80]}"
        for file, function in named:
            source = ROOT / file
            if not source.exists():
                missing.append(file)
            elif function and not re.search(rf"^(async )?def {function}\(", source.read_text(encoding="utf-8"), re.M):
                missing.append(f"{file}::{function}")
    assert missing == [], f"docs/guarantees.md names tests that do not exist: {missing}"
