"""Lower case that keeps every character where it was, so offsets found in it hold in the original."""

from __future__ import annotations


def lower_keeping_offsets(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer (Turkish "İ" becomes two
    characters) stay as they are: positions in the result are positions in ``text``.

    >>> t = "İzmir, March 18"
    >>> low = lower_keeping_offsets(t)
    >>> len(low) == len(t), low.find("march") == t.find("March")
    (True, True)
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)
