"""Thin Typer commands: parse options, call core/storage, hand results to render. No SQL, no arithmetic."""
