"""The package's layering, read from its source: commands on top, the domain below.

* No module imports a command module (one that registers a subcommand)
  except `main`: what commands share lives in the domain or in the shared
  CLI modules (`commands.params`, `commands.readout`).
* No domain module names a command-line option in the text of an error it
  raises: the domain does not know which option carried a value
  (`errors.ValueRefused`); the command adds the name.
* No domain module imports the command-line layer (`main`, `commands`, with
  `commands.options` and `commands.clitext`): file data is not parsed with the
  helpers for option values.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "roadmapctl"
# The command-line layer: these may name options.
CLI_MODULES = {"roadmapctl.main", "roadmapctl.__main__", "roadmapctl.output"}  # output: what `-o` means
ERRORS = {"RoadmapctlError", "UsageError", "InputError", "OutputError", "ValueRefused", "RoadmapRefused",
          "OutputExists"}


def _module(path: Path) -> str:
    return ".".join(("roadmapctl", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


Sources = dict[str, ast.Module]


@pytest.fixture(scope="module")
def sources() -> Sources:
    """Every module of the package, parsed once for the module's tests (and on one worker only:
    parsing two hundred files costs more than the rules), not while every worker collects."""
    return {_module(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def _commands(sources: Sources) -> frozenset[str]:
    return frozenset(name for name, tree in sources.items()
                     if name.startswith("roadmapctl.commands.")
                     and any(isinstance(node, ast.FunctionDef) and node.name == "register" for node in tree.body))


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_command_modules_are_found(sources: Sources) -> None:
    commands = _commands(sources)
    assert {"roadmapctl.commands.check", "roadmapctl.commands.overdue", "roadmapctl.commands.done"} <= commands
    assert "roadmapctl.commands.params" not in commands
    assert len(sources) > 100 and len(_domain(sources)) > 80  # the walk sees the whole package


def test_no_module_imports_a_command_module_except_main(sources: Sources) -> None:
    """Every module is read; the message lists each one that breaks the rule."""
    commands = _commands(sources)
    wrong = {module: sorted(_imports(tree) & commands - {module})
             for module, tree in sources.items() if module != "roadmapctl.main"}
    wrong = {module: names for module, names in wrong.items() if names}
    assert not wrong, "\n".join(f"{module} imports command modules {names}: move what they share to the domain "
                                f"or params" for module, names in wrong.items())


@functools.cache  # the same app for every module's test: built once
def _options() -> frozenset[str]:
    import typer.main

    from roadmapctl.main import build_app

    group = typer.main.get_command(build_app())
    return frozenset(opt for command in group.commands.values() for param in command.params  # type: ignore[attr-defined]
                     for opt in param.opts if opt.startswith("-"))


def _error_texts(tree: ast.Module) -> list[tuple[int, str]]:
    """Every string written into the construction of an error: (line, text)."""
    texts = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in ERRORS:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            for part in ast.walk(arg):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    texts.append((part.lineno, part.value))
    return texts


def _domain(sources: Sources) -> list[str]:
    return sorted(name for name in sources
                  if not name.startswith("roadmapctl.commands") and name not in CLI_MODULES)


def test_the_option_scan_sees_options() -> None:
    options = _options()
    assert {"--to", "--period", "--executor", "--due", "--gost", "--force", "-o"} <= options
    tree = ast.parse('raise UsageError(f"--to: {x}", "например: -o файл")')
    pattern = _pattern(frozenset(options))
    assert [text for _, text in _error_texts(tree) if pattern.search(text)] == ["--to: ", "например: -o файл"]


@functools.cache
def _pattern(options: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))
                      + r")(?![\w-])")


def test_domain_errors_never_name_an_option(sources: Sources) -> None:
    pattern = _pattern(_options())
    named = [f"{module}:{line}: {text}" for module in _domain(sources)
             for line, text in _error_texts(sources[module]) if pattern.search(text)]
    assert not named, ("domain modules name options in errors (raise ValueRefused; the command names the "
                       "option):\n" + "\n".join(named))


def test_domain_modules_do_not_import_the_command_line_layer(sources: Sources) -> None:
    wrong = [f"{module} imports the command-line layer: {name}" for module in _domain(sources)
             for name in sorted(_imports(sources[module]))
             if name in {"roadmapctl.main", "roadmapctl.commands"} or name.startswith("roadmapctl.commands.")]
    assert not wrong, "\n".join(wrong)
