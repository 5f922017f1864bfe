"""Old and foreign formats (.doc, .rtf, .xls, .ods) converted by LibreOffice, when it is installed.

Roadmaps of earlier years are often still .doc files, and legal reference
systems save .rtf.  No Python library reads them well, but LibreOffice
converts them faithfully (merged cells included) to .docx or .xlsx, which the
importer reads.  LibreOffice runs headless with a profile of its own in a
temporary folder (so it works while the user has LibreOffice open), with a
time limit; when it is not installed the user is told both ways out: save
the file as .docx or .xlsx, or install LibreOffice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from roadmapctl.errors import InputError
from roadmapctl.limits import CONVERT_SECONDS

# suffix → (what LibreOffice converts it to, how the user names the format, the program to save it again)
CONVERTED = {
    ".doc": ("docx", "старый формат Word (.doc)", "Word как .docx («Файл → Сохранить как»)"),
    ".rtf": ("docx", "формат RTF", "Word как .docx («Файл → Сохранить как»)"),
    ".xls": ("xlsx", "старый формат Excel (.xls)", "Excel как .xlsx («Файл → Сохранить как»)"),
    ".ods": ("xlsx", "таблица OpenDocument (.ods)", "LibreOffice Calc или Excel как .xlsx"),
}
# What each format's files begin with: anything else is refused before LibreOffice, which would
# read any bytes as plain text.  (An OLE compound file has a 512-byte header at least.)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURES = {".doc": (_OLE, 512), ".xls": (_OLE, 512), ".rtf": (b"{\\rtf", 6), ".ods": (b"PK\x03\x04", 22)}
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


def libreoffice() -> str | None:
    """The LibreOffice program, if installed: on the PATH, or where Windows installs it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.name == "nt":
        return next((place for place in _WINDOWS_PLACES if Path(place).is_file()), None)
    return None


def convert(path: Path, folder: Path) -> Path:
    """`path` converted into `folder` (.docx or .xlsx); InputError when it cannot be."""
    target, described, save_as = CONVERTED[path.suffix.lower()]
    signature, least = _SIGNATURES[path.suffix.lower()]
    try:
        with path.open("rb") as stream:
            head = stream.read(least)
    except OSError as exc:
        raise InputError(f"не удалось прочитать {path}: {exc.strerror or exc}") from None
    if len(head) < least or not head.startswith(signature):
        raise InputError(f"{path}: файл повреждён или это не {described}", f"откройте его и сохраните в {save_as}")
    exe = libreoffice()
    if exe is None:
        raise InputError(f"{path}: {described} читается только через LibreOffice, а он не установлен",
                         f"сохраните документ в {save_as} или установите LibreOffice")
    profile = folder / "profile"
    out = folder / "out"
    out.mkdir(parents=True)
    command = [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out), str(path.resolve())]
    try:
        # A session of its own: on a timeout or Ctrl-C the whole of LibreOffice (its launcher
        # and the office process it starts) is stopped, not just the launcher.
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=os.name != "nt")
    except OSError as exc:
        raise InputError(f"{path}: не удалось запустить LibreOffice ({exc.strerror or exc})",
                         f"сохраните документ в {save_as}") from None
    try:
        process.wait(timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise InputError(f"{path}: LibreOffice не преобразовал файл за {CONVERT_SECONDS} с",
                         f"сохраните документ в {save_as}") from None
    except BaseException:
        _stop(process)
        raise
    made = sorted(out.glob(f"*.{target}"))
    if not made:
        raise InputError(f"{path}: LibreOffice не смог прочитать файл — он повреждён или это не {described}",
                         f"откройте его и сохраните в {save_as}")
    return made[0]


def _stop(process: subprocess.Popen[bytes]) -> None:
    import signal

    try:
        if os.name == "nt":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass  # it ended meanwhile
    process.wait()


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="roadmapctl-convert-")
