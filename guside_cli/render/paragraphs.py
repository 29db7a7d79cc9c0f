"""Paragraphs on a terminal: wrapped between clauses at the screen's width, never inside a number, a percentage, a
date or a verdict (rich alone breaks Chinese text anywhere: 未达/标)."""

import re

# where a paragraph may break at a narrow screen: after a clause, else after a pause, else between words (a
# Chinese character, a number with its %, an English word); never inside a number, a percentage, a date or a
# verdict, never before closing punctuation or after an opening bracket
_CLAUSE_ENDS = ("；", "。", "; ", ". ")
_PAUSES = ("，", "：", "、", ", ", ": ", ") ")
_WORDS = re.compile(
    r"\s+|[（(“]*(?:未达标|达标|NOT met|[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+|\S)[）)”。；，：、%.,;:!?]*"
)


def _pieces(paragraph: str, ends: tuple[str, ...]) -> list[str]:
    pieces, start = [], 0
    for i in range(len(paragraph)):
        end = next((end for end in ends if paragraph.startswith(end, i)), None)
        if end is not None and i + len(end) > start:
            pieces.append(paragraph[start : i + len(end)])
            start = i + len(end)
    return [*pieces, paragraph[start:]] if start < len(paragraph) else pieces


_LEVELS = (
    lambda s: _pieces(s, _CLAUSE_ENDS),
    lambda s: _pieces(s, _PAUSES),
    _WORDS.findall,
)


def wrap_paragraph(paragraph: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken between clauses (；/。), else at a pause (，/：/、), else between
    words: a clause is kept whole on a line whenever it fits one."""
    from wcwidth import wcswidth

    def cells(s: str) -> int:
        return max(wcswidth(s), 0)

    def pack(pieces: list[str], level: int, lines: list[str]) -> None:
        for piece in pieces:
            if lines and cells((lines[-1] + piece).rstrip()) <= width:
                lines[-1] += piece
            elif cells(piece.strip()) <= width:
                lines.append(piece.lstrip())
            elif level + 1 < len(_LEVELS):
                pack(_LEVELS[level + 1](piece), level + 1, lines)
            else:  # one word wider than the screen: as it is (rich folds it)
                lines.append(piece)

    lines: list[str] = []
    pack(_LEVELS[0](paragraph), 0, lines)
    return [line.strip() for line in lines if line.strip()]


def bulleted(item: str, width: int, bullet: str = "- ") -> list[str]:
    """A list item wrapped like a paragraph, its continuation lines indented under the text."""
    lines = wrap_paragraph(item, width - len(bullet)) or [""]
    return [bullet + lines[0], *(" " * len(bullet) + line for line in lines[1:])]


def print_paragraphs(target, paragraphs, *, style: str = "", bullet: str | None = None) -> None:
    """Paragraphs (or list items) on a terminal, each wrapped between clauses at the console's width."""
    from rich.text import Text

    for paragraph in paragraphs:
        lines = wrap_paragraph(paragraph, target.width) if bullet is None else bulleted(paragraph, target.width, bullet)
        target.print(Text("\n".join(lines), style=style, overflow="fold"))


def fit_lines(text: str, width: int) -> str:
    """Plain text for a terminal: each line wider than the screen wrapped at safe points (wrap_paragraph), its
    continuation indented under the line's own text (after "- " or the leading spaces)."""
    from wcwidth import wcswidth

    out = []
    for line in text.splitlines():
        if max(wcswidth(line), 0) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if body.startswith("- "):
            indent, body = indent + 2, body[2:]
        first, *rest = wrap_paragraph(body, max(width - indent, 20))
        out.append(line[:indent] + first)
        out.extend(" " * indent + piece for piece in rest)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")
