"""The public snapshot served by default: what a leader may read, and nothing personal.

Only the columns listed here are copied (a column a later migration adds is not published until it is
listed): no petitioner, phone, ID number, key persons, forecast, staff names, history or rewards by case
(a reward names its whistleblower's case: only the count and total per year are published). Subjects,
causes, units, enterprises and step notes go through `mask_in_text` (the one masking rule, which reads every
numeral system and sees through invisible characters), so a phone or ID number typed into free text is masked.
"""

import json
import sqlite3
from pathlib import Path

from guside_cli.core.enums import Form, Level, Outcome, Pollution, Rating, Satisfaction, Source, Status, StepKind
from guside_cli.core.fields import FIELDS
from guside_cli.core.identity import mask_in_text
from guside_cli.storage.rules import escalated

CODES = {
    "level": Level,
    "form": Form,
    "source": Source,
    "status": Status,
    "outcome": Outcome,
    "satisfaction": Satisfaction,
    "step": StepKind,
    "rating": Rating,
}


def _label(kind: str, code: str | None) -> str | None:
    return CODES[kind](code).label("zh") if code else None


def _pollution(text: str | None) -> str | None:
    return "、".join(Pollution(c).label("zh") for c in json.loads(text)) if text else None


# the public case table's columns: the field table's public fields, named by their labels (core/fields.py: 登记 the
# receipt, 受理 the acceptance), in this order, then the two codes the canned queries read
CASE_COLUMNS = (
    "number", "town", "received_on", "village", "level", "escalated", "form", "source", "pollution", "subject",
    "cause", "persons", "unit", "enterprise", "leader", "accepted_on", "due_on", "status", "closed_on", "outcome",
    "satisfaction", "repeat_of",
)  # fmt: skip
CODE_COLUMNS = ("层级代码", "状态代码")


def column(code: str) -> str:
    """A public column's name: its field's Chinese label."""
    return FIELDS[code].zh


def _case_table() -> str:
    kinds = {"int": "INTEGER"}
    names = [
        f'"{column(c)}" {kinds.get(FIELDS[c].kind, "TEXT")}{" PRIMARY KEY" if c == "number" else ""}'
        for c in CASE_COLUMNS
    ]
    return "CREATE TABLE 案件 (\n    " + ", ".join([*names, *(f"{n} TEXT" for n in CODE_COLUMNS)]) + "\n);"


SCRIPT = (
    _case_table()
    + """
INSERT INTO 案件 SELECT p.number, coalesce(p.town, :town), p.received_on, p.village, label('level', p.level),
    CASE WHEN {ESCALATED} THEN '是' ELSE '否' END, label('form', p.form),
    label('source', p.source), pollution(p.pollution), mask(p.subject), mask(p.cause), p.persons, mask(p.unit),
    mask(p.enterprise), l.name, p.accepted_on, p.due_on, label('status', p.status), p.closed_on,
    label('outcome', p.outcome), label('satisfaction', p.satisfaction), r.number, p.level, p.status
FROM src.petitions p LEFT JOIN src.leaders l ON l.id = p.leader_id LEFT JOIN src.petitions r ON r.id = p.repeat_of;
CREATE INDEX 案件_登记 ON 案件 (登记日期, 属地);
CREATE INDEX 案件_在办 ON 案件 (状态代码, 办结时限);
CREATE TABLE 调处步骤 (序号 INTEGER PRIMARY KEY, 编号 TEXT, 步骤 TEXT, 时间 TEXT, 说明 TEXT);
INSERT INTO 调处步骤 (编号, 步骤, 时间, 说明) SELECT p.number, label('step', s.kind), s.at, mask(s.note)
FROM src.steps s JOIN src.petitions p ON p.id = s.petition_id ORDER BY s.id;
CREATE INDEX 调处步骤_编号 ON 调处步骤 (编号);
CREATE TABLE 属地 (名称 TEXT PRIMARY KEY, 类别 TEXT);
INSERT INTO 属地 SELECT name, kind FROM src.villages ORDER BY id;
CREATE TABLE 企业 (名称 TEXT PRIMARY KEY, 属地 TEXT, 信用评级 TEXT, 是否达标 TEXT);
INSERT OR IGNORE INTO 企业 SELECT mask(name), village, label('rating', rating),
    CASE compliant WHEN 1 THEN '是' WHEN 0 THEN '否' END FROM src.enterprises ORDER BY id;
CREATE TABLE 有奖举报 (年份 INTEGER PRIMARY KEY, 件数 INTEGER, 金额合计 TEXT);
INSERT INTO 有奖举报 SELECT CAST(substr(paid_on, 1, 4) AS INTEGER), count(*), printf('%.2f', sum(CAST(amount AS REAL)))
FROM src.rewards GROUP BY 1;
""".replace("{ESCALATED}", escalated("p"))
)


def build_public(ledger_path: Path, out: Path, town: str) -> Path:
    """Write the public snapshot of the ledger to `out` (replaced if present) and return it."""
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    try:
        conn.create_function("label", 2, _label, deterministic=True)
        conn.create_function("pollution", 1, _pollution, deterministic=True)
        conn.create_function("mask", 1, mask_in_text, deterministic=True)
        conn.execute("ATTACH DATABASE ? AS src", (str(ledger_path),))
        conn.execute("BEGIN")
        statement = ""
        for line in SCRIPT.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                conn.execute(statement, {"town": town} if ":town" in statement else ())
                statement = ""
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    finally:
        conn.close()
    out.chmod(0o600)
    return out
