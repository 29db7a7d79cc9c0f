"""Several desks, one town; several towns, one county: `merge` and `resolve`, one door each. A merge is a writer
like the others: what it takes from another ledger is written with its history in the receiving ledger's one
transaction, sealed at its end, and every case it changed is judged by the plan's and statute's rules there."""

from pathlib import Path

from guside_cli.services.ledger import open_ledger, writing


def merge(run, sources: list[Path], *, by: str | None) -> list:
    """Merge each source into the run's ledger (made when missing); returns a MergeResult per source. Each source
    is written too, first and in a transaction of its own: its field versions brought up to date."""
    from guside_cli.core.errors import LedgerError
    from guside_cli.messages import M
    from guside_cli.storage.ledger import Ledger
    from guside_cli.storage.merge import Merger, release_cache, seal

    opened = []
    try:
        for path in sources:
            if not path.is_file():
                raise LedgerError(M("merge.no_source", path=path))
            if run.db.exists() and path.resolve() == run.db.resolve():
                raise LedgerError(M("merge.source_is_target", path=path))
            source = Ledger.open(path)
            opened.append(source)
            try:
                with writing(source, run, by):
                    seal(source)
                release_cache(source)
            except Exception as e:
                if "readonly" in str(e) or "read-only" in str(e):
                    raise LedgerError(M("merge.source_readonly", path=path)) from None
                raise
        results = []
        with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
            seal(ledger)
            for path, source in zip(sources, opened, strict=True):
                results.append(Merger(ledger, source, str(path)).run())
    finally:
        for source in opened:
            source.close()
    return results


def resolve(run, case: str, field: str, take: str, *, by: str | None) -> dict:
    """Settle one merge conflict: `take` mine, theirs or a value (checked as the field's own door checks it)."""
    from guside_cli.storage.merge_conflicts import resolve as settle

    with open_ledger(run) as ledger, writing(ledger, run, by):
        return settle(ledger, case, field, take)
