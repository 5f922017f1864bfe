"""`roadmapctl render`: print the approving order and its annex to DOCX or HTML."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, InputError, UsageError

WHAT_NAMES = {"both": "приказ и приложение", "order": "приказ", "annex": "приложение"}
SUFFIXES = {"docx": ".docx", "html": ".html"}
ACCEPTED_SUFFIXES = {"docx": (".docx",), "html": (".html", ".htm")}


def default_output(roadmap_path: Path, what: str, fmt: str) -> Path:
    """Next to the roadmap: chelyabinsk-2023-2024.docx, …-order.docx, …-annex.html."""
    tail = "" if what == "both" else f"-{what}"
    return roadmap_path.with_name(f"{roadmap_path.stem}{tail}{SUFFIXES[fmt]}")


def pick_format(fmt: str | None, output: Path | None, template: Path | None) -> str:
    """--format, else what -o or --template end with, else DOCX."""
    from roadmapctl.commands.options import choice
    from roadmapctl.render import FORMATS

    if fmt is not None:
        return choice(fmt, FORMATS, "--format")
    for path in (output, template):
        if path is not None and path.suffix.lower() in (".html", ".htm", ".j2"):
            return "html"
    return "docx"


def run(roadmap_path: Path, what: str, fmt: str | None, output: Path | None,
        template: Path | None, force: bool, edition: str | None, executors: str | None,
        qr: str | None, timeline: bool = False, encoding: str = "auto") -> int:
    from roadmapctl.commands.options import choice
    from roadmapctl.output import is_stdout, write_output
    from roadmapctl.reading import require
    from roadmapctl.render import EXECUTOR_MODES, WHATS, approval_warnings, render_document

    what = choice(what, WHATS, "--what")
    if executors is not None:
        executors = choice(executors, EXECUTOR_MODES, "--executors")
    fmt = pick_format(fmt, output, template)
    if output is not None and not is_stdout(output):
        _check_output(output, fmt)
    stdin = str(roadmap_path) == "-"
    if stdin and output is None:
        raise UsageError("карта читается со стандартного ввода — укажите, куда записать документ: -o",
                         "например: roadmapctl render - -o карта.docx < карта.yaml")
    if not stdin and not roadmap_path.is_file():
        raise InputError(f"файла {roadmap_path} нет", "укажите путь к карте, например roadmaps/карта.yaml")
    if template is not None:
        _check_template(template, fmt)
    roadmap = require(roadmap_path, "документ не построен", encoding=encoding)
    if timeline and fmt != "html":
        raise UsageError("--timeline: шкала времени есть только в HTML", "добавьте --format html")
    with params.options({"what": "--what", "gost": "--gost", "qr": "--qr"},
                        hints={"what": "напечатайте только приложение: --what annex",
                               "qr": "уберите --qr или укажите --gost 2025"}):
        data = render_document(roadmap, what, fmt, template, edition, executors, qr, timeline)
    for line, message in approval_warnings(roadmap):
        sys.stderr.write(f"предупреждение: {roadmap_path}:{line}: {message}\n")
    if is_stdout(output):
        write_output("-", data, binary=fmt.upper() if fmt == "docx" else None)
        return EXIT_OK
    target = output or default_output(roadmap_path, what, fmt)
    write_output(target, data, inputs=[roadmap_path, *([template] if template else [])], force=force,
                 suffixes=ACCEPTED_SUFFIXES[fmt])
    shown = WHAT_NAMES[what] if what != "both" or roadmap.order else "приложение"
    sys.stdout.write(f"Записан файл {target} ({shown}, {fmt.upper()})\n")
    return EXIT_OK


def _check_output(output: Path, fmt: str) -> None:
    """Refuse a name that promises another kind of file: Word data in «приказ.pdf» opens nowhere."""
    suffix = output.suffix.lower()
    if not suffix or suffix in ACCEPTED_SUFFIXES[fmt]:
        return
    hint = (f"PDF roadmapctl не делает: запишите {SUFFIXES['docx']} и сохраните его как PDF "
            "в Word или LibreOffice" if suffix == ".pdf"
            else f"укажите файл с расширением {SUFFIXES[fmt]} или другой --format")
    raise UsageError(f"-o: {output.name} — для формата {fmt} нужно расширение "
                     f"{' или '.join(ACCEPTED_SUFFIXES[fmt])}", hint)


def _check_template(template: Path, fmt: str) -> None:
    if not template.is_file():
        raise InputError(f"шаблона {template} нет")
    is_docx = template.suffix.lower() == ".docx"
    if is_docx != (fmt == "docx"):
        wanted = "документ Word (.docx)" if fmt == "docx" else "шаблон HTML (.html, .j2)"
        raise UsageError(f"--template: для формата {fmt} нужен {wanted}, а указан {template.name}")


def register(app: typer.Typer) -> None:
    @app.command("render", cls=RussianCommand)
    def render_command(
        roadmap: Path = params.roadmap_or_stdin(),
        what: str = typer.Option(
            "both", "--what", metavar="ЧТО",
            help="order — приказ, annex — приложение (сама дорожная карта), both — оба в одном "
                 "документе (если в карте нет блока order:, печатается приложение).",
        ),
        fmt: str = params.fmt(("docx", "html"), default=None, note="по умолчанию по расширению -o, иначе docx"),
        output: Path = typer.Option(
            None, "--output", "-o", metavar="ПУТЬ",
            help="Куда записать (.docx или .html); «-» — в стандартный вывод; по умолчанию "
                 "рядом с картой: карта.docx, карта-order.docx, карта-annex.html.",
        ),
        template: Path = typer.Option(
            None, "--template", metavar="ПУТЬ",
            help="Свой шаблон (копия templates/roadmap.docx или templates/roadmap.html.j2).",
        ),
        force: bool = params.FORCE,
        edition: str = typer.Option(
            None, "--gost", metavar="РЕДАКЦИЯ",
            help="Редакция ГОСТ Р 7.0.97: 2025 или 2016; по умолчанию — действовавшая на дату "
                 "приказа (грифа): до 18.08.2025 — 2016.",
        ),
        executors: str = typer.Option(
            None, "--executors", metavar="ВИД",
            help="full — полные наименования исполнителей, short — краткие; по умолчанию — как "
                 "задано в столбцах карты (columns, names), иначе full.",
        ),
        qr: str = typer.Option(
            None, "--qr", metavar="ТЕКСТ",
            help="Добавить реквизит «QR-код» (ГОСТ 2025) с этим текстом, например адресом документа.",
        ),
        timeline: bool = typer.Option(
            False, "--timeline/--no-timeline",
            help="HTML: добавить после приложения шкалу времени мероприятий с отметками об "
                 "исполнении (для отчёта); по умолчанию — без неё, как утверждённый документ.",
        ),
        encoding: str = params.ENCODING,
    ) -> int:
        """Напечатать приказ и приложение (дорожную карту) в DOCX или HTML по ГОСТ Р 7.0.97.

        Код выхода 0 — файл записан, 2 — ошибка в аргументах, в карте или в шаблоне.
        """
        from roadmapctl.commands.options import encoding as codec

        return run(roadmap, what, fmt, output, template, force, edition, executors, qr, timeline,
                   codec(encoding))
