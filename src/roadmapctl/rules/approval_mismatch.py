"""Гриф утверждения должен совпадать с приказом по дате и номеру.

Если в карте есть и гриф (`approval`), и приказ (`order`), их дата и номер
должны совпадать. В реальном приказе Белгорода от 21 июня 2021 г. № 49
приложение подписано «от 21 марта 2021 г. № 49» — такую описку и ловит
правило.

Правильно:

    approval: {date: 2021-06-21, number: "49"}
    order: {date: 2021-06-21, number: "49"}

Предупреждение:

    approval: {date: 2021-03-21, number: "49"}
    order: {date: 2021-06-21, number: "49"}
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmapctl.model.ru import date_numeric
from roadmapctl.rules import Context, Finding

ID = "R109"
NAME = "approval-mismatch"
LEVEL = "warning"


def check(ctx: Context) -> Iterator[Finding]:
    roadmap = ctx.roadmap
    if roadmap is None or roadmap.approval is None or roadmap.order is None:
        return
    approval, order = roadmap.approval, roadmap.order
    if approval.date and order.date and approval.date != order.date:
        yield Finding(approval.where("date"),
                      f"дата в грифе утверждения ({date_numeric(approval.date)}) не совпадает "
                      f"с датой приказа ({date_numeric(order.date)})")
    if approval.number and order.number and _num(approval.number) != _num(order.number):
        yield Finding(approval.where("number"),
                      f"номер в грифе утверждения («{approval.number}») не совпадает "
                      f"с номером приказа («{order.number}»)")


def _num(number: str) -> str:
    return number.replace("№", "").replace(" ", "").casefold()
