"""The one message catalogue: every text a user reads, in Chinese and English, by id.

Each area keeps its entries in a module of its own (`common`, `casepath`, `trust`, `files`, `desk`, `merge`,
`campaign`) as `MESSAGES = {"id": ("中文 {param}", "English {param}")}`; this module joins them and refuses an
id defined twice. Use:

    from guside_cli.messages import M, text
    raise RuleViolation(M("case.extend_after_due", number=n, due=d, on=on))   # rendered in the run's language
    text("report.title", lang, year=2018)                                     # a label in a given language

`M` is rendered when it is turned into a string, in the language the root command set (`set_language`), so a
core rule can raise it without knowing the language. Codes in JSON stay English and never come from here.
This package imports nothing of the project: every layer may use it.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("zh", "en")
AREAS = (
    "common",
    "casepath",
    "trust",
    "files",
    "desk",
    "merge",
    "campaign",
    "lifecycle",
    "reports",
    "data",
    "extras",
    "periods",
    "guard",
    "sheets",
    "documents",
    "rules",
    "sources",
)

_language = "zh"
_catalogue: dict[str, tuple[str, str]] | None = None


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in LANGUAGES else "zh"


def language() -> str:
    return _language


def catalogue() -> dict[str, tuple[str, str]]:
    """Every message id with its (zh, en) texts; loaded on first use."""
    global _catalogue
    if _catalogue is None:
        import importlib

        joined: dict[str, tuple[str, str]] = {}
        for area in AREAS:
            for key, value in importlib.import_module(f"{__name__}.{area}").MESSAGES.items():
                if key in joined:
                    raise RuntimeError(f"message id {key!r} is defined twice (again in {area})")
                joined[key] = value
        _catalogue = joined
    return _catalogue


def text(message_id: str, lang: str | None = None, /, **params: Any) -> str:
    """The message in `lang` (default: the run's language) with its parameters filled in."""
    zh, en = catalogue()[message_id]
    template = zh if (lang or _language) == "zh" else en
    return template.format(**params) if params else template


class M:
    """A message not yet rendered: its id and parameters. str() renders it in the run's language."""

    __slots__ = ("id", "params")

    def __init__(self, message_id: str, /, **params: Any) -> None:
        if message_id not in catalogue():
            raise KeyError(f"no message {message_id!r} in the catalogue")
        self.id = message_id
        self.params = params

    def render(self, lang: str | None = None) -> str:
        return text(self.id, lang, **self.params)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"M({self.id!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:  # the same message with the same parameters (a memo compares them)
        return isinstance(other, M) and (self.id, self.params) == (other.id, other.params)

    def __hash__(self) -> int:
        return hash(self.id)


class Several(M):
    """Several messages shown as one (a check's findings), the first `shown` of them and how many more, each in
    the language asked of the whole."""

    __slots__ = ("items", "shown")

    def __init__(self, items: list[M], shown: int = 5) -> None:
        super().__init__("common.several_more", count=max(len(items) - shown, 0))
        self.items, self.shown = items, shown

    def render(self, lang: str | None = None) -> str:
        separator = "；" if (lang or _language) == "zh" else "; "
        head = separator.join(item.render(lang) for item in self.items[: self.shown])
        return head + (text("common.several_more", lang, count=self.params["count"]) if self.params["count"] else "")
