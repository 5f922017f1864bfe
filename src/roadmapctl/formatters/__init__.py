"""Output of `check`: one module per format, kept apart from the rules."""

from __future__ import annotations

FORMATS = ("text", "json", "github")
