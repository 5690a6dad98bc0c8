"""Node positions computed in Python, so the browser only has to draw.

Force-directed layouts in the browser (vis-network's physics) take tens of
seconds to settle on thousands of nodes; here the layout is precomputed with
numpy and the page turns physics off.

* every connected component is laid out on its own, and the components are
  packed in rows, biggest first (lone nodes end up in a tidy grid);
* a component of up to ``DIRECT_LIMIT`` nodes: one Fruchterman-Reingold
  layout (dense numpy, a bounded number of iterations);
* larger components: "communities in boxes" — the communities (Louvain) are laid
  out as weighted super-nodes, each community is laid out on its own, scaled
  to a disc whose area follows its size, and the discs are pushed apart until
  they do not overlap.  That costs O(sum of squared community sizes) instead
  of O(n²) and reads better than one hairball.

Everything is seeded: the same graph gives the same picture.

>>> pos = layout_positions(4, [(0, 1), (1, 2), (2, 3)])
>>> pos.shape
(4, 2)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["layout_positions", "fruchterman_reingold", "DIRECT_LIMIT"]

DIRECT_LIMIT = 600
SPACING = 110.0  # pixels between neighbouring nodes in the page


def fruchterman_reingold(n: int, edges: Sequence[tuple[int, int]], weights: Sequence[float] | None = None,
                         iterations: int = 150, seed: int = 7, gravity: float = 0.05,
                         init: np.ndarray | None = None) -> np.ndarray:
    """Positions (n×2, roughly unit scale) by a dense Fruchterman-Reingold iteration."""
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    pos = init.astype(float).copy() if init is not None else rng.uniform(-1, 1, (n, 2))
    e = np.asarray(edges, dtype=int).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    w = np.ones(len(e)) if weights is None else np.asarray(weights, dtype=float)[: len(e)]
    k = np.sqrt(4.0 / n)  # ideal distance in a 2×2 box
    t = 0.2
    cool = t / (iterations + 1)
    for _ in range(iterations):
        # x and y apart: numpy reduces 2-D arrays much faster than a short last axis
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        f = (k * k) / np.maximum(dx * dx + dy * dy, 1e-6)  # repulsion k²/d along the unit vector
        disp = np.stack([(dx * f).sum(1), (dy * f).sum(1)], axis=1)
        if len(e):
            d = pos[e[:, 0]] - pos[e[:, 1]]
            dist = np.sqrt(np.maximum((d ** 2).sum(-1), 1e-9))
            fa = d * (dist / k * w)[:, None]
            disp -= np.bincount(e[:, 0], fa[:, 0], n)[:, None] * [1, 0] + np.bincount(e[:, 0], fa[:, 1], n)[:, None] * [0, 1]
            disp += np.bincount(e[:, 1], fa[:, 0], n)[:, None] * [1, 0] + np.bincount(e[:, 1], fa[:, 1], n)[:, None] * [0, 1]
        disp -= gravity * pos * n * k  # a weak pull to the centre holds components together
        length = np.sqrt(np.maximum((disp ** 2).sum(-1), 1e-12))
        pos += disp / length[:, None] * np.minimum(length, t)[:, None]
        t -= cool
    pos -= pos.mean(0)
    return pos


def _scale_to_spacing(pos: np.ndarray, edges: Sequence[tuple[int, int]]) -> np.ndarray:
    """Scale so that the median edge (or nearest neighbour) is ``SPACING`` pixels long."""
    if len(pos) < 2:
        return pos * 0
    e = np.asarray(edges, dtype=int).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    if len(e):
        lengths = np.sqrt(((pos[e[:, 0]] - pos[e[:, 1]]) ** 2).sum(-1))
    else:
        d = np.sqrt(((pos[:, None] - pos[None]) ** 2).sum(-1)) + np.eye(len(pos)) * 1e9
        lengths = d.min(1)
    median = float(np.median(lengths)) or 1.0
    return pos * (SPACING / median)


def _separate_discs(centres: np.ndarray, radii: np.ndarray, rounds: int = 200) -> np.ndarray:
    """Push discs apart (and a little to the centre) until none overlap."""
    c = centres.copy()
    gap = SPACING * 0.6
    for _ in range(rounds):
        delta = c[:, None, :] - c[None, :, :]
        dist = np.sqrt(np.maximum((delta ** 2).sum(-1), 1e-9))
        need = radii[:, None] + radii[None, :] + gap
        overlap = np.maximum(need - dist, 0)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        push = delta / dist[:, :, None] * (overlap / 2)[:, :, None]
        c += push.sum(1)
    return c


def _component_layout(n: int, edges: list[tuple[int, int]], communities: list[list[int]], seed: int) -> np.ndarray:
    """One connected component: direct FR when small, communities in discs when large."""
    if n <= DIRECT_LIMIT or len(communities) < 2:
        iterations = 150 if n <= 200 else 100 if n <= DIRECT_LIMIT else 40 if n <= 2000 else 20
        return _scale_to_spacing(fruchterman_reingold(n, edges, iterations=iterations, seed=seed), edges)
    member = np.empty(n, dtype=int)
    local = np.empty(n, dtype=int)
    for ci, nodes in enumerate(communities):
        member[nodes] = ci
        local[nodes] = np.arange(len(nodes))
    # communities as super-nodes, weighted by the edges between them
    between: dict[tuple[int, int], float] = {}
    inside: list[list[tuple[int, int]]] = [[] for _ in communities]
    for a, b in edges:
        ca, cb = member[a], member[b]
        if ca == cb:
            inside[ca].append((local[a], local[b]))
        else:
            key = (min(ca, cb), max(ca, cb))
            between[key] = between.get(key, 0.0) + 1.0
    keys = list(between)
    centres = fruchterman_reingold(len(communities), keys, [np.log1p(between[k]) for k in keys],
                                   iterations=200, seed=seed)
    pos = np.zeros((n, 2))
    radii = np.zeros(len(communities))
    for ci, nodes in enumerate(communities):
        p = _component_layout(len(nodes), inside[ci], [], seed + ci)
        radii[ci] = float(np.sqrt((p ** 2).sum(-1)).max()) if len(nodes) > 1 else 0.0
        pos[nodes] = p
    spread = np.sqrt(((centres[:, None] - centres[None]) ** 2).sum(-1))
    np.fill_diagonal(spread, np.inf)
    nearest = float(np.median(spread.min(1))) or 1.0
    centres = centres / nearest * (2 * float(np.median(radii)) + SPACING)
    centres = _separate_discs(centres, radii + SPACING * 0.3)
    return pos + centres[member]


def _pack(boxes: list[tuple[float, float]], aspect: float = 1.6) -> list[tuple[float, float]]:
    """Top-left corners for boxes (already sorted, biggest first) in rows about ``aspect`` times wider than tall."""
    area = sum((w + SPACING) * (h + SPACING) for w, h in boxes)
    width = max(max((w for w, _ in boxes), default=0.0), np.sqrt(area * aspect))
    corners, x, y, row = [], 0.0, 0.0, 0.0
    for w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row + SPACING * 0.7, 0.0
        corners.append((x, y))
        x += w + SPACING * 0.25
        row = max(row, h)
    return corners


def _lie_flat(p: np.ndarray) -> np.ndarray:
    """Rotate so that the longer axis is horizontal (the page is wider than tall)."""
    if len(p) < 2:
        return p
    c = p - p.mean(0)
    _, vecs = np.linalg.eigh(c.T @ c)
    return c @ vecs[:, ::-1]


def layout_positions(n: int, edges: Sequence[tuple[int, int]], communities: Sequence[Sequence[int]] | None = None,
                     seed: int = 7, aspect: float = 1.6, widths: Sequence[float] | None = None) -> np.ndarray:
    """Pixel positions (n×2) for nodes 0..n-1 with undirected ``edges``.

    Each connected component is laid out on its own and the components are packed in rows,
    biggest first, so that small islands and lone nodes do not stretch the picture.
    ``widths`` (pixels, per node) keeps the labels of neighbouring components apart.
    """
    import networkx as nx

    global SPACING
    # long labels need longer edges (module-level so the helpers share it; set on every call)
    SPACING = float(np.clip(np.percentile(widths, 75) + 60, 110, 200)) if widths is not None and len(widths) else 110.0
    h = nx.Graph()
    h.add_nodes_from(range(n))
    h.add_edges_from((a, b) for a, b in edges if a != b)
    community_of = np.zeros(n, dtype=int)
    for ci, members in enumerate(communities or []):
        community_of[list(members)] = ci
    comps = sorted((sorted(c) for c in nx.connected_components(h)), key=lambda c: (-len(c), c[0]))
    pos = np.zeros((n, 2))
    placed = []
    for comp in comps:
        index = {v: i for i, v in enumerate(comp)}
        sub_edges = [(index[a], index[b]) for a, b in h.subgraph(comp).edges()]
        groups: dict[int, list[int]] = {}
        for v in comp:
            groups.setdefault(int(community_of[v]), []).append(index[v])
        p = _lie_flat(_component_layout(len(comp), sub_edges, list(groups.values()), seed))
        label = max((widths[v] for v in comp), default=0.0) if widths is not None else 0.0
        # room for the widest label on either side
        p = p - p.min(0) + np.array([label / 2, 0.0])
        placed.append((comp, p, label))
    corners = _pack([(float(p[:, 0].max()) + label / 2, float(p[:, 1].max())) for _, p, label in placed], aspect)
    for (comp, p, _), (x, y) in zip(placed, corners):
        pos[comp] = p + np.array([x, y])
    if n:
        pos -= (pos.min(0) + pos.max(0)) / 2
    return pos
