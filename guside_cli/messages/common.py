"""Messages every command shares: the error boundary's own words. id -> (中文, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "error.aborted": ("已放弃：未写入任何内容", "aborted: nothing was written"),
}
