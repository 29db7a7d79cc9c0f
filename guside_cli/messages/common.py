"""Messages every command shares: the error boundary's own words. id -> (中文, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "common.several_more": ("（另有 {count} 处）", " (and {count} more)"),
    "error.the_ledger": ("台账", "the ledger"),
    "error.prefix": ("错误：", "Error: "),
    "error.busy": (
        "台账正忙：另一台电脑正在写入，请稍后再试",
        "ledger busy: another desk is writing; try again in a moment",
    ),
    "error.ledger_disk_full": (
        "台账所在磁盘已满：未写入任何内容；请释放空间后重试",
        "the disk holding the ledger is full: nothing was written; free some space and try again",
    ),
    "error.file_disk_full": (
        "写入 {file} 时磁盘已满：未保留任何内容；请释放空间后重试",
        "the disk is full writing {file}: nothing was kept; free some space and try again",
    ),
    "error.interrupted": ("已中断：本次命令的修改已撤销", "interrupted: the command's changes were rolled back"),
    "error.terminated": ("已终止：本次命令的修改已撤销", "terminated: the command's changes were rolled back"),
    "error.interrupted.nothing": ("已中断：台账未作修改", "interrupted: the ledger was not changed"),
    "error.terminated.nothing": ("已终止：台账未作修改", "terminated: the ledger was not changed"),
    "error.interrupted.saved": (
        "已中断：本次命令的修改已在中断前保存",
        "interrupted: the command's changes had been saved before it was stopped",
    ),
    "error.terminated.saved": (
        "已终止：本次命令的修改已在终止前保存",
        "terminated: the command's changes had been saved before it was stopped",
    ),
    "error.aborted": ("已放弃：未写入任何内容", "aborted: nothing was written"),
    "usage.no_such_option": ("没有选项 {name}（见 {where}）", "no such option: {name} ({where})"),
    "usage.needs_value": ("选项 {name} 后面要给一个值（见 {where}）", "option {name} requires a value ({where})"),
    "usage.missing": ("缺少必填项 {name}（见 {where}）", "missing option {name} ({where})"),
    "usage.bad_value": ("{name} 的值不对：{why}（见 {where}）", "invalid value for {name}: {why} ({where})"),
    "usage.no_such_command": ("没有命令“{text}”（见 {where}）", "no such command '{text}' ({where})"),
    "usage.other": ("用法不对：{text}（见 {where}）", "usage: {text} ({where})"),
    "usage.not_a_number": ("须是一个数", "it must be a number"),
    "help.word.arguments_panel_title": ("参数", "Arguments"),
    "help.word.commands_panel_title": ("命令", "Commands"),
    "help.word.options_panel_title": ("选项", "Options"),
    "help.word.default_string": ("[默认：{}]", "[default: {}]"),
    "help.word.envvar_string": ("[环境变量：{}]", "[env var: {}]"),
    "help.word.required_long_string": ("[必填]", "[required]"),
    "help.word.errors_panel_title": ("错误", "Error"),
    "help.word.usage": ("用法：", "Usage: "),
    "help.word.help_option": ("显示本帮助并退出", "Show this message and exit."),
    "usage.at_least": ("须不小于 {n}", "it must be at least {n}"),
    "usage.at_most": ("须不大于 {n}", "it must be at most {n}"),
    "usage.too_big": (
        "给出的数字太大，超出可以处理的范围：请改小",
        "a number given is too large to work with: give a smaller one",
    ),
    "help.word.install_completion": ("为当前 shell 安装命令补全", "Install completion for the current shell."),
    "help.word.show_completion": (
        "显示当前的补全脚本，可复制或自行安装",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
}
