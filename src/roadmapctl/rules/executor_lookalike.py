"""Идентификаторы исполнителей не должны различаться только регистром или
похожими буквами латиницы и кириллицы.

«OO» латиницей и «ОО» кириллицей выглядят одинаково, но это разные ключи:
ссылки на одного исполнителя расходятся по двум, и отчёты врут.

Правильно:

    executors:
      oo: {name: Общеобразовательные организации}

Предупреждение (латинская O и кириллическая О; oo и OO):

    executors:
      OO: {name: Общеобразовательные организации}
      ОО: {name: Образовательные организации}
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.rules import Context, Finding

ID = "R110"
NAME = "executor-lookalike"
LEVEL = "warning"

# Cyrillic letters that look like Latin ones, folded to the Latin letter.
_HOMOGLYPHS = str.maketrans("авеёкмнорстухіј", "abeekmhopctyxij")


def skeleton(ident: str) -> str:
    """What an identifier looks like, whatever the case and alphabet."""
    return ident.casefold().translate(_HOMOGLYPHS)


def _script(ident: str) -> str:
    latin = any("a" <= ch.lower() <= "z" for ch in ident)
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in ident)
    return "mixed" if latin and cyrillic else ""


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    seen: dict[str, str] = {}
    for ident, executor in ctx.roadmap.executors.items():
        if _script(ident) == "mixed":
            yield Finding(executor.pos, f"в идентификаторе «{ident}» смешаны латинские и русские буквы")
        key = skeleton(ident)
        if key in seen:
            yield Finding(
                executor.pos,
                f"исполнители «{seen[key]}» и «{ident}» различаются только регистром или похожими "
                "буквами латиницы и кириллицы; объедините их",
            )
        else:
            seen[key] = ident
