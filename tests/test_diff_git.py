"""`roadmapctl diff` against git revisions, and `textconv` as git's diff driver."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, run_process

OLD = DATA / "diff" / "chel-2023-2024.yaml"
NEW = DATA / "diff" / "chel-2024-2025.yaml"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def built_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose roadmaps/chel.yaml is last year's in v2023 and this year's at HEAD."""
    root = tmp_path_factory.mktemp("git") / "repo"
    (root / "roadmaps").mkdir(parents=True)
    git(root, "init", "-q")
    git(root, "config", "user.name", "Тест")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "commit.gpgsign", "false")
    shutil.copy(OLD, root / "roadmaps" / "chel.yaml")
    git(root, "add", "roadmaps/chel.yaml")
    git(root, "commit", "-qm", "2023/2024")
    git(root, "tag", "v2023")
    shutil.copy(NEW, root / "roadmaps" / "chel.yaml")
    git(root, "commit", "-qam", "2024/2025")
    return root


@pytest.fixture
def repo(built_repo: Path, tmp_path: Path) -> Path:
    """A copy of the repository for one test (built once per module: tests may change it)."""
    return Path(shutil.copytree(built_repo, tmp_path / "repo", symlinks=True))


def summary(out: str) -> str:
    return out.splitlines()[2]


EXPECTED = "Изменено 12 мероприятий, добавлено 2, удалено 2, перенумеровано 3, без изменений 24."


def here(cli, monkeypatch: pytest.MonkeyPatch, cwd: Path, *args: str | Path):  # type: ignore[no-untyped-def]
    """`roadmapctl ARGS` in this process, run from `cwd` (git is still a real process). The first
    test below runs the same command as a real `python -m roadmapctl` process."""
    monkeypatch.chdir(cwd)
    return cli(*args)


def test_from_revision_to_working_tree(repo: Path) -> None:
    (repo / "roadmaps" / "chel.yaml").write_bytes(OLD.read_bytes())  # uncommitted edit
    same = run_process("diff", "roadmaps/chel.yaml", "--from", "v2023", cwd=repo)
    assert (same.code, same.err) == (0, "")
    assert same.out.startswith("Сравнение: v2023:roadmaps/chel.yaml (2023/2024) → roadmaps/chel.yaml")


def test_from_and_to_revisions(repo: Path, cli, monkeypatch) -> None:
    result = here(cli, monkeypatch, repo, "diff", "roadmaps/chel.yaml", "--from", "v2023", "--to", "HEAD")
    assert (result.code, result.err) == (1, "")
    assert summary(result.out) == EXPECTED


def test_rev_colon_path_form_from_a_subfolder(repo: Path, cli, monkeypatch) -> None:
    result = here(cli, monkeypatch, repo / "roadmaps", "diff", "HEAD~1:chel.yaml", "chel.yaml")
    assert (result.code, result.err) == (1, "")
    assert result.out.startswith("Сравнение: HEAD~1:chel.yaml (2023/2024) → chel.yaml (2024/2025)")
    assert summary(result.out) == EXPECTED


def test_rev_colon_path_as_git_writes_it_from_a_subfolder(repo: Path, cli, monkeypatch) -> None:
    """«HEAD~1:roadmaps/chel.yaml» is the path from the repository root, as in `git show`."""
    result = here(cli, monkeypatch, repo / "roadmaps", "diff", "HEAD~1:roadmaps/chel.yaml", "chel.yaml")
    assert (result.code, result.err) == (1, "")
    assert summary(result.out) == EXPECTED


def test_path_is_made_relative_to_the_repository_root(repo: Path, cli, monkeypatch) -> None:
    result = here(cli, monkeypatch, repo.parent, "diff", str(repo / "roadmaps" / "chel.yaml"), "--from", "v2023")
    assert (result.code, result.err) == (1, "")
    assert summary(result.out) == EXPECTED


def test_unknown_revision(repo: Path, cli, monkeypatch) -> None:
    result = here(cli, monkeypatch, repo, "diff", "roadmaps/chel.yaml", "--from", "v1999")
    assert result.code == 2
    assert result.err == ("roadmapctl: ошибка: неизвестная ревизия «v1999»\n"
                          "  проверьте имя ветки, тега или коммита: git log --oneline, git tag\n")


def test_option_like_revision_is_not_passed_to_git_as_an_option(repo: Path, cli, monkeypatch) -> None:
    result = here(cli, monkeypatch, repo, "diff", "roadmaps/chel.yaml", "--from=--output=/tmp/x")
    assert result.code == 2
    assert "неизвестная ревизия «--output=/tmp/x»" in result.err


def test_file_missing_in_revision(repo: Path, cli, monkeypatch) -> None:
    shutil.copy(OLD, repo / "roadmaps" / "new.yaml")
    result = here(cli, monkeypatch, repo, "diff", "roadmaps/new.yaml", "--from", "v2023")
    assert result.code == 2
    assert result.err.startswith("roadmapctl: ошибка: в ревизии v2023 нет файла roadmaps/new.yaml\n")


def test_not_a_repository(tmp_path: Path, cli, monkeypatch) -> None:
    shutil.copy(OLD, tmp_path / "chel.yaml")
    result = here(cli, monkeypatch, tmp_path, "diff", "chel.yaml", "--from", "HEAD")
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: папка {tmp_path.resolve()} не в репозитории git\n")


def test_textconv_driver_shows_only_meaningful_changes(repo: Path) -> None:
    """With the diff driver, the year shift of unchanged items disappears from `git diff`."""
    (repo / ".gitattributes").write_text("*.yaml diff=roadmap\n", encoding="utf-8")
    git(repo, "config", "diff.roadmap.textconv", f'"{sys.executable}" -m roadmapctl textconv')
    plain = git(repo, "-c", "diff.roadmap.textconv=cat", "diff", "v2023", "HEAD", "--", "roadmaps/chel.yaml")
    driven = git(repo, "diff", "v2023", "HEAD", "--", "roadmaps/chel.yaml")
    changed = [ln for ln in driven.splitlines() if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]
    assert "-Период: {Г}/{Г+1} (Г = 2023)" in changed and "+Период: {Г}/{Г+1} (Г = 2024)" in changed
    assert "-  срок: Январь {Г+1} г." in changed and "+  срок: Февраль {Г+1} г." in changed
    assert not any("Октябрь {Г} г." in ln for ln in changed)  # 1.2 → 1.3 kept its deadline
    assert len(changed) < len([ln for ln in plain.splitlines() if ln[:1] in "+-"])
