"""Maximum-weight bipartite matching over a sparse list of candidate pairs.

Pairing items of two roadmap versions one pair at a time (greedy
first-match) goes wrong exactly where it matters: a reworded item grabs the
partner of its near-duplicate neighbour, and the neighbour is then reported
as removed.  The pairing is therefore chosen globally: the set of pairs with
the greatest total weight, where every item is used at most once and an item
may stay unpaired — so a new item never steals a match that adds less than
it takes away.

The solver is the Hungarian method in the shortest-augmenting-path form of
Jonker and Volgenant, on the candidate edges only (no dense matrix, no numpy
or scipy).  It is a min-cost assignment of every left node where a pair costs
`ceiling - weight` and each left node also has a private «stay unpaired»
column costing `ceiling`; minimising the cost maximises the total weight.
Left nodes are added one at a time; a Dijkstra search on reduced costs
(dual potentials keep them non-negative) stops at the first free column, so
it usually looks only at a few neighbours.  Worst case O(n·E log V) for E
candidate pairs; with blocking, E is O(n·k).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable


def max_weight_matching(edges: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Pairs `left → right` of greatest total weight; only positive integer weights count.

    Edges are `(left, right, weight)`; a repeated pair keeps its greatest weight.
    Ties are broken deterministically by the order of node ids.
    """
    best: dict[tuple[int, int], int] = {}
    for left, right, weight in edges:
        if weight > 0 and weight > best.get((left, right), 0):
            best[(left, right)] = weight
    if not best:
        return {}
    ceiling = max(best.values()) + 1
    lefts = sorted({left for left, _ in best})
    rights = sorted({right for _, right in best})
    row_of = {left: i for i, left in enumerate(lefts)}
    col_of = {right: j for j, right in enumerate(rights)}
    # Columns 0..R-1 are the real right nodes; column R + i is row i's «stay unpaired».
    adjacency: list[list[tuple[int, int]]] = [[] for _ in lefts]
    for (left, right), weight in sorted(best.items()):
        adjacency[row_of[left]].append((col_of[right], ceiling - weight))
    for i, row in enumerate(adjacency):
        row.append((len(rights) + i, ceiling))
    assigned = _assign(adjacency, len(rights) + len(lefts))
    return {lefts[i]: rights[j] for i, j in enumerate(assigned) if j < len(rights)}


def _assign(adjacency: list[list[tuple[int, int]]], columns: int) -> list[int]:
    """Min-cost assignment of every row; reduced cost c(i, j) - u[i] - v[j] stays ≥ 0."""
    u = [0] * len(adjacency)
    v = [0] * columns
    row_of_col = [-1] * columns
    col_of_row = [-1] * len(adjacency)
    for start in range(len(adjacency)):
        dist: dict[int, int] = {}
        via: dict[int, int] = {}  # column → the row it was reached from
        done: dict[int, int] = {}  # finalised column → its distance
        rows = {start: 0}  # rows in the search tree → their distance
        heap: list[tuple[int, int]] = []
        _relax(start, 0, adjacency, u, v, dist, via, heap)
        while True:
            d, col = heapq.heappop(heap)
            if col in done or d > dist[col]:
                continue
            done[col] = d
            row = row_of_col[col]
            if row < 0:
                break
            rows[row] = d
            _relax(row, d, adjacency, u, v, dist, via, heap)
        for c, dc in done.items():
            v[c] += dc - d
        for r, dr in rows.items():
            u[r] += d - dr
        while True:  # augment along the path back to the start row
            row = via[col]
            previous = col_of_row[row]
            col_of_row[row], row_of_col[col] = col, row
            if row == start:
                break
            col = previous
    return col_of_row


def _relax(row: int, base: int, adjacency: list[list[tuple[int, int]]], u: list[int], v: list[int],
           dist: dict[int, int], via: dict[int, int], heap: list[tuple[int, int]]) -> None:
    for col, cost in adjacency[row]:
        candidate = base + cost - u[row] - v[col]
        if candidate < dist.get(col, candidate + 1):
            dist[col] = candidate
            via[col] = row
            heapq.heappush(heap, (candidate, col))
