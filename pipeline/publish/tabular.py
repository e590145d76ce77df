"""Line formats for scripts and spreadsheets: TSV and JSON Lines, one link per record.

TSV is written with the ``csv`` module's ``excel-tab`` dialect (with ``\\n`` line ends): a field holding a tab, a newline or a quote
is quoted and its quotes doubled, which is what LibreOffice, Excel, Google Sheets and pandas read back.
With ``bom`` the file starts with a UTF-8 byte order mark, without which Excel takes UTF-8 for a local code
page. ``read_tsv`` reads such a file back (with or without the mark) for ``apply-review``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection

from pipeline.bitext.document import Document
from pipeline.errors import ReviewError
from pipeline.publish.pairs import iter_pairs

TSV_COLUMNS = ("source", "target", "score", "status", "flags", "source_ids", "target_ids")


class TsvDialect(csv.excel_tab):
    """Excel's tab dialect (quoting, doubled quotes) with Unix line ends, which cut, awk and pandas expect."""

    lineterminator = "\n"


TSV_DIALECT = TsvDialect
BOM = "\ufeff"


def render_tsv(doc: Document, statuses: Collection[str] | None = None, *, bom: bool = False) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, dialect=TSV_DIALECT)
    writer.writerow(TSV_COLUMNS)
    for p in iter_pairs(doc, statuses):
        score = "" if p.link.score is None else f"{p.link.score:.4g}"
        writer.writerow((p.source, p.target, score, p.link.status, ",".join(p.flags), " ".join(p.link.src),
                         " ".join(p.link.tgt)))
    return (BOM if bom else "") + buf.getvalue()


def read_tsv(text: str, origin: str = "TSV file") -> list[dict[str, str]]:
    """Rows of a TSV export as dicts by column name; a missing column or a torn row is a ReviewError."""
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), dialect=TSV_DIALECT)
    try:
        rows = list(reader)
    except csv.Error as err:
        raise ReviewError(f"{origin}: not a readable TSV file ({err})") from None
    if not rows:
        raise ReviewError(f"{origin}: is empty")
    header = [h.strip() for h in rows[0]]
    missing = [c for c in ("target", "status", "source_ids", "target_ids") if c not in header]
    if missing:
        raise ReviewError(f"{origin}: the header has no {missing[0]!r} column (expected {', '.join(TSV_COLUMNS)})")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ReviewError(f"{origin}: record {n} has {len(row)} fields, the header {len(header)} "
                              "(a tab or line break inside an unquoted field?)")
        out.append(dict(zip(header, row, strict=True)))
    return out


def render_jsonl(doc: Document, statuses: Collection[str] | None = None) -> str:
    lines = []
    for p in iter_pairs(doc, statuses):
        record = {
            "id": p.id,
            "block": p.block.id,
            "source": p.source,
            "target": p.target,
            "score": p.link.score,
            "status": p.link.status,
            "flags": p.flags,
            "source_ids": p.link.src,
            "target_ids": p.link.tgt,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
