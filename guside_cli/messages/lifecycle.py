"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters.

The case's life (assign, step, extend, close, reopen, edit, the statute's path), leaders, key persons,
enterprises, rewards, villages, settings, deadlines and the rules and lookups under them."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the case's life: results and refusals ---------------------------------------------------------------
    "lifecycle.required": ("{flag} 为必填项，不能为空", "{flag} is required and cannot be empty"),
    "lifecycle.note_too_long": (
        "说明共 {length} 字，最多保留 {limit} 字",
        "the note is {length} characters long; at most {limit} are kept",
    ),
    "lifecycle.assigned": ("{number} 由 {leader} 包案，办结时限 {due}", "{number} held by {leader}, due {due}"),
    "lifecycle.step_recorded": (
        "{number}：已记录{kind}（登记后 {hours} 小时）",
        "{number}: recorded {kind} ({hours} hours after receipt)",
    ),
    "lifecycle.corrected": ("{number} 已更正：{changes}", "{number} corrected: {changes}"),
    "lifecycle.nothing_changed": ("无变化", "nothing changed"),
    "lifecycle.closed": (
        "{number} 已销号（{day}）：如属误销号，请先 guside reopen 更正，再{action}",
        "{number} is closed (销号 {day}): reopen it before you {action}",
    ),
    "lifecycle.action.assign": ("包案", "assign it"),
    "lifecycle.action.assign_due": (
        "设定办结时限（已销号案件可不带 --due 包案）",
        "give it a due date (a closed case is assigned without --due)",
    ),
    "lifecycle.action.step": ("记录调处", "record a step"),
    "lifecycle.due_before_receipt": (
        "{number}：办结时限 {due} 早于登记日期（{received}），请核对 --due",
        "{number}: due date {due} is before receipt ({received}); check --due",
    ),
    "lifecycle.due_beyond_limit": (
        "{number}：办结时限 {due} 晚于法定期限（{received} 登记，受理后 60 日，至迟 {latest}）；"
        "督办组给出的更短时限可以，更长的须经批准用 guside extend 延期",
        "{number}: due date {due} is beyond the statutory limit (received {received}; 60 days from acceptance: "
        "{latest} at the latest); a shorter limit (an inspection team's) is allowed, a longer one needs an approved "
        "guside extend",
    ),
    "lifecycle.step_before_receipt": (
        "{number}：{kind}时间 {at} 早于信访登记时间（{received}），请核对 --at",
        "{number}: a {kind} step at {at} is before the petition was received ({received}); check --at",
    ),
    "lifecycle.step_in_future": (
        "{number}：调处时间 {at} 晚于当前时间，请核对 --at",
        "{number}: a step at {at} is in the future; check --at",
    ),
    "rule.rank_unknown": (
        "{number}{why}，须由镇领导包案，但 {leader} 的级别未登记：请用 guside leader add {leader} "
        "--rank town|village|department 补登",
        "{number} {why} and must be held by a town leader, but {leader}'s rank is not known: set it with "
        "`guside leader add {leader} --rank town|village|department`",
    ),
    # --- lookups and values --------------------------------------------------------------------------------------
    "case.not_found": (
        "台账中没有案件“{ref}”：请给出编号（如 2018-0042）或序号，可用 guside list 查看",
        "no case '{ref}' in the ledger: give its number (2018-0042) or id; see `guside list`",
    ),
    "enum.unknown": ("未知的{what}“{text}”：可选 {choices}", "unknown {what} '{text}': use one of {choices}"),
    "enum.what.form": ("信访形式", "form"),
    "enum.what.level": ("信访层级", "level"),
    "enum.what.source": ("来源", "source"),
    "enum.what.pollution": ("污染类型", "pollution"),
    "enum.what.status": ("状态", "status"),
    "enum.what.rank": ("领导级别", "rank"),
    "enum.what.stepkind": ("调处环节", "stepkind"),
    "enum.what.outcome": ("办理结果", "outcome"),
    "enum.what.stage": ("办理阶段", "stage"),
    "enum.what.reviewoutcome": ("复查（复核）结果", "reviewoutcome"),
    "enum.what.satisfaction": ("满意度", "satisfaction"),
    "enum.what.rating": ("信用评价", "rating"),
    "identity.bad_id": (
        "身份证号码无效：应为18位且校验码正确（0-9 或 X），或15位旧号码，请与证件核对",
        "ID number is not valid: 18 characters with a correct check digit (0-9 or X), or a 15-digit old number; "
        "check it against the card",
    ),
    "identity.bad_phone": (
        "联系电话无效：手机号为13-19开头的11位数字，固定电话须带区号（如 0510-86001234）",
        "phone number is not valid: a mobile has 11 digits starting 13-19, a landline its area code first "
        "(0510-86001234)",
    ),
    "numbering.bad_form": (
        "案件编号“{number}”须为不含空格、不超过64个字符的一个词，如 2018-0042",
        "case number '{number}' must be one word of at most 64 characters, e.g. 2018-0042",
    ),
    "numbering.only_digits": (
        "案件编号“{number}”只有数字，请加年份前缀，如 2018-{text}",
        "case number '{number}' is only digits; give it a year prefix, e.g. 2018-{text}",
    ),
    # --- villages --------------------------------------------------------------------------------------------
    "village.bad_name": (
        "村（社区）名称“{name}”须为不含空格、不超过32个字的一个词，如 红豆村",
        "village name '{name}' must be one word of at most 32 characters, e.g. 红豆村",
    ),
    "village.unknown": (
        "没有“{text}”这个村（社区）：{hint}（新增请用 guside village add 名称）",
        "unknown village '{text}': {hint} (add a new one with `guside village add NAME`)",
    ),
    "village.did_you_mean": ("是否指 {names}？", "did you mean {names}?"),
    "village.see_list": ("可用 guside village list 查看", "see `guside village list`"),
    "village.added": ("已添加 {name}（简称 {short}）", "Added {name} (short name {short})"),
    "village.h.name": ("名称", "name"),
    "village.h.short": ("简称", "short"),
    "village.h.kind": ("类别", "kind"),
    "village.h.petitions": ("信访件数", "petitions"),
    # --- leaders ---------------------------------------------------------------------------------------------
    "leader.not_found": (
        "没有包案领导“{name}”：请先用 guside leader add {name} --title ... --rank town 添加",
        "no leader '{name}': add one with `guside leader add {name} --title ... --rank town`",
    ),
    "leader.exists": ("包案领导“{name}”已在台账中", "leader '{name}' is already in the ledger"),
    "leader.name_length": ("领导姓名“{name}”须为1至50个字", "leader name '{name}' must be 1 to 50 characters"),
    "leader.added": ("已添加包案领导 {name}（{rank}）", "Added leader {name} ({rank})"),
    "leader.h.name": ("姓名", "name"),
    "leader.h.title": ("职务", "title"),
    "leader.h.rank": ("级别", "rank"),
    "leader.h.open": ("在办", "open"),
    "leader.h.overdue": ("超期", "overdue"),
    "leader.h.closed": ("已销号", "closed"),
    # --- key persons -----------------------------------------------------------------------------------------
    "person.name_length": ("姓名（名称）“{name}”须为1至100个字", "name '{name}' must be 1 to 100 characters"),
    "person.members_without_group": ("--members 须与 --group 同用", "--members goes with --group"),
    "person.added_person": ("已登记重点人员 {name}", "Registered key person {name}"),
    "person.added_group": ("已登记重点群体 {name}", "Registered key group {name}"),
    "person.plan_empty": ("--plan 不能为空", "--plan cannot be empty"),
    "person.plan_updated": ("{name} 的一人一策已更新", "{name}'s plan updated"),
    "person.plan_line": ("  {at} {actor} 修订：{plan}", "  {at} {actor}: {plan}"),
    "person.exists": (
        "重点人员“{name}”已在台账中（修改一人一策请用 person plan）",
        "key person '{name}' is already in the ledger (change the plan with `person plan`)",
    ),
    "person.not_found": (
        "没有重点人员“{name}”：请先用 guside person add {name} --village … 登记",
        "no key person '{name}': add one with `guside person add {name} --village …`",
    ),
    # --- enterprises -----------------------------------------------------------------------------------------
    "enterprise.name_length": (
        "企业名称“{name}”须为1至200个字",
        "enterprise name '{name}' must be 1 to 200 characters",
    ),
    "enterprise.added": ("已添加企业 {name}", "Added enterprise {name}"),
    "enterprise.give_one": (
        "请给出 --rating 或 --compliant/--not-compliant（可同时给出）",
        "give --rating and/or --compliant/--not-compliant",
    ),
    "enterprise.rated": ("{name} 信用评价：{rating}", "{name} rating: {rating}"),
    "enterprise.shown": (
        "{name}（{village}）评价：{rating}；三有三无：{compliant}",
        "{name} ({village}) rating: {rating}; 三有三无: {compliant}",
    ),
    "enterprise.no_village": ("属地未填", "village not recorded"),
    "enterprise.blocked": ("  不能评为绿色/蓝色：{reason}", "  cannot be green/blue: {reason}"),
    "enterprise.none_stale": ("无需降级的企业", "no enterprise needs a downgrade"),
    "enterprise.not_found": (
        "没有企业“{name}”：请先用 guside enterprise add {name} 添加",
        "no enterprise '{name}': add it with `guside enterprise add {name}`",
    ),
    "enterprise.exists": (
        "企业“{name}”已在台账中（修改评价请用 enterprise rate）",
        "enterprise '{name}' is already in the ledger (change it with `enterprise rate`)",
    ),
    "plan.rating_refused": (
        "{name} 不能评为{rating_zh}（{rating}）：{reasons}。方案规定：“{rule}”；最高只能评为{best_zh}（{best}）",
        "{name} cannot be rated {rating} ({rating_zh}): {reasons} — the plan: “{rule}”; {best} ({best_zh}) at best",
    ),
    "plan.reason.not_compliant": ("“三有三无”未达标", "not 三有三无-compliant"),
    "plan.reason.not_assessed": ("“三有三无”未评定", "三有三无 status not assessed"),
    "plan.reason.inspection": ("有未销号的督察交办案件 {cases}", "open inspection case(s) {cases}"),
    "plan.reason.escalated_repeat": (
        "有未销号的到部去省重复信访 {cases}",
        "open province/Beijing repeat petition(s) {cases}",
    ),
    "plan.unrated": ("未评价", "unrated"),
    "plan.not_assessed": ("未评定", "not assessed"),
    "plan.met": ("达标", "met"),
    "plan.not_met": ("未达标", "not met"),
    "plan.group_of": ("（群体{members}人）", " (group of {members})"),
    "plan.group": ("（群体）", " (group)"),
    "plan.total": ("合计", "total"),
    "plan.h.enterprise": ("企业", "enterprise"),
    "plan.h.village": ("属地", "village"),
    "plan.h.rating": ("信用评价", "rating"),
    "plan.h.compliant": ("三有三无", "三有三无 status"),
    "plan.h.open": ("在办", "open"),
    "plan.h.closed": ("已销号", "closed"),
    "plan.h.current": ("现评价", "rating"),
    "plan.h.should_be": ("应降为", "should be"),
    "plan.h.why": ("原因", "why"),
    "plan.h.name": ("姓名/群体", "name"),
    "plan.h.leader": ("包案领导", "leader"),
    "plan.h.last_12_months": ("近12个月信访", "last 12 months"),
    "plan.h.escalated": ("其中越级", "escalated"),
    "plan.h.last_petition": ("最近信访", "last petition"),
    "plan.h.plan": ("一人一策", "plan"),
    "plan.h.paid_on": ("发放日期", "paid on"),
    "plan.h.number": ("编号", "number"),
    "plan.h.reporter": ("举报人", "reporter"),
    "plan.h.amount": ("金额（元）", "amount (yuan)"),
    "plan.h.note": ("说明", "note"),
    # --- rewards ---------------------------------------------------------------------------------------------
    "reward.recorded": ("{number}：奖励 {amount} 元（{day}）", "{number}: reward of {amount} yuan ({day})"),
    "reward.unverified": (
        "{number}：奖励只发给经查属实的举报，请先以 --verified 销号",
        "{number}: a reward is for a report that proved true; close it with --verified first",
    ),
    "reward.bad_date": (
        "{number}：奖励发放日期 {day} 早于登记日期或晚于今天，请核对 --on",
        "{number}: a reward paid on {day} is before receipt or in the future; check --on",
    ),
    "reward.not_a_number": (
        "奖励金额“{text}”不是以元计的数字，如 500 或 500.00",
        "reward amount '{text}' is not a number of yuan, e.g. 500 or 500.00",
    ),
    "reward.not_positive": (
        "奖励金额 {text} 须为正数，以元计，最多两位小数",
        "reward amount {text} must be positive, in yuan and fen (two decimals at most)",
    ),
    # --- settings --------------------------------------------------------------------------------------------
    "setting.not_percent": ("{key} 取百分数，如 80，不是“{text}”", "{key} takes a percentage such as 80, not '{text}'"),
    "setting.percent_range": ("{key} 须在 0 至 100 之间，不是 {text}", "{key} must be between 0 and 100, not {text}"),
    "setting.short_text": ("{key} 取一段简短文字（1至50个字）", "{key} takes a short text (1 to 50 characters)"),
    "setting.not_bool": ("{key} 取 true 或 false，不是“{text}”", "{key} takes true or false, not '{text}'"),
    "setting.unknown": ("没有设置项“{key}”：可设置的有 {known}", "unknown setting '{key}': known settings are {known}"),
    "setting.recomputed": ("{key} 改为 {value}，时限重算", "{key} set to {value}: due dates recomputed"),
    "setting.done": (
        "{key} = {value}（{moved} 件在办案件的时限已重算）",
        "{key} = {value} ({moved} open cases' deadlines moved)",
    ),
    "setting.set": ("{key} 已设为 {value}", "{key} = {value}"),
    "setting.help.deadline.roll_weekends": (
        "时限末日为周六或周日的顺延至下周一（各地做法不一，默认不顺延）",
        "A deadline that falls on Saturday or Sunday moves to the next Monday (practice varies; off by default)",
    ),
    "setting.help.deadline.calendar": (
        "plain：按自然日计算，首日不计；official：时限末日为法定节假日（或非调休上班的周末）的，顺延至下一个工作日",
        "plain: calendar days, the first day not counted; official: a deadline whose last day is a statutory rest "
        "day (法定节假日, or a weekend that is not a 调休 working day) moves to the next working day",
    ),
    "setting.help.town.name": ("镇名，报告和通报中使用", "The town's name, as reports and bulletins print it"),
    "setting.help.bulletin.closure_threshold": (
        "办结率低于此百分数的村（社区）在通报中点名",
        "The bulletin names villages whose closure rate is under this %",
    ),
    "setting.help.bulletin.rise_threshold": (
        "增幅较大：信访量至少增加 N 件且增幅至少 P% 的村（社区）在通报中点名（写作“N,P”）",
        "增幅较大: the bulletin names a village whose petitions rose by at least N and P % ('N,P')",
    ),
    "setting.h.key": ("设置项", "key"),
    "setting.h.value": ("当前值", "value"),
    "setting.h.default": ("默认值", "default"),
    "setting.h.help": ("说明", "help"),
    # --- info and deadlines ----------------------------------------------------------------------------------
    "info.no_ledger": (
        "{path}：尚无台账，首次 guside add 或 guside import 时创建",
        "{path}: no ledger yet; `guside add` or `guside import` creates it",
    ),
    "info.h.item": ("项目", "item"),
    "info.h.value": ("内容", "value"),
    "info.k.exists": ("台账已建立", "exists"),
    "info.yes": ("是", "yes"),
    "info.k.path": ("台账文件", "path"),
    "info.k.schema_version": ("数据库版本", "schema version"),
    "info.k.schema_latest": ("本程序支持的最新版本", "latest schema version"),
    "info.k.sqlite_version": ("SQLite 版本", "SQLite version"),
    "info.k.journal_mode": ("日志模式", "journal mode"),
    "info.k.petitions": ("信访件数", "petitions"),
    "info.k.open": ("在办件数", "open"),
    "info.k.villages": ("村（社区）数", "villages"),
    "info.k.leaders": ("包案领导数", "leaders"),
    "info.k.first_received": ("最早登记日期", "first received"),
    "info.k.last_received": ("最近登记日期", "last received"),
    "deadlines.none": ("无", "none"),
    "deadlines.none_within": ("{days} 天内无到期案件", "nothing falls due within {days} days"),
    # --- help: the case's life -------------------------------------------------------------------------------
    "help.cmd.assign": (
        "将案件交由领导包案（包案 / 限期交办），可重新交办并留痕。\n\n"
        "到部去省信访和上级交办的案件须由镇领导包案。\n"
        "示例：guside assign 2018-0042 --leader 王镇长 --unit 镇综合执法局 --due 2018-06-25",
        "Hand a case to a leader (包案 / 限期交办). Re-assigning is allowed and logged.\n\n"
        "Province/Beijing cases and cases handed down from above must go to a town leader (镇领导包案).\n"
        "Example: guside assign 2018-0042 --leader 王镇长 --unit 镇综合执法局 --due 2018-06-25",
    ),
    "help.assign.leader": ("包案领导", "The leader who takes charge (包案)"),
    "help.assign.unit": ("责任单位", "责任单位: responsible unit"),
    "help.assign.due": ("限期：交办单位规定的办结日期", "限期: a due date set by the assigning office"),
    "help.cmd.step": (
        "记录一次调处。notify（受理告知）记录受理，60天办理时限重新起算。\n\n"
        '示例：guside step 2018-0042 --kind 到达现场 --at "2018-06-07 10:30" --by 李四 --note "现场有异味"',
        "Record a mediation step (调处). `notify` (受理告知) records acceptance and restarts the 60-day clock.\n\n"
        'Example: guside step 2018-0042 --kind 到达现场 --at "2018-06-07 10:30" --by 李四 --note "现场有异味"',
    ),
    "help.step.kind": (
        "调处环节，如 联系信访人 到达现场 现场调处 现场检查 受理告知 …（或英文代码 contact 等）；终端上不填则询问",
        "contact|arrive|mediate|inspect|monitor|enforce|police|interview|reply|notify|visit|other, or "
        "联系信访人/到达现场/现场调处/…; asked on a terminal when left out",
    ),
    "help.step.note": (
        "做了什么、查明什么；终端上不填则询问",
        "What was done and found; asked on a terminal when left out",
    ),
    "help.step.at": ("调处时间（默认现在）", "When (default: now)"),
    "help.cmd.extend": (
        "延长案件办理时限（延期，信访工作条例第三十三条）：可分次批准，合计不超过30天，每次须写明理由和批准领导并告知"
        "信访人；只能在办理时限内申请，过期不能延期。\n\n"
        '示例：guside extend 2018-0042 --days 30 --reason "需第三方监测" --approved-by 王镇长',
        "Extend a case's handling deadline (延期, 条例 第三十三条): several times if approved, 30 days in all, each "
        "with a reason and the approving leader, the petitioner told. "
        "Only while the handling clock runs: never after the due date.\n\n"
        'Example: guside extend 2018-0042 --days 30 --reason "需第三方监测" --approved-by 王镇长',
    ),
    "help.extend.days": ("本次延期天数，1至30天（各次合计不超过30天）", "Days of this extension, 1 to 30 (30 in all)"),
    "help.extend.reason": ("延期理由（负责人批准、已告知信访人）", "Why (the head's approval, the petitioner told)"),
    "help.extend.approved_by": (
        "批准领导（默认为案件的包案领导）",
        "The leader who approved it (default: the case's 包案 leader)",
    ),
    "help.extend.on": ("批准日期（默认今天），须在办结时限之前", "Date approved (default: today); before the due date"),
    "help.cmd.close": (
        "案件销号：问题解决或停诉息访的办结后；复查申请期限届满未申请的；或复查、复核决定后。"
        "尚未办结的案件以问题解决或停诉息访销号时，同时记录办结。到部去省和上级交办的案件不论结果，"
        "均须有包案领导和调处记录。\n\n"
        "示例：guside close 2018-0042 --outcome 停诉息访 --on 2018-07-01 --satisfaction 满意",
        "Strike a case off (销号): after 办结 when settled (问题解决/停诉息访), when the 复查 window passed with no "
        "request, or after a 复查/复核 decision. On a case not yet concluded, 问题解决 or 停诉息访 records 办结 and "
        "销号 together. Province/Beijing and handed-down cases need their 包案 leader and a step, whatever the "
        "outcome.\n\n"
        "Example: guside close 2018-0042 --outcome 停诉息访 --on 2018-07-01 --satisfaction 满意",
    ),
    "help.close.outcome": (
        "办理结果：问题解决 停诉息访 反映不属实 不予受理 转办 阶段性办结 之一（或英文代码 resolved 等）；"
        "终端上不填则询问",
        "resolved|stopped|unfounded|not_accepted|transferred|interim, or "
        "问题解决/停诉息访/反映不属实/不予受理/转办/阶段性办结; asked on a terminal when left out",
    ),
    "help.close.on": ("销号日期（默认今天）", "Date closed (default: today)"),
    "help.close.note": ("如何解决的", "How it was settled"),
    "help.close.verified": ("举报属实", "The report proved true (举报属实)"),
    "help.close.satisfaction": ("满意度：满意/基本满意/不满意", "satisfied|basic|unsatisfied, 满意/基本满意/不满意"),
    "help.close.reward": ("与 --verified 同用：发放的奖励，以元计", "With --verified: a reward paid, in yuan"),
    "help.cmd.reopen": (
        "更正误销号的案件：恢复到原办理阶段，时限照旧（不重新计算60天）。信访人就已解决的事项再次来信来访的，"
        "是新的信访：用 add --repeat-of 登记。\n\n"
        '示例：guside reopen 2018-0042 --reason "误销号：复查申请期限未满"',
        "Correct a case closed by mistake: it returns to the stage it had, its clocks as they were (never a fresh "
        "60 days). A petitioner who comes back on a settled matter is a new petition: `add --repeat-of`.\n\n"
        'Example: guside reopen 2018-0042 --reason "误销号：复查申请期限未满"',
    ),
    "help.reopen.reason": ("为何属误销号", "Why the closing was a mistake"),
    "help.cmd.edit": (
        "更正案件的登记要素，每项修改连同原值、新值记入历史。\n\n"
        "层级更正跨越镇级编号与属地编号的，案件按另一序列重新编号，原编号仍可查到；"
        "会使包案领导不符合包案规定的修改不予保存。\n"
        '示例：guside edit 2018-红豆-007 --set persons=12 --set "cause=企业夜间偷排"',
        "Correct a case's registered elements; each change is kept in the history with old and new values.\n\n"
        "A level corrected across the 镇级编号 / 属地编号 line gives the case a number from the other sequence; the "
        "old number still finds it. A change that would break the 包案 rule for the case's leader is refused.\n"
        'Example: guside edit 2018-红豆-007 --set persons=12 --set "cause=企业夜间偷排"',
    ),
    "help.edit.set": (
        "要素=新值，可多次使用：subject=…, village=红豆村, level=省, pollution=大气;噪声, persons=3, "
        "received=2018-06-07 9:30…",
        "FIELD=VALUE, repeatable: subject=…, village=红豆村, level=省, pollution=大气;噪声, persons=3, "
        "received=2018-06-07 9:30…",
    ),
    "help.edit.key": (
        "重点案件 （上级交办的重点件须由镇领导包案）",
        "重点: a key case (a key 交办 case needs a town leader)",
    ),
    "help.cmd.history": (
        "查看案件的历史：每一项修改的时间、操作人、原值和新值。历史不会删除。\n\n"
        "其中的电话和身份证号码默认遮盖，--reveal 显示（显示本身也记入历史）。",
        "Show a case's history: every change, when, by whom, old and new values. Nothing deletes history.\n\n"
        "Phone and ID numbers in it are masked unless --reveal (which is itself recorded).",
    ),
    # --- help: the statute's case path -----------------------------------------------------------------------
    "help.casepath.on": ("日期（默认今天）", "The date (default: today)"),
    "help.review.outcome": (
        "与 --decided 同用：维持/变更/撤销重办，或 upheld|changed|revoked",
        "With --decided: upheld|changed|revoked, or 维持/变更/撤销重办",
    ),
    "help.cmd.accept": (
        "受理案件：60天办理时限自该日起算。\n\n示例：guside accept 2018-0042 --on 2018-06-10",
        "Accept a case (受理): the 60-day handling clock starts from this date.\n\n"
        "Example: guside accept 2018-0042 --on 2018-06-10",
    ),
    "help.cmd.reject": (
        "不予受理，写明理由：案件仍登记在册并计数，不交办。\n\n"
        '示例：guside reject 2018-0042 --reason "属于诉讼程序解决的事项" --on 2018-06-10',
        "Do not accept a case (不予受理), with the reason: it stays registered and counted, and is not assigned.\n\n"
        'Example: guside reject 2018-0042 --reason "属于诉讼程序解决的事项" --on 2018-06-10',
    ),
    "help.reject.reason": ("不予受理的理由（告知书中写明）", "Why it is not accepted (the notice says so)"),
    "help.cmd.conclude": (
        "记录办结：出具处理意见书，办理时限停止，30天复查申请期开始。到部去省和上级交办的案件须有包案领导和调处记录。\n\n"
        '示例：guside conclude 2018-0042 --outcome 问题解决 --on 2018-07-20 --note "企业已整改，书面答复信访人"',
        "Record 办结: the written opinion (处理意见书) is issued, the handling clock stops and the 30-day window for "
        "a review (复查) request opens. Province/Beijing and handed-down cases need their 包案 leader and a step.\n\n"
        'Example: guside conclude 2018-0042 --outcome 问题解决 --on 2018-07-20 --note "企业已整改，书面答复信访人"',
    ),
    "help.conclude.outcome": (
        "办理结果：问题解决 停诉息访 反映不属实 转办 阶段性办结 之一（或英文代码 resolved 等）",
        "resolved|stopped|unfounded|transferred|interim, or 问题解决/停诉息访/反映不属实/转办/阶段性办结",
    ),
    "help.conclude.note": ("处理意见书要点", "The written opinion (处理意见书) in brief"),
    "help.cmd.review": (
        "记录复查：申请（办结后30天内）或决定（申请后30天内）。\n\n"
        "示例：guside review 2018-0042 --requested 2018-08-01；guside review 2018-0042 --decided 2018-08-25 -o 维持",
        "Record a review (复查): its request (within 30 days of 办结) or its decision (due 30 days after the request)."
        "\n\nExample: guside review 2018-0042 --requested 2018-08-01; "
        "guside review 2018-0042 --decided 2018-08-25 -o 维持",
    ),
    "help.review.requested": ("申请复查的日期", "The date the 复查 was requested"),
    "help.review.decided": ("作出复查决定的日期", "The date the 复查 was decided"),
    "help.cmd.re-review": (
        "记录复核，须在复查决定之后：复查决定后30天内申请，申请后30天内决定。复核决定后即为终结，"
        "就同一事项再次信访的不再受理。\n\n"
        "示例：guside re-review 2018-0042 --requested 2018-09-10；"
        "guside re-review 2018-0042 --decided 2018-10-08 -o 维持",
        "Record a re-review (复核), only after a 复查 decision: requested within 30 days of it, decided within 30 "
        "days of the request. After its decision the matter is final: a new petition on it is 不再受理.\n\n"
        "Example: guside re-review 2018-0042 --requested 2018-09-10; "
        "guside re-review 2018-0042 --decided 2018-10-08 -o 维持",
    ),
    "help.re_review.requested": ("申请复核的日期", "The date the 复核 was requested"),
    "help.re_review.decided": ("作出复核决定的日期", "The date the 复核 was decided"),
    # --- help: leaders, persons, enterprises, rewards, villages, key cases, config, info, deadlines ---------
    "help.cmd.leader": ("包案领导", "Leaders who take personal charge of cases (包案领导)"),
    "help.cmd.leader add": (
        "添加包案领导。镇领导可包办所有案件；其他领导不能包办到部去省和上级交办的案件。\n\n"
        "示例：guside leader add 王某 --title 副镇长 --rank town",
        "Add a leader. Town leaders (镇领导) may hold every case; the others not province/Beijing or handed-down "
        "ones.\n\nExample: guside leader add 王某 --title 副镇长 --rank town",
    ),
    "help.cmd.leader edit": (
        "修改领导的级别或职务。会使其包办的案件不符合包案规定的级别不予修改：请先重新交办这些案件。\n\n"
        "示例：guside leader edit 王某 --rank village --title 村书记",
        "Change a leader's rank or title. A rank that would break the 包案 rule for a case the leader holds is "
        "refused: reassign those cases first.\n\nExample: guside leader edit 王某 --rank village --title 村书记",
    ),
    "help.cmd.leader list": (
        "列出各领导包办的在办案件数及其中超期数。",
        "List leaders with how many open cases each holds and how many of those are overdue.",
    ),
    "help.leader.name": ("领导姓名", "The leader's name"),
    "help.leader.rank": (
        "级别：镇领导/村（社区）负责人/部门负责人，或 town|village|department",
        "town|village|department, or 镇领导/村（社区）负责人/部门负责人",
    ),
    "help.leader.title": ("职务，如 副镇长", "职务, e.g. 副镇长"),
    "help.cmd.person": ("重点人员和重点群体，一人一策", "Key persons and groups, each with its plan (一人一策)"),
    "help.cmd.person add": (
        "登记重点人员（--group 为重点群体），写明一人一策和责任领导。\n\n"
        '示例：guside person add 王某某 --village 红豆村 --plan "每月走访，帮助解决就业" --leader 王镇长',
        "Register a key person, or with --group a key group, with a plan and a responsible leader.\n\n"
        'Example: guside person add 王某某 --village 红豆村 --plan "每月走访，帮助解决就业" --leader 王镇长',
    ),
    "help.cmd.person plan": (
        "修改重点人员的一人一策，每一版都留在历史中。\n\n"
        '示例：guside person plan 王某某 --plan "已安排公益岗位，每季度回访"',
        "Change a key person's plan; every version stays in the history.\n\n"
        'Example: guside person plan 王某某 --plan "已安排公益岗位，每季度回访"',
    ),
    "help.cmd.person list": (
        "重点人员和群体及其近12个月的信访和一人一策。\n\n"
        "属地、责任领导、近12个月信访（其中越级）、最近一次信访、在办案件和一人一策。"
        "个人信息仅限内部，不进入 publish。",
        "Key persons and groups with their petitions of the last 12 months and their plan.\n\n"
        "Village, leader, petitions in the last 12 months (of which escalated), the last petition, open cases, "
        "and the plan. Personal data: internal only, never in `publish`.",
    ),
    "help.cmd.person show": (
        "查看一名重点人员或一个群体，及其一人一策的历次修改。",
        "One key person or group, with the plan's history.",
    ),
    "help.person.name": ("重点人员（或群体）姓名", "The key person's (or group's) name"),
    "help.person.plan": ("一人一策：教育、疏导、帮扶", "The plan: education, guidance, help (教育、疏导、帮扶)"),
    "help.person.new_plan": ("新的一人一策", "The new plan"),
    "help.person.village": ("负责稳控的属地村（社区）", "The village that holds them stable (属地)"),
    "help.person.leader": ("责任领导", "The responsible leader"),
    "help.person.group": ("重点群体，而非个人", "A key group (重点群体) rather than one person"),
    "help.person.members": ("群体人数", "How many people the group counts"),
    "help.cmd.enterprise": (
        "企业及其环境信用评价（五色评价）",
        "Enterprises and their environmental credit rating (五色评价)",
    ),
    "help.cmd.enterprise add": (
        "添加企业；方案不允许评为绿色、蓝色的，不予评定。\n\n"
        "示例：guside enterprise add 某化工有限公司 --village 红豆村 --rating blue --compliant",
        "Add an enterprise; a green or blue rating is refused where the plan forbids it.\n\n"
        "Example: guside enterprise add 某化工有限公司 --village 红豆村 --rating blue --compliant",
    ),
    "help.cmd.enterprise rate": (
        "修改企业的信用评价或三有三无状态。方案不允许的评价不予修改，并列出相关案件。\n\n"
        '示例：guside enterprise rate 某化工有限公司 --rating green --reason "年度评价"',
        "Change an enterprise's rating or its 三有三无 status. A rating the plan forbids is refused, naming the "
        'cases.\n\nExample: guside enterprise rate 某化工有限公司 --rating green --reason "年度评价"',
    ),
    "help.cmd.enterprise list": (
        "列出企业的信用评价、三有三无状态及在办、已销号案件数。",
        "List enterprises with their rating, 三有三无 status and open and closed cases.",
    ),
    "help.cmd.enterprise show": (
        "查看一家企业：评价、状态、妨碍评为绿色或蓝色的原因，及其在办和已销号案件。",
        "One enterprise: rating, status, what blocks a green or blue rating, and its cases, open and closed.",
    ),
    "help.cmd.enterprise check": (
        "列出按规定现已不能保持绿色或蓝色评价的企业及应降至的评价。\n\n"
        "例如评价之后又来了新的督察交办案件。有需降级的企业时退出码为 1，供 cron 提醒。\n\n"
        '示例：guside enterprise check || mail -s "降级提醒" office@example',
        "List enterprises whose green or blue rating the rule now forbids, with the rating to fall to.\n\n"
        "For instance a new inspection case arrived after the rating. Exits 1 when any is listed, so cron can "
        'alert.\n\nExample: guside enterprise check || mail -s "降级提醒" office@example',
    ),
    "help.enterprise.name": ("企业名称，与案件中一致", "The enterprise's name, as cases name it"),
    "help.enterprise.rating": (
        "信用评价：绿/蓝/黄/红/黑，或 green|blue|yellow|red|black",
        "green|blue|yellow|red|black, or 绿/蓝/黄/红/黑",
    ),
    "help.enterprise.compliant": ("“三有三无”是否达标", "The “三有三无” standard met"),
    "help.enterprise.reason": ("理由（记入历史）", "Why (kept in the history)"),
    "help.cmd.reward": (
        "记录经查属实举报的奖励（案件须以 --verified 销号）。\n\n"
        "示例：guside reward 2018-0042 --amount 500 --on 2018-07-10",
        "Record a reward for a report that proved true (the case closed with --verified).\n\n"
        "Example: guside reward 2018-0042 --amount 500 --on 2018-07-10",
    ),
    "help.cmd.rewards": (
        "列出某年发放的奖励及合计（内部使用：公开名单只列笔数和合计）。\n\n示例：guside rewards --year 2018",
        "List the rewards paid in a year, with the total (internal: the public list shows only count and total).\n\n"
        "Example: guside rewards --year 2018",
    ),
    "help.reward.amount": ("金额（元），如 500", "Yuan, e.g. 500"),
    "help.reward.on": ("发放日期（默认今天）", "Date paid (default: today)"),
    "help.reward.note": ("说明", "A note"),
    "help.cmd.village": ("信访所属的村和社区", "The villages and communities (村/社区) petitions belong to"),
    "help.cmd.village add": (
        "在台账的村（社区）名单中添加一个村或社区。\n\n"
        "简称已被其他村（社区）占用时（顾山社区占用“顾山”，再添加顾山村），以全称作为新村的简称，并予提示；"
        "--short 可另行指定。\n\n示例：guside village add 新桥村",
        "Add a village or community to the ledger's list.\n\n"
        "When another village already holds the short form (顾山社区 holds 顾山, and 顾山村 is added), the full "
        "name becomes the new one's short name, and the tool says so; --short chooses one.\n\n"
        "Example: guside village add 新桥村",
    ),
    "help.cmd.village list": (
        "列出村和社区，及各自在台账中的信访件数。",
        "List the villages and communities, with how many petitions each has in the ledger.",
    ),
    "help.village.name": ("全称，如 新桥村 或 新城社区", "Full name, e.g. 新桥村 or 新城社区"),
    "help.village.short": (
        "编号中使用的简称（默认为去掉村/社区的名称）",
        "The short name numbers show (default: the name without 村/社区)",
    ),
    "help.cmd.key-cases": (
        "列出重点重复信访案件（在办的在前）和候选：12个月内就同一事项信访3次以上的。\n\n"
        "重点案件在期末未销号且已超过办理时限的，所在村（社区）一票否决（四(七)）。\n\n"
        "示例：guside key-cases；guside key-cases mark 2018-0042；guside key-cases unmark 2018-0042",
        "List the key cases (重点重复信访), open ones first, and candidates: 3+ petitions on one matter in 12 "
        "months.\n\nA key case not 销号 and past its limit at a period's end triggers the village's 一票否决 "
        "(四(七)).\n\n"
        "Example: guside key-cases ; guside key-cases mark 2018-0042 ; guside key-cases unmark 2018-0042",
    ),
    "help.cmd.key-cases mark": (
        "将案件标为重点重复信访，记入历史。\n\n示例：guside key-cases mark 2018-0042",
        "Mark a case as key (重点重复信访); recorded in the history.\n\nExample: guside key-cases mark 2018-0042",
    ),
    "help.cmd.key-cases unmark": (
        "取消案件的重点标记，记入历史。\n\n示例：guside key-cases unmark 2018-0042",
        "Take the key mark off a case; recorded in the history.\n\nExample: guside key-cases unmark 2018-0042",
    ),
    "help.cmd.config": ("台账中保存的设置（时限规则等）", "Settings kept in the ledger (deadline rules…)"),
    "help.cmd.config list": ("列出各项设置的当前值及作用。", "List the settings with their values and what they do."),
    "help.cmd.config set": (
        "修改一项设置。修改时限设置的，在同一事务中重算在办案件的办结时限。\n\n"
        "示例：guside config set deadline.roll_weekends true",
        "Change a setting. Deadline settings recompute the due dates of open cases in the same transaction.\n\n"
        "Example: guside config set deadline.roll_weekends true",
    ),
    "help.config.key": ("设置项，如 deadline.roll_weekends", "e.g. deadline.roll_weekends"),
    "help.config.value": ("新值，如 true", "e.g. true"),
    "help.cmd.info": (
        "显示正在使用的台账文件、数据库版本及各项计数。",
        "Show which ledger file is in use, its schema version and its counts.",
    ),
    "help.cmd.overdue": (
        "列出已超期的在办案件，超期最久的在前，附包案领导和超期天数。\n\n"
        "所有在计的时限都算：15天受理告知、60天办理时限（加延期）至办结，以及30天复查、复核决定时限。\n\n"
        "示例：guside overdue --village 红豆村 --format csv",
        "List open cases past due, longest overdue first, with the leader and days overdue.\n\n"
        "Every running clock counts: the 15-day acceptance notice (受理告知), the 60-day handling limit (+ an "
        "extension) until 办结, and the 30-day 复查 and 复核 decisions.\n\n"
        "Example: guside overdue --village 红豆村 --format csv",
    ),
    "help.cmd.due": (
        "列出 N 天内（含今天）到期的在办案件，最早到期的在前。\n\n示例：guside due --within 7",
        "List open cases falling due within N days (today included), soonest first.\n\nExample: guside due --within 7",
    ),
    "help.due.within": ("自今天起的天数", "Days from today"),
}
