"""Bounds on rapidfuzz's ``token_set_ratio`` for many pairs of strings at once, in numpy.

``token_set_ratio(a, b)`` compares the sets of words of two strings: 100 when one set holds the
other, else the best of three ratios. Two of them depend only on lengths: that of the words in
common joined by spaces (``sect``) and those of each side's other words joined (``ab``, ``ba``).
The third compares ``ab`` with ``ba`` character by character; their longest common subsequence is
at most the characters they share as multisets. So from each string's distinct words and a count of
its characters, every pair gets a lower bound (the two length ratios, exact) and an upper bound
without comparing characters in order, and only pairs whose upper bound can still matter need the
real comparison: a year of a large collection holds thousands of sentences to compare, of which
about one in seven can.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TypeAlias

    import numpy as np
    import numpy.typing as npt

    Positions: TypeAlias = Sequence[int] | npt.NDArray[np.int64]
    Scores: TypeAlias = npt.NDArray[np.float64]

#: characters are counted in 40 bins: a-z, 0-9 and four bins for the rest (sharing a bin can only
#: raise the count of characters in common, so the bound stays a bound)
_BINS = 40


def _bin_table() -> npt.NDArray[np.int64]:
    import numpy as np

    table = 36 + np.arange(128, dtype=np.int64) % 4
    table[ord("a"):ord("z") + 1] = np.arange(26)
    table[ord("0"):ord("9") + 1] = 26 + np.arange(10)
    return table


def ranges(starts: npt.NDArray[np.int64], sizes: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64],
                                                                                npt.NDArray[np.int64]]:
    """The positions ``starts[i]:starts[i] + sizes[i]`` of every i, one range after another, and the
    i each position is of."""
    import numpy as np

    ends = np.cumsum(sizes)
    positions = np.repeat(starts - ends + sizes, sizes) + np.arange(int(ends[-1]) if len(ends) else 0)
    return positions, np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)


class WordSets:
    """Strings as sets of distinct words (split on white space, as ``token_set_ratio`` does): their
    number, their letters and a count of their characters, for :meth:`bounds`."""

    def __init__(self, strings: Sequence[str]) -> None:
        import numpy as np

        vocabulary: dict[str, int] = {}
        flat: list[int] = []
        counts: list[int] = []
        joined: list[str] = []
        for s in strings:
            words = sorted(set(s.split()))
            flat.extend(vocabulary.setdefault(w, len(vocabulary)) for w in words)
            counts.append(len(words))
            joined.append("".join(words))
        self.words = np.array(counts, dtype=np.int64)  # distinct words of each string
        self.offsets = np.concatenate(([0], np.cumsum(self.words))).astype(np.int64)
        self.flat = np.array(flat, dtype=np.int64)  # each string's words (ids), one after another
        self.word_length = np.array([len(w) for w in vocabulary], dtype=np.int64)
        self.letters = np.array([len(j) for j in joined], dtype=np.int64)  # the words' characters, no spaces
        codes = np.frombuffer("".join(joined).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        bins = np.where(codes < 128, _bin_table()[np.minimum(codes, 127)], 36 + codes % 4)
        owner = np.repeat(np.arange(len(strings), dtype=np.int64), self.letters)
        counted = np.bincount(owner * _BINS + bins, minlength=len(strings) * _BINS).reshape(-1, _BINS)
        self.histogram = counted.astype(np.uint16) if counted.max(initial=0) < 2 ** 16 else counted
        self._member = np.zeros(len(vocabulary), dtype=bool)

    def _flat_of(self, strings: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The words of ``strings``, one after another, and the position in ``strings`` each is of."""
        where, owner = ranges(self.offsets[strings], self.words[strings])
        return self.flat[where], owner

    def bounds(self, rows: Positions, columns: Positions) -> tuple[Scores, Scores]:
        """For every pair of a string of ``rows`` with one of ``columns`` (by their positions given
        to the constructor): a lower and an upper bound of ``token_set_ratio`` (rows x columns).
        Empty strings score 0."""
        import numpy as np

        cols = np.asarray(columns, dtype=np.int64)
        words, owner = self._flat_of(cols)
        lengths = self.word_length[words]
        n_cols, letters_cols, hist_cols = self.words[cols], self.letters[cols], self.histogram[cols]
        lower = np.zeros((len(rows), len(cols)))
        upper = np.zeros((len(rows), len(cols)))
        for r, g in enumerate(rows):
            mine = self.flat[self.offsets[g]:self.offsets[g + 1]]
            if not len(mine) or not len(cols):
                continue
            self._member[mine] = True
            shared = np.flatnonzero(self._member[words])
            self._member[mine] = False
            k = np.bincount(owner[shared], minlength=len(cols))  # words in common
            common = np.bincount(owner[shared], weights=lengths[shared], minlength=len(cols))  # their letters
            in_common = np.minimum(hist_cols, self.histogram[g]).sum(axis=1, dtype=np.int64) - common  # others alike
            n_a, n_b = self.words[g], n_cols
            sect = np.where(k > 0, common + k - 1, 0)
            ab = np.where(n_a > k, self.letters[g] - common + n_a - k - 1, 0)
            ba = np.where(n_b > k, letters_cols - common + n_b - k - 1, 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                one = np.where(sect > 0, 100 - 100 * (1 + ab) / (2 * sect + 1 + ab), 0)
                two = np.where(sect > 0, 100 - 100 * (1 + ba) / (2 * sect + 1 + ba), 0)
                total = np.where(sect > 0, 2 * sect + 2 + ab + ba, ab + ba)
                alike = np.minimum(np.minimum(ab, ba), in_common + np.maximum(np.minimum(n_a - k, n_b - k) - 1, 0))
                third = np.where(total > 0, 100 - 100 * (ab + ba - 2 * alike) / total, 100)
            contained = (k > 0) & ((k == n_a) | (k == n_b))
            lower[r] = np.where(contained, 100, np.maximum(one, two))
            upper[r] = np.where(contained, 100, np.maximum(lower[r], third))
            upper[r][n_cols == 0] = lower[r][n_cols == 0] = 0
        return lower, upper
