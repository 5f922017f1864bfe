"""`roadmapctl import` of .doc, .rtf, .xls and .ods through LibreOffice.

The conversion is tested with a stand-in `soffice` on the PATH (a script that
«converts» by copying a .docx or .xlsx made here and records its arguments):
what is asked of LibreOffice, what comes of a failure, a timeout, no
LibreOffice at all.  The real LibreOffice converts a .doc and an .rtf in the
thorough profile (it takes seconds).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import imported
from import_forms import soffice, write_docx, write_xlsx
from import_samples import SMALL
from roadmapctl.reading.loader import load

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="сценарий soffice написан для sh")


OLD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024  # the start of an OLE file (.doc, .xls)


def _docx(path: Path) -> Path:
    from import_forms import Grid

    write_docx(["Дорожная карта по подготовке к ГИА на 2025/2026 учебный год",
                Grid(("№", "Мероприятие", "Срок", "Ответственные"),
                     [("1.", "Пробный экзамен", "декабрь", "Учителя-предметники")])], path)
    return path


def fake_soffice(folder: Path, made: Path | None, sleep: int = 0) -> Path:
    """A `soffice` that writes `made` into --outdir under the input's name, after `sleep` seconds."""
    folder.mkdir(exist_ok=True)
    script = folder / "soffice"
    copy = f'cp "{made}" "$out/$(basename "${{last%.*}}").{made.suffix[1:]}"' if made else "true"
    script.write_text(f"""#!/bin/sh
echo "$@" > "{folder}/args"
sleep {sleep}
out=""
while [ $# -gt 0 ]; do
  case "$1" in --outdir) out="$2"; shift ;; esac
  last="$1"; shift
done
{copy}
""", encoding="utf-8")
    script.chmod(0o755)
    return folder


@pytest.fixture
def only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """PATH holding just the given folder (and the shell's tools)."""
    def use(folder: Path) -> None:
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin")
    return use


@pytest.mark.parametrize("suffix", [".doc", ".rtf"])
def test_an_old_document_is_converted_and_imported(suffix: str, tmp_path: Path, cli, only) -> None:
    folder = fake_soffice(tmp_path / "bin", _docx(tmp_path / "made.docx"))
    only(folder)
    source = tmp_path / f"гиа{suffix}"
    source.write_bytes(OLD if suffix == ".doc" else b"{\\rtf1 an old document}")
    result = cli("import", source, "-o", tmp_path / "gia.yaml")
    assert result.code == 0, result.out + result.err
    assert result.out.startswith(f"Импорт: гиа{suffix} → ")
    roadmap = load(tmp_path / "gia.yaml").roadmap
    assert roadmap is not None and [e.item.title for e in roadmap.walk()] == ["Пробный экзамен"]
    args = (folder / "args").read_text(encoding="utf-8").split()
    assert args[args.index("--convert-to") + 1] == "docx"
    assert "--headless" in args and any(a.startswith("-env:UserInstallation=file://") for a in args)
    assert source.read_bytes() == (OLD if suffix == ".doc" else b"{\\rtf1 an old document}")  # never touched


def test_an_old_workbook_is_converted_to_xlsx(tmp_path: Path, cli, only) -> None:
    write_xlsx(SMALL, tmp_path / "made.xlsx")
    folder = fake_soffice(tmp_path / "bin", tmp_path / "made.xlsx")
    only(folder)
    (tmp_path / "plan.xls").write_bytes(OLD)
    result = cli("import", tmp_path / "plan.xls", "-o", tmp_path / "plan.yaml")
    assert result.code == 0, result.err
    args = (folder / "args").read_text(encoding="utf-8").split()
    assert args[args.index("--convert-to") + 1] == "xlsx"


def test_without_libreoffice_both_ways_out_are_named(tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no LibreOffice anywhere
    (tmp_path / "old.doc").write_bytes(OLD)
    result = cli("import", tmp_path / "old.doc")
    assert result.code == 2
    assert "старый формат Word (.doc) читается только через LibreOffice, а он не установлен" in result.err
    assert "сохраните документ в Word как .docx" in result.err and "установите LibreOffice" in result.err


@pytest.mark.parametrize(("name", "data", "described"), [
    ("short.doc", b"\xd0\xcf\x11\xe0", "старый формат Word (.doc)"),
    ("text.xls", b"just text" * 100, "старый формат Excel (.xls)"),
    ("text.rtf", b"just text", "формат RTF"),
    ("text.ods", b"just text" * 10, "таблица OpenDocument (.ods)"),
])
def test_a_file_that_is_not_what_its_name_says_is_refused_before_libreoffice(
        name: str, data: bytes, described: str, tmp_path: Path, cli, only) -> None:
    folder = fake_soffice(tmp_path / "bin", _docx(tmp_path / "made.docx"))
    only(folder)
    (tmp_path / name).write_bytes(data)
    result = cli("import", tmp_path / name)
    assert result.code == 2
    assert f"{name}: файл повреждён или это не {described}" in result.err
    assert not (folder / "args").exists()  # LibreOffice was not asked


def test_a_damaged_result_names_the_users_file(tmp_path: Path, cli, only) -> None:
    broken = tmp_path / "made.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    only(fake_soffice(tmp_path / "bin", broken))
    (tmp_path / "old.doc").write_bytes(OLD)
    result = cli("import", tmp_path / "old.doc")
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: {tmp_path / 'old.doc'}: ")
    assert "roadmapctl-convert-" not in result.err


def test_a_file_libreoffice_cannot_read_is_refused(tmp_path: Path, cli, only) -> None:
    only(fake_soffice(tmp_path / "bin", None))
    (tmp_path / "broken.rtf").write_bytes(b"{\\rtf1 broken")
    result = cli("import", tmp_path / "broken.rtf")
    assert result.code == 2
    assert "LibreOffice не смог прочитать файл — он повреждён или это не формат RTF" in result.err


def test_a_conversion_that_hangs_is_stopped(tmp_path: Path, cli, only, monkeypatch: pytest.MonkeyPatch) -> None:
    from roadmapctl.importer import convert

    monkeypatch.setattr(convert, "CONVERT_SECONDS", 0.3)
    only(fake_soffice(tmp_path / "bin", _docx(tmp_path / "made.docx"), sleep=30))
    (tmp_path / "slow.doc").write_bytes(OLD)
    result = cli("import", tmp_path / "slow.doc")
    assert result.code == 2
    assert "LibreOffice не преобразовал файл за 0.3 с" in result.err


def _rtf(path: Path) -> Path:
    """An RTF with the stamp-less title and a two-row table, written by hand (RTF is text)."""
    def escaped(text: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)

    rows = [("№", "Мероприятие", "Срок", "Ответственные"), ("1.", "Пробный экзамен", "декабрь", "Учителя-предметники")]
    body = ["{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}",
            escaped("Дорожная карта по подготовке к ГИА на 2025/2026 учебный год") + "\\par"]
    for row in rows:
        body.append("\\trowd\\trgaph100\\cellx1000\\cellx6000\\cellx8000\\cellx11000")
        body.append("".join(f"\\pard\\intbl {escaped(cell)}\\cell " for cell in row) + "\\row")
    path.write_text("\n".join([*body, "\\pard\\par}"]) + "\n", encoding="ascii")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("form", ["rtf", "doc"])
def test_real_libreoffice_converts_an_old_document(form: str, tmp_path: Path, cli) -> None:
    exe = soffice()
    if not exe:
        pytest.skip("LibreOffice (soffice) не установлен")
    source = _rtf(tmp_path / "gia.rtf")
    if form == "doc":  # the .doc Word 97 writes, made by LibreOffice from the RTF
        subprocess.run([exe, "--headless", "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path / "old"),
                        str(source)], check=True, capture_output=True, timeout=300,
                       env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
        source = tmp_path / "old" / "gia.doc"
    named = tmp_path / f"гиа.{form}"
    shutil.move(source, named)
    _result, roadmap = imported(cli, named, tmp_path / "gia.yaml")
    assert roadmap.title == "Дорожная карта по подготовке к ГИА на 2025/2026 учебный год"
    assert [(e.item.number, e.item.title, e.item.deadline) for e in roadmap.walk()] == [
        ("1.", "Пробный экзамен", "декабрь")]
