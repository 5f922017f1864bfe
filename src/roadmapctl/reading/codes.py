"""Codes of the problems the loader itself reports.

They belong to rules documented in `rules/yaml_syntax.py`, `rules/schema.py`
and `rules/dates.py`, `rules/number_as_float.py`; the loader only needs the codes, not the rule modules.
"""

YAML = "R001"
SCHEMA = "R002"
DATE = "R003"
NUMBER_AS_FLOAT = "R004"  # an unquoted 2.10: every other YAML tool reads 2.1
