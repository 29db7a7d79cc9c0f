"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    "merge.same_ledger": (
        "{path} 与本台账是同一本台账（或其复制件），不能合并",
        "{path} is this ledger itself (or a copy of it): nothing to merge",
    ),
    "merge.no_source": ("没有台账文件 {path}", "no ledger file at {path}"),
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
        "网页查看需要安装 web 扩展：{install}",
        "the web view needs the web extra: {install}",
    ),
    "web.serving": ("只读网页：{url}（Ctrl-C 停止）", "read-only web view at {url} (Ctrl-C stops it)"),
    "web.not_local": (
        "注意：{host} 可被本机以外访问；公开视图不含个人信息",
        "note: {host} can be reached from other machines; the public view holds no personal data",
    ),
    "town.unknown": ("台账中没有镇 {town} 的案件", "no case of town {town} in the ledger"),
    "help.opt.town": ("只看此镇的案件（县级汇总台账）", "Only the cases of this town (a county ledger)"),
    "help.merge.sources": (
        "要并入的其他台账（村/社区台、镇、各镇）",
        "Other ledgers (desks, villages, towns) to bring in",
    ),
    "help.resolve.case": (
        "案件编号（2018-0042），或领导/企业/人员的名称",
        "Case number (2018-0042), or the name of a leader/enterprise/person",
    ),
    "help.resolve.field": (
        "有冲突的字段，按 guside conflicts 所列",
        "The field in conflict, as `guside conflicts` names it",
    ),
    "help.resolve.take": (
        "mine（保留本台）、theirs（采用对方）或直接给出要保留的值",
        "mine, theirs, or the value to keep",
    ),
    "help.serve.host": ("监听地址（默认只限本机）", "Address to listen on (this machine only by default)"),
    "help.serve.port": ("端口", "Port"),
    "help.serve.reveal": (
        "同时提供含个人信息的原始表（记入变更记录）",
        "Also serve the raw tables with personal data (logged in the history)",
    ),
    "help.cmd.merge": (
        "按 uid 把其他台账的案件并入本台账（村/社区台并入镇，各镇并入县/市）。\n\n"
        "连同调处、变更记录、领导、企业、人员和奖励。并两次等于一次，先后次序不影响结果。两边都改了的字段是冲突："
        "列出来，不覆盖，退出码 1（见 guside conflicts、guside resolve）。\n\n"
        "示例：guside merge desk-红豆.db desk-新桥.db",
        "Bring other ledgers' cases into this one by uid (desks into a town, towns into a county).\n\n"
        "With their steps, history, leaders, enterprises, persons and rewards. Twice is once; the order of sources "
        "does not matter. A field changed on both sides is a conflict: listed, nothing overwritten, exit 1 (see "
        "`guside conflicts`, `guside resolve`).\n\nExample: guside merge desk-红豆.db desk-新桥.db",
    ),
    "help.cmd.conflicts": (
        "列出未解决的合并冲突（有冲突时退出码 1）：案件、字段、两边的值，各由谁在何时改的。\n\n示例：guside conflicts",
        "List the open merge conflicts (exit 1 while any is open): case, field, both values, when and by whom each "
        "side changed it.\n\nExample: guside conflicts",
    ),
    "help.cmd.resolve": (
        "解决一处合并冲突：保留本台、采用对方，或给出值。记入变更记录；此后凡并入本台账的台账都以此为准。\n\n"
        "示例：guside resolve 2018-0042 反映问题 --take theirs（或：subject --take theirs）",
        "Settle one merge conflict: keep mine, take theirs, or give the value. Recorded in the history; the settled "
        "value then wins on every ledger that merges this one.\n\n"
        "Example: guside resolve 2018-0042 反映问题 --take theirs   (or: subject --take theirs)",
    ),
    # help is rich markup: "\\[web]" prints [web] (a bare [web] was eaten as a style tag)
    "help.cmd.serve": (
        "在浏览器中只读查看台账，供领导使用（可选的 web 组件）。\n\n"
        "公开视图（无姓名、电话、身份证号、举报人）；报告页（达标、一票否决、谁超期、图表）和"
        '超期清单可按条件查询。启动时取快照：要看之后登记的案件请重启。安装：pip install "guside\\[web]"。\n\n'
        "示例：guside serve --port 8001（然后打开 http://127.0.0.1:8001/）",
        "Serve the ledger read-only in a browser, for leaders (the optional web extra).\n\n"
        "The public view (no names, phones, IDs or whistleblowers); the report page (targets, veto, who is late, "
        "charts) and the overdue list as forms. A snapshot taken at start: restart to see later cases. "
        'Install: pip install "guside\\[web]".\n\n'
        "Example: guside serve --port 8001   (then open http://127.0.0.1:8001/)",
    ),
}
