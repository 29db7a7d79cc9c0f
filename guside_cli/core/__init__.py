"""Pure domain: models, rules, parsing and validation. No I/O and no clock: "today" is passed in."""
