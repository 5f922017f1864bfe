"""Shell completion of option values: formats, groupings, statuses, executors, item numbers.

Typer calls these while the user presses Tab; they must be quick and never
fail (a traceback in the middle of a command line helps nobody), so every
reader here swallows errors and answers with what it found.  Executor ids
come from the roadmaps named earlier on the command line (else the
roadmaps/ folder); item numbers from the roadmap file named before them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Completion walks at most this many files: Tab must answer at once even in a region's repository.
MAX_FILES = 200

Completer = Callable[[str], list[tuple[str, str]]]


def values(allowed: tuple[str, ...]) -> Completer:
    """Complete one of fixed values (`--format`, `--group-by`)."""
    def complete(incomplete: str) -> list[tuple[str, str]]:
        return [(value, "") for value in allowed if value.startswith(incomplete)]

    return complete


def encodings(incomplete: str) -> list[tuple[str, str]]:
    common = (("utf-8", "Юникод (по умолчанию)"), ("cp1251", "Windows, кириллица"),
              ("utf-16", "Юникод, 16 бит"), ("koi8-r", "КОИ-8"))
    return [(name, why) for name, why in common if name.startswith(incomplete.lower())]


def statuses(incomplete: str) -> list[tuple[str, str]]:
    """English values and the Russian words the tool prints."""
    from roadmapctl.model.vocabulary import STATUS_NAMES

    words: list[tuple[str, str]] = [(value, name) for value, name in STATUS_NAMES.items()]
    words += [(name, value) for value, name in STATUS_NAMES.items()]
    low = incomplete.lower()
    return [(word, why) for word, why in words if word.startswith(low)]


def executors(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Executor ids (with their names) of the roadmaps named on the command line, else roadmaps/."""
    found: dict[str, str] = {}
    for roadmap in _roadmaps(ctx.params.get("paths") or []):
        for ident, executor in roadmap.executors.items():
            found.setdefault(ident, executor.label)
    low = incomplete.casefold()
    return [(ident, name) for ident, name in sorted(found.items())
            if ident.casefold().startswith(low) or name.casefold().startswith(low)]


def items(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Item numbers and keys of the roadmap named before (`done`, `extend`)."""
    given = ctx.params.get("roadmap")
    if not given:
        return []
    out: list[tuple[str, str]] = []
    for roadmap in _roadmaps([str(given)]):
        for entry in roadmap.walk():
            title = entry.item.title[:60]
            for name in (entry.item.number, entry.item.key):
                if name and name.startswith(incomplete):
                    out.append((name, title))
    return out


def _roadmaps(paths: list[str]) -> Iterator[Any]:
    """Roadmaps that load (errors and all); unreadable files are skipped silently."""
    from itertools import islice

    from roadmapctl.reading.discovery import find_roadmaps
    from roadmapctl.reading.loader import load

    try:
        files = find_roadmaps([p for p in paths if p != "-"] or ["roadmaps"]).files
    except Exception:  # completion must never fail
        return
    for path in islice(files, MAX_FILES):
        try:
            result = load(Path(path))
        except Exception:
            continue
        if result.roadmap is not None:
            yield result.roadmap


# --- installing completion: Typer's own options print English, these say the same in Russian ---

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell() -> str:
    from roadmapctl.errors import UsageError

    try:
        import shellingham

        name = str(shellingham.detect_shell()[0]).lower()
    except Exception:  # shellingham.ShellDetectionFailure and its kin
        name = ""
    if name not in SHELLS:
        shown = f"«{name}»" if name else "не удалось определить"
        raise UsageError(f"автодополнение: оболочка {shown}; поддерживаются {', '.join(SHELLS)}",
                         "запустите команду из bash, zsh, fish или PowerShell")
    return name


def install(ctx: Any, param: Any, value: bool) -> None:
    """`--install-completion`: add the completion script to the shell's start-up file."""
    if not value or ctx.resilient_parsing:
        return
    import typer
    from typer._completion_shared import install as typer_install

    shell, path = typer_install(shell=_shell(), prog_name="roadmapctl", complete_var="_ROADMAPCTL_COMPLETE")
    typer.echo(f"Автодополнение для {shell} установлено в {path}.")
    typer.echo("Оно заработает в новом окне терминала (или после перезапуска оболочки).")
    raise typer.Exit(0)


def show(ctx: Any, param: Any, value: bool) -> None:
    """`--show-completion`: print the script, to copy it or install it by hand."""
    if not value or ctx.resilient_parsing:
        return
    import typer
    from typer._completion_shared import get_completion_script

    typer.echo(get_completion_script(prog_name="roadmapctl", complete_var="_ROADMAPCTL_COMPLETE",
                                     shell=_shell()))
    raise typer.Exit(0)
