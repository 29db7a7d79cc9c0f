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
}
