"""Адрес электронной почты исполнителя и контролёра должен быть пригоден для отправки.

По этим адресам `roadmapctl notify` каждое утро рассылает напоминания о
просроченных мероприятиях; адрес с опечаткой («uo@lysva», «uo.lysva.ru»,
«школа@гимназия.рф») означает, что напоминание никому не придёт. `check`
судит об адресе так же, как `notify`: без «@» или имени до и после неё,
с недопустимыми знаками, с русскими буквами до «@» (их принимают не все
почтовые серверы), с неверным именем домена — предупреждение (не ошибка:
из-за адреса карта не должна выпадать из `overdue` и отчётов; `notify`
отправит письма по остальным адресам и назовёт непригодный). Русский домен
(«школа.рф») допустим. Несколько адресов пишут списком или через запятую.

Правильно:

    executors:
      uo:
        name: Управление образования
        email: [uo@lysva.ru, metod@lysva.ru]
    controller:
      email: kontrol@школа.рф

Предупреждение:

    executors:
      uo:
        name: Управление образования
        email: uo@lysva            # нет домена верхнего уровня
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.model.addresses import normalise
from roadmapctl.model.roadmap import Controller, Executor
from roadmapctl.rules import Context, Finding

ID = "R121"
NAME = "email-address"
LEVEL = "warning"


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    owners: list[tuple[str, Executor | Controller]] = [
        (f"исполнителя «{ex.id}»", ex) for ex in ctx.roadmap.executors.values()]
    if ctx.roadmap.controller is not None:
        owners.append(("контролёра", ctx.roadmap.controller))
    for whose, owner in owners:
        for address in owner.emails:
            result = normalise(address)
            if isinstance(result, tuple):
                yield Finding(owner.where("email"), f"адрес почты {whose} «{address}»: {result[1]}")
