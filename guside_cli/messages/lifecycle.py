"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {}
