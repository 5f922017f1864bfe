"""Codes of the problems the loader itself reports.

They belong to rules documented in `rules/yaml_syntax.py`, `rules/schema.py`
and `rules/dates.py`; the loader only needs the codes, not the rule modules.
"""

YAML = "R001"
SCHEMA = "R002"
DATE = "R003"
