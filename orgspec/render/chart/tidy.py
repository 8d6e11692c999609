"""The tidy-tree algorithm on rectangles: where each subtree goes, relative to its siblings.

The non-layered tidy tree of A. van der Ploeg, "Drawing non-layered tidy
trees in linear time" (Software: Practice and Experience 44, 2014), which
is Walker's algorithm with the linear-time improvements of Buchheim,
Juenger and Leipert, generalised to rectangles of any width and height.
`orgspec.render.chart.layout` builds the rectangles (boxes, and blocks of a
box with its stacked column) and reads the positions back.
"""

from __future__ import annotations


class Tidy:
    """Mutable working record of one tidy-tree node (a box or a block).

    Field names follow van der Ploeg's paper.  ``w`` and ``h`` include the
    gaps (``h_gap`` to the right, ``v_gap`` below), which turns "keep boxes
    apart" into "keep rectangles from overlapping".
    """

    __slots__ = (
        "change",
        "el",
        "er",
        "h",
        "head_w",
        "index",
        "kids",
        "mod",
        "msel",
        "mser",
        "msum",
        "parent",
        "prelim",
        "shift",
        "tl",
        "tr",
        "w",
        "x",
        "y",
    )

    def __init__(self, index: int, parent: Tidy | None, w: float, h: float, head_w: float) -> None:
        self.index = index  # pre-order index of the (head) input node
        self.parent = parent
        self.kids: list[Tidy] = []
        self.w = w
        self.h = h
        self.head_w = head_w  # width of the box the parent's edge points at
        self.y: float = 0.0 if parent is None else parent.y + parent.h
        self.prelim = self.mod = self.shift = self.change = 0.0
        self.x = self.msum = self.msel = self.mser = 0.0
        self.tl: Tidy | None = None  # threads: next contour node of a leaf
        self.tr: Tidy | None = None
        self.el: Tidy = self  # extreme (lowest) left / right descendants
        self.er: Tidy = self


class _IYL:
    """Linked list of (lowest y, sibling index) of the left siblings.

    Tells which sibling owns the right-contour node at a given depth, so a
    push can be spread over the siblings in between.
    """

    __slots__ = ("index", "low_y", "nxt")

    def __init__(self, low_y: float, index: int, nxt: _IYL | None) -> None:
        self.low_y = low_y
        self.index = index
        self.nxt = nxt


# --- first walk: relative positions, bottom-up -----------------------------


def _bottom(tidy: Tidy) -> float:
    return tidy.y + tidy.h


def first_walk(tidy: Tidy) -> None:
    """Place the children of *tidy* (whose subtrees are already laid out)
    side by side and centre *tidy* over them."""
    kids = tidy.kids
    if not kids:
        _set_extremes(tidy)
        return
    iyl = _update_iyl(_bottom(kids[0].el), 0, None)
    for i in range(1, len(kids)):
        # Read before _separate, which may redirect kids[i].er to a sibling.
        low_y = _bottom(kids[i].er)
        _separate(tidy, i, iyl)
        iyl = _update_iyl(low_y, i, iyl)
    _position_root(tidy)
    _set_extremes(tidy)


def _set_extremes(tidy: Tidy) -> None:
    """Record the lowest leftmost/rightmost descendants and their mod sums."""
    if not tidy.kids:
        tidy.el = tidy.er = tidy
        tidy.msel = tidy.mser = 0.0
        return
    first, last = tidy.kids[0], tidy.kids[-1]
    tidy.el, tidy.msel = first.el, first.msel
    tidy.er, tidy.mser = last.er, last.mser


def _update_iyl(low_y: float, index: int, iyl: _IYL | None) -> _IYL:
    """Push sibling *index*, dropping the siblings it hides from the right."""
    while iyl is not None and low_y >= iyl.low_y:
        iyl = iyl.nxt
    return _IYL(low_y, index, iyl)


def _next_left(tidy: Tidy) -> Tidy | None:
    return tidy.kids[0] if tidy.kids else tidy.tl


def _next_right(tidy: Tidy) -> Tidy | None:
    return tidy.kids[-1] if tidy.kids else tidy.tr


def _separate(tidy: Tidy, i: int, iyl: _IYL) -> None:
    """Move child *i* so that it clears children 0..i-1 by exactly h_gap
    where they come closest, walking both contours top-down once."""
    sr: Tidy | None = tidy.kids[i - 1]  # right contour of the left forest
    cl: Tidy | None = tidy.kids[i]  # left contour of subtree i
    mssr, mscl = tidy.kids[i - 1].mod, tidy.kids[i].mod
    first = True
    while sr is not None and cl is not None:
        while _bottom(sr) > iyl.low_y and iyl.nxt is not None:
            iyl = iyl.nxt
        dist = (mssr + sr.prelim + sr.w) - (mscl + cl.prelim)
        # The roots always share a row, so the first distance is applied
        # even when negative: it pulls a subtree whose root starts out too
        # far right back against its neighbour; deeper rows only push.
        if dist > 0 or first:
            mscl += dist
            _move_subtree(tidy, i, iyl.index, dist)
        first = False
        sy, cy = _bottom(sr), _bottom(cl)
        if sy <= cy:
            sr = _next_right(sr)
            mssr += sr.mod if sr is not None else 0.0
        if sy >= cy:
            cl = _next_left(cl)
            mscl += cl.mod if cl is not None else 0.0
    if sr is None and cl is not None:
        _set_left_thread(tidy, i, cl, mscl)
    elif sr is not None and cl is None:
        _set_right_thread(tidy, i, sr, mssr)


def _move_subtree(tidy: Tidy, i: int, si: int, dist: float) -> None:
    """Shift child *i* by *dist*; spread the shift over the children
    between sibling *si* (the one pushed against) and *i*."""
    kid = tidy.kids[i]
    kid.mod += dist
    kid.msel += dist
    kid.mser += dist
    if si != i - 1:
        # Applied lazily by _add_child_spacing, which keeps this O(1).
        share = dist / (i - si)
        tidy.kids[si + 1].shift += share
        kid.shift -= share
        kid.change -= dist - share


def _set_left_thread(tidy: Tidy, i: int, cl: Tidy, mscl: float) -> None:
    """Subtree i is deeper: continue the left forest's left contour into it."""
    first = tidy.kids[0]
    li = first.el
    li.tl = cl
    # Make "mod sum at li + cl.mod" equal cl's real mod sum; li itself does
    # not move because prelim compensates (li is a leaf, so nothing else
    # depends on its mod).
    diff = (mscl - cl.mod) - first.msel
    li.mod += diff
    li.prelim -= diff
    first.el, first.msel = tidy.kids[i].el, tidy.kids[i].msel


def _set_right_thread(tidy: Tidy, i: int, sr: Tidy, mssr: float) -> None:
    """The left forest is deeper: continue subtree i's right contour into it."""
    kid = tidy.kids[i]
    ri = kid.er
    ri.tr = sr
    diff = (mssr - sr.mod) - kid.mser
    ri.mod += diff
    ri.prelim -= diff
    kid.er, kid.mser = tidy.kids[i - 1].er, tidy.kids[i - 1].mser


def _position_root(tidy: Tidy) -> None:
    """Centre the parent's box over the boxes of its first and last child.

    For a block, that is the block's head box, so a single child sits right
    below its parent and its edge is a straight line.
    """
    first, last = tidy.kids[0], tidy.kids[-1]
    left = first.prelim + first.mod + first.head_w / 2
    right = last.prelim + last.mod + last.head_w / 2
    tidy.prelim = (left + right) / 2 - tidy.head_w / 2


# --- second walk: absolute positions, top-down -----------------------------


def second_walk(tidies: list[Tidy]) -> None:
    """Turn relative positions into absolute x; *tidies* is in pre-order,
    so every parent is final before its children are visited."""
    for tidy in tidies:
        base = 0.0 if tidy.parent is None else tidy.parent.msum
        tidy.msum = base + tidy.mod
        tidy.x = tidy.prelim + tidy.msum
        _add_child_spacing(tidy)


def _add_child_spacing(tidy: Tidy) -> None:
    """Apply the pending even spreading recorded by _move_subtree."""
    shift = delta = 0.0
    for kid in tidy.kids:
        shift += kid.shift
        delta += shift + kid.change
        kid.mod += delta
