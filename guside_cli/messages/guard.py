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
}
