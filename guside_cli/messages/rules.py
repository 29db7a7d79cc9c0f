"""Messages of the plan's and the statute's rules read line by line (issue 25): the veto's basis, the clocks
(撤销重办, 送达, extensions told), 包案 by key mark and by 属地, the 排查 list, the reception day's leader, the
villages' written summaries, and shares with nothing behind them.
id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the veto -----------------------------------------------------------------------------------------
    "rules.veto_measure": (
        "一票否决“到部去省不降反升”按{measure}计",
        "The veto's escalated rise is counted in {measure}",
    ),
    "rules.veto_key_clocks": (
        "；重点重复信访化解不力：{clocks}",
        "; key repeat cases not resolved: {clocks}",
    ),
    "rules.key_clock": ("{number}（{clock}期限 {due} 已过）", "{number} ({clock} due {due}, passed)"),
    "rules.clock.handling": ("办理", "handling"),
    "rules.clock.notice": ("受理告知", "acceptance notice"),
    "rules.clock.review": ("复查决定", "review decision"),
    "rules.clock.re_review": ("复核决定", "re-review decision"),
    # --- clocks -------------------------------------------------------------------------------------------
    "rules.rehandle": (
        "撤销重办：{number} 重新办理，办理期限自决定之日（{day}）起 60 日，至 {due}；须重新办结后才能销号",
        "revoked, to be handled again: {number} is handled anew, due {due} (60 days from the decision of {day}); "
        "it needs a new 办结 before it can be struck off",
    ),
    "rules.served_default": (
        "未写送达日期：按办结日期 {day} 计算复查申请期限（至 {limit}）；送达日期不同请用 --served",
        "no delivery date given: the review window counts from the 办结 date {day} (until {limit}); "
        "give --served when the petitioner received it later",
    ),
    "rules.word.served": ("送达", "delivery"),
    "rules.word.told": ("告知", "notice to the petitioner"),
    "rules.extend_total": (
        "{number} 已延期 {granted} 天，再延 {days} 天将超过法定延期总数 {limit} 天（信访工作条例第三十三条）："
        "最多还可延期 {left} 天",
        "{number} was already extended by {granted} days: {days} more would exceed the statute's {limit} days in "
        "all (信访工作条例 第三十三条); at most {left} more",
    ),
    "rules.extend_reason": (
        "{number}：延期须写明理由（--reason），并告知信访人",
        "{number}: an extension needs its reason (--reason), told to the petitioner",
    ),
    "rules.extended_total": ("累计延期 {total} 天，尚可延期 {left} 天", "extended {total} days in all, {left} left"),
    "rules.told_default": (
        "按批准日期 {day} 记录告知信访人延期理由（{reason}）；告知日期不同请用 --told",
        "recorded as told to the petitioner on the approval day {day} ({reason}); give --told for another day",
    ),
    "rules.calendar_kept": (
        "本台账继续按“{calendar}”计算期限（新建台账默认 official：法定节假日顺延）；"
        "如需改用：guside config set deadline.calendar official",
        "this ledger keeps counting deadlines on the '{calendar}' calendar (new ledgers default to official: "
        "a last day on a public holiday moves to the next working day); to change: "
        "guside config set deadline.calendar official",
    ),
    "setting.help.veto.measure": (
        "一票否决“到部去省不降反升”的计量：items（件次，默认）或 persons（人次）；报告的 --measure 只改变显示",
        "the measure of the veto's escalated rise: items (件次, default) or persons (人次); a report's --measure "
        "changes only what it displays",
    ),
    # --- 包案 -------------------------------------------------------------------------------------------------
    "rules.why_key_repeat": ("为重点重复信访", "is a key repeat case (重点重复信访)"),
    "rules.key_repeat_leader": (
        "{number}为重点重复信访：方案规定“{rule}”，须由属地村（社区）主要负责人包案，{leader}（{rank}）不符合",
        "{number} is a key repeat case: the plan says “{rule}” — its village's head holds it, not {leader} ({rank})",
    ),
    "rules.local_village": (
        "{number}属{village}：方案规定“{rule}”，村（社区）干部只包本村（社区）案件，{leader}属{own}",
        "{number} is of {village}: the plan says “{rule}” — a village cadre holds only cases of their own village, "
        "and {leader} serves {own}",
    ),
    "rules.cadre_without_village": (
        "{number}：方案规定“{rule}”，{leader} 是村（社区）干部，未登记所属村（社区），不能包案；"
        "请先 guside leader edit {leader} --village 村名",
        "{number}: the plan says “{rule}” — {leader} is a village cadre with no village on record and cannot hold "
        "a case; first: guside leader edit {leader} --village NAME",
    ),
    "leader.no_village": (
        "提示：{name} 是村（社区）干部，包案前请登记所属村（社区）：guside leader edit {name} --village 村名",
        "Note: {name} is a village cadre; record their village before they hold a case: "
        "guside leader edit {name} --village NAME",
    ),
    "rules.leader_village_change": (
        "{leader} 仍包案 {count} 件其他村（社区）的在办案件（如 {numbers}）：改为{village}会违反“{rule}”；请先改派",
        "{leader} still holds {count} open case(s) of other villages (e.g. {numbers}): serving {village} would "
        "break “{rule}”; reassign those first",
    ),
    "rules.unknown_village": (
        "属地“{village}”不在村（社区）名单中：guside village list",
        "'{village}' is not on the list of villages: guside village list",
    ),
    "help.leader.village": (
        "所属村（社区）：村（社区）干部只包本村（社区）案件（属地包案）",
        "The village a village cadre serves: they hold only its cases (属地包案)",
    ),
    "leader.h.village": ("所属村（社区）", "village"),
    "help.conclude.served": (
        "处理意见书送达信访人的日期（默认为办结日期）：复查申请期限自此起算 30 日",
        "The day the petitioner received the written opinion (default: the 办结 date): the 30-day review window "
        "runs from it",
    ),
    "help.extend.told": (
        "告知信访人延期理由的日期（默认为批准日期）",
        "The day the petitioner was told of the extension and why (default: the approval day)",
    ),
    # --- 排查 and the campaign ------------------------------------------------------------------------------
    "rules.survey": (
        "排查清单（2017年以来到部去省或上级交办、尚未落实包案领导）{n} 件：{numbers}；用 guside assign 逐个包案",
        "screening list (到部去省 or handed-down since 2017, no leader yet), {n}: {numbers}; assign each with "
        "guside assign",
    ),
    "rules.survey_none": (
        "排查清单：2017年以来到部去省和上级交办案件均已落实包案领导",
        "screening list: every 到部去省 or handed-down case since 2017 has its leader",
    ),
    "rules.summaries_late": ("逾期报送 {n} 个：{villages}", "filed late, {n}: {villages}"),
    "rules.summary_late": (
        "{village} 的书面报告 {on} 报送，晚于 {due}：逾期",
        "{village}'s written summary was filed on {on}, after {due}: late",
    ),
    "rules.reception_unknown": (
        "{leader} 不在领导名单中：环境信访日由镇主要负责人或镇领导接访（方案：{rule}）；先 guside leader add {leader} "
        "--rank town",
        "{leader} is not on the register of leaders: the reception day is held by the town's principal or a town "
        "leader (the plan: {rule}); first guside leader add {leader} --rank town",
    ),
    "rules.reception_rank": (
        "{leader}（{rank}）不是镇领导：环境信访日由镇主要负责人或镇领导接访（方案：{rule}）",
        "{leader} ({rank}) is not a town leader: the reception day is held by the town's principal or a town "
        "leader (the plan: {rule})",
    ),
    # --- figures ------------------------------------------------------------------------------------------
    "rules.no_records": ("—（无记录）", "— (no records)"),
    "report.extras.joint_letters": ("联名信（5人以上）件次", "joint letters (5+ signatures)"),
    "report.extras.without_records": ("无调处记录的受理件（不计入三个第一）", "accepted cases without records"),
}
