"""Rendering only: rich tables on a terminal, tabulate text when piped, CSV, JSON. Nothing is computed here."""
