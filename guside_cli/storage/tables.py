"""Table names, in one place: sqlite-utils silently creates a table on first insert into a misspelled name."""

APPLICATION_ID = 0x47534445  # "GSDE": marks a file as a guside ledger (PRAGMA application_id)

VILLAGES = "villages"
PETITIONS = "petitions"
SEQUENCES = "sequences"
SETTINGS = "settings"
LEADERS = "leaders"
STEPS = "steps"
HISTORY = "history"
TARGETS = "targets"
ENTERPRISES = "enterprises"
PERSONS = "persons"
REWARDS = "rewards"
FORMER_NUMBERS = "former_numbers"
MIGRATIONS_TABLE = "_sqlite_migrations"
# guside merge (storage/merge.py): this ledger's id, shared rows' bases and vectors, sources, conflicts, history origins
MERGE_TABLES = ("merge_identity", "merge_sync", "merge_sources", "merge_conflicts", "merge_history")

ALL_TABLES: tuple[str, ...] = (
    VILLAGES,
    PETITIONS,
    SEQUENCES,
    SETTINGS,
    LEADERS,
    STEPS,
    HISTORY,
    TARGETS,
    ENTERPRISES,
    PERSONS,
    REWARDS,
    FORMER_NUMBERS,
    MIGRATIONS_TABLE,
    *MERGE_TABLES,
)

# the campaign's calendar and village targets (migrations_campaign)
VILLAGE_TARGETS = "village_targets"
CAMPAIGN_PHASES = "campaign_phases"
CAMPAIGN_REPORTS = "campaign_reports"
RECEPTIONS = "receptions"
INTERVIEWS = "interviews"
INTERVIEW_DUE = "interview_due"
EXPOSURES = "exposures"
ALL_TABLES += (VILLAGE_TARGETS, CAMPAIGN_PHASES, CAMPAIGN_REPORTS, RECEPTIONS, INTERVIEWS, INTERVIEW_DUE, EXPOSURES)
PERIODS = "periods"
PERIOD_CORRECTIONS = "period_corrections"
ALL_TABLES += (PERIODS, PERIOD_CORRECTIONS)
EXTENSIONS = "extensions"  # m016: each approved extension (条例 第三十三条: several, 30 days in all)
ALL_TABLES += (EXTENSIONS,)
