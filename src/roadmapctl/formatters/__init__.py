"""Output of `check`: one module per format, kept apart from the rules.

Each format module has a `Formatter` whose `begin()`, `problems(list)` and
`end(errors, warnings, files)` return text, so findings are written file by
file as they arrive instead of being collected for the whole tree.
"""

from __future__ import annotations

FORMATS = ("text", "json", "github")
