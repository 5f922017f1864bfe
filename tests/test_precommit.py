"""pre-commit integration, run with the real `pre-commit` tool and offline.

Two ways in: this repository's own `.pre-commit-config.yaml` (a local hook
that calls the installed `roadmapctl`), and the hook other repositories use
from `.pre-commit-hooks.yaml`.  The latter is served from a throw-away git
repository holding this checkout's manifest, and the consumer overrides the
hook's language to `system`: with `language: python` pre-commit would
install roadmapctl and its dependencies from PyPI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROADMAPS, ROOT

pytest.importorskip("pre_commit", reason="нужен pre-commit (тестовые зависимости)")
if shutil.which("git") is None:
    pytest.skip("нужен git", allow_module_level=True)

GOOD = ROADMAPS / "lysva-2021-2022.yaml"
TARGET = "roadmaps/lysva-2021-2022.yaml"


def _env(home: Path) -> dict[str, str]:
    """A clean environment: no outer git state, pre-commit cache in `home`, our Python first on PATH."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_NOSYSTEM="1", PYTHONIOENCODING="utf-8",
    )
    return env


def _git(repo: Path, env: dict[str, str], *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=repo, env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    return proc.stdout.strip()


def _new_repo(path: Path, env: dict[str, str], files: dict[str, str]) -> None:
    path.mkdir()
    _git(path, env, "init", "-q")
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    _git(path, env, "add", "--", *files)


def _pre_commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=120,
    )


def _broken(text: str) -> tuple[str, int]:
    """The roadmap with a misspelt key, and the line it is on."""
    lines = text.splitlines(keepends=True)
    line = next(i for i, ln in enumerate(lines) if ln.startswith("territory:"))
    lines[line] = lines[line].replace("territory:", "teritory:", 1)
    return "".join(lines), line + 1


def _assert_passes_then_fails(repo: Path, env: dict[str, str]) -> None:
    good = _pre_commit(repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Проверка дорожных карт (roadmapctl check)" in good.stdout
    assert "Passed" in good.stdout

    text, line = _broken(GOOD.read_text(encoding="utf-8"))
    (repo / TARGET).write_text(text, encoding="utf-8")
    bad = _pre_commit(repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    reported = [ln for ln in bad.stdout.splitlines() if ln.startswith(f"{TARGET}:{line}:1: ")]
    assert len(reported) == 1, bad.stdout
    assert reported[0].endswith("[R002] дорожная карта: неизвестный ключ «teritory» — может быть, «territory»?")


def test_this_repositorys_config_checks_roadmaps(tmp_path: Path) -> None:
    if not (Path(sys.executable).parent / "roadmapctl").exists():
        pytest.skip(f"roadmapctl не установлен рядом с {sys.executable}")
    env = _env(tmp_path / "cache")
    repo = tmp_path / "repo"
    _new_repo(repo, env, {
        ".pre-commit-config.yaml": (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"),
        TARGET: GOOD.read_text(encoding="utf-8"),
        "notes.yaml": "это не дорожная карта: [\n",
    })
    _assert_passes_then_fails(repo, env)


def test_hook_from_the_manifest_checks_only_the_files_given(tmp_path: Path) -> None:
    env = _env(tmp_path / "cache")
    hooks = tmp_path / "hooks"
    _new_repo(hooks, env, {
        ".pre-commit-hooks.yaml": (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"),
    })
    _git(hooks, env, "commit", "-q", "-m", "hooks")
    rev = _git(hooks, env, "rev-parse", "HEAD")
    config = (
        "repos:\n"
        f"  - repo: {hooks.as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: roadmapctl-check\n"
        "        files: ^roadmaps/\n"
        "        language: system\n"
        f"        entry: {sys.executable} -m roadmapctl check\n"
    )
    repo = tmp_path / "repo"
    _new_repo(repo, env, {
        ".pre-commit-config.yaml": config,
        TARGET: GOOD.read_text(encoding="utf-8"),
        ".github/workflows/ci.yml": "on: push\njobs: {}\n",
        "roadmaps/README.txt": "не YAML, hook его не видит\n",
    })
    _assert_passes_then_fails(repo, env)


def test_manifest_declares_the_published_hook() -> None:
    manifest = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in manifest] == ["roadmapctl-check"]
    hook = manifest[0]
    assert (hook["entry"], hook["language"], hook["types"]) == ("roadmapctl check", "python", ["yaml"])
    assert "files" not in hook
    assert hook["name"] == "Проверка дорожных карт (roadmapctl check)"
