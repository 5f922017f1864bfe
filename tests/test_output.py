"""One output writer (issue #13 cases 2, 4, 14, 17, 20; #14 items 8 and 11): `-o` in every command."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS

LYSVA = ROADMAPS / "lysva-2021-2022.yaml"
CHEL = ROADMAPS / "chelyabinsk-2023-2024.yaml"
YEARS = (DATA / "diff" / "chel-2023-2024.yaml", DATA / "diff" / "chel-2024-2025.yaml")  # a table of a dozen rows


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copyfile(LYSVA, a)
    shutil.copyfile(LYSVA, b)
    return a, b


# -- an input is never an output -------------------------------------------------------------

def _input_refused(result, path: Path) -> None:
    assert result.code == 2, result.err
    assert f"{path}" in result.err and "входной файл этой команды" in result.err, result.err


def test_diff_does_not_overwrite_its_input(cli, pair: tuple[Path, Path]) -> None:
    a, b = pair
    before = b.read_bytes()
    _input_refused(cli("diff", a, b, "--format", "html", "-o", b, "--force"), b)
    assert b.read_bytes() == before


@pytest.mark.parametrize("kind", ["hard link", "symlink", "other name"])
def test_input_is_recognised_by_identity_not_by_name(cli, pair: tuple[Path, Path], kind: str) -> None:
    a, b = pair
    before = b.read_bytes()
    other = b.parent / "sub"
    other.mkdir()
    if kind == "hard link":
        target = other / "b-copy.html"
        os.link(b, target)
    elif kind == "symlink":
        target = other / "b-link.html"
        target.symlink_to(b)
    else:
        target = other / ".." / "b.yaml"
    result = cli("diff", a, b, "--format", "html", "-o", target, "--force")
    _input_refused(result, target)
    assert b.read_bytes() == before


def test_calendar_does_not_overwrite_its_input(cli, pair: tuple[Path, Path]) -> None:
    _, b = pair
    before = b.read_bytes()
    result = cli("calendar", b, "-o", b, "--force")
    _input_refused(result, b)
    assert b.read_bytes() == before


def test_calendar_of_a_folder_does_not_overwrite_a_roadmap_in_it(cli, pair: tuple[Path, Path]) -> None:
    _, b = pair
    before = b.read_bytes()
    result = cli("calendar", b.parent, "-o", b, "--force")
    assert result.code == 2 and b.read_bytes() == before


def test_import_does_not_overwrite_its_source(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.docx"
    plan.write_bytes(b"PK\x03\x04 a Word file")
    result = cli("import", plan, "-o", plan, "--force")
    assert result.code == 2 and "это сам импортируемый документ" in result.err, result.err
    assert plan.read_bytes() == b"PK\x03\x04 a Word file"


def test_schema_is_never_written_over_a_roadmap(cli, pair: tuple[Path, Path]) -> None:
    _, b = pair
    before = b.read_bytes()
    result = cli("schema", "-o", b, "--force")
    assert result.code == 2
    assert "похоже, дорожная карта" in result.err
    assert b.read_bytes() == before


def test_render_does_not_overwrite_its_template(cli, tmp_path: Path) -> None:
    template = tmp_path / "бланк.html"
    shutil.copyfile(Path(__file__).resolve().parent.parent / "templates" / "roadmap.html.j2", template)
    before = template.read_bytes()
    result = cli("render", LYSVA, "--template", template, "-o", template, "--force")
    _input_refused(result, template)
    assert template.read_bytes() == before


def test_rollover_does_not_overwrite_its_input_through_a_link(cli, tmp_path: Path) -> None:
    old = tmp_path / "lysva-2021-2022.yaml"
    shutil.copyfile(LYSVA, old)
    link = tmp_path / "next.yaml"
    os.link(old, link)
    before = old.read_bytes()
    result = cli("rollover", old, "--to", "2022/2023", "-o", link, "--force")
    assert result.code == 2
    assert old.read_bytes() == before


# -- only regular files -------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_replaced(cli, tmp_path: Path) -> None:
    fifo = tmp_path / "out.ics"
    os.mkfifo(fifo)
    result = cli("calendar", LYSVA, "-o", fifo, "--force")
    assert result.code == 2
    assert result.err == (f"roadmapctl: ошибка: {fifo} — не обычный файл (устройство, канал или сокет): "
                          "он не заменяется\n  укажите обычный файл или «-» для стандартного вывода\n")
    assert fifo.is_fifo()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_is_not_replaced(cli) -> None:
    result = cli("diff", LYSVA, CHEL, "--format", "html", "-o", "/dev/null", "--force")
    assert result.code == 2 and "не обычный файл" in result.err
    assert Path("/dev/null").is_char_device()


def test_a_read_only_output_is_not_replaced(cli, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    assert cli("calendar", LYSVA, "-o", out).code == 0
    out.chmod(0o444)
    result = cli("calendar", CHEL, "-o", out, "--force")
    assert result.code == 2 and "защищён от записи" in result.err
    assert out.stat().st_mode & 0o777 == 0o444


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(cli, tmp_path: Path) -> None:
    real = tmp_path / "site" / "deadlines.ics"
    real.parent.mkdir()
    assert cli("calendar", LYSVA, "-o", real).code == 0
    link = tmp_path / "deadlines.ics"
    link.symlink_to(real)
    assert cli("calendar", CHEL, "-o", link).code == 0
    assert link.is_symlink()
    assert "chelyabinsk" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in real.parent.iterdir()) == ["deadlines.ics"]


# -- the overwrite rule --------------------------------------------------------------------------

def test_generated_documents_are_regenerated_without_force(cli, tmp_path: Path) -> None:
    for args in (("render", LYSVA, "-o", tmp_path / "a.docx"), ("render", LYSVA, "-o", tmp_path / "a.html"),
                 ("diff", *YEARS, "-o", tmp_path / "d.docx"), ("diff", *YEARS, "-o", tmp_path / "d.html"),
                 ("schema", "-o", tmp_path / "s.json")):
        first = cli(*args)
        assert first.code in (0, 1), first.err
        again = cli(*args)  # tomorrow's cron run
        assert (again.code, again.err) == (first.code, ""), args


def test_a_word_original_next_to_the_roadmap_is_not_lost(cli, tmp_path: Path) -> None:
    roadmap = tmp_path / "lysva.yaml"
    shutil.copyfile(LYSVA, roadmap)
    original = tmp_path / "lysva.docx"  # the document the roadmap was imported from
    original.write_bytes(b"PK\x03\x04 not written by roadmapctl")
    result = cli("render", roadmap)
    assert result.code == 2
    assert result.err == (f"roadmapctl: ошибка: файл {original} уже существует и создан не roadmapctl\n"
                          "  чтобы перезаписать его, добавьте --force\n")
    assert original.read_bytes() == b"PK\x03\x04 not written by roadmapctl"
    assert cli("render", roadmap, "--force").code == 0


def test_import_and_rollover_replace_a_roadmap_only_with_force(cli, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text("# чужая карта\n", encoding="utf-8")
    old = tmp_path / "lysva-2021-2022.yaml"
    shutil.copyfile(LYSVA, old)
    refused = cli("rollover", old, "--to", "2022/2023", "-o", new)
    assert refused.code == 2 and "уже существует" in refused.err
    assert new.read_text(encoding="utf-8") == "# чужая карта\n"
    assert cli("rollover", old, "--to", "2022/2023", "-o", new, "--force").code in (0, 1)


# -- «-» is the standard output ------------------------------------------------------------------

def test_dash_is_stdout_in_every_writing_command(cli, tmp_path: Path) -> None:
    old = tmp_path / "lysva-2021-2022.yaml"
    shutil.copyfile(LYSVA, old)
    schema = cli("schema", "-o", "-")
    assert schema.code == 0 and schema.out.startswith("{")
    diff = cli("diff", LYSVA, CHEL, "-o", "-", "--format", "json")
    assert diff.code == 1 and diff.out.startswith("{")
    rolled = cli("rollover", old, "--to", "2022/2023", "-o", "-")
    assert rolled.code in (0, 1) and rolled.out.startswith("# yaml-language-server")
    assert "Новая карта: стандартный вывод" in rolled.err
    assert not (tmp_path / "-").exists() and not Path("-").exists()


@pytest.mark.parametrize("args", [("render", LYSVA, "-o", "-"),
                                  ("diff", *YEARS, "--format", "docx", "-o", "-")])
def test_docx_is_not_sent_to_a_terminal(cli, monkeypatch, args: tuple) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = cli(*args)
    assert result.code == 2
    assert result.err == ("roadmapctl: ошибка: DOCX не выводится на терминал: это двоичный файл\n"
                          "  перенаправьте вывод в файл (> документ.docx) или укажите -o документ.docx\n")
    assert result.out == ""


# -- a full or closed standard output, Ctrl-C ----------------------------------------------------

COMMANDS = [
    ("check", str(CHEL)),
    ("list", str(CHEL)),
    ("overdue", str(CHEL), "--as-of", "2024-06-01"),
    ("stats", str(CHEL)),
    ("when", "ежемесячно до 20 числа", "--period", "2023/2024"),
    ("render", str(CHEL), "-o", "-"),
    ("calendar", str(CHEL), "-o", "-"),
    ("diff", str(LYSVA), str(CHEL)),
    ("schema",),
    ("textconv", str(CHEL)),
    ("export", str(CHEL), "-f", "csv"),
    ("report", str(CHEL), "--as-of", "2024-06-01"),
    ("done", "{copy}", "2.2", "--on", "2024-03-01"),
]


def _with_copy(args: tuple[str, ...], tmp_path: Path) -> tuple[str, ...]:
    """`done` edits its roadmap: it gets a copy of its own."""
    copy = tmp_path / CHEL.name
    shutil.copyfile(CHEL, copy)
    return tuple(str(copy) if a == "{copy}" else a for a in args)


# Each command is run in this process by default (the same `main.run` with its standard output
# on /dev/full or a closed pipe).  A real `python -m roadmapctl` process adds the interpreter's own
# exit (its final flush, after `run` has flushed or dropped the output), which is the same for every
# command: it runs for every command in the thorough profile and for `list` by default.  `render -o -`
# (binary) runs in a real process in test_render.py, read back whole, and `list` is cut mid-way below.
REAL_BY_DEFAULT = {"list"}


def _real_process(args: tuple[str, ...], thorough_run: bool) -> None:
    if not thorough_run and args[0] not in REAL_BY_DEFAULT:
        pytest.skip("в отдельном процессе — в полном прогоне; по умолчанию — в этом процессе (…_in_process)")


def _run_with_stdout(args: tuple[str, ...], stream, monkeypatch) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    import io

    from roadmapctl.main import run

    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", err)
    try:
        code = run(list(args))
    except SystemExit as exc:  # Typer ends a command whose pipe closed with sys.exit(1), as the process does
        code = exc.code if isinstance(exc.code, int) else 3
    return code, err.getvalue()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_full_stdout_ends_with_a_message_in_process(args: tuple[str, ...], tmp_path: Path, monkeypatch) -> None:
    args = _with_copy(args, tmp_path)
    with open("/dev/full", "w", encoding="utf-8") as full:
        code, err = _run_with_stdout(args, full, monkeypatch)
        monkeypatch.undo()
        with contextlib.suppress(OSError):  # what is left in the buffer fails again at close
            full.close()
    assert code == 2, err
    assert err == ("roadmapctl: ошибка: не удалось вывести результат: на устройстве нет места\n"
                   "  проверьте, куда перенаправлен вывод (место на диске, права)\n")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_closed_pipe_ends_quietly_in_process(args: tuple[str, ...], tmp_path: Path, monkeypatch) -> None:
    args = _with_copy(args, tmp_path)
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte, like `| head -0`
    with open(write, "w", encoding="utf-8") as pipe:
        code, err = _run_with_stdout(args, pipe, monkeypatch)
        monkeypatch.undo()
        with contextlib.suppress(OSError):
            pipe.close()
    assert code in (0, 1, 141), err  # as the real process below
    assert err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_full_stdout_ends_with_a_message(args: tuple[str, ...], tmp_path: Path, thorough_run: bool) -> None:
    _real_process(args, thorough_run)
    args = _with_copy(args, tmp_path)
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "roadmapctl", *args], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ("roadmapctl: ошибка: не удалось вывести результат: на устройстве нет места\n"
                           "  проверьте, куда перенаправлен вывод (место на диске, права)\n")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_closed_pipe_ends_quietly(args: tuple[str, ...], tmp_path: Path, thorough_run: bool) -> None:
    _real_process(args, thorough_run)
    args = _with_copy(args, tmp_path)
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte, like `| head -0`
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", *args], stdout=write,
                          stderr=subprocess.PIPE, text=True, timeout=120)
    os.close(write)
    # 141: the output was cut mid-way; a result small enough to go out at the end keeps its code
    assert proc.returncode in (0, 1, 141), proc.stderr
    assert proc.stderr == ""


def test_a_reader_that_leaves_mid_way_gets_the_sigpipe_code(tmp_path: Path) -> None:
    """`roadmapctl list roadmaps/ | head -1` under `set -o pipefail`: a cut report is not «all fine»."""
    for copy in range(4):  # more than a pipe holds (64 KiB), so writing is cut mid-way
        for path in ROADMAPS.glob("*.yaml"):
            shutil.copyfile(path, tmp_path / f"{copy}-{path.name}")
    proc = subprocess.Popen([sys.executable, "-m", "roadmapctl", "list", str(tmp_path), "-j", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read() == b""


def test_ctrl_c_says_interrupted(cli, monkeypatch) -> None:
    from roadmapctl.reading import loader

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "load", interrupted)
    result = cli("list", CHEL)
    assert (result.code, result.err) == (130, "roadmapctl: ошибка: прервано\n")


def test_ctrl_c_mid_write_removes_the_temporary_file(cli, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "deadlines.ics"
    assert cli("calendar", LYSVA, "-o", out).code == 0
    before = out.read_bytes()

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = cli("calendar", CHEL, "-o", out)
    assert (result.code, result.err) == (130, "roadmapctl: ошибка: прервано\n")
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["deadlines.ics"]


def test_ctrl_c_in_a_real_process(tmp_path: Path) -> None:
    """SIGINT delivered by the system, at a point the test chooses (no sleeping)."""
    script = (
        "import os, signal, sys\n"
        "from roadmapctl.reading import loader\n"
        "real = loader.load\n"
        "def load(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(*a, **k)\n"
        "loader.load = load\n"
        "from roadmapctl.main import run\n"
        f"sys.exit(run(['overdue', {str(CHEL)!r}]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stderr) == (130, "roadmapctl: ошибка: прервано\n")
    assert signal.SIGINT  # the handler Python installs turns it into KeyboardInterrupt


# -- users' templates under a budget --------------------------------------------------------------

def test_a_template_that_loops_forever_is_stopped(cli, tmp_path: Path, monkeypatch) -> None:
    from roadmapctl import limits

    monkeypatch.setattr(limits, "TEMPLATE_SECONDS", 0.1)  # the loop would run for hours: any limit stops it
    template = tmp_path / "бланк.html.j2"
    template.write_text("<p>\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                        "{% endfor %}\n</p>\n", encoding="utf-8")
    result = cli("render", LYSVA, "--template", template, "-o", tmp_path / "out.html")
    assert result.code == 2
    assert result.err == (f"roadmapctl: ошибка: ошибка в шаблоне {template}, строка 2: шаблон строится "
                          "дольше 0.1 с (предел roadmapctl) — построение остановлено; проверьте вложенные "
                          "циклы шаблона\n  исправьте шаблон; переменные и фильтры описаны в docs/gost.md\n")
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("body", ['{{ "x" * 1000000000 }}',
                                  '{% for i in range(100000) %}{{ roadmap.title }}{% endfor %}'])
def test_a_template_that_writes_too_much_is_stopped(cli, tmp_path: Path, monkeypatch, body: str) -> None:
    from roadmapctl import limits

    monkeypatch.setattr(limits, "TEMPLATE_OUTPUT_CHARS", 100_000)
    template = tmp_path / "бланк.html.j2"
    template.write_text(f"<p>{body}</p>\n", encoding="utf-8")
    result = cli("render", LYSVA, "--template", template, "-o", tmp_path / "out.html")
    assert result.code == 2
    assert "шаблон выводит больше 100000 знаков текста (предел roadmapctl)" in result.err
    assert f"ошибка в шаблоне {template}" in result.err


def test_shipped_templates_are_not_bounded(cli, tmp_path: Path, monkeypatch) -> None:
    from roadmapctl import limits

    monkeypatch.setattr(limits, "TEMPLATE_OUTPUT_CHARS", 10)
    assert cli("render", LYSVA, "-o", tmp_path / "out.html").code == 0


@pytest.mark.parametrize("command", [("export", "{b}", "-f", "csv"), ("report", "{b}", "-f", "text"),
                                     ("overdue", "{b}", "-f", "csv"), ("list", "{b}", "-f", "xlsx")])
def test_reports_and_exports_never_replace_a_roadmap(cli, pair: tuple[Path, Path], command: tuple) -> None:
    a, b = pair
    before_a, before_b = a.read_bytes(), b.read_bytes()
    for target in (b, a):  # the input itself, and another roadmap
        args = [part.format(b=b) for part in command]
        result = cli(*args, "-o", target)
        assert result.code == 2, result.err
    assert (a.read_bytes(), b.read_bytes()) == (before_a, before_b)
