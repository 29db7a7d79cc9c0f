"""What this process has done to a ledger, for the words an interruption leaves (commands._common.guarded):
nothing, a write rolled back, or writes saved before it came. Ledger.write and the schema upgrade report here."""

_state = {"rolled_back": 0, "saved": 0}


def ended(*, saved: bool) -> None:
    _state["saved" if saved else "rolled_back"] += 1


def interrupted_words() -> str:
    """`rolled_back` (a write was open, or one of this command's was undone), `saved` (every write ended saved
    before the interruption) or `nothing` (no write began)."""
    if _state["rolled_back"]:
        return "rolled_back"
    return "saved" if _state["saved"] else "nothing"


def forget() -> None:
    """A new command in the same process (tests call main() again): nothing done yet."""
    _state.update(rolled_back=0, saved=0)
