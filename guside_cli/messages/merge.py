"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    "merge.same_ledger": (
        "{path} 与本台账是同一本台账（或其复制件），不能合并",
        "{path} is this ledger itself (or a copy of it): nothing to merge",
    ),
    "merge.no_source": ("没有台账文件 {path}", "no ledger file at {path}"),
    "merge.source_is_target": ("{path} 就是正在使用的台账", "{path} is the ledger in use"),
    "merge.schema_differs": (
        "来源台账的 {table} 表有本台账没有的字段：请先升级 guside",
        "the source ledger's {table} table has columns this ledger lacks: upgrade guside first",
    ),
    "merge.source_readonly": (
        "来源台账 {path} 不可写（合并前要在其中记下字段版本）：请复制到可写位置再合并",
        "the source ledger {path} is not writable (a merge records field versions in it first): copy it "
        "somewhere writable and merge the copy",
    ),
    "merge.no_conflict": (
        "案件 {case} 的字段 {field} 没有未解决的冲突：见 `guside conflicts`",
        "no open conflict on field {field} of case {case}: see `guside conflicts`",
    ),
    "merge.number_needs_value": (
        "编号冲突（{number}）只能以新编号解决：--take 新编号（号码的所属方可在本方改号）",
        "a number conflict ({number}) is settled only with a new number: --take NEW-NUMBER (or renumber on "
        "the side that owns the sequence)",
    ),
    "merge.number_taken": (
        "编号 {number} 已被本镇另一件案件使用",
        "number {number} is held by another case of the town",
    ),
    "merge.value_refused": ("字段 {field} 不接受值 {value}", "field {field} does not take the value {value}"),
    "merge.no_such_field": ("没有字段 {field}", "no field {field}"),
    "merge.take_help": ("mine、theirs 或一个值", "mine, theirs or a value"),
    "merge.summary": (
        "{source}（{town}）：新增案件 {added}，采用字段 {taken}，附属记录 {rows}，历史 {history}，冲突 {conflicts}",
        "{source} ({town}): cases added {added}, fields taken {taken}, rows {rows}, history {history}, "
        "conflicts {conflicts}",
    ),
    "merge.conflicts_title": ("未解决的合并冲突 {n} 个", "{n} open merge conflicts"),
    "merge.no_conflicts": ("没有未解决的合并冲突", "no open merge conflicts"),
    "merge.resolved": (
        "{case} {field}：已定为 {value}（记入历史）",
        "{case} {field}: settled as {value} (in the history)",
    ),
    "merge.number_resolved_note": (
        "该案以新编号登记；其调处步骤与历史在下次合并来源台账时带入",
        "the case is registered under the new number; its steps and history come with the next merge of its source",
    ),
    "merge.headers": ("案件|字段|本方值|本方改于|对方值|对方改于", "case|field|mine|changed here|theirs|changed there"),
    "merge.kind_number": ("编号冲突", "number conflict"),
    "web.not_installed": (
        "网页查看需要安装 web 扩展：pip install 'guside[web]'",
        "the web view needs the web extra: pip install 'guside[web]'",
    ),
    "web.serving": ("只读网页：{url}（Ctrl-C 停止）", "read-only web view at {url} (Ctrl-C stops it)"),
    "web.not_local": (
        "注意：{host} 可被本机以外访问；公开视图不含个人信息",
        "note: {host} can be reached from other machines; the public view holds no personal data",
    ),
    "town.unknown": ("台账中没有镇 {town} 的案件", "no case of town {town} in the ledger"),
    "help.opt.town": ("只看此镇的案件（县级汇总台账）", "Only the cases of this town (a county ledger)"),
}
