"""`roadmapctl notify`: remind every executor of their overdue and coming deadlines by mail."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import UsageError
from roadmapctl.limits import MAX_MESSAGES_PER_RUN, MAX_WINDOW_DAYS, MESSAGES_PER_MINUTE


def register(app: typer.Typer) -> None:
    @app.command("notify", cls=RussianCommand)
    def notify_command(
        paths: list[str] = params.PATHS,
        as_of: str = params.AS_OF,
        within: int = typer.Option(
            7, "--within", metavar="N", help="Напоминать и о том, срок чего наступает в ближайшие N дней.",
        ),
        to: list[str] = typer.Option(
            None, "--to", metavar="АДРЕС",
            help="Кому отправить сводку рассылки (вместо контролёров из карт); можно несколько раз.",
        ),
        dry_run: bool = typer.Option(
            False, "--dry-run", help="Ничего не отправлять: показать письма (так и без настроек SMTP).",
        ),
        outbox: Path = typer.Option(
            None, "--outbox", metavar="ПАПКА", help="Записать письма файлами .eml в папку вместо отправки.",
        ),
        state: Path = typer.Option(
            None, "--state", metavar="ФАЙЛ",
            help="Файл состояния рассылки; по умолчанию .roadmapctl/notify-state.json в корне репозитория.",
        ),
        smtp_config: str = typer.Option(
            None, "--smtp-config", metavar="ФАЙЛ",
            help="Файл настроек SMTP (TOML) вне репозитория; по умолчанию ~/.config/roadmapctl/smtp.toml.",
        ),
        rate: int = typer.Option(
            MESSAGES_PER_MINUTE, "--rate", metavar="N", min=0,
            help="Не больше N писем в минуту; 0 — без пауз.",
        ),
        max_messages: int = typer.Option(
            MAX_MESSAGES_PER_RUN, "--max-messages", metavar="N", min=1,
            help="Не больше N писем за запуск; остальные — в следующий запуск.",
        ),
        workdays: bool = typer.Option(
            False, "--workdays", help="В выходные и праздничные дни России ничего не отправлять.",
        ),
        quiet: bool = typer.Option(
            False, "--quiet", "-q", help="Выводить только то, что не удалось отправить.",
        ),
        encoding: str = params.ENCODING,
        jobs: int = params.JOBS,
    ) -> int:
        """Напоминания исполнителям по почте: каждому — его просроченные мероприятия и ближайшие сроки.

        Адреса — в справочнике executors (email), сводка — контролёру карты
        (controller) или по --to. Настройки SMTP — переменные окружения
        ROADMAPCTL_SMTP_HOST, _PORT, _SECURITY (starttls, ssl, none), _USER,
        _PASSWORD или _PASSWORD_FILE, _FROM, или файл ~/.config/roadmapctl/smtp.toml;
        без них письма только показываются. Повторный запуск в тот же день
        отправляет только то, что не ушло. Код выхода 0; 1 — часть писем не
        отправлена (перечислены); 2 — ошибка в аргументах, настройках или картах.
        """
        from roadmapctl.commands.options import encoding as codec
        from roadmapctl.commands.options import today_or
        from roadmapctl.commands.readout import skipped_lines, unread_note, warn
        from roadmapctl.notify.run import Options, report, run

        if not 0 <= within <= MAX_WINDOW_DAYS:
            raise UsageError(f"--within: число дней — от 0 до {MAX_WINDOW_DAYS}")
        opts = Options(paths or [], today_or(as_of), within, tuple(to or ()), state, dry_run, outbox,
                       smtp_config, rate, max_messages, workdays, codec(encoding), jobs, dict(os.environ))
        with params.options({"to": "--to"}):
            outcome = run(opts, sys.stdout)
        warn([*outcome.plan.warnings, *skipped_lines(outcome.plan.skipped)])
        lines = report(outcome, quiet, outbox)
        if outcome.plan.skipped:  # even with --quiet: a cron mail must not read as a good day
            lines.insert(0, unread_note([c.path for c in outcome.plan.skipped], len(outcome.plan.files)))
        if lines:
            sys.stdout.write("\n".join(lines) + "\n")
        return outcome.exit_code
