"""Messages of the case path: stages, clocks, extensions, the 包案 rule at every door, numbering, bad dates.
id -> (中文, English), with {named} parameters; a parameter may itself be a label that renders per language."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- dates --------------------------------------------------------------------------------------------
    "date.before_1949": (
        "日期 {day} 早于 1949 年：请检查日期",
        "the date {day} is before 1949: check the date",
    ),
    "date.far_future": (
        "日期 {day} 晚于 {limit}（今天之后 {years} 年以上）：请检查日期",
        "the date {day} is after {limit} (more than {years} years from today): check the date",
    ),
    "date.in_future": (
        "{number}：{what}日期 {day} 晚于今天（{today}）：请检查 {option}",
        "{number}: the {what} date {day} is after today ({today}); check {option}",
    ),
    "date.before": (
        "{number}：{what}日期 {day} 早于{earlier}（{earlier_day}）：请检查日期",
        "{number}: the {what} date {day} is before {earlier} ({earlier_day}); check the date",
    ),
    # --- stages -------------------------------------------------------------------------------------------
    "stage.wrong": (
        "{number} 处于“{stage}”阶段，不能{action}：{rule}",
        "{number} is at the stage '{stage}' and cannot be {action}: {rule}",
    ),
    "stage.closed": (
        "{number} 已销号（{day}）：如属误销号，请先 guside reopen 更正",
        "{number} is closed ({day}): if it was closed by mistake, correct it with guside reopen first",
    ),
    "stage.reopen_open": (
        "{number} 未销号（“{stage}”）：reopen 只更正误销号的案件",
        "{number} is not closed ('{stage}'): reopen only corrects a case closed by mistake",
    ),
    "stage.reject_reason": ("不予受理须写明理由（--reason）", "not accepting a case needs a reason (--reason)"),
    "stage.outcome_not_conclusion": (
        "“{outcome}”不是办结结果：办结用 问题解决/停诉息访/反映不属实/转办/阶段性办结；不予受理用 guside reject",
        "'{outcome}' is not an outcome of 办结: use resolved/stopped/unfounded/transferred/interim; "
        "not accepting is guside reject",
    ),
    "stage.review_late": (
        "{number}：复查申请 {requested} 超过处理意见书送达（{served}）后 30 日（截至 {limit}）："
        "信访工作条例第三十五条，请求复查须在收到书面答复之日起 30 日内提出",
        "{number}: the 复查 request of {requested} is more than 30 days after the written opinion was received "
        "({served}; the window closed {limit}): the regulation allows a review request within 30 days of receiving it",
    ),
    "stage.re_review_late": (
        "{number}：复核申请 {requested} 超过复查决定（{decided}）后 30 日（截至 {limit}）：信访工作条例第三十五条",
        "{number}: the 复核 request of {requested} is more than 30 days after the 复查 decision ({decided}; the "
        "window closed {limit}): the regulation allows a re-review request within 30 days of the review decision",
    ),
    "stage.give_one": (
        "请给出 --requested（申请日期）或 --decided 与 --outcome（决定日期与结果）之一",
        "give either --requested (the request date) or --decided with --outcome (the decision date and result)",
    ),
    "stage.close_not_yet": (
        "{number} 不能以“{outcome}”销号：{reason}",
        "{number} cannot be closed as '{outcome}': {reason}",
    ),
    "stage.close_reason_unconcluded": (
        "尚未办结；未办结的案件只有问题解决或停诉息访可同日办结并销号，否则请先 guside conclude",
        "it is not concluded; only resolved or stopped may record 办结 and 销号 together, else guside conclude first",
    ),
    "stage.close_reason_window": (
        "复查申请期限至 {limit} 未满（办结 {concluded}，结果“{conclusion}”）：期满无人申请、或复查/复核决定后才能销号",
        "the review window runs until {limit} (concluded {concluded}, '{conclusion}'): strike it off after the "
        "window passes with no request, or after a 复查/复核 decision",
    ),
    "stage.close_reason_review_running": (
        "{what}正在进行（申请 {requested}，{due} 前决定）：决定后才能销号",
        "the {what} is running (requested {requested}, decision due {due}): strike it off after the decision",
    ),
    "stage.close_reason_interim_outcome": (
        "阶段性办结表示整改仍在继续，不是销号的结果：用 guside conclude 记录阶段性办结",
        "阶段性办结 means remediation continues: it is not an outcome of 销号; record it with guside conclude",
    ),
    "stage.close_reason_interim": (
        "阶段性办结（{concluded}）表示整改仍在继续，不能销号：整改完成后以问题解决或停诉息访销号",
        "阶段性办结 ({concluded}) means remediation continues, not 销号: close it as resolved or stopped when done",
    ),
    "stage.final_matter": (
        "{number} 所涉事项已于 {decided} 复核终结：同一事项再次信访不再受理（信访工作条例第三十五条）",
        "{number}'s matter was finally decided on re-review on {decided}: a new petition on it is not accepted "
        "again (不再受理)",
    ),
    # --- extension ----------------------------------------------------------------------------------------
    "extend.after_due": (
        "{number}：办理期限已于 {due} 届满，{on} 不能再延期：延期须在期限届满前批准",
        "{number}: the handling period ended on {due}; an extension on {on} is too late: it must be approved "
        "before the deadline",
    ),
    "extend.not_running": (
        "{number} 处于“{stage}”阶段，办理期限已不在计算中，不能延期",
        "{number} is at the stage '{stage}': its handling clock no longer runs, so it cannot be extended",
    ),
    "extend.days": ("延期为 1 至 {limit} 天，不是 {days} 天", "an extension is 1 to {limit} days, not {days}"),
    "extend.approver": (
        "{number} 没有包案领导：请用 --approved-by 写明批准延期的领导",
        "{number} has no leader: name the leader who approved the extension with --approved-by",
    ),
    # --- 包案 at every door --------------------------------------------------------------------------------
    "rule.town_leader": (
        "{number}{why}：方案规定“{rule}”，须由镇领导包案，{leader}（{rank}）不符合",
        "{number} {why}: the plan says “{rule}” — it must be held by a town leader (镇领导), not {leader} ({rank})",
    ),
    "rule.local_leader": (
        "{number}为上级交办（{source}）：非重点交办件由镇领导或村（社区）班子成员包案，{leader}（{rank}）不符合；"
        "重点交办件用 --key 标记",
        "{number} was handed down ({source}): a handed-down case that is not key is held by a town leader or a "
        "village head, not {leader} ({rank}); mark key ones with --key",
    ),
    "rule.why_escalated": ("属到部去省信访", "was lodged at province/Beijing level"),
    "rule.why_handed_down": ("为上级交办件（{source}）", "was handed down ({source})"),
    "rule.why_key_handed_down": ("为上级交办重点件（{source}）", "is a key case handed down ({source})"),
    "rule.closing_needs": (
        "{number} {why}，办结或销号须有镇领导包案并至少记录一次调处：缺少{missing}",
        "{number} {why}: concluding or closing it needs a town leader holding it and at least one recorded step; "
        "missing: {missing}",
    ),
    "rule.closing_needs_local": (
        "{number} {why}，办结或销号须有包案领导（镇领导或村（社区）班子成员）并至少记录一次调处：缺少{missing}",
        "{number} {why}: concluding or closing it needs its leader (a town leader or a village head) and at least "
        "one recorded step; missing: {missing}",
    ),
    "rule.closing_plain_needs": (
        "{number} 以“{outcome}”办结须有包案领导和至少一次调处记录：缺少{missing}",
        "{number} cannot be concluded as '{outcome}' without a leader and a step; missing: {missing}",
    ),
    "rule.missing_leader": ("包案领导（guside assign）", "a leader (guside assign)"),
    "rule.missing_town_leader": ("镇领导包案（guside assign）", "a town leader (guside assign)"),
    "rule.missing_step": ("调处记录（guside step）", "a step (guside step)"),
    "rule.leader_rank_change": (
        "{leader} 仍包案 {count} 件须镇领导包案的在办案件（如 {numbers}）：改为“{rank}”会违反“{rule}”；请先改派",
        "{leader} still holds {count} open case(s) that need a town leader (e.g. {numbers}): making them "
        "'{rank}' would break “{rule}”; reassign those first",
    ),
    "rule.import_closed_needs_leader": (
        "已销号的到部去省案件须记录镇领导包案（包案领导一栏为空）",
        "a closed case lodged at province/Beijing level must name the town leader who held it (leader is empty)",
    ),
    # --- numbering ----------------------------------------------------------------------------------------
    "number.changed": (
        "层级跨越镇级编号/属地编号界线：{old} 改编为 {new}（原编号仍可查询）",
        "the level crossed the town/village numbering line: {old} is now {new} (the old number still finds it)",
    ),
    # --- calendar -----------------------------------------------------------------------------------------
    "calendar.no_data": (
        "注意：法定节假日日历无 {year} 年数据，{due} 按自然日计算，未顺延节假日",
        "Note: the official holiday calendar has no data for {year}; {due} is counted in calendar days, "
        "not moved past holidays",
    ),
    "calendar.legend": (
        "* 法定节假日日历无该年数据：按自然日计算，未顺延节假日",
        "* no official holiday calendar for that year: counted in calendar days, not moved past holidays",
    ),
    "calendar.choice": ("{key} 取值为 {choices}，不是“{value}”", "{key} takes {choices}, not '{value}'"),
    # --- what the commands say ----------------------------------------------------------------------------
    "done.accept": ("{number} 已受理（{day}），办理期限至 {due}", "{number} accepted ({day}), due {due}"),
    "done.reject": ("{number} 不予受理（{day}）：{reason}", "{number} not accepted ({day}): {reason}"),
    "done.not_accepted_again": (
        "{number} 不再受理：{root} 所涉事项已复核终结",
        "{number} is not accepted again: {root}'s matter was finally decided on re-review",
    ),
    "done.conclude": (
        "{number} 已办结（{outcome}，{day}）；复查申请期限至 {limit}",
        "{number} concluded ({outcome}, {day}); a review may be requested until {limit}",
    ),
    "done.review_requested": (
        "{number} {what}申请已登记（{day}），应于 {due} 前作出决定",
        "{number}: {what} requested on {day}, decision due {due}",
    ),
    "done.review_decided": ("{number} {what}已决定（{outcome}，{day}）", "{number}: {what} decided ({outcome}, {day})"),
    "done.close": ("{number} 已销号（{outcome}，{day}）", "{number} closed ({outcome}, {day})"),
    "done.close_and_conclude": (
        "{number} 同日办结并销号（{outcome}，{day}）",
        "{number} concluded and closed the same day ({outcome}, {day})",
    ),
    "done.reopen": (
        "{number} 已更正为未销号，回到“{stage}”阶段",
        "{number} corrected back to open, at the stage '{stage}'",
    ),
    "done.extend": (
        "{number} 延期 {days} 天（{approver} 批准），办理期限至 {due}",
        "{number} extended by {days} days (approved by {approver}), due {due}",
    ),
    "done.leader_edit": ("{leader} 已更新：{changes}", "{leader} updated: {changes}"),
    "done.leader_unchanged": (
        "{leader} 未作修改：没有给出与原来不同的级别、职务或所属村（社区）",
        "{leader} unchanged: no rank, title or village different from what is recorded",
    ),
    "word.review": ("复查", "review (复查)"),
    "word.re_review": ("复核", "re-review (复核)"),
    "word.receipt": ("登记", "receipt"),
    "word.this_case": ("本件", "this case"),
    "word.acceptance": ("受理", "acceptance"),
    "word.conclusion": ("办结", "conclusion"),
    "word.last_step": ("最后一次调处", "the last step"),
    "word.request": ("申请", "request"),
    "word.decision": ("决定", "decision"),
    "word.closing": ("销号", "closing"),
    "word.extension": ("延期批准", "extension"),
    "action.accept": ("受理", "accepted"),
    "action.reject": ("作不予受理", "refused acceptance"),
    "action.conclude": ("办结", "concluded"),
    "action.review_request": ("申请复查（须已办结）", "put to review (复查 needs 办结 first)"),
    "action.review_decide": ("作复查决定（须已申请复查）", "given a review decision (needs a 复查 request)"),
    "action.re_review_request": ("申请复核（须已作复查决定）", "put to re-review (复核 needs a 复查 decision)"),
    "action.re_review_decide": ("作复核决定（须已申请复核）", "given a re-review decision (needs a 复核 request)"),
    "rule.accept": ("只有已登记的案件可受理或不予受理", "only a registered case can be accepted or refused"),
    "rule.reject": (
        "只有未办结的已登记或已受理案件可作不予受理",
        "only a registered or accepted case not yet concluded can be refused",
    ),
    "rule.conclude": ("只有已登记或已受理的案件可办结", "only a registered or accepted case can be concluded"),
    "rule.review": (
        "复查在办结后 30 日内申请、申请后 30 日内决定",
        "a 复查 is requested within 30 days of 办结 and decided within 30 days",
    ),
    "rule.re_review": (
        "复核在复查决定后 30 日内申请、申请后 30 日内决定",
        "a 复核 is requested within 30 days of the 复查 decision and decided within 30 days",
    ),
    "help.add.key": (
        "重点案件（重点交办案件须由镇领导包案）",
        "a key case (重点: a key handed-down case needs a town leader)",
    ),
    "case.clock.review": ("复查决定时限", "review decision"),
    "case.clock.re_review": ("复核决定时限", "re-review decision"),
    "case.calendar_gap": ("；节假日日历无 {year} 年数据，按自然日", "; no holiday calendar for {year}, calendar days"),
    "case.added_closed": ("已登记 {number}（序号 {id}），{stage}", "Registered {number} (id {id}), {stage}"),
}
