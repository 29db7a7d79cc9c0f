"""Messages of what guards the office's personal data on its way out: the web view's refusals, files left by a
killed command, text that cannot be read. id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    "web.bad_host": (
        "拒绝访问：请求的主机名不是本网页的地址（请直接用启动时显示的地址打开）",
        "refused: the request's host name is not this view's address (open the address shown at start)",
    ),
    "web.reveal_not_local": (
        "--reveal 只能在本机地址上使用（127.0.0.1、localhost、::1）：{host} 会把含个人信息的原始台账交给网络",
        "--reveal is only served on this machine (127.0.0.1, localhost, ::1): {host} would hand the raw ledger,"
        " with personal data, to the network",
    ),
    "person.members_range": (
        "群体人数应在 1 至 {most} 之间，不能是 {number}",
        "a group's members must be between 1 and {most}, not {number}",
    ),
    "guard.argument_not_utf8": (
        "第 {n} 个参数不是 UTF-8 文本（{value}）：终端的编码可能不是 UTF-8（如 GBK），请改为 UTF-8 后重新输入",
        "argument {n} is not UTF-8 text ({value}): the terminal's encoding may not be UTF-8 (GBK, say);"
        " switch it to UTF-8 and type it again",
    ),
    "guard.env_not_utf8": (
        "环境变量 {name} 不是 UTF-8 文本（{value}）：请用 UTF-8 重新设置",
        "the environment variable {name} is not UTF-8 text ({value}): set it again in UTF-8",
    ),
    "guard.more_columns": ("…（共 {count} 列）", "… ({count} columns in all)"),
    "guard.import_redacted": (
        "{file} 是脱敏副本（已脱敏副本：姓名、电话、身份证号已遮蔽）：不能作为导入来源，否则会覆盖台账中的真实信息；"
        "请导入未脱敏的导出文件",
        "{file} is a redacted copy (names, phone and ID numbers masked): it cannot be imported, it would overwrite"
        " the ledger's real values; import an export made without --redact",
    ),
    "guard.rules_not_file": (
        "--rules {file} 不是普通文件（管道、设备或文件夹）：请给出规则文件（.toml）",
        "--rules {file} is not a regular file (a pipe, a device or a folder): give a rules file (.toml)",
    ),
    "guard.rules_too_big": (
        "--rules {file} 超过 {limit} KB：规则文件只需几十行；是否选错了文件？",
        "--rules {file} is over {limit} KB: a rules file is a few dozen lines; is it the right file?",
    ),
}
