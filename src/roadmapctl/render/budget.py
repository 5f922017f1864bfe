"""A time and size budget for users' templates (`render --template`).

Jinja's sandbox stops a template from touching files or private attributes,
but not from looping forever: two nested loops over a 100,000-item range
never end, and «"x" * 10**9» fills memory at once.  A user's template
therefore renders under a budget from `limits`: a timer (SIGALRM, where the
system has it) stops it after TEMPLATE_SECONDS, its output is counted chunk
by chunk against TEMPLATE_OUTPUT_CHARS, and «*» and «**» in the template
are checked before they run.  The shipped templates are trusted and run
without it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from roadmapctl import limits


class BudgetExceeded(Exception):
    """A user's template went over its budget; the text says which and why."""


def bounded_classes() -> tuple[type, type]:
    """The sandboxed environment and template classes that keep the budget."""
    from jinja2 import Template
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedTemplate(Template):
        def render(self, *args: Any, **kwargs: Any) -> str:
            chunks, size = [], 0
            with _timer(limits.TEMPLATE_SECONDS):
                for chunk in self.generate(*args, **kwargs):
                    size += len(chunk)
                    if size > limits.TEMPLATE_OUTPUT_CHARS:
                        raise too_much_output()
                    chunks.append(chunk)
            return "".join(chunks)

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**":
                if isinstance(right, int) and abs(right) > 1000 and isinstance(left, int) and abs(left) > 1:
                    raise BudgetExceeded(f"степень {left} ** {right} слишком велика")
                return left ** right
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                        and len(seq) * times > limits.TEMPLATE_OUTPUT_CHARS:
                    raise too_much_output()
            return left * right

    BoundedSandbox.template_class = BoundedTemplate
    return BoundedSandbox, BoundedTemplate


def too_much_output() -> BudgetExceeded:
    chars = limits.TEMPLATE_OUTPUT_CHARS
    return BudgetExceeded(f"шаблон выводит больше {chars // (1024 * 1024) or chars} "
                          f"{'МБ' if chars >= 1024 * 1024 else 'знаков'} текста (предел roadmapctl) — "
                          "построение остановлено; проверьте циклы шаблона")


@contextmanager
def _timer(seconds: float) -> Iterator[None]:
    """Raise BudgetExceeded in this thread after `seconds` (Unix main thread; elsewhere no timer)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise BudgetExceeded(f"шаблон строится дольше {seconds:g} с (предел roadmapctl) — "
                             "построение остановлено; проверьте вложенные циклы шаблона")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
