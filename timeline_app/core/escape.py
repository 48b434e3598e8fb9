"""Text from files and file names, made safe for terminals and for UTF-8 files.

File names are kept as the operating system gives them: bytes that are not UTF-8 arrive as lone
surrogates (Python's ``surrogateescape``), which no UTF-8 file can hold. A name or a text may also
hold terminal control sequences (ANSI/OSC escapes, a newline that forges another line) or bidi
overrides that reorder what is shown. What reaches a terminal or a CSV cell shows these escaped.
"""

from __future__ import annotations

import codecs
import re

#: C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line/paragraph separators,
#: and lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\x1b"}


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` on one line with every control, bidi override and undecodable byte shown escaped.

    >>> for_terminal("caf\\udce9.txt"), for_terminal("a\\x1b]0;pwned\\x07b"), for_terminal("x\\nskipped y")
    ('caf\\\\xe9.txt', 'a\\\\x1b]0;pwned\\\\x07b', 'x\\\\nskipped y')
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _escape_char(m.group()), text)


def json_for_terminal(data: object) -> str:
    """One line of JSON in which nothing a terminal would act on is left raw (JSON escapes instead).

    >>> print(json_for_terminal({"text": "a\u202eb\x9b"}))
    {"text": "a\\u202eb\\u009b"}
    """
    import json

    text = json.dumps(data, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _encode_escaped(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: what UTF-8 cannot hold is written as ``\\xNN`` / ``\\uXXXX``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(_escape_char(ch) for ch in bad), error.end


#: ``text.encode("utf-8", ESCAPED)`` writes undecodable file-name bytes as ``\xNN``.
ESCAPED = "timeline-app-escaped"
codecs.register_error(ESCAPED, _encode_escaped)


def to_utf8(text: str) -> bytes:
    """UTF-8 bytes of ``text``; undecodable file-name bytes become ``\\xNN``.

    >>> to_utf8("caf\\udce9.txt")
    b'caf\\\\xe9.txt'
    """
    return text.encode("utf-8", ESCAPED)


def json_utf8(text: str) -> bytes:
    """UTF-8 bytes of JSON text; a lone surrogate becomes its JSON escape (``\\udce9``), which reads
    back as the same string, so a file name that is not UTF-8 survives a save and a load.

    >>> import json
    >>> raw = json_utf8(json.dumps("caf\\udce9", ensure_ascii=False))
    >>> raw, json.loads(raw) == "caf\\udce9"
    (b'"caf\\\\udce9"', True)
    """
    return text.encode("utf-8", "backslashreplace")
