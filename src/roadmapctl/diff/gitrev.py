"""Reading a roadmap as it was in a git revision.

`roadmapctl diff x.yaml --from v2023` and `roadmapctl diff HEAD~1:x.yaml x.yaml`
compare versions of one file without checking anything out.  git is always
called with an argument list, never through a shell, so a revision or a path
with spaces or quotes is passed as it is.  A path is made relative to the
repository root with `git rev-parse --show-prefix`, run in the folder that
holds the file, so it works from any folder and for files of another
repository; a path that is not there is tried from the repository root, as
`git show REV:path` reads it.  Failures become Russian `InputError`s (exit 2).
"""

from __future__ import annotations

import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path

from roadmapctl.errors import InputError

TIMEOUT = 60


@dataclass(frozen=True)
class Source:
    """Where one side of the comparison comes from: a file, or a file in a revision."""

    path: str
    rev: str | None = None

    @property
    def display(self) -> str:
        return f"{self.rev}:{self.path}" if self.rev else self.path


def parse_source(arg: str) -> Source:
    """«x.yaml» is a file; «REV:path» is a revision, unless a file of that very name exists."""
    if Path(arg).exists() or ":" not in arg:
        return Source(arg)
    rev, _, path = arg.partition(":")
    if not rev:
        raise InputError(f"«{arg}»: перед двоеточием нужна ревизия git, например HEAD~1:{path}")
    if not path:
        raise InputError(f"«{arg}»: после двоеточия нужен путь к файлу, например {rev}:roadmaps/карта.yaml")
    return Source(path, rev)


def read_revision(source: Source) -> bytes:
    """The file's bytes in the revision; `reading.read` decodes them as it decodes files."""
    assert source.rev is not None
    folder, repo_path = _locate(source.path)
    _verify(folder, source.rev)
    shown = _git(folder, "show", f"{source.rev}:{repo_path}")
    from_root = posixpath.normpath(source.path.replace("\\", "/"))
    if shown.returncode != 0 and from_root != repo_path and not Path(source.path).is_absolute():
        shown = _git(folder, "show", f"{source.rev}:{from_root}")  # as `git show` reads it
    if shown.returncode != 0:
        raise InputError(f"в ревизии {source.rev} нет файла {repo_path}",
                         f"посмотрите, где он был: git log --oneline -- {repo_path}")
    return shown.stdout


def _locate(path: str) -> tuple[Path, str]:
    """The folder to run git in and the path relative to the repository root."""
    given = Path(path)
    parent = given.parent if given.parent.is_dir() else Path(".")
    name = given.name if parent == given.parent else path
    prefix = _git(parent, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        where = parent.resolve()
        raise InputError(f"папка {where} не в репозитории git",
                         "сравнение с ревизией работает только внутри репозитория")
    relative = posixpath.normpath(prefix.stdout.decode("utf-8").strip() + name.replace("\\", "/"))
    if relative.startswith("../") or relative == "..":
        raise InputError(f"файл {path} лежит вне репозитория git")
    return parent, relative


def _verify(folder: Path, rev: str) -> None:
    if rev.startswith("-"):
        raise InputError(f"неизвестная ревизия «{rev}»")
    found = _git(folder, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if found.returncode != 0:
        raise InputError(f"неизвестная ревизия «{rev}»",
                         "проверьте имя ветки, тега или коммита: git log --oneline, git tag")


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, timeout=TIMEOUT,
                              check=False)
    except FileNotFoundError:
        raise InputError("не найдена программа git", "установите git или сравните два файла") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git не ответил за {TIMEOUT} с") from None
