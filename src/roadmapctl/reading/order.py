"""Reading the `order:` block: the approving приказ that `render` prints.

Kept apart from the loader because the order is a document of its own
(letterhead, points, signatory) that only rendering needs.
"""

from __future__ import annotations

from typing import Any

from roadmapctl.model.roadmap import Order, OrderPoint, Signatory
from roadmapctl.reading.nodes import STR, NodeReader, pos_of


class OrderReader(NodeReader):
    def order(self, node: Any) -> Order | None:
        f = self.fields(
            node, "order",
            ("authority", "contacts", "kind", "date", "number", "place", "title", "preamble", "command",
             "points", "signatory", "performer", "distribution"),
        )
        if f is None:
            return None
        o = Order()
        self.locate(o, node)
        for name in ("contacts", "kind", "number", "place", "title", "preamble", "command", "performer"):
            if name in f:
                value = self.text(f[name], f"order.{name}")
                if value is not None:
                    setattr(o, name, value)
        if "authority" in f:
            o.authority = self.text_list(f["authority"], "order.authority")
        if "distribution" in f:
            o.distribution = self.text_list(f["distribution"], "order.distribution")
        if "date" in f:
            o.date = self.date(f["date"], "order.date")
        if "points" in f:
            o.points = self.items_of(f["points"], "order.points", self.order_point)
        if "signatory" in f:
            sf = self.fields(f["signatory"], "order.signatory", ("position", "name"))
            if sf is not None:
                o.signatory = Signatory()
                self.locate(o.signatory, f["signatory"])
                for name in ("position", "name"):
                    if name in sf:
                        setattr(o.signatory, name, self.text(sf[name], f"order.signatory.{name}"))
        return o

    def order_point(self, node: Any) -> OrderPoint | None:
        if node.tag == STR:
            return OrderPoint(pos=pos_of(node), text=self.text(node, "order.points") or "")
        f = self.fields(node, "пункт приказа", ("text", "points"), ("text",))
        if f is None:
            return None
        p = OrderPoint()
        self.locate(p, node)
        if "text" in f:
            p.text = self.text(f["text"], "order.points.text") or ""
        if "points" in f:
            p.points = self.items_of(f["points"], "order.points", self.order_point)
        return p
