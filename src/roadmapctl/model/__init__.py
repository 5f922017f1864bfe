"""The roadmap domain and the format's vocabulary, knowing nothing of YAML, the CLI or templates.

`roadmap` holds the domain classes, `vocabulary` the words of the format (statuses and their Russian
names, item keys), `period` and `numbering` the two structured values a roadmap carries, `ru` the
Russian language helpers, `format_schema` the JSON Schema derived from the vocabulary. This package
imports nothing itself, so a command that needs only the vocabulary does not build the domain classes.
"""
