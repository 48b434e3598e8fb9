"""Word documents (``.docx``, python-docx, MIT): paragraphs and tables in document order, and the
core properties (title, author, created: a publication-date hint weaker than a dated line).

A ``.docx`` is a zip of XML parts; one that is not a zip, misses its parts or would unpack to far
more than it weighs (a zip bomb) is refused with the reason.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

from timeline_app.core.budget import check
from timeline_app.core.readers import STATED_PROPERTIES, ArticleError, Extracted, Reader, register

#: A document unpacking to more than this many times its size is refused (text compresses about 10x).
MAX_EXPANSION = 200
#: ... or to more than this many bytes, whatever its size.
MAX_UNPACKED = 500_000_000


def read_docx(data: bytes) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
            names = set(z.namelist())
    except zipfile.BadZipFile:
        raise ArticleError("not a Word document (not a .docx zip package)") from None
    if "word/document.xml" not in names:
        raise ArticleError("not a Word document (no word/document.xml)")
    if unpacked > min(MAX_UNPACKED, MAX_EXPANSION * max(len(data), 1)):
        raise ArticleError(f"refused: it would unpack to {unpacked:,} bytes")
    import docx  # python-docx; only Word files need it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise ArticleError(f"damaged Word document ({type(e).__name__})") from None
    except Exception as e:  # noqa: BLE001 - lxml and friends raise their own kinds on broken XML
        raise ArticleError(f"damaged Word document ({type(e).__name__}: {e})") from None
    blocks: list[str] = []
    for block in document.iter_inner_content():
        check()
        if isinstance(block, Paragraph):
            if block.text.strip():
                blocks.append(block.text.strip())
        else:  # a table: one line a row, its cells apart
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                if any(cells):
                    blocks.append(" | ".join(dict.fromkeys(c for c in cells if c)))
    props = document.core_properties
    created = props.created
    stated = created.date() if isinstance(created, datetime) else created if isinstance(created, date) else None
    return Extracted("\n\n".join(blocks), (props.title or "").strip(), hint=stated, hint_from=STATED_PROPERTIES,
                     author=(props.author or "").strip())


def _sniff(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") and b"word/" in head


register(Reader("docx", (".docx",), read_docx, _sniff, label="Word documents"))
