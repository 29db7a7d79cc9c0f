"""The read-only web view (`guside serve`, the optional extra `guside[web]`): Datasette over a snapshot.

`public.py` builds the public snapshot (no names, phones, ID numbers or whistleblowers; numbers in free text
masked; codes shown with their Chinese labels), `site.py` the Datasette instance: Chinese titles and labels
from metadata, the year-over-year report and the overdue list as canned queries with a form, immutable files
so nothing served can write. Nothing else in guside imports this package: Datasette stays optional.
"""
