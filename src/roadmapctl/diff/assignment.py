"""Maximum-weight bipartite matching over a sparse list of candidate pairs.

Pairing items of two roadmap versions one pair at a time (greedy
first-match) goes wrong exactly where it matters: a reworded item grabs the
partner of its near-duplicate neighbour, and the neighbour is then reported
as removed.  The pairing is therefore chosen globally: the set of pairs with
the greatest total weight, where every item is used at most once and an item
may stay unpaired (weight 0) — so a new item never steals a match that adds
less than it takes away.

The solver is the Hungarian method in its shortest-augmenting-path form
(successive shortest paths with Johnson potentials and Dijkstra), run on the
candidate edges only: each augmentation costs O(E log V) for E candidate
pairs, and there are at most min(left, right) of them.  With costs
`ceiling - weight` every augmenting path adds exactly one pair, so its cost
minus `ceiling` is the change of total weight; the matchings of growing size
have concave total weight, and the search stops at the first path that would
not increase it.  No numpy or scipy is needed.
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
    adjacency: dict[int, list[tuple[int, int]]] = {}
    for (left, right), weight in sorted(best.items()):
        adjacency.setdefault(left, []).append((right, ceiling - weight))
    costs = {pair: ceiling - weight for pair, weight in best.items()}
    lefts = sorted(adjacency)
    rights = sorted({right for left, right in best})
    pot_left = dict.fromkeys(lefts, 0)
    pot_right = dict.fromkeys(rights, 0)
    match_left: dict[int, int] = {}
    match_right: dict[int, int] = {}
    while True:
        found = _shortest_path(adjacency, costs, lefts, pot_left, pot_right, match_left, match_right)
        if found is None:
            break
        target, real_cost, parent, dist_left, dist_right = found
        if real_cost >= ceiling:
            break
        _update_potentials(pot_left, pot_right, dist_left, dist_right)
        right: int | None = target
        while right is not None:
            left = parent[right]
            previous = match_left.get(left)
            match_left[left] = right
            match_right[right] = left
            right = previous
    return match_left


def _shortest_path(
    adjacency: dict[int, list[tuple[int, int]]],
    costs: dict[tuple[int, int], int],
    lefts: list[int],
    pot_left: dict[int, int],
    pot_right: dict[int, int],
    match_left: dict[int, int],
    match_right: dict[int, int],
) -> tuple[int, int, dict[int, int], dict[int, int], dict[int, int]] | None:
    """Dijkstra on reduced costs from every free left node; the cheapest free right end."""
    dist_left: dict[int, int] = {}
    dist_right: dict[int, int] = {}
    parent: dict[int, int] = {}
    heap: list[tuple[int, int, int]] = []  # (distance, side 0=left 1=right, node)
    for left in lefts:
        if left not in match_left:
            dist_left[left] = 0
            heap.append((0, 0, left))
    heapq.heapify(heap)
    done_left: set[int] = set()
    done_right: set[int] = set()
    while heap:
        dist, side, node = heapq.heappop(heap)
        if side == 0:
            if node in done_left or dist > dist_left[node]:
                continue
            done_left.add(node)
            for right, cost in adjacency[node]:
                if match_left.get(node) == right:
                    continue
                reduced = cost + pot_left[node] - pot_right[right]
                candidate = dist + reduced
                if candidate < dist_right.get(right, candidate + 1):
                    dist_right[right] = candidate
                    parent[right] = node
                    heapq.heappush(heap, (candidate, 1, right))
        else:
            if node in done_right or dist > dist_right[node]:
                continue
            done_right.add(node)
            left = match_right.get(node)
            if left is not None:
                candidate = dist - costs[(left, node)] + pot_right[node] - pot_left[left]
                if candidate < dist_left.get(left, candidate + 1):
                    dist_left[left] = candidate
                    heapq.heappush(heap, (candidate, 0, left))
    best: tuple[int, int] | None = None
    for right in sorted(done_right):
        if right in match_right:
            continue
        real = dist_right[right] + pot_right[right]
        if best is None or real < best[1]:
            best = (right, real)
    if best is None:
        return None
    return best[0], best[1], parent, dist_left, dist_right


def _update_potentials(
    pot_left: dict[int, int], pot_right: dict[int, int],
    dist_left: dict[int, int], dist_right: dict[int, int],
) -> None:
    """Johnson's reweighting: reduced costs stay non-negative for the next Dijkstra."""
    reached = [*dist_left.values(), *dist_right.values()]
    far = max(reached) if reached else 0
    for node in pot_left:
        pot_left[node] += dist_left.get(node, far)
    for node in pot_right:
        pot_right[node] += dist_right.get(node, far)
