"""Storage: the SQLite file, its migrations, and the one class (Ledger) that holds all SQL."""
