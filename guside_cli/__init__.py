"""guside: the environmental-petition ledger (环境信访台账) of a town office, kept in one SQLite file."""

__version__ = "0.1.0"
